"""Progress in localStorage: kept across reloads and instant navigation, reset on request, and never a crash
when storage is missing or holds garbage."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Dialog, Page, expect

from .conftest import KEY, NewPage, answer


def stored(page: Page) -> dict[str, dict[str, object]]:
    value = page.evaluate(f"localStorage.getItem('{KEY}')")
    assert isinstance(value, str)
    data = json.loads(value)
    assert data["v"] == 1
    questions: dict[str, dict[str, object]] = data["q"]
    return questions


def progress(page: Page) -> str:
    return page.locator(".qb-progress__text").inner_text()


def test_progress_is_counted_on_the_topic_page_and_survives_a_reload(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    expect(page.locator(".qb-progress__text")).to_have_text("Your progress: 0 of 3 answered, 0 right.")
    answer(page, "alpha-single", "Tokenisation")
    answer(page, "alpha-multi", "PPO")
    page.locator("section[data-qid=alpha-multi]").get_by_role("button", name="Try again").click()
    answer(page, "alpha-multi", "GRPO")  # the later attempt is the one shown
    expect(page.locator(".qb-progress__text")).to_have_text("Your progress: 2 of 3 answered, 0 right.")
    page.locator("section[data-qid=alpha-single]").get_by_role("button", name="Try again").click()
    answer(page, "alpha-single", "Direct preference optimisation")
    expect(page.locator(".qb-progress__text")).to_have_text("Your progress: 2 of 3 answered, 1 right.")
    assert page.locator(".qb-progress progress").evaluate("e => e.value") == 2

    records = stored(page)
    assert set(records) == {"alpha-single", "alpha-multi"}
    # Right on Try again, after a miss the same day: shown as the last answer, but still in box 1.
    assert records["alpha-single"]["s"] == "correct" and records["alpha-single"]["b"] == 1
    assert records["alpha-multi"]["s"] == "incorrect" and records["alpha-multi"]["b"] == 1
    assert isinstance(records["alpha-multi"]["t"], int)

    page.reload()
    expect(page.locator(".qb-progress__text")).to_have_text("Your progress: 2 of 3 answered, 1 right.")
    expect(page.locator("section[data-qid=alpha-multi] .qb-last")).to_contain_text("): Incorrect. Your answer: GRPO")
    expect(page.locator("section[data-qid=alpha-single] .qb-last")).to_contain_text(
        "): Correct. Your answer: Direct preference optimisation"
    )
    expect(page.locator("section[data-qid=alpha-reveal] .qb-last")).to_have_text("")


def test_progress_follows_instant_navigation_in_both_directions(new_page: NewPage) -> None:
    page = new_page()
    page.goto("contributing/")  # a page that loads none of the self-check's files
    expect(page.locator('script[src*="assets/selfcheck/"]')).to_have_count(0)
    page.locator(".md-nav").get_by_role("link", name="Home", exact=True).first.click()
    page.evaluate("window.stillHere = true")  # lost on a full page load, kept by instant navigation
    page.locator("article").get_by_role("link", name="Alpha topic", exact=True).click()
    expect(page).to_have_url("topics/alpha/")
    expect(page.locator("section[data-qid=alpha-single] fieldset")).to_be_visible()
    answer(page, "alpha-single", "Direct preference optimisation")

    page.locator(".md-nav").get_by_role("link", name="Topics", exact=True).first.click()
    expect(page).to_have_url("topics/")
    expect(page.locator("tbody tr").first).to_contain_text("1 of 3")
    expect(page.locator(".qb-progress__text")).to_have_text("Your progress: 1 of 5 answered, 1 right.")
    page.locator("article").get_by_role("link", name="Beta topic", exact=True).click()
    expect(page).to_have_url("topics/beta/")
    answer(page, "beta-single", "Post-training")
    expect(page.locator(".qb-progress__text")).to_have_text("Your progress: 1 of 2 answered, 0 right.")
    page.go_back()
    expect(page).to_have_url("topics/")
    expect(page.locator("tbody tr").nth(1)).to_contain_text("1 of 2")
    assert page.evaluate("window.stillHere") is True, "the page was loaded in full, not by instant navigation"


def test_reset_clears_progress_only_after_confirmation(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    answer(page, "alpha-single", "Tokenisation")
    questions: list[str] = []

    def reply(accept: bool) -> None:
        def handle(dialog: Dialog) -> None:
            questions.append(dialog.message)
            dialog.accept() if accept else dialog.dismiss()

        page.once("dialog", handle)

    reply(False)
    page.get_by_role("button", name="Reset progress on this page").click()
    expect(page.locator(".qb-progress__text")).to_have_text("Your progress: 1 of 3 answered, 0 right.")
    reply(True)
    page.get_by_role("button", name="Reset progress on this page").click()
    expect(page.locator(".qb-progress__text")).to_have_text("Your progress: 0 of 3 answered, 0 right.")
    expect(page.locator(".qb-progress").get_by_role("status")).to_have_text("Progress cleared.")
    assert questions == ["Clear your answers to 3 questions on this page? This cannot be undone."] * 2
    assert stored(page) == {}

    page.goto("topics/beta/")
    answer(page, "beta-single", "Pre-training")
    page.goto("topics/")
    expect(page.locator(".qb-progress__text")).to_contain_text("1 of 5 answered")
    reply(True)
    page.get_by_role("button", name="Reset progress on all topics").click()
    expect(page.locator(".qb-progress__text")).to_contain_text("0 of 5 answered")
    expect(page.locator("tbody tr").nth(1)).to_contain_text("0 of 2")


SEEN = '{"v": 1, "q": {"beta-reveal": {"s": "got", "t": 1, "b": 2}}}'
NO_STORAGE = {
    # As when the browser blocks site data; an Error, unlike a DOMException, records who called.
    "blocked": ("Object.defineProperty(window, 'localStorage', {get() { throw new Error('storage blocked') }})", 1),
    # Full: what is stored can still be read, nothing new can be written.
    "full": (
        f"localStorage.setItem('{KEY}', '{SEEN}');"
        "Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError') }",
        2,
    ),
}


@pytest.mark.parametrize("how", NO_STORAGE)
def test_without_storage_the_page_works_from_memory(new_page: NewPage, page_errors: list[str], how: str) -> None:
    script, answered = NO_STORAGE[how]
    page = new_page()
    page.add_init_script(script)
    page.goto("topics/alpha/")
    answer(page, "alpha-single", "Direct preference optimisation")
    expect(page.locator("section[data-qid=alpha-single]").get_by_role("status")).to_contain_text("Correct.")
    expect(page.locator(".qb-progress__text")).to_have_text("Your progress: 1 of 3 answered, 1 right.")
    page.get_by_role("link", name="Topics", exact=True).first.click()  # instant navigation keeps the memory
    expect(page.locator(".qb-progress__text")).to_have_text(
        f"Your progress: {answered} of 5 answered, {answered} right."
    )
    # Material's own `__md_get` reads localStorage without a guard; ours must never throw.
    assert not [e for e in page_errors if "assets/selfcheck/" in e]
    page_errors[:] = [e for e in page_errors if "at __md_get " not in e]


GARBAGE = {
    "not JSON": ("{oops", 0),
    "an array": ("[1, 2, 3]", 0),
    "a string": ('"hello"', 0),
    "another version": ('{"v": 2, "q": {"alpha-single": {"s": "correct", "t": 1, "b": 2}}}', 0),
    "bad records": (
        '{"v": 1, "q": {"alpha-single": {"s": "correct", "t": 1, "b": 2}, "alpha-multi": {"s": "??", "t": 1, "b": 1},'
        ' "alpha-reveal": {"s": "got", "t": "yesterday", "b": 2}, "beta-single": {"s": "got", "t": 1, "b": "2"},'
        ' "toString": {"s": "constructor", "t": 1, "b": 1}, "beta-reveal": null}}',
        1,
    ),
}


@pytest.mark.parametrize("what", GARBAGE)
def test_garbage_in_storage_is_ignored_and_replaced(new_page: NewPage, what: str) -> None:
    value, kept = GARBAGE[what]
    page = new_page()
    page.goto("topics/alpha/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, value])
    page.reload()
    expect(page.locator(".qb-progress__text")).to_have_text(f"Your progress: {kept} of 3 answered, {kept} right.")
    page.goto("review/")
    expect(page.locator(".qb-study")).not_to_contain_text("needs JavaScript")
    page.goto("topics/alpha/")
    answer(page, "alpha-multi", "PPO")
    expect(page.locator(".qb-progress__text")).to_have_text(f"Your progress: {kept + 1} of 3 answered, {kept} right.")
    assert set(stored(page)) == {"alpha-multi"} | ({"alpha-single"} if kept else set())
