"""Scoring and scheduling with a fake clock: only the day's first attempt moves a question's box."""

from __future__ import annotations

import json
from datetime import datetime

from playwright.sync_api import Page, expect

from .conftest import KEY, NewPage, answer


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 3, day, hour)  # local time, as the page's Date sees it


def ms(when: datetime) -> int:
    return int(when.timestamp() * 1000)


def answer_again(page: Page, qid: str, label: str) -> None:
    """`answer`, after Try again if the question was answered already on this page."""
    again = page.locator(f"section.qb-question[data-qid={qid}]").get_by_role("button", name="Try again")
    if again.is_visible():
        again.click()
    answer(page, qid, label)


def record(page: Page, qid: str) -> dict[str, object]:
    value: dict[str, object] = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["q"][qid]
    return value


def status(page: Page, qid: str) -> str:
    return page.locator(f"section[data-qid={qid}] .qb-feedback").inner_text()


def test_try_again_is_practice_and_a_miss_stays_due_until_right_on_a_later_day(new_page: NewPage) -> None:
    page = new_page()
    page.clock.set_fixed_time(at(2))
    page.goto("topics/alpha/")
    answer_again(page, "alpha-single", "Tokenisation")  # the day's first attempt: a miss, box 1
    assert record(page, "alpha-single") | {"a": ""} == {
        "s": "incorrect",
        "t": ms(at(2)),
        "b": 1,
        "d": ms(at(2)),
        "a": "",
    }
    page.clock.set_fixed_time(at(2, 11))
    answer_again(page, "alpha-single", "Direct preference optimisation")  # Try again, right: practice
    assert "Practice: only your first answer of the day counts for review." in status(page, "alpha-single")
    assert "This question is on your review list now." in status(page, "alpha-single")
    r = record(page, "alpha-single")
    assert (r["s"], r["t"], r["b"], r["d"]) == ("correct", ms(at(2, 11)), 1, ms(at(2)))
    page.clock.set_fixed_time(at(2, 23))
    page.goto("review/")
    expect(page.locator(".qb-summary")).to_contain_text("1 question due now.")

    page.clock.set_fixed_time(at(3, 9))  # the next day: the first attempt counts again
    page.goto("topics/alpha/")
    expect(page.locator(".md-nav--secondary a[href$='#alpha-single'] .qb-mark").first).to_have_text("due")
    answer_again(page, "alpha-single", "Direct preference optimisation")
    assert "This question comes back for review tomorrow." in status(page, "alpha-single")
    assert record(page, "alpha-single")["b"] == 2
    page.clock.set_fixed_time(at(3, 10))
    answer_again(page, "alpha-single", "Tokenisation")  # a later miss the same day: practice, no demotion
    assert "Practice" in status(page, "alpha-single")
    r = record(page, "alpha-single")
    assert (r["s"], r["b"], r["d"]) == ("incorrect", 2, ms(at(3, 9)))

    page.clock.set_fixed_time(at(4, 8))  # box 2 waits a day from 9:00: not due at 8:00
    page.goto("review/")
    expect(page.locator(".qb-summary")).to_contain_text("0 questions due now.")
    expect(page.locator(".qb-summary")).to_contain_text("Due later: 1 on Mar 4, 2026.")
    page.goto("topics/alpha/")
    answer_again(page, "alpha-single", "Direct preference optimisation")  # early: stays in box 2, waits again
    r = record(page, "alpha-single")
    assert (r["b"], r["d"]) == (2, ms(at(4, 8)))

    page.clock.set_fixed_time(at(5, 9))
    page.goto("topics/alpha/")
    answer_again(page, "alpha-single", "Direct preference optimisation")  # due: up to box 3, 3 days
    assert "This question comes back for review on Mar 8, 2026." in status(page, "alpha-single")
    assert record(page, "alpha-single")["b"] == 3


def test_a_rating_counts_once_a_day_too(new_page: NewPage) -> None:
    page = new_page()
    page.clock.set_fixed_time(at(2))
    page.goto("topics/alpha/")
    q = page.locator("section[data-qid=alpha-reveal]")
    q.locator(".qb-reveal summary").click()
    q.get_by_role("button", name="Not yet").click()
    q.get_by_role("button", name="Got it").click()
    expect(q.get_by_role("status")).to_have_text(
        "Saved as got it. Practice: only your first answer of the day counts for review. "
        "This question is on your review list now."
    )
    assert record(page, "alpha-reveal")["b"] == 1
    page.clock.set_fixed_time(at(3))
    page.reload()
    q.locator(".qb-reveal summary").click()
    q.get_by_role("button", name="Got it").click()
    expect(q.get_by_role("status")).to_have_text("Saved as got it. This question comes back for review tomorrow.")
    assert record(page, "alpha-reveal")["b"] == 2
