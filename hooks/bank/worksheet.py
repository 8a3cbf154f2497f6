"""A printable worksheet per topic: the questions and lettered choices, then an answer key.

Rendered as Markdown for the site (so math and links behave as on the topic page); the print
layout lives in docs/assets/stylesheets/worksheet.css.
"""

from __future__ import annotations

from .exports import worksheet_src
from .model import Bank, Question, Topic
from .paths import relative, topic_src
from .render import choice_items, correct_letters, localise_links


def render_worksheet(topic: Topic, bank: Bank) -> str:
    page = worksheet_src(topic)
    count = len(topic.questions)
    parts = [
        # A printable copy of the topic page: search finds the questions there, and must never find the key.
        "---\nsearch:\n  exclude: true\n---",
        f"# Worksheet: {topic.title}",
        f"/// html | div.qb-ws-screen-only\n"
        f"{count} question{'s' if count != 1 else ''} from [{topic.title}]({relative(page, topic_src(topic))}), "
        "without their answers; the answer key is at the end. "
        "Print this page (Ctrl+P, or ⌘P on a Mac): the site's navigation is left out of the printout.\n///",
    ]
    parts += [_question(q, n, bank, page) for n, q in enumerate(topic.questions, 1)]
    parts.append(_answer_key(topic, bank, page))
    return "\n\n".join(parts) + "\n"


def _question(question: Question, number: int, bank: Bank, page: str) -> str:
    q = question
    parts = [
        f"///// html | section.qb-ws-question[data-qid={q.id}]",
        f"## Question {number} {{ #{q.id} }}",
        localise_links(q.text, bank, page),
    ]
    if q.choices:
        items = choice_items(q, bank, page)
        if q.multiple:
            parts.append('<p class="qb-ws-hint">Select all that apply.</p>')
        parts.append(f'//// html | ol.qb-ws-choices[type="A"]\n{items}\n////')
    else:
        parts.append('<div class="qb-ws-lines" aria-hidden="true"></div>')
    parts.append("/////")
    return "\n\n".join(parts)


def key_entry(question: Question) -> str:
    """Letters of the correct choices, or '' for a question without choices."""
    return ", ".join(correct_letters(question))


def _answer_key(topic: Topic, bank: Bank, page: str) -> str:
    entries = []
    for number, q in enumerate(topic.questions, 1):
        letters = key_entry(q)
        if letters:
            entries.append(f"/// html | div.qb-ws-key-entry\n**[Question {number}](#{q.id}):** {letters}\n///")
        else:
            answer = localise_links(q.answer, bank, page)
            entries.append(f"/// html | div.qb-ws-key-entry\n**[Question {number}](#{q.id}):**\n\n{answer}\n///")
    return "//// html | section.qb-ws-key\n## Answer key { #answer-key }\n\n" + "\n\n".join(entries) + "\n////"
