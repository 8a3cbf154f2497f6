"""A worksheet on paper, in real Chromium: no site navigation, lettered choices, the answer key on its own page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import serve
from conftest import MakeBank, build_site
from playwright.sync_api import Browser, expect
from project_copy import copy_project
from sample_bank import FILES


@pytest.fixture
def worksheet_url(make_bank: MakeBank) -> Iterator[str]:
    """The sample bank's worksheet, in the real site's theme and styles, served over HTTP."""
    root = copy_project(make_bank(FILES), without=["questions"])
    site = build_site(root / "mkdocs.yml", root / "site")
    with serve(site) as port:
        yield f"http://127.0.0.1:{port}/worksheets/basics/"


def test_print_layout(worksheet_url: str, chromium: Browser) -> None:
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(worksheet_url)
        nav = page.locator(".md-sidebar--primary")
        expect(nav).to_be_visible()  # on screen, the navigation is there

        page.emulate_media(media="print")
        for chrome in (".md-sidebar--primary", ".md-header", ".md-footer", ".qb-ws-screen-only"):
            expect(page.locator(chrome).first).to_be_hidden()
        key = page.locator("section.qb-ws-key")
        expect(key).to_be_visible()
        expect(key).to_contain_text("Reward model loss: B")
        expect(key).to_contain_text("About rlhf: A, C")
        expect(key).to_contain_text("Training after pre-training.")
        expect(key).to_contain_text('A DPO loss value: 0.474 (± 0.00237) nats & "bits"')  # a numeric question's value
        assert key.evaluate("e => getComputedStyle(e).breakBefore") == "page"
        choices = page.locator("ol.qb-ws-choices").first
        assert choices.evaluate("e => getComputedStyle(e).listStyleType") == "upper-alpha"
        expect(choices.locator("li")).to_have_count(3)
        questions = page.locator("section.qb-ws-question")
        expect(questions).to_have_count(4)
        expect(questions.last).to_contain_text("Answer with a number of nats")
        expect(questions.last).not_to_contain_text("0.474")
        expect(questions.first).not_to_contain_text("Training after pre-training.")

        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 5000
    finally:
        page.close()


def test_print_is_dark_on_white_in_the_dark_scheme(worksheet_url: str, chromium: Browser) -> None:
    """A reader in the dark scheme still prints dark ink on white (Material keeps its slate scheme to screens)."""
    page = chromium.new_page(color_scheme="dark")
    try:
        page.goto(worksheet_url)
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        text = page.locator("section.qb-ws-question p").first
        screen = text.evaluate("e => getComputedStyle(e).color")
        page.emulate_media(media="print", color_scheme="dark")
        printed = text.evaluate("e => getComputedStyle(e).color")
        background = page.locator("body").evaluate("e => getComputedStyle(e).backgroundColor")
        assert brightness(screen) > 0.6  # light text on the dark screen...
        assert brightness(printed) < 0.2  # ...dark ink on paper
        assert brightness(background) > 0.9
    finally:
        page.close()


def brightness(css_color: str) -> float:
    """0 for black, 1 for white, from 'rgb(r, g, b)' or 'rgba(r, g, b, a)' (alpha over white for ink)."""
    parts = [float(p) for p in css_color[css_color.index("(") + 1 : -1].split(",")]
    alpha = parts[3] if len(parts) == 4 else 1.0
    return sum(alpha * c / 255 + (1 - alpha) for c in parts[:3]) / 3
