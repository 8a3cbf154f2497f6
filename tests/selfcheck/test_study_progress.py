"""Progress the reader owns: a file to export and import, marks in the table of contents, the last answer
after a reload; and the keyboard: few Tab stops to the first choice, number keys, Enter and N."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import KEY, NewPage, answer


def stored(page: Page) -> dict[str, dict[str, object]]:
    records: dict[str, dict[str, object]] = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}").get(
        "q", {}
    )
    return records


def test_export_then_import_on_another_browser_merges_and_the_newest_wins(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    answer(page, "alpha-single", "Tokenisation")
    answer(page, "alpha-multi", "PPO")
    page.goto("review/")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export progress").click()
    assert info.value.suggested_filename == "self-check-progress.json"
    exported = json.loads(Path(info.value.path()).read_text())
    assert exported["v"] == 1 and set(exported["q"]) == {"alpha-single", "alpha-multi"}
    expect(page.locator(".qb-own").get_by_role("status")).to_have_text("Saved 2 answers.")

    other = new_page()
    other.goto("review/")
    newer = {"s": "correct", "t": int(time.time() * 1000) + 60_000, "b": 2}
    other.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps({"v": 1, "q": {"alpha-single": newer}})])
    other.reload()
    other.get_by_label("Import progress from a file").set_input_files(
        {"name": "self-check-progress.json", "mimeType": "application/json", "buffer": json.dumps(exported).encode()}
    )
    expect(other.locator(".qb-own").get_by_role("status")).to_have_text(
        "Imported 2 answers: 1 newer than the ones in this browser."
    )
    records = stored(other)
    assert records["alpha-single"] == newer  # the newer answer here stays
    assert records["alpha-multi"] == exported["q"]["alpha-multi"]
    expect(other.locator(".qb-summary")).to_contain_text("1 question due now.")  # the imported miss


BAD_FILES = {
    "not JSON": b"{oops",
    "another version": b'{"v": 2, "q": {"alpha-single": {"s": "correct", "t": 1, "b": 2}}}',
    "one bad record": b'{"v": 1, "q": {"alpha-single": {"s": "correct", "t": 1, "b": 2}, "alpha-multi": {"s": "??", "t": 1, "b": 1}}}',
    "empty": b'{"v": 1, "q": {}}',
    "a list": b"[1, 2]",
}


@pytest.mark.parametrize("what", BAD_FILES)
def test_a_bad_file_is_refused_and_changes_nothing(new_page: NewPage, what: str) -> None:
    page = new_page()
    page.goto("topics/beta/")
    answer(page, "beta-single", "Pre-training")
    before = stored(page)
    page.goto("review/")
    page.get_by_label("Import progress from a file").set_input_files(
        {"name": "progress.json", "mimeType": "application/json", "buffer": BAD_FILES[what]}
    )
    expect(page.locator(".qb-own").get_by_role("status")).to_have_text(
        "That file is not a progress file exported from this site, so nothing was changed."
    )
    assert stored(page) == before


def test_the_table_of_contents_marks_each_question_and_a_reload_shows_the_last_answer(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    toc = page.locator(".md-sidebar--secondary")

    expect(toc.locator(".qb-mark")).to_have_count(0)  # nothing answered: the table of contents is left as it is
    answer(page, "alpha-single", "Direct preference optimisation")
    answer(page, "alpha-multi", "PPO")
    expect(toc.locator("a[href$='#alpha-single'] .qb-mark")).to_have_text("right")
    expect(toc.locator("a[href$='#alpha-multi'] .qb-mark")).to_have_text("missed")
    expect(toc.get_by_role("link", name="Which of these methods use a reward signal? missed")).to_be_visible()
    page.evaluate(
        "k => { const s = JSON.parse(localStorage.getItem(k)); s.q['alpha-single'].d = s.q['alpha-single'].t = 1; "
        "localStorage.setItem(k, JSON.stringify(s)) }",
        KEY,
    )
    page.reload()
    expect(toc.locator("a[href$='#alpha-single'] .qb-mark")).to_have_text("due")  # box 2, a day gone long ago
    expect(toc.locator("a[href$='#alpha-multi'] .qb-mark")).to_have_text("missed")
    expect(toc.locator("a[href$='#alpha-reveal'] .qb-mark")).to_have_count(0)
    expect(page.locator("section[data-qid=alpha-multi] .qb-last")).to_contain_text("Incorrect. Your answer: PPO")
    expect(page.locator("section[data-qid=alpha-single] .qb-last")).to_contain_text(
        "Correct. Your answer: Direct preference optimisation"
    )
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress on this page").click()
    expect(toc.locator("a[href$='#alpha-multi']")).to_have_text("Which of these methods use a reward signal?")
    expect(toc.locator(".qb-mark:not(:empty)")).to_have_count(0)


def test_the_first_choice_is_a_few_tab_presses_away(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/beta/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    first = page.locator("section[data-qid=beta-single] input").first
    presses = 0
    while not first.evaluate("e => e === document.activeElement"):
        assert presses < 5, "the first choice is more than 5 Tab presses past the skip link"
        page.keyboard.press("Tab")
        presses += 1
    # The question's links are one stop: its summary; the heading's own ¶ link is left out of the order.
    page.keyboard.press("Shift+Tab")
    expect(page.locator("section[data-qid=beta-single] .qb-links summary")).to_be_focused()
    expect(page.locator("section[data-qid=beta-single] .qb-permalink")).to_be_hidden()
    page.keyboard.press("Enter")
    expect(page.locator("section[data-qid=beta-single] .qb-permalink")).to_be_visible()


def test_number_keys_pick_enter_checks_and_n_goes_on_never_while_typing(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    expect(page.locator(".qb-keys")).to_contain_text("1 to 9 pick a choice, Enter checks, N goes to the next question")
    expect(page.locator(".qb-keys")).to_be_visible()
    without = new_page(java_script_enabled=False)
    without.goto("topics/alpha/")
    expect(without.locator(".qb-keys, .qb-progress").locator("visible=true")).to_have_count(0)  # they would not work
    multi = page.locator("section[data-qid=alpha-multi]")
    multi.get_by_label("PPO").focus()
    page.keyboard.press("3")
    page.keyboard.press("1")
    page.keyboard.press("1")
    page.keyboard.press("3")  # toggles: on, on, off, off
    page.keyboard.press("1")
    page.keyboard.press("3")
    expect(multi.locator("input:checked")).to_have_count(2)
    expect(multi.get_by_label("GRPO")).to_be_focused()
    page.keyboard.press("Enter")
    expect(multi.get_by_role("status")).to_contain_text("Correct: 2 of 2 correct, 0 wrong picks. You chose A, C.")
    expect(multi.get_by_role("status")).to_be_focused()

    page.goto("practice/")
    page.get_by_role("button", name="Start the set").click()
    q = page.locator(".qb-stage section.qb-question")
    expect(q.locator("h2")).to_contain_text("Question 1 of 5")
    search = page.get_by_role("textbox", name="Search")
    page.keyboard.press("s")  # Material's key for search
    expect(search).to_be_focused()
    page.keyboard.type("n1")  # typing in a field: no shortcut
    expect(search).to_have_value("n1")
    page.keyboard.press("Escape")
    expect(q.locator("h2")).to_contain_text("Question 1 of 5")
    page.locator(".qb-stage h2").focus()
    page.keyboard.press("n")
    expect(q.locator("h2")).to_contain_text("Question 2 of 5")
    expect(page).to_have_url(re.compile(r"practice/\?set="))  # not Material's next page
    expect(q).to_have_attribute("data-qid", "alpha-multi")  # Math.random is pinned: the set is in bank order
    page.keyboard.press("1")  # the shown question takes the keys, wherever the focus is on the page
    expect(q.get_by_label("PPO")).to_be_checked()
    expect(q.get_by_label("PPO")).to_be_focused()
    page.keyboard.press("Enter")
    expect(q.get_by_role("status")).to_contain_text("Incorrect: 1 of 2 correct, 0 wrong picks.")
