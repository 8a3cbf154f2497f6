"""Worksheets: questions and lettered choices without answers, then the answer key with each choice's reason."""

from __future__ import annotations

from pathlib import Path

from conftest import MakeBank, site_of
from sample_bank import FILES

from bank.site import SiteFiles
from bank.worksheet import key_entry


def _sample(make_bank: MakeBank) -> SiteFiles:
    return site_of(make_bank(FILES))


def _worksheet(site: SiteFiles) -> str:
    page = site.files["worksheets/basics/index.md"].page
    assert page is not None
    return page.markdown_inline


def test_questions_come_first_without_answers_then_the_key(make_bank: MakeBank) -> None:
    site = _sample(make_bank)
    page = _worksheet(site)
    questions, key = page.split("## Answer key { #answer-key }")
    assert page.startswith('---\nsearch: {"exclude": true}\nedit_url: ""\n---\n\n# Worksheet: Basics\n')
    assert '<a href="../../topics/basics/">Basics</a>' in page
    assert [line for line in questions.splitlines() if line.startswith("## ")] == [
        "## About basics { #what-is-post-training }",
        "## Reward model loss { #pick-one }",
        "## About rlhf { #pick-several }",
        "## A DPO loss value { #dpo-loss-value }",
    ]
    for question in site.bank.topics[0].questions:
        assert question.answer not in questions
        assert question.explanation is None or question.explanation not in questions
        assert all(c.reason not in questions for c in question.choices if c.reason)
    assert "qb-reveal" not in page and "[x]" not in page
    assert "Training after pre-training." in key
    # a link to a question of the same topic finds its copy on the worksheet
    assert '<a href="#what-is-post-training">the basics</a>' in questions


def test_choices_are_lettered_and_open_questions_get_room_to_write(make_bank: MakeBank) -> None:
    page = _worksheet(_sample(make_bank))
    assert page.count('<ol class="qb-ws-choices" type="A">') == 2
    assert "<li>RLHF</li>" in page
    assert page.count("Select all that apply.") == 1  # only the question with several answers says so
    # the reveal question and the numeric one, which also asks for a number in its unit
    assert page.count('<div class="qb-ws-lines" aria-hidden="true"></div>') == 2
    assert (
        '<p class="qb-ws-hint">Answer with a number of nats &amp; &quot;bits&quot;, and show your working.</p>' in page
    )
    assert "0.474" not in page.split("## Answer key")[0]  # the value only in the key


def test_answer_key_has_letters_and_reasons_for_choices_and_text_for_the_rest(make_bank: MakeBank) -> None:
    site = _sample(make_bank)
    key = _worksheet(site).split("## Answer key")[1]
    assert '<p><strong><a href="#what-is-post-training">About basics</a>:</strong></p><p>Training after' in key
    assert (
        '<p><strong><a href="#pick-one">Reward model loss</a>:</strong> B</p><ol class="qb-ws-reasons" type="A">' in key
    )
    assert "<li>A squared error fits scores, not comparisons.</li>" in key
    assert (
        '<p><strong><a href="#pick-several">About rlhf</a>:</strong> A, C</p><ol class="qb-ws-reasons" type="A">' in key
    )
    assert (
        '<p><strong><a href="#dpo-loss-value">A DPO loss value</a>:</strong> 0.474 (± 0.00237) nats &amp; '
        "&quot;bits&quot;</p><p> <math" in key
    )  # the value with the tolerance the percentage comes to, then the worked solution (a formula: see Page)
    assert [key_entry(q) for q in site.bank.topics[0].questions] == [
        "",
        "B",
        "A, C",
        "0.474 (± 0.00237) nats &amp; &quot;bits&quot;",
    ]


def test_a_worksheet_per_topic_with_questions(make_bank: MakeBank) -> None:
    files = _sample(make_bank).files
    assert "worksheets/basics/index.md" in files
    assert "worksheets/later/index.md" not in files


def test_built_worksheet_page(built_site: Path) -> None:
    html = (built_site / "worksheets" / "lifecycle" / "index.html").read_text(encoding="utf-8")
    assert '<section class="qb-ws-key">' in html
    assert 'id="answer-key"' in html
    assert "assets/stylesheets/worksheet.css" in html
    assert 'rel="edit"' not in html  # a view of the questions: nothing to edit there
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "worksheets/" not in nav  # linked from pages, not listed in the navigation
