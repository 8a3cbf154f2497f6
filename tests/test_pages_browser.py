"""The pages around the questions in real Chromium: formulas and diagrams in both colour schemes, and the
navigation drawer's toggles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest
from browser import launch, serve
from playwright.sync_api import Browser, Playwright, expect

Scheme = Literal["light", "dark"]
DIAGRAMS = ["training-lifecycle", "rlhf-loop", "ppo-grpo-dpo", "deepseek-r1-pipeline"]


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as port:
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def browser(chromium: Browser) -> Browser:
    return chromium


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_formulas_take_the_text_colour_of_the_scheme(browser: Browser, site_url: str, scheme: Scheme) -> None:
    page = browser.new_page(color_scheme=scheme)
    page.goto(site_url + "diagrams/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    colours = page.evaluate(
        """() => [...document.querySelectorAll('article math')].map(m => [
            getComputedStyle(m).color, getComputedStyle(m.closest('article')).color,
            m.getBoundingClientRect().height])"""
    )
    page.close()
    assert colours, "no formulas on the diagrams page"
    for math, text, height in colours:
        assert math == text
        assert height > 10  # laid out as MathML, not left as raw text in an unknown element


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_load_with_their_text_alternatives(browser: Browser, site_url: str, scheme: Scheme) -> None:
    page = browser.new_page(color_scheme=scheme)
    page.goto(site_url + "diagrams/")
    page.wait_for_load_state("load")
    figures = page.evaluate(
        """() => [...document.querySelectorAll('figure.qb-diagram')].map(f => {
            const img = [...f.querySelectorAll('img')].find(i => i.checkVisibility());  // the scheme's twin
            return [img.getAttribute('src'), img.naturalWidth, img.getBoundingClientRect().width,
                    img.alt, f.querySelector('figcaption').textContent.trim().length];
        })"""
    )
    page.close()
    fragment = "#only-dark" if scheme == "dark" else "#only-light"
    assert [src.rsplit("/", 1)[-1] for src, *_ in figures] == [f"{name}.svg{fragment}" for name in DIAGRAMS]
    for src, natural_width, shown_width, alt, caption in figures:
        assert natural_width > 0, f"{src} did not load"
        assert shown_width > 500, f"{src} is shown too small to read"
        assert alt and caption > 300, f"{src} lacks a text alternative"


def test_the_drawer_toggles_work_and_are_not_restored_on_return(playwright_driver: Playwright, site_url: str) -> None:
    """The toggles hooks/bank/theme.py touches: the drawer, the page's contents in it, a section, search."""
    browser = launch(playwright_driver, "--disable-features=BackForwardCache")  # a return reloads the page
    try:
        page = browser.new_page(viewport={"width": 400, "height": 800})
        page.goto(site_url + "topics/sft/")
        toc_title = page.locator(".md-nav--primary label.md-nav__title[for=__toc]")
        page.click("label.md-header__button[for=__drawer]")
        expect(page.locator("#__drawer")).to_be_checked()
        page.click("label.md-nav__link[for=__toc]")
        expect(page.locator("#__toc")).to_be_checked()
        expect(toc_title).to_be_visible()
        toc_title.click()  # back from the contents to the section
        expect(page.locator("#__toc")).not_to_be_checked()
        page.click("label.md-nav__title[for=__nav_2]")  # back from the section to the top level
        expect(page.locator("#__nav_2")).not_to_be_checked()
        page.click("#__nav_2_label")
        expect(page.locator("#__nav_2")).to_be_checked()
        page.click("label.md-nav__title[for=__nav_2]")
        page.goto(site_url + "404.html")
        page.go_back()
        # The browser restored the section toggle as it was left; the open drawer is not restored.
        expect(page.locator("#__nav_2")).not_to_be_checked()
        expect(page.locator("#__drawer")).not_to_be_checked()
        page.click("label.md-header__button[for=__search]")
        expect(page.locator("#__search")).to_be_checked()
        expect(page.locator("input.md-search__input")).to_be_focused()
        page.keyboard.press("Escape")
        expect(page.locator("#__search")).not_to_be_checked()
    finally:
        browser.close()


def test_a_glossary_term_reached_by_keyboard_shows_its_definition(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "topics/sft/")
    # Handles, not locators: the script moves a question's text when it enhances the question.
    question = page.locator("section.qb-question", has=page.locator("> p abbr[tabindex='0']")).first.element_handle()
    term = question.query_selector(":scope > p abbr[tabindex='0']")
    assert term is not None
    definition = term.get_attribute("title") or ""
    # Focus the question's one stop for its links, just before its text, then Tab: the term is next.
    links = question.query_selector(".qb-links > summary")
    assert links is not None
    links.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("t => document.activeElement === t", term)
    shown = term.evaluate("t => getComputedStyle(t, '::after').content")
    assert definition.split(":")[0] in shown
    assert term.evaluate("t => getComputedStyle(t, '::after').position") == "absolute"
    # Material's own tooltip is off for the marks: it cost each page one component per mark at load.
    expect(page.locator(".md-tooltip2--active")).to_have_count(0)
    page.close()


def test_a_numeric_question_of_the_bank_checks_the_number_typed(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "topics/rl-algorithms/")
    question = page.locator("section.qb-question[data-kind='numeric']").first
    question.scroll_into_view_if_needed()  # the script enhances a question once it is near the window
    answer = question.locator(".qb-answer")
    value, tolerance = (
        float(answer.get_attribute("data-value") or ""),
        float(answer.get_attribute("data-tolerance") or ""),
    )
    field = question.locator(".qb-numeric input")
    field.fill(repr(value + tolerance + abs(value) + 1))  # well outside the tolerance
    field.press("Enter")
    expect(question.get_by_role("status")).to_contain_text("Incorrect")
    question.get_by_role("button", name="Try again").click()
    field.fill(repr(value))
    field.press("Enter")
    expect(question.get_by_role("status")).to_have_text(re.compile(r"^Correct\."))
    expect(answer).to_be_visible()
    page.close()
