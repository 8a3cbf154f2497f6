"""The review page (what is due, by Leitner box) and practice sets (random questions, a score, the misses)."""

from __future__ import annotations

import json
import time

from playwright.sync_api import Page, expect

from .conftest import NewPage

KEY = "qb-selfcheck:v1"
DAY_MS = 86_400_000


def answer(page: Page, qid: str, label: str) -> None:
    q = page.locator(f"section.qb-question[data-qid={qid}]")
    q.get_by_label(label).check()
    q.get_by_role("button", name="Check").click()


def store(page: Page, records: dict[str, dict[str, object]]) -> None:
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps({"v": 1, "q": records})])


def test_review_without_any_answers_says_what_to_do(new_page: NewPage) -> None:
    page = new_page()
    page.goto("review/")
    expect(page.locator(".qb-study")).to_have_text(
        "You have not answered any questions yet. Answer some on the topic pages: the ones you miss come back here."
    )


def test_review_without_javascript_explains_itself(new_page: NewPage) -> None:
    page = new_page(java_script_enabled=False)
    page.goto("review/")
    expect(page.locator(".qb-study")).to_contain_text("needs JavaScript")
    expect(page.locator(".qb-study").get_by_role("link", name="topics")).to_have_attribute("href", "../topics/")


def test_a_missed_question_is_due_at_once_and_can_be_answered_in_place(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    answer(page, "alpha-single", "Tokenisation")  # a miss: box 1, due now
    page.goto("topics/beta/")
    answer(page, "beta-single", "Pre-training")  # a success: box 2, due in a day

    page.goto("review/")
    summary = page.locator(".qb-study > p").first
    expect(summary).to_contain_text("1 question due for review now. 1 more scheduled, the next on ")
    expect(summary).to_contain_text("3 not tried yet.")
    items = page.locator(".qb-due > li")
    expect(items).to_have_count(1)
    link = items.get_by_role("link", name="Alpha topic: Which of these is a post-training method?")
    assert (link.get_attribute("href") or "").endswith("/topics/alpha/#alpha-single")
    expect(items).to_contain_text("(last time: incorrect, ")

    show = items.get_by_role("button", name="Show here")
    expect(show).to_have_attribute("aria-expanded", "false")
    show.click()
    expect(items.get_by_role("button", name="Hide")).to_have_attribute("aria-expanded", "true")
    q = items.locator("section.qb-question[data-qid=alpha-single]")
    expect(q.locator("input[type=radio]")).to_have_count(3)
    expect(q.locator(".qb-permalink")).to_have_attribute("href", link.get_attribute("href") or "")
    answer(page, "alpha-single", "Direct preference optimisation")
    expect(q.get_by_role("status")).to_contain_text("Correct. You chose B.")

    page.reload()
    expect(page.locator(".qb-study > p").first).to_contain_text("0 questions due for review now. 2 more scheduled")
    expect(page.locator(".qb-due")).to_have_count(0)
    link_href = "topics/alpha/#alpha-single"
    page.goto(link_href)
    expect(page.locator("section[data-qid=alpha-single] .qb-last")).to_contain_text("Last time: Correct")


def test_each_success_moves_a_due_question_up_a_box_and_waits_longer(new_page: NewPage) -> None:
    page = new_page()
    page.goto("review/")
    now = int(time.time() * 1000)
    store(
        page,
        {
            "alpha-reveal": {"s": "got", "t": now - 2 * DAY_MS, "b": 2},  # box 2 waits 1 day: due
            "beta-reveal": {"s": "got", "t": now - 2 * DAY_MS, "b": 3},  # box 3 waits 3 days: not yet due
        },
    )
    page.reload()
    items = page.locator(".qb-due > li")
    expect(items).to_have_count(1)
    expect(items).to_contain_text("Alpha topic: What does RLHF stand for?")
    items.get_by_role("button", name="Show here").click()
    q = items.locator("section.qb-question[data-qid=alpha-reveal]")
    q.locator(".qb-reveal summary").click()
    q.get_by_role("button", name="Got it").click()
    expect(q.get_by_role("status")).to_have_text("Saved as got it: this question comes back for review in 3 days.")
    q.get_by_role("button", name="Got it").click()  # again the same day: no further up
    expect(q.get_by_role("status")).to_have_text("Saved as got it: this question comes back for review in 3 days.")
    q.get_by_role("button", name="Not yet").click()
    expect(q.get_by_role("status")).to_have_text("Saved as not yet: this question is on your review list now.")
    records = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["q"]
    assert records["alpha-reveal"]["b"] == 1 and records["beta-reveal"]["b"] == 3


def test_a_practice_set_end_to_end(new_page: NewPage) -> None:
    page = new_page()
    page.goto("practice/")
    form = page.locator("form.qb-practice")
    form.get_by_label("Alpha topic (3)").uncheck()
    form.get_by_label("Beta topic (2)").uncheck()
    form.get_by_role("button", name="Start the set").click()
    expect(form.get_by_role("status")).to_have_text("Choose at least one topic.")

    form.get_by_label("Alpha topic (3)").check()
    form.get_by_label("Questions in the set").select_option("5")
    form.get_by_role("button", name="Start the set").click()
    expect(form.get_by_role("status")).to_have_text("Your set of 3 questions is below.")
    questions = page.locator(".qb-set section.qb-question")
    expect(questions).to_have_count(3)
    expect(questions.locator("h2")).to_contain_text(["Question 1 of 3", "Question 2 of 3", "Question 3 of 3"])
    assert sorted(questions.evaluate_all("s => s.map(e => e.dataset.qid)")) == [
        "alpha-multi",
        "alpha-reveal",
        "alpha-single",
    ]
    expect(questions.first.locator(".qb-topic")).to_have_text("Alpha topic")

    answer(page, "alpha-single", "Direct preference optimisation")
    answer(page, "alpha-multi", "PPO")  # a miss, then right on the second try: the first attempt counts
    page.locator("section[data-qid=alpha-multi]").get_by_role("button", name="Try again").click()
    answer(page, "alpha-multi", "GRPO")
    page.get_by_role("button", name="Finish and see your score").click()

    result = page.locator(".qb-result")
    expect(result.get_by_role("heading", name="Your score")).to_be_focused()
    expect(result.locator(".qb-score")).to_have_text("1 of 3 right.")
    misses = result.locator("li")
    expect(misses).to_have_count(2)
    assert sorted(misses.all_inner_texts()) == [
        "Alpha topic: What does RLHF stand for? (not answered)",
        "Alpha topic: Which of these methods use a reward signal? (incorrect)",
    ]
    missed = result.get_by_role("link", name="Alpha topic: Which of these methods use a reward signal?")
    assert (missed.get_attribute("href") or "").endswith("/topics/alpha/#alpha-multi")

    missed.click()  # to the question's permalink
    expect(page).to_have_url("topics/alpha/#alpha-multi")
    expect(page.locator(".qb-progress__text")).to_have_text("Your progress: 2 of 3 answered, 1 right.")
