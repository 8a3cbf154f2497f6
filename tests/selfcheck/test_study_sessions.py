"""The review session (due questions one after another, in place) and practice sets (filters, a set that
survives Back and reload, a score with the misses, a link to share), plus the due count everywhere."""

from __future__ import annotations

import json
import time
from datetime import datetime

from playwright.sync_api import Page, expect

from .conftest import KEY, NewPage, answer

DAY_MS = 86_400_000


def store(page: Page, records: dict[str, dict[str, object]]) -> None:
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps({"v": 1, "q": records})])


def test_review_without_any_answers_says_what_to_do(new_page: NewPage) -> None:
    page = new_page()
    page.goto("review/")
    expect(page.locator(".qb-summary")).to_have_text(
        "Nothing to review yet: the questions you answer on the topic pages come back here."
    )
    expect(page.locator(".qb-stage")).to_be_empty()


def test_review_without_javascript_explains_itself(new_page: NewPage) -> None:
    page = new_page(java_script_enabled=False)
    page.goto("review/")
    expect(page.locator(".qb-study")).to_contain_text("needs JavaScript")
    expect(page.locator(".qb-study").get_by_role("link", name="topics")).to_have_attribute("href", "../topics/")
    expect(page.locator("article")).to_contain_text("Only your first answer to a question on a given day counts")


def test_the_review_session_end_to_end(new_page: NewPage) -> None:
    page = new_page()
    page.clock.set_fixed_time(datetime(2026, 3, 10, 12))
    page.goto("review/")
    now = int(datetime(2026, 3, 10, 12).timestamp() * 1000)
    store(
        page,
        {
            "alpha-single": {"s": "incorrect", "t": now - DAY_MS, "b": 1},  # missed yesterday: due
            "beta-reveal": {"s": "got", "t": now - 2 * DAY_MS, "b": 2},  # box 2 waits a day: due
            "beta-single": {"s": "correct", "t": now - DAY_MS, "b": 3},  # box 3 waits 3 days: later
        },
    )
    page.reload()
    summary = page.locator(".qb-summary")
    expect(summary).to_have_text(
        "2 questions due now. 2 left in this session. Due later: 1 on Mar 12, 2026. 2 not tried yet."
    )
    expect(page.locator(".qb-duecount")).to_have_text("Review: 2 due")
    stage = page.locator(".qb-stage")
    q = stage.locator("section.qb-question")
    expect(q).to_have_count(1)
    expect(q).to_have_attribute("data-qid", "alpha-single")  # the longest overdue first
    expect(q.locator("h2")).to_contain_text("Which of these is a post-training method?")
    expect(q.locator(".qb-topic")).to_have_text("Due 1 of 2")
    expect(q.locator(".qb-text")).to_have_text("Which of these is a post-training method?")
    answer(page, "alpha-single", "Direct preference optimisation")
    expect(q.get_by_role("status")).to_contain_text(
        "Correct. You chose B. This question comes back for review tomorrow."
    )
    expect(q.locator(".qb-option", has_text="Tokenisation").locator(".qb-reason")).to_have_text(
        "Why Tokenisation is wrong."
    )
    expect(q.locator(".qb-answer")).to_be_visible()
    expect(summary).to_contain_text("1 question due now. 2 left in this session.")
    expect(page.locator(".qb-duecount")).to_have_text("Review: 1 due")

    stage.get_by_role("button", name="Next question").click()
    expect(q).to_have_attribute("data-qid", "beta-reveal")
    expect(q.locator("h2")).to_be_focused()
    expect(summary).to_contain_text("1 left in this session.")
    q.locator(".qb-reveal summary").click()
    q.get_by_role("button", name="Got it").click()
    expect(q.get_by_role("status")).to_contain_text("comes back for review on Mar 13, 2026.")
    stage.get_by_role("button", name="Finish").click()
    expect(stage.get_by_role("heading", name="Review done for now")).to_be_focused()
    expect(stage).to_contain_text("0 questions still due")
    expect(summary).to_have_text(
        "0 questions due now. 0 left in this session. Due later: 1 on Mar 11, 2026, 1 on Mar 12, 2026, "
        "1 on Mar 13, 2026. 2 not tried yet."
    )
    expect(page.locator(".qb-duecount")).to_have_text("Review: 0 due")


