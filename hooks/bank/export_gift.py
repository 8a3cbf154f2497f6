"""The bank as a Moodle GIFT file: one category per topic, each question named by its ID.

Text goes in as HTML (`[html]`), math as `\\(...\\)` for Moodle's MathJax filter. Every field is
kept on one line (newlines written as GIFT's `\\n`), because a blank line ends a GIFT question.
Choice questions become multiple-choice questions; reveal questions become essays whose general
feedback holds the answer. A question with several correct choices shares 100% among them and
takes 100% off for any wrong one, as in Moodle's own GIFT examples.
"""

from __future__ import annotations

from html import escape

from .export_text import choices_html, permalink, to_html
from .model import Bank, Question

ROOT_CATEGORY = "Post-training self-check"
# Moodle reads `\` + one of these as the literal character.
_SPECIAL = "~=#{}:"


def gift_escape(text: str) -> str:
    """Escape text for a GIFT field: backslashes first, then GIFT's control characters and newlines."""
    text = text.replace("\\", "\\\\")
    for char in _SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def _weight(count: int) -> str:
    """The percentage of each of `count` correct choices, in the precision Moodle's grade list uses."""
    return f"{100 / count:.5f}".rstrip("0").rstrip(".")


def _feedback(question: Question, bank: Bank, site_url: str | None) -> str:
    q = question
    parts = [to_html(q.answer, bank, site_url)]
    if q.explanation:
        parts.append(to_html(q.explanation, bank, site_url))
    sources = [
        f'<a href="{escape(s.url)}">{escape(s.title)}</a> ({escape(s.authors)}, {s.year})'
        for s in (bank.sources[k] for k in q.sources if k in bank.sources)
    ]
    if sources:
        parts.append("<p>Sources: " + "; ".join(sources) + "</p>")
    if site_url:
        parts.append(f'<p><a href="{escape(permalink(q, site_url))}">This question on the site</a></p>')
    return "\n".join(parts)


def render_question(question: Question, bank: Bank, *, site_url: str | None) -> str:
    q = question
    lines = [f"// {q.id} ({q.path})", f"::{gift_escape(q.id)}::[html]{gift_escape(to_html(q.text, bank, site_url))}{{"]
    correct = sum(c.correct for c in q.choices)
    for choice, html in zip(q.choices, choices_html(q.choices, bank, site_url), strict=True):
        text = gift_escape(html)
        if not q.multiple:
            mark = "=" if choice.correct else "~"
        else:
            mark = f"~%{_weight(correct)}%" if choice.correct else "~%-100%"
        lines.append(f"{mark}{text}")
    lines.append(f"####{gift_escape(_feedback(q, bank, site_url))}")
    lines.append("}")
    return "\n".join(lines)


def render_gift(bank: Bank, *, site_url: str | None) -> str:
    blocks = [
        f"// {ROOT_CATEGORY}: every question of the bank in Moodle GIFT format, generated from the bank.\n"
        "// Import: Question bank > Import > GIFT format. Question names are the stable question IDs."
    ]
    for topic in bank.topics:
        if not topic.questions:
            continue
        # In category paths '/' separates levels; Moodle reads '//' as a slash within a name.
        blocks.append(f"$CATEGORY: $course$/top/{ROOT_CATEGORY}/{topic.title.replace('/', '//')}")
        blocks += [render_question(q, bank, site_url=site_url) for q in topic.questions]
    return "\n\n".join(blocks) + "\n"
