"""The site Zensical builds from the rendered folder, in real Chromium: a topic page's self-check works."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import serve
from playwright.sync_api import Browser, expect


@pytest.fixture(scope="module")
def site_url(zensical_site: Path) -> Iterator[str]:
    with serve(zensical_site) as port:
        yield f"http://127.0.0.1:{port}/"


def test_a_topic_page_checks_an_answer_and_opens_its_reveal(chromium: Browser, site_url: str) -> None:
    context = chromium.new_context(base_url=site_url)
    page = context.new_page()
    page.add_init_script("Math.random = () => 0.9999")  # no shuffle: choices keep the letters data-correct names
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: None if request.url.startswith(site_url) else outside.append(request.url))
    page.goto("topics/sft/")
    q = page.locator("section.qb-question[data-kind=single]").first
    expect(q.locator("details.qb-reveal")).not_to_have_attribute("open", "")
    correct = q.locator(".qb-answer").get_attribute("data-correct")
    assert correct and len(correct) == 1
    wrong = next(letter for letter in "ABCD" if letter != correct)
    q.locator(f".qb-option:has-text('{wrong}.') input").check()
    q.get_by_role("button", name="Check").click()
    expect(q.get_by_role("status")).to_contain_text(f"Incorrect. You chose {wrong}; the correct choice is {correct}.")
    expect(q.locator("details.qb-reveal")).to_have_attribute("open", "")
    expect(q.locator(".qb-explanation")).to_be_visible()
    context.close()
    assert errors == [] and outside == []
