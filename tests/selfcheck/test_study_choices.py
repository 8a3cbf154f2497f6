"""Shuffled choices, each with its reason after Check; numbers typed in and checked with a tolerance."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from .conftest import NewPage


def shown(q: Locator) -> list[str]:
    """The choices as shown, in order, without their letters."""
    return [t.strip() for t in q.locator(".qb-option label > span:first-of-type").all_inner_texts()]


def letter_of(q: Locator, text: str) -> str:
    return q.locator(".qb-option", has_text=text).locator("label > b").inner_text().rstrip(".")


def test_choices_come_in_a_fresh_order_and_the_letters_follow_it(new_page: NewPage) -> None:
    page = new_page(shuffle=True)
    page.goto("topics/alpha/")
    q = page.locator("section[data-qid=alpha-single]")
    orders = set()
    for _ in range(12):
        order = shown(q)
        orders.add(tuple(order))
        assert sorted(order) == ["Byte-pair merging", "Direct preference optimisation", "Tokenisation"]
        expect(q.locator(".qb-option label > b")).to_have_text(["A.", "B.", "C."])
        wrong = next(t for t in order if t != "Direct preference optimisation")
        q.get_by_label(wrong).check()
        q.get_by_role("button", name="Check").click()
        right = letter_of(q, "Direct preference optimisation")
        expect(q.get_by_role("status")).to_contain_text(
            f"Incorrect. You chose {letter_of(q, wrong)}; the correct choice is {right}."
        )
        # The reveal's line names the right choice by the letter it has now.
        expect(q.locator(".qb-answer > p").first).to_have_text(
            f"Correct choice: {right}. Direct preference optimisation"
        )
        q.get_by_role("button", name="Try again").click()
    assert len(orders) > 1, "the same order on every attempt"


def test_without_javascript_the_authored_order_stays(new_page: NewPage) -> None:
    page = new_page(java_script_enabled=False)
    page.goto("topics/alpha/")
    items = page.locator("section[data-qid=alpha-multi] .qb-choices li")
    expect(items).to_have_text(["PPO", "Supervised fine-tuning", "GRPO", "Tokenisation"])
    expect(page.locator("section[data-qid=alpha-multi] .qb-reasons li").first).to_contain_text("Why PPO is right.")


def test_after_check_each_choice_shows_its_own_reason(new_page: NewPage) -> None:
    page = new_page(shuffle=True)
    page.goto("topics/alpha/")
    q = page.locator("section[data-qid=alpha-multi]")
    expect(q.locator(".qb-reason:visible")).to_have_count(0)
    expect(q.locator(".qb-reasons")).to_be_hidden()  # the reveal's list, in authored letters, gives way
    q.get_by_label("PPO").check()
    q.get_by_label("Tokenisation").check()
    q.get_by_role("button", name="Check").click()
    expect(q.get_by_role("status")).to_contain_text("Incorrect: 1 of 2 correct, 1 wrong pick.")
    for text, verdict, why in [
        ("PPO", "Your pick: right.", "Why PPO is right."),
        ("Tokenisation", "Your pick: wrong.", "Why Tokenisation is wrong."),
        ("GRPO", "Missed: this one is right.", "Why GRPO is right."),
        ("Supervised fine-tuning", "Not picked: right to leave out.", "Why Supervised fine-tuning is wrong."),
    ]:
        option = q.locator(".qb-option", has_text=re.compile(f"^[A-D]\\. {text} "))
        expect(option.locator(".qb-verdict")).to_have_text(verdict)
        expect(option.locator(".qb-reason")).to_be_visible()
        expect(option.locator(".qb-reason")).to_have_text(why)
    q.get_by_role("button", name="Try again").click()
    expect(q.locator(".qb-reason:visible")).to_have_count(0)


NUMERIC = """<!doctype html><html lang="en"><head><title>Numbers</title><link rel="icon" href="data:,"></head><body><main class="md-content">
<script defer src="../assets/selfcheck/selfcheck.js"></script>
<section class="qb-question" data-qid="lora-half" data-kind="numeric">
<h2 id="lora-half">A number</h2><div class="qb-meta"></div>
<p>What is one half?</p><div class="qb-numeric" data-unit="units"></div>
<details class="qb-reveal"><summary>Answer</summary>
<div class="qb-answer" data-value="0.5" data-tolerance="0.01"><p>One half is 0.5.</p></div></details>
</section><section class="qb-question" data-qid="small" data-kind="numeric">
<h2 id="small">A small number</h2><div class="qb-meta"></div><p>What is a thousandth?</p><div class="qb-numeric" data-unit=""></div>
<details class="qb-reveal"><summary>Answer</summary>
<div class="qb-answer" data-value="0.001" data-tolerance="0"><p>1e-3.</p></div></details>
</section></main></body></html>"""


@pytest.fixture
def numbers(new_page: NewPage, sample_site: Path) -> Page:
    """A hand-made page with two numeric questions, in the markup render.py gives them, on the sample site."""
    (sample_site / "numeric-fixture").mkdir(exist_ok=True)
    (sample_site / "numeric-fixture" / "index.html").write_text(NUMERIC)
    page = new_page()
    page.goto("numeric-fixture/")
    return page


@pytest.mark.parametrize(
    ("typed", "verdict"),
    [
        ("0.5", "Correct"),
        ("0,5", "Correct"),
        ("0.509", "Correct"),
        ("0.49", "Correct"),
        ("0.52", "Incorrect"),
        ("2", "Incorrect"),
    ],
)
def test_a_number_is_right_within_its_tolerance(numbers: Page, typed: str, verdict: str) -> None:
    page = numbers
    q = page.locator("section[data-qid=lora-half]")
    q.get_by_label("Your answer (units)").fill(typed)
    q.get_by_label("Your answer (units)").press("Enter")
    expect(q.get_by_role("status")).to_contain_text(
        f"{verdict}. You answered {typed} units; the answer is 0.5 units, give or take 0.01."
    )
    expect(q.locator(".qb-answer")).to_be_visible()
    expect(q.get_by_role("button", name="Try again")).to_be_visible()


def test_a_number_in_scientific_notation_and_a_non_number(numbers: Page) -> None:
    page = numbers
    q = page.locator("section[data-qid=small]")
    field = q.get_by_label("Your answer")
    field.fill("about a thousandth")
    q.get_by_role("button", name="Check").click()
    expect(q.get_by_role("status")).to_have_text("Type a number, such as 0.5, 0,5 or 1e-3, then check.")
    expect(q.locator(".qb-answer")).to_be_hidden()
    field.fill("2")  # typing a digit in a field never picks a choice or leaves the field
    expect(field).to_have_value("2")
    field.fill("1e-3")
    q.get_by_role("button", name="Check").click()
    expect(q.get_by_role("status")).to_contain_text("Correct. You answered 1e-3; the answer is 0.001.")
    q.get_by_role("button", name="Try again").click()
    expect(field).to_be_focused()
    field.fill("0.0011")
    field.press("Enter")
    expect(q.get_by_role("status")).to_contain_text("Incorrect. You answered 0.0011;")
    page.reload()
    expect(q.locator(".qb-last")).to_contain_text("Incorrect. Your answer: 0.0011")


def test_the_answer_in_the_reveal_is_set_at_the_size_of_the_question(new_page: NewPage) -> None:
    page = new_page()
    page.goto("topics/alpha/")
    q = page.locator("section[data-qid=alpha-single]")
    q.locator(".qb-reveal summary").click()
    size = "e => getComputedStyle(e).fontSize"
    question = q.locator(".qb-text p").evaluate(size)
    assert q.locator(".qb-answer p").first.evaluate(size) == question
    assert q.locator(".qb-explanation p").first.evaluate(size) != question  # the rest of the reveal stays smaller
