"""Choosing, checking, trying again and rating: with the mouse, with the keyboard alone, without JavaScript."""

from __future__ import annotations

import json

from playwright.sync_api import Locator, Page, expect

from .conftest import NewPage


def question(page: Page, qid: str) -> Locator:
    return page.locator(f"section.qb-question[data-qid={qid}]")


def check(q: Locator, *labels: str) -> None:
    for label in labels:
        q.get_by_label(label).check()
    q.get_by_role("button", name="Check").click()


def test_a_right_single_answer_is_marked_in_words_and_opens_the_answer(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    q = question(page, "alpha-single")
    expect(q.locator("details.qb-reveal")).not_to_have_attribute("open", "")
    check(q, "Direct preference optimisation")
    status = q.get_by_role("status")
    expect(status).to_have_text(
        "Correct. You chose B. This question comes back for review tomorrow. The answer is open below."
    )
    expect(status).to_be_focused()
    expect(q.locator(".qb-option.is-right")).to_have_count(1)
    expect(q.locator(".qb-option.is-right")).to_contain_text("B. Direct preference optimisation Your pick: right.")
    expect(q.get_by_role("radio", name="B. Direct preference optimisation Your pick: right.")).to_be_checked()
    expect(q.locator(".qb-option.is-left")).to_have_count(2)
    expect(q.locator(".qb-option.is-left").first).to_contain_text("A. Tokenisation Not picked: right to leave out.")
    expect(q.locator("details.qb-reveal")).to_have_attribute("open", "")
    expect(q.locator(".qb-answer")).to_be_visible()


def test_a_wrong_answer_names_the_right_one_and_the_reader_can_try_again(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    q = question(page, "alpha-single")
    check(q, "Tokenisation")
    expect(q.get_by_role("status")).to_have_text(
        "Incorrect. You chose A; the correct choice is B. This question is on your review list now. "
        "The answer is open below."
    )
    expect(q.get_by_label("Tokenisation")).to_be_disabled()
    expect(q.locator(".qb-option").nth(0)).to_contain_text("Your pick: wrong.")
    expect(q.locator(".qb-option").nth(1)).to_contain_text("Missed: this one is right.")
    expect(q.get_by_role("button", name="Check")).to_be_hidden()

    q.get_by_role("button", name="Try again").click()
    expect(q.get_by_role("status")).to_have_text("")
    expect(q.locator(".qb-verdict:not(:empty)")).to_have_count(0)
    expect(q.get_by_label("Tokenisation")).to_be_enabled()
    expect(q.get_by_label("Tokenisation")).not_to_be_checked()
    expect(q.get_by_label("Tokenisation")).to_be_focused()
    expect(q.locator("details.qb-reveal")).not_to_have_attribute("open", "")
    check(q, "Direct preference optimisation")
    expect(q.get_by_role("status")).to_contain_text("Correct. You chose B. Practice: only your first answer")


def test_multiple_answers_are_right_only_when_all_and_only_the_right_ones_are_chosen(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    q = question(page, "alpha-multi")
    expect(q.locator("input[type=checkbox]")).to_have_count(4)
    expect(q.locator("legend")).to_have_text("Select all that apply.")
    check(q, "PPO")
    expect(q.get_by_role("status")).to_have_text(
        "Incorrect: 1 of 2 correct, 0 wrong picks. You chose A; the correct choices are A, C. "
        "This question is on your review list now. The answer is open below."
    )
    expect(q.locator(".qb-option").nth(2)).to_contain_text("GRPO Missed: this one is right.")
    q.get_by_role("button", name="Try again").click()
    check(q, "PPO", "GRPO", "Tokenisation")
    expect(q.get_by_role("status")).to_contain_text("Incorrect: 2 of 2 correct, 1 wrong pick. You chose A, C, D;")
    verdicts = ["Your pick: right.", "Not picked: right to leave out.", "Your pick: right.", "Your pick: wrong."]
    expect(q.locator(".qb-verdict")).to_have_text(verdicts)
    expect(q.locator(".qb-option")).to_have_class([f"qb-option is-{c}" for c in ("right", "left", "right", "wrong")])
    q.get_by_role("button", name="Try again").click()
    check(q, "PPO", "GRPO")
    expect(q.get_by_role("status")).to_contain_text("Correct: 2 of 2 correct, 0 wrong picks. You chose A, C.")


def test_checking_with_nothing_chosen_asks_for_a_choice_and_records_nothing(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    q = question(page, "alpha-single")
    q.get_by_role("button", name="Check").click()
    expect(q.get_by_role("status")).to_have_text("Select a choice, then check.")
    expect(q.locator("details.qb-reveal")).not_to_have_attribute("open", "")
    expect(page.locator(".qb-progress__text")).to_have_text("Your progress: 0 of 3 answered, 0 right.")


def test_the_result_is_announced_by_a_live_region_that_was_there_before(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/beta/")
    q = question(page, "beta-single")
    region = q.locator(".qb-feedback").element_handle()
    assert region.get_attribute("aria-live") == "polite"
    assert region.get_attribute("role") == "status"
    assert region.text_content() == ""
    check(q, "Post-training")
    expect(q.get_by_role("status")).to_contain_text("Incorrect. You chose B; the correct choice is A.")
    assert (region.text_content() or "").startswith("Incorrect. You chose B; the correct choice is A. ")


def focus_by_tab(page: Page, target: Locator, *, limit: int = 8) -> None:
    """Press Tab until `target` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("e => e === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def outline(page: Page) -> str:
    return str(page.evaluate("getComputedStyle(document.activeElement).outlineStyle"))


def test_choice_questions_work_by_keyboard_alone_with_visible_focus(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    q = question(page, "alpha-single")
    q.locator(".qb-links summary").focus()
    focus_by_tab(page, q.get_by_label("Tokenisation"), limit=1)
    page.keyboard.press("ArrowDown")
    expect(q.get_by_label("Direct preference optimisation")).to_be_checked()
    focus_by_tab(page, q.get_by_role("button", name="Check"), limit=1)
    assert outline(page) != "none"
    page.keyboard.press("Enter")
    expect(q.get_by_role("status")).to_be_focused()
    expect(q.get_by_role("status")).to_contain_text("Correct. You chose B.")
    page.keyboard.press("Shift+Tab")
    expect(q.get_by_role("button", name="Try again")).to_be_focused()
    assert outline(page) != "none"
    page.keyboard.press("Space")
    expect(q.get_by_label("Tokenisation")).to_be_focused()
    expect(q.locator("details.qb-reveal")).not_to_have_attribute("open", "")


def test_a_reveal_question_is_opened_and_rated_by_keyboard(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    q = question(page, "alpha-reveal")
    expect(q.get_by_role("button", name="Got it")).to_be_hidden()  # inside the closed reveal
    q.locator(".qb-links summary").focus()
    focus_by_tab(page, q.locator(".qb-reveal summary"))
    page.keyboard.press("Enter")
    expect(q.locator(".qb-answer")).to_be_visible()
    focus_by_tab(page, q.get_by_role("button", name="Got it"))
    page.keyboard.press("Enter")
    expect(q.get_by_role("status")).to_have_text("Saved as got it. This question comes back for review tomorrow.")
    expect(q.get_by_role("button", name="Got it")).to_have_attribute("aria-pressed", "true")
    expect(q.get_by_role("button", name="Not yet")).to_have_attribute("aria-pressed", "false")
    expect(q.get_by_role("group", name="How did you do?")).to_be_visible()
    q.get_by_role("button", name="Not yet").click()
    expect(q.get_by_role("status")).to_have_text(
        "Saved as not yet. Practice: only your first answer of the day counts for review. "
        "This question comes back for review tomorrow."
    )
    expect(q.get_by_role("button", name="Not yet")).to_have_attribute("aria-pressed", "true")


def in_view(page: Page, qid: str) -> None:
    expect(question(page, "alpha-single").locator("fieldset")).to_be_visible()  # enhanced: the page has moved
    page.wait_for_function("window.scrollY > 0")
    top = page.locator(f"#{qid}").evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 200, f"the question's heading is at {top}px, not near the top of the window"


def test_a_deep_link_brings_its_question_into_view(new_page: NewPage) -> None:
    page = new_page(viewport={"width": 800, "height": 500})
    page.goto("topics/alpha/#alpha-reveal")
    in_view(page, "alpha-reveal")


def test_a_permalink_followed_by_instant_navigation_brings_its_question_into_view(new_page: NewPage) -> None:
    page = new_page(viewport={"width": 800, "height": 500})
    page.goto("")
    record = {"v": 1, "q": {"alpha-multi": {"s": "incorrect", "t": 1, "b": 1}}}
    page.evaluate("value => localStorage.setItem('qb-selfcheck:v1', value)", json.dumps(record))
    page.reload()
    page.evaluate("window.stillHere = true")
    home = page.locator(".qb-home")
    expect(home).to_contain_text("1 question due for review. Review them now")
    # The next unanswered question after the last one answered.
    home.get_by_role("link", name="Alpha topic: What does RLHF stand for?").click()
    expect(page).to_have_url("topics/alpha/#alpha-reveal")
    in_view(page, "alpha-reveal")
    assert page.evaluate("window.stillHere") is True


def test_without_javascript_choices_are_a_lettered_list_and_the_answer_opens(new_page: NewPage) -> None:
    page = new_page(java_script_enabled=False)
    page.goto("topics/alpha/")
    q = question(page, "alpha-single")
    expect(q.locator("input")).to_have_count(0)
    expect(q.locator(".qb-choices ol > li")).to_have_count(3)
    assert q.locator(".qb-choices ol").evaluate("e => getComputedStyle(e).listStyleType") == "upper-alpha"
    expect(q.locator(".qb-answer")).to_be_hidden()
    assert "Correct choice" not in q.inner_text()  # the visible text does not give the answer away
    q.locator(".qb-reveal summary").click()
    expect(q.locator(".qb-answer")).to_be_visible()
    expect(q.locator(".qb-answer")).to_contain_text("Correct choice: B. Direct preference optimisation")


def test_nothing_visible_gives_the_answer_away_before_the_reader_asks(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    visible = page.locator("article").inner_text()
    assert "Correct" not in visible
    assert "quokka" not in visible  # a word only in an answer
    assert page.locator(".is-correct, .is-incorrect").count() == 0


def test_printing_shows_every_answer_and_no_controls(new_page: NewPage) -> None:
    for javascript in (True, False):
        page = new_page(java_script_enabled=javascript)
        page.goto("topics/alpha/")
        page.emulate_media(media="print")
        for answer in page.locator(".qb-answer").all():
            expect(answer).to_be_visible()
        expect(page.locator(".qb-explanation")).to_be_visible()
        if javascript:
            expect(page.get_by_role("button", name="Check").first).to_be_hidden()
            expect(page.locator(".qb-progress")).to_be_hidden()
        page.emulate_media(media="screen")
        expect(page.locator(".qb-answer").first).to_be_hidden()
