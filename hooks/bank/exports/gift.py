"""The bank as a Moodle GIFT file: one category per topic, each question named by its title.

Text goes in as HTML (`[html]`), math as `\\(...\\)` for Moodle's MathJax filter. Every field is
kept on one line (newlines written as GIFT's `\\n`), because a blank line ends a GIFT question.
Choice questions become multiple-choice questions, each choice with its reason as feedback; numeric
questions become numerical ones (`{#value:tolerance}`, the tolerance absolute); reveal questions
become essays. The general feedback holds the answer (a numeric question's worked solution). A question with several correct
choices shares 100% among them and takes 100% off for any wrong one, as in Moodle's own examples.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from ..fragments import Fragments, QuestionFragments, for_export, for_export_inline
from ..model import Bank, Question
from ..paths import permalink
from ..render import correct_value

ROOT_CATEGORY = "Post-training self-check"
# Moodle reads `\` + one of these as the literal character.
_SPECIAL = "~=#{}:"


def gift_escape(text: str) -> str:
    """Escape text for a GIFT field: backslashes first, then GIFT's control characters and newlines."""
    text = text.replace("\\", "\\\\")
    for char in _SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def category_path(names: list[str]) -> str:
    """Category names as one path, the way Moodle writes one (`assemble_category_path`).

    '/' separates levels and '//' is a slash within a name; a name that starts or ends with a slash
    gets a space there, or its '//' would run into the separator and Moodle would split it elsewhere.
    """
    escaped = []
    for name in names:
        name = name.replace("/", "//")
        escaped.append(f"{' ' if name.startswith('/') else ''}{name}{' ' if name.endswith('/') else ''}")
    return "/".join(escaped)


def _weight(count: int) -> str:
    """The percentage of each of `count` correct choices, in the precision Moodle's grade list uses."""
    return f"{100 / count:.5f}".rstrip("0").rstrip(".")


def _feedback(q: Question, f: QuestionFragments, bank: Bank, site_url: str | None) -> str:
    parts = [correct_value(q) + for_export(f.answer, q, site_url)]
    if f.explanation:
        parts.append(for_export(f.explanation, q, site_url))
    sources = [
        f'<a href="{escape(s.url)}">{escape(s.title)}</a> ({escape(s.authors)}, {s.year})'
        for s in (bank.sources[k] for k in q.sources if k in bank.sources)
    ]
    if sources:
        parts.append("<p>Sources: " + "; ".join(sources) + "</p>")
    if site_url:
        parts.append(f'<p><a href="{escape(permalink(q, site_url))}">This question on the site</a></p>')
    return "\n".join(parts)


def render_question(question: Question, bank: Bank, fragments: Fragments, *, site_url: str | None) -> str:
    q = question
    f = fragments.questions[q.id]
    name = gift_escape(q.title or q.id)
    lines = [f"// {q.id} ({q.path})", f"::{name}::[html]{gift_escape(for_export(f.text, q, site_url))}{{"]
    correct = sum(c.correct for c in q.choices)
    for choice, html, reason in zip(q.choices, f.choices, f.reasons, strict=True):
        text = gift_escape(for_export_inline(html, q, site_url))
        if not q.multiple:
            mark = "=" if choice.correct else "~"
        else:
            mark = f"~%{_weight(correct)}%" if choice.correct else "~%-100%"
        feedback = f"#{gift_escape(for_export_inline(reason, q, site_url))}" if reason else ""
        lines.append(f"{mark}{text}{feedback}")
    if q.numeric is not None:
        lines.append(f"#{q.numeric.value_text}:{q.numeric.tolerance_text}")  # digits, '.' and '-': nothing to escape
    lines.append(f"####{gift_escape(_feedback(q, f, bank, site_url))}")
    lines.append("}")
    return "\n".join(lines)


def render_gift(bank: Bank, fragments: Fragments, *, site_url: str | None) -> str:
    return "".join(gift_chunks(bank, fragments, site_url=site_url))


def gift_chunks(bank: Bank, fragments: Fragments, *, site_url: str | None) -> Iterator[str]:
    """The GIFT file a question at a time, for writing it without holding it whole."""
    yield (
        f"// {ROOT_CATEGORY}: every question of the bank in Moodle GIFT format, generated from the bank.\n"
        "// Import: Question bank > Import > GIFT format. Each question is named by its title; the comment\n"
        "// above it gives its stable ID."
    )
    for topic in bank.topics:
        if not topic.questions:
            continue
        yield f"\n\n$CATEGORY: $course$/top/{category_path([ROOT_CATEGORY, topic.title])}"
        for q in topic.questions:
            yield "\n\n" + render_question(q, bank, fragments, site_url=site_url)
    yield "\n"
