"""axe-core finds no violation on any kind of page, in the light and the dark scheme, answers closed and open."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .conftest import NewPage

AXE = Axe()


def audit(page: Page) -> None:
    """Run axe once the page is still: a header fading in mid-transition would read as low contrast."""
    page.evaluate("Promise.allSettled(document.getAnimations().map(a => a.finished))")
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def open_reveals(page: Page) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


def checked_and_rated(page: Page) -> None:
    """Every state a question can show: marked right and wrong, rated, answer open."""
    single = page.locator("section[data-qid=alpha-single]")
    single.get_by_label("Tokenisation").check()
    single.get_by_role("button", name="Check").click()
    multi = page.locator("section[data-qid=alpha-multi]")
    multi.get_by_label("PPO").check()
    reveal = page.locator("section[data-qid=alpha-reveal]")
    reveal.locator(".qb-reveal summary").click()
    reveal.get_by_role("button", name="Got it").click()
    open_reveals(page)


def review_in_place(page: Page) -> None:
    page.goto("topics/alpha/")
    checked_and_rated(page)
    page.goto("review/")
    q = page.locator(".qb-stage section.qb-question")
    q.get_by_label("Byte-pair merging").check()
    q.get_by_role("button", name="Check").click()  # a session in progress, feedback and reasons shown
    expect(q.locator(".qb-reason").first).to_be_visible()
    open_reveals(page)


def review_done(page: Page) -> None:
    review_in_place(page)
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_role("heading", name="Review done for now")).to_be_visible()


def practice_set(page: Page) -> None:
    page.get_by_role("button", name="Start the set").click()
    q = page.locator(".qb-stage section.qb-question")
    expect(q).to_have_count(1)
    page.keyboard.press("n")
    expect(q.locator("h2")).to_contain_text("Question 2 of 5")
    open_reveals(page)


def practice_score(page: Page) -> None:
    page.get_by_role("button", name="Start the set").click()
    for _ in range(5):
        page.locator(".qb-next").click()
    expect(page.locator(".qb-score")).to_be_visible()
    open_reveals(page)


def nothing(page: Page) -> None:
    pass


STATES: dict[str, tuple[str, Callable[[Page], None]]] = {
    "home": ("", nothing),
    "contributing": ("contributing/", nothing),
    "not found": ("404.html", nothing),
    "overview": ("topics/", nothing),
    "topic, answers closed": ("topics/alpha/", nothing),
    "topic, answers open": ("topics/alpha/", checked_and_rated),
    "review, a session in progress": ("topics/alpha/", review_in_place),
    "review, session done": ("topics/alpha/", review_done),
    "practice form": ("practice/", nothing),
    "practice set in progress": ("practice/", practice_set),
    "practice score": ("practice/", practice_score),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", STATES)
def test_no_accessibility_violations(new_page: NewPage, state: str, scheme: str) -> None:
    path, prepare = STATES[state]
    page = new_page(color_scheme=scheme)
    page.goto(path)
    prepare(page)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    audit(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_without_our_script(new_page: NewPage, scheme: str) -> None:
    """The pages as a reader without JavaScript gets them (axe is a script itself, so only ours is left out)."""
    page = new_page(color_scheme=scheme)
    page.route("**/assets/selfcheck/selfcheck.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
    for path in ("topics/alpha/", "review/", "practice/"):
        page.goto(path)
        expect(page.locator(".qb-fieldset, .qb-progress").locator("visible=true")).to_have_count(0)
        open_reveals(page)
        audit(page)