def test_a_question_missed_in_the_session_stays_due(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/beta/")
    answer(page, "beta-single", "Deployment")
    page.goto("review/")
    expect(page.locator(".qb-summary")).to_contain_text("1 question due now. 1 left in this session.")
    answer(page, "beta-single", "Pre-training")  # right, but the same day as the miss
    page.get_by_role("button", name="Finish").click()
    # A miss stays due until answered right on a later day, as the page's rule says.
    expect(page.locator(".qb-stage")).to_contain_text("1 question still due.")
    expect(page.locator(".qb-summary")).to_contain_text("1 question due now.")


def test_the_due_count_is_in_the_header_and_two_tabs_agree(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    count = page.locator(".md-header .qb-duecount")
    expect(count).to_have_text("Review: 0 due")
    assert (count.get_attribute("href") or "").endswith("/post-training-self-check/review/")
    other = page.context.new_page()
    other.goto("topics/beta/")
    expect(other.locator(".qb-duecount")).to_have_text("Review: 0 due")
    answer(page, "alpha-single", "Tokenisation")
    expect(count).to_have_text("Review: 1 due")
    expect(other.locator(".qb-duecount")).to_have_text("Review: 1 due")  # the storage event
    expect(other.locator(".qb-progress__text")).to_have_text("Your progress: 0 of 2 answered, 0 right.")
    other.goto("topics/alpha/")
    expect(other.locator("section[data-qid=alpha-single] .qb-last")).to_contain_text(
        "Incorrect. Your answer: Tokenisation"
    )
    answer(other, "alpha-multi", "PPO")
    expect(page.locator(".qb-progress__text")).to_have_text("Your progress: 2 of 3 answered, 0 right.")
    expect(count).to_have_text("Review: 2 due")
    other.close()


def test_a_first_visit_says_nothing_is_due_without_reading_the_index(new_page: NewPage) -> None:
    page = new_page()
    read: list[str] = []
    page.on("request", lambda request: read.append(request.url) if "selfcheck/index.json" in request.url else None)
    page.goto("topics/alpha/")
    expect(page.locator(".md-header .qb-duecount")).to_have_text("Review: 0 due")
    page.wait_for_load_state("networkidle")
    assert read == []
    answer(page, "alpha-single", "Tokenisation")  # a miss: due at once
    expect(page.locator(".md-header .qb-duecount")).to_have_text("Review: 1 due")
    assert len(read) == 1


def test_the_home_page_says_what_is_due_and_where_to_continue(new_page: NewPage) -> None:
    page = new_page()
    page.goto("")
    home = page.locator(".qb-home")
    expect(home).to_have_text(
        "0 questions due for review. Start here: Alpha topic: Which of these is a post-training method?"
    )
    assert page.evaluate("document.querySelector('.md-content h1').nextElementSibling.className") == "qb-home"
    now = int(time.time() * 1000)
    store(
        page,
        {
            "alpha-single": {"s": "correct", "t": now - 5000, "b": 2},
            "beta-single": {"s": "incorrect", "t": now, "b": 1},
        },
    )
    page.reload()
    expect(home).to_contain_text("1 question due for review. Review them now")
    expect(home).to_contain_text("Continue where you left off: Beta topic: Name one use of a reward model.")
    home.get_by_role("link", name="Beta topic: Name one use of a reward model.").click()
    expect(page).to_have_url("topics/beta/#beta-reveal")


def start(page: Page, *, only: str | None = None, size: str = "5") -> None:
    form = page.locator("form.qb-practice")
    if only:
        form.get_by_role("button", name=f"Only {only}").click()
    form.get_by_label("Questions in the set").select_option(size)
    form.get_by_role("button", name="Start the set").click()


def test_practice_filters(new_page: NewPage) -> None:
    page = new_page()
    page.goto("practice/")
    form = page.locator("form.qb-practice")
    form.get_by_label("Alpha topic (3)").uncheck()
    form.get_by_label("Beta topic (2)").uncheck()
    form.get_by_role("button", name="Start the set").click()
    expect(form.get_by_role("status")).to_have_text("Choose at least one topic.")
    form.get_by_role("button", name="All topics").click()
    expect(form.get_by_label("Alpha topic (3)")).to_be_checked()
    form.get_by_label("Level").select_option("advanced")  # the sample has foundation questions only
    form.get_by_role("button", name="Start the set").click()
    expect(form.get_by_role("status")).to_have_text("No questions match these choices: widen them.")
    form.get_by_label("Level").select_option("foundation")
    start(page, only="Beta topic")
    expect(form).to_be_hidden()
    q = page.locator(".qb-stage section.qb-question")
    expect(q.locator("h2")).to_contain_text("Question 1 of 2: ")
    expect(q.locator(".qb-topic")).to_have_text("Beta topic")
    assert sorted(page.url.split("?set=")[1].split(",")) == ["beta-reveal", "beta-single"]


def test_a_practice_set_survives_reload_and_back_scores_and_retries_the_misses(new_page: NewPage) -> None:
    page = new_page()
    page.goto("practice/")
    start(page, only="Alpha topic")
    ids = page.url.split("?set=")[1].split(",")
    assert sorted(ids) == ["alpha-multi", "alpha-reveal", "alpha-single"]
    stage = page.locator(".qb-stage")
    q = stage.locator("section.qb-question")
    labels = {"alpha-single": "Direct preference optimisation", "alpha-multi": "Supervised fine-tuning"}
    first = ids[0]
    if first == "alpha-reveal":
        q.locator(".qb-reveal summary").click()
        q.get_by_role("button", name="Got it").click()
    else:
        answer(page, first, labels[first])
    stage.get_by_role("button", name="Next question").click()
    expect(q.locator("h2")).to_contain_text("Question 2 of 3")
    page.reload()  # the set and its place come back
    expect(q).to_have_attribute("data-qid", ids[1])
    expect(q.locator("h2")).to_contain_text("Question 2 of 3")
    stage.get_by_role("button", name="Next question").click()  # skipped
    third = ids[2]
    if third == "alpha-reveal":
        q.locator(".qb-reveal summary").click()
        q.get_by_role("button", name="Not yet").click()
    else:
        answer(page, third, "Tokenisation")
    stage.get_by_role("button", name="Finish").click()

    result = page.locator(".qb-result")
    expect(result.get_by_role("heading", name="Your score")).to_be_focused()
    right = 0 if first == "alpha-multi" else 1
    expect(result.locator(".qb-score")).to_have_text(f"{right} of 3 right, {2 - right} wrong, 1 skipped.")
    expect(result.locator("ul").first).to_have_text(f"Alpha topic: {right} of 3 right")
    misses = result.locator("ul").nth(1).locator("li")
    expect(misses).to_have_count(3 - right)
    expect(misses.filter(has_text="(skipped)")).to_have_count(1)
    skipped = misses.filter(has_text="(skipped)").get_by_role("link")
    assert (skipped.get_attribute("href") or "").endswith(f"/topics/alpha/#{ids[1]}")

    skipped.click()  # follow a miss's permalink, then come back
    expect(page).to_have_url(f"topics/alpha/#{ids[1]}")
    page.go_back()
    expect(page.locator(".qb-result .qb-score")).to_have_text(f"{right} of 3 right, {2 - right} wrong, 1 skipped.")
    page.reload()
    expect(page.locator(".qb-result .qb-score")).to_have_text(f"{right} of 3 right, {2 - right} wrong, 1 skipped.")

    page.get_by_role("button", name="Retry the misses").click()
    retry = page.url.split("?set=")[1].split(",")
    assert retry == [x for x in ids if x != first or not right]
    expect(q.locator("h2")).to_contain_text(f"Question 1 of {3 - right}")
    page.go_back()
    expect(page.locator(".qb-result .qb-score")).to_contain_text("of 3 right")
    page.get_by_role("button", name="A new set").click()
    expect(page.locator("form.qb-practice")).to_be_visible()
    expect(page).to_have_url("practice/")


def test_a_shared_set_gives_the_same_questions_in_the_same_order(new_page: NewPage) -> None:
    page = new_page()
    page.goto("practice/")
    start(page)
    share = page.locator(".qb-set").get_by_role("link", name="share this set")
    link = share.get_attribute("href") or ""
    ids = link.split("?set=")[1].split(",")
    assert sorted(ids) == ["alpha-multi", "alpha-reveal", "alpha-single", "beta-reveal", "beta-single"]
    friend = new_page()  # another browser: no session of its own
    friend.goto(link)
    seen = []
    for n in range(5):
        q = friend.locator(".qb-stage section.qb-question")
        expect(q.locator("h2")).to_contain_text(f"Question {n + 1} of 5")
        seen.append(q.get_attribute("data-qid"))
        friend.keyboard.press("n")  # N goes on, here as the button does
    assert seen == ids
    expect(friend.locator(".qb-result .qb-score")).to_have_text("0 of 5 right, 0 wrong, 5 skipped.")


def test_next_pressed_quickly_never_shows_a_question_after_the_score(new_page: NewPage) -> None:
    page = new_page()
    page.add_init_script(  # a slow topic page
        "const f = window.fetch; window.fetch = (u, o) => String(u).includes('/topics/beta/') ? "
        "new Promise(r => setTimeout(r, 800)).then(() => f(u, o)) : f(u, o)"
    )
    page.goto("practice/")
    start(page)
    for _ in range(5):
        page.locator(".qb-next").click()
    expect(page.locator(".qb-result .qb-score")).to_have_text("0 of 5 right, 0 wrong, 5 skipped.")
    page.wait_for_timeout(1000)  # the slow pages arrive after the score: they must not replace it
    expect(page.locator(".qb-stage section.qb-question")).to_have_count(0)
