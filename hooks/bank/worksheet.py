"""A printable worksheet per topic: the questions and lettered choices, then an answer key.

Assembled from the same fragments as the topic page (both pages sit two folders deep, so the
links carry over); the print layout lives in docs/assets/stylesheets/worksheet.css.
"""

from __future__ import annotations

from html import escape

from .fragments import Fragments
from .model import Question, Topic
from .paths import relative_url, topic_src, worksheet_src
from .render import Page, correct_letters, question_heading


def render_worksheet(topic: Topic, fragments: Fragments) -> Page:
    src = worksheet_src(topic)
    count = len(topic.questions)
    # A printable copy of the topic page: search finds the questions there, and must never find the key.
    # Derived from the topic page, it has nothing of its own to edit.
    page = Page(meta={"search": {"exclude": True}, "edit_url": ""})
    page.add(f"# Worksheet: {escape(topic.title)}")
    page.add_html(
        f'<div class="qb-ws-screen-only"><p>{count} question{"s" if count != 1 else ""} from '
        f'<a href="{relative_url(src, topic_src(topic))}">{escape(topic.title)}</a>, without their answers; '
        "the answer key is at the end. Print this page (Ctrl+P, or ⌘P on a Mac): the site's navigation is "
        "left out of the printout.</p></div>"
    )
    for number, q in enumerate(topic.questions, 1):
        _question(page, q, number, fragments)
    _answer_key(page, topic, fragments)
    return page


def _question(page: Page, q: Question, number: int, fragments: Fragments) -> None:
    f = fragments.questions[q.id]
    opening = f'<section class="qb-ws-question" data-qid="{q.id}">'
    page.add_html(opening, markdown=opening[:-1] + " markdown>")
    page.add(f"## {question_heading(q, number)} {{ #{q.id} }}")
    body = [f.text.html]
    if q.choices:
        if q.multiple:
            body.append('<p class="qb-ws-hint">Select all that apply.</p>')
        items = "".join(f"<li>{c.inline}</li>" for c in f.choices)
        body.append(f'<ol class="qb-ws-choices" type="A">{items}</ol>')
    elif q.numeric is not None:
        unit = f" of {escape(q.numeric.unit)}" if q.numeric.unit else ""
        body.append(f'<p class="qb-ws-hint">Answer with a number{unit}, and show your working.</p>')
        body.append('<div class="qb-ws-lines" aria-hidden="true"></div>')
    else:
        body.append('<div class="qb-ws-lines" aria-hidden="true"></div>')
    page.add_html("\n".join(body))
    page.add_html("</section>")  # its own splice: the Markdown form needs the blank line before it


def key_entry(question: Question) -> str:
    """Letters of the correct choices, a numeric question's value, or '' for a reveal question."""
    if question.numeric is not None:
        return escape(question.numeric.summary)
    return ", ".join(correct_letters(question))


def _answer_key(page: Page, topic: Topic, fragments: Fragments) -> None:
    opening = '<section class="qb-ws-key">'
    page.add_html(opening, markdown=opening[:-1] + " markdown>")
    page.add("## Answer key { #answer-key }")
    entries = []
    for number, q in enumerate(topic.questions, 1):
        f = fragments.questions[q.id]
        name = escape(q.title) if q.title else f"Question {number}"
        label = f'<strong><a href="#{q.id}">{name}</a>:</strong>'
        if q.choices:
            reasons = "".join(f"<li>{reason.inline}</li>" if reason else "<li></li>" for reason in f.reasons)
            why = f'<ol class="qb-ws-reasons" type="A">{reasons}</ol>' if any(f.reasons) else ""
            entries.append(f'<div class="qb-ws-key-entry"><p>{label} {key_entry(q)}</p>{why}</div>')
        elif q.numeric is not None:  # the value, then the worked solution
            entries.append(f'<div class="qb-ws-key-entry"><p>{label} {key_entry(q)}</p>{f.answer.html}</div>')
        else:
            entries.append(f'<div class="qb-ws-key-entry"><p>{label}</p>{f.answer.html}</div>')
    page.add_html("\n".join(entries))
    page.add_html("</section>")  # its own splice: the Markdown form needs the blank line before it
