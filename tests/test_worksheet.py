"""Worksheets: questions and lettered choices without answers, then the answer key."""

from __future__ import annotations

from pathlib import Path

from conftest import MakeBank
from sample_bank import load_sample

from bank.pages import generated_files
from bank.worksheet import key_entry, render_worksheet


def test_questions_come_first_without_answers_then_the_key(make_bank: MakeBank) -> None:
    _, bank = load_sample(make_bank)
    page = render_worksheet(bank.topics[0], bank)
    questions, key = page.split("## Answer key { #answer-key }")
    assert page.startswith("---\nsearch:\n  exclude: true\n---\n\n# Worksheet: Basics\n")
    assert "[Basics](../../topics/basics/index.md)" in page
    assert [line for line in questions.splitlines() if line.startswith("## ")] == [
        "## Question 1 { #what-is-post-training }",
        "## Question 2 { #pick-one }",
        "## Question 3 { #pick-several }",
    ]
    for question in bank.topics[0].questions:
        assert question.answer not in questions
        assert question.explanation is None or question.explanation not in questions
    assert "qb-reveal" not in page and "[x]" not in page
    assert bank.topics[0].questions[0].answer in key
    # links in bank text lead to the topic page, where that question lives
    assert "[the basics](../../topics/basics/index.md#what-is-post-training)" in questions


def test_choices_are_lettered_and_open_questions_get_room_to_write(make_bank: MakeBank) -> None:
    _, bank = load_sample(make_bank)
    page = render_worksheet(bank.topics[0], bank)
    assert page.count('//// html | ol.qb-ws-choices[type="A"]') == 2
    assert "/// html | li\n    markdown: inline\nRLHF\n///" in page
    assert page.count("Select all that apply.") == 1  # only the question with several answers says so
    assert page.count('<div class="qb-ws-lines" aria-hidden="true"></div>') == 1


def test_answer_key_has_letters_for_choices_and_text_for_the_rest(make_bank: MakeBank) -> None:
    _, bank = load_sample(make_bank)
    key = render_worksheet(bank.topics[0], bank).split("## Answer key")[1]
    assert "**[Question 1](#what-is-post-training):**\n\nTraining after pre-training." in key
    assert "**[Question 2](#pick-one):** B\n" in key
    assert "**[Question 3](#pick-several):** A, C\n" in key
    assert [key_entry(q) for q in bank.topics[0].questions] == ["", "B", "A, C"]


def test_a_worksheet_per_topic_with_questions(make_bank: MakeBank) -> None:
    _, bank = load_sample(make_bank)
    files = generated_files(bank, site_url="https://example.org/")
    assert "worksheets/basics/index.md" in files
    assert "worksheets/later/index.md" not in files
    assert files["worksheets/basics/index.md"].source is None  # a view of the questions: nothing to edit there


def test_built_worksheet_page(built_site: Path) -> None:
    html = (built_site / "worksheets" / "lifecycle" / "index.html").read_text(encoding="utf-8")
    assert '<section class="qb-ws-key">' in html
    assert 'id="answer-key"' in html
    assert "assets/stylesheets/worksheet.css" in html
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "worksheets/" not in nav  # linked from pages, not listed in the navigation
