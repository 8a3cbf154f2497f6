"""The bank's pages, assembled from its checked HTML fragments. Pure: no MkDocs imports.

A page is Markdown where the table of contents and search need it (the title, one heading per
question) and HTML everywhere else. The HTML stands between the headings as splices: each marker
(an HTML comment on a line of its own) is replaced either in the Markdown, for a builder that runs
no hook (`Page.markdown_inline`), or in the converted page by the MkDocs hook (`Page.splice`), which
spares Markdown from parsing HTML that is final already. Both give the same page.

Consecutive HTML shares one marker, so Markdown parses one block per question besides its heading.
A late splice (`Page.late`) holds HTML that search leaves out anyway (answers, reasons, links): it sits
as a marker inside another splice, and the hook fills it in after the page is indexed, so search
does not parse it. `Page.park` moves a page's splices to a file until the page is written.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from .concepts import questions_by_concept
from .fragments import Fragments, QuestionFragments
from .glossary import focusable_terms, without_tooltips
from .model import LEVELS, Bank, Concept, Question, Topic
from .paths import (
    ANKI_SRC,
    CONCEPTS_SRC,
    GIFT_SRC,
    OVERVIEW_SRC,
    QUESTIONS_JSON_SRC,
    SCHEMA_SRC,
    SCHEMA_VERSION,
    relative,
    relative_url,
    topic_src,
    worksheet_src,
)
from .selfcheck import render_progress

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MARKER = re.compile(r"<!--qb:(\d+)-->")
# Characters Python-Markdown reads as syntax in a heading; a backslash makes each one literal.
MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]#+\-.!$])")  # not ( ): arithmatex reads \( as math


def heading_text(text: str) -> str:
    """Plain text (a title from YAML) for a Markdown heading: shown as written, never read as markup."""
    return MARKDOWN_SYNTAX.sub(r"\\\1", escape(text, quote=False))


def question_heading(q: Question, number: int) -> str:
    return heading_text(q.title) if q.title else f"Question {number}"


@dataclass(frozen=True)
class Splice:
    html: str  # what the marker becomes in the converted page
    markdown: str  # what it becomes in the Markdown, for a builder without the hook
    late: bool = False  # left out of search: filled in after the page is indexed


@dataclass
class Page:
    """A generated page: Markdown with splice markers, and what each marker stands for."""

    parts: list[str] = field(default_factory=list)
    splices: list[Splice] = field(default_factory=list)
    meta: dict[str, object] = field(default_factory=dict)  # front matter
    parked: Path | None = None  # where the splices' HTML waits (`park`)
    spans: list[tuple[int, int, bool]] = field(default_factory=list)  # each parked splice: start, end, late

    def add(self, markdown: str) -> None:
        self.parts.append(markdown)

    def add_html(self, html: str, *, markdown: str | None = None) -> None:
        markdown = html if markdown is None else markdown
        last = MARKER.fullmatch(self.parts[-1]) if self.parts else None
        if last:  # one marker for consecutive HTML
            s = self.splices[int(last.group(1))]
            self.splices[int(last.group(1))] = Splice(f"{s.html}\n{html}", f"{s.markdown}\n\n{markdown}")
            return
        self.parts.append(f"<!--qb:{len(self.splices)}-->")
        self.splices.append(Splice(html, markdown))

    def late(self, html: str) -> str:
        """A marker to put in other HTML in place of `html`, which search leaves out."""
        self.splices.append(Splice(html, html, late=True))
        return f"<!--qb:{len(self.splices) - 1}-->"

    @property
    def markdown(self) -> str:
        """For the hook: markers stay, and `splice` fills them in after conversion."""
        return front_matter(self.meta) + "\n\n".join(p for p in self.parts if p) + "\n"

    @property
    def markdown_inline(self) -> str:
        """For any builder: the HTML written into the Markdown itself.

        md_in_html counts `<math>` as a block: right after `<p>` it would close the paragraph and leave an
        empty `<p></p>`. A space first keeps the formula inside (and shows nothing).
        """

        def fill(m: re.Match[str]) -> str:
            return MARKER.sub(fill, self.splices[int(m.group(1))].markdown).replace("<p><math", "<p> <math")

        return MARKER.sub(fill, self.markdown)

    def splice(self, html: str, *, late: bool | None = None) -> str:
        """`html` with its markers filled in: all of them, or those of the first pass (`late=False`: what
        search sees, with the late markers inside) or of the second (`late=True`)."""
        htmls = self._htmls()
        lates = [s[2] for s in self.spans] if self.parked else [s.late for s in self.splices]

        def fill(m: re.Match[str]) -> str:
            n = int(m.group(1))
            if late is not None and lates[n] != late:
                return m.group(0)
            return htmls[n] if late is not None else MARKER.sub(fill, htmls[n])

        return MARKER.sub(fill, html)

    def park(self, path: Path) -> None:
        """Moves the splices' HTML to `path`, for a builder that keeps every page until the end (MkDocs):
        the page's HTML is read back when it is written. The Markdown-only form is given up."""
        data = [s.html.encode("utf-8") for s in self.splices]
        path.write_bytes(b"".join(data))
        start = 0
        for s, chunk in zip(self.splices, data, strict=True):
            self.spans.append((start, start + len(chunk), s.late))
            start += len(chunk)
        self.parked, self.splices = path, []

    def _htmls(self) -> list[str]:
        if self.parked is None:
            return [s.html for s in self.splices]
        data = self.parked.read_bytes()
        return [data[start:end].decode("utf-8") for start, end, _ in self.spans]


def front_matter(meta: dict[str, object]) -> str:
    """YAML front matter for a generated page ('' for none); JSON is YAML, and escapes every value."""
    if not meta:
        return ""
    return "---\n" + "".join(f"{key}: {json.dumps(value)}\n" for key, value in meta.items()) + "---\n\n"


def level_counts(questions: list[Question]) -> str:
    counts = Counter(q.level for q in questions)
    return " · ".join(f"{counts[level]} {level}" for level in LEVELS if counts[level])


def correct_letters(question: Question) -> list[str]:
    return [LETTERS[i] for i, c in enumerate(question.choices) if c.correct]


def correct_value(question: Question) -> str:
    """The line that states a numeric question's value: '<p><strong>Correct value:</strong> 0.5 (± 0.01) tokens</p>'."""
    numeric = question.numeric
    return f"<p><strong>Correct value:</strong> {escape(numeric.summary)}</p>" if numeric is not None else ""


def worksheet_link(topic: Topic, *, page_src: str) -> str:
    """The topic page's pointer to its printable worksheet (topics without questions have none)."""
    if not topic.questions:
        return ""
    return (
        f"[Printable worksheet]({relative(page_src, worksheet_src(topic))}){{ .qb-worksheet-link }}: "
        "these questions without answers, and an answer key at the end."
    )


def render_topic_page(topic: Topic, bank: Bank, fragments: Fragments, *, edit_root: str | None = None) -> Page:
    """The topic page: its introduction, then every question in order, answers in closed reveals."""
    page_src = topic_src(topic)
    count = len(topic.questions)
    page = Page(meta={"edit_url": edit_root + str(topic.path) if edit_root else ""})
    page.add(f"# {escape(topic.title)}")
    if topic.slug in fragments.intros:
        page.add_html(focusable_terms(fragments.intros[topic.slug].html))
    page.add_html(
        f'<p class="qb-topic-meta">{count} question{"s" if count != 1 else ""}: {level_counts(topic.questions)}. '
        "Answer each one in your head, then open its answer to check.</p>"
        + (render_progress(count, "on this page", keys=True) if count else "")
    )
    page.add(worksheet_link(topic, page_src=page_src))
    concepts = {c.id: c for c in bank.concepts}
    for number, q in enumerate(topic.questions, 1):
        _question(page, q, number, fragments.questions[q.id], bank, concepts, edit_root=edit_root)
    return page


def concept_links(q: Question, concepts: dict[str, Concept], *, page_src: str) -> str:
    """The question's concepts, each linked to its section of the Concepts page."""
    base = relative_url(page_src, CONCEPTS_SRC)
    links = ", ".join(
        f'<a href="{base}#{c.id}">{escape(c.name)}</a>' for cid in q.concepts if (c := concepts.get(cid)) is not None
    )
    return f'<span class="qb-concepts">Concepts: {links}</span>' if links else ""


def _question(
    page: Page,
    q: Question,
    number: int,
    f: QuestionFragments,
    bank: Bank,
    concepts: dict[str, Concept],
    *,
    edit_root: str | None,
) -> None:
    opening = f'<section class="qb-question" data-qid="{q.id}" data-kind="{q.kind}" data-topic="{q.topic}">'
    page.add_html(opening, markdown=opening[:-1] + " markdown>")
    page.add(f"## {question_heading(q, number)} {{ #{q.id} .qb-question__title }}")
    level = f'<span class="qb-level qb-level--{q.level}">{q.level.capitalize()}</span>'
    meta = [f'<a class="qb-permalink" href="#{q.id}" title="Permanent link to this question">#{q.id}</a>']
    if links := concept_links(q, concepts, page_src=topic_src(q.topic)):
        meta.append(links)
    if edit_root:
        meta.append(
            f'<a class="qb-edit" href="{escape(edit_root + str(q.path))}" '
            f'aria-label="Edit question {number} on GitHub">Edit this question</a>'
        )
    # The links sit behind one summary: a single Tab stop between the heading and the choices.
    links = f'<details class="qb-links"><summary>Links</summary> {" ".join(meta)}</details>'
    body = [page.late(focusable_terms(f'<div class="qb-meta" data-search-exclude>{level} {links}</div>')), f.text.html]
    if q.choices:
        # <ol type="A">: the letters the answer refers to show even without our stylesheet.
        hint = "Select all that apply." if q.multiple else "Select one."
        items = "".join(f"<li>{c.inline}</li>" for c in f.choices)
        body.append(f'<div class="qb-choices" data-hint="{hint}"><ol type="A">{items}</ol></div>')
    if q.numeric is not None:
        # Empty without JavaScript: the self-check script puts the reader's number field here.
        body.append(f'<div class="qb-numeric" data-unit="{escape(q.numeric.unit)}"></div>')
    body.append(_reveal(page, q, f, bank))
    page.add_html(focusable_terms("\n".join(body)))
    page.add_html("</section>")  # its own splice: the Markdown form needs the blank line before it


def _reveal(page: Page, q: Question, f: QuestionFragments, bank: Bank) -> str:
    """Answer and reasons (kept out of search), explanation and sources, in a details block closed by default."""
    correct = correct_letters(q)
    answer = []
    if correct:
        texts = "; ".join(
            f"{LETTERS[i]}. {without_tooltips(c.inline)}" for i, c in enumerate(f.choices) if q.choices[i].correct
        )
        label = "Correct choices" if len(correct) > 1 else "Correct choice"
        answer.append(f"<p><strong>{label}:</strong> {texts}</p>")
    if q.numeric is not None:
        answer.append(correct_value(q))
    answer.append(f.answer.html)
    data = f' data-correct="{",".join(correct)}"' if correct else ""
    if q.numeric is not None:
        data = f' data-value="{q.numeric.value_text}" data-tolerance="{q.numeric.tolerance_text}"'
    answer_html = "\n".join(answer)
    parts = [
        '<details class="success qb-reveal">',
        "<summary>Answer</summary>",
        page.late(focusable_terms(f'<div class="qb-answer" data-search-exclude="true"{data}>{answer_html}</div>')),
    ]
    if any(f.reasons):
        items = "".join(
            f'<li><span class="qb-reason__choice">{without_tooltips(choice.inline)}</span> {reason.inline if reason else ""}</li>'
            for choice, reason in zip(f.choices, f.reasons, strict=True)
        )
        reasons = (
            '<div class="qb-reasons" data-search-exclude><p class="qb-reasons__label">Why each choice is right '
            f'or wrong</p><ol type="A">{items}</ol></div>'
        )
        parts.append(page.late(focusable_terms(reasons)))
    if f.explanation is not None:
        parts.append(f'<div class="qb-explanation">{f.explanation.html}</div>')
    links = "".join(
        f'<li><a href="{escape(bank.sources[k].url)}">{escape(bank.sources[k].title)}</a> ({bank.sources[k].year})</li>'
        for k in q.sources
        if k in bank.sources
    )
    parts.append(f'<p class="qb-sources-label">Sources</p>\n<ul>{links}</ul>\n</details>')
    return "\n".join(parts)


def render_overview(bank: Bank) -> str:
    """Every topic with its question count and levels."""
    total = len(bank.questions)
    rows = "\n".join(
        f"| [{escape(t.title)}]({relative(OVERVIEW_SRC, topic_src(t))}) | {len(t.questions)} | {level_counts(t.questions)} |"
        for t in bank.topics
    )
    return (
        "# Topics\n\n"
        f"{total} questions in {len(bank.topics)} topics. Pick a topic, answer each question in your head, "
        "then open its answer to check yourself.\n\n"
        f"{render_progress(total, 'on all topics')}\n\n"
        "| Topic | Questions | Levels |\n| --- | ---: | --- |\n"
        f"{rows}\n\n" + render_exports_section(bank, page_src=OVERVIEW_SRC)
    )


def render_exports_section(bank: Bank, *, page_src: str) -> str:
    """The overview's list of ways to take the questions elsewhere."""
    worksheets = "".join(
        f"    - [Worksheet: {escape(t.title)}]({relative(page_src, worksheet_src(t))})\n"
        for t in bank.topics
        if t.questions
    )
    return (
        "## Take the questions with you\n\n"
        f"- **[Anki deck]({relative(page_src, ANKI_SRC)})**: one note per question, tagged with its topic. "
        "Importing a newer deck updates your cards and keeps your review history.\n"
        f"- **[Moodle GIFT file]({relative(page_src, GIFT_SRC)})**: import it into a Moodle question bank; "
        "one category per topic, each question named by its title.\n"
        f"- **[JSON]({relative(page_src, QUESTIONS_JSON_SRC)})**: the whole bank, with choices, answers, explanations, glossary, "
        f"sources and permalinks, described by [its JSON Schema]({relative(page_src, SCHEMA_SRC)}) "
        f"(version {SCHEMA_VERSION}). Text fields are Markdown with `$...$` math.\n"
        f"- **Printable worksheets**, one per topic, with an answer key at the end:\n\n{worksheets}"
    )


def render_topic_cards(bank: Bank, *, page_src: str) -> str:
    """A Material grid of cards, one per topic, for the home page."""
    cards = []
    for t in bank.topics:
        link = relative(page_src, topic_src(t))
        count = len(t.questions)
        questions = (
            f"{count} question{'s' if count != 1 else ''}: {level_counts(t.questions)}" if count else "No questions yet"
        )
        cards.append(f"-   **[{escape(t.title)}]({link})**\n\n    ---\n\n    {escape(t.summary)}\n\n    {questions}")
    return '<div class="grid cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def render_concepts_page(bank: Bank, *, edit_url: str = "") -> Page:
    """Every concept, alphabetically, with its questions across topics, each linked by its permalink.

    The headings are Markdown (table of contents, search); the lists, which grow with the bank, are HTML.
    """
    users = questions_by_concept(bank.questions)
    titles = {t.slug: t.title for t in bank.topics}
    page = Page(meta={"edit_url": edit_url})  # "" hides the edit button: there is no such file in docs/
    page.add("# Concepts")
    page.add(
        "The subjects the questions test, across topics. Each concept lists its questions; each question names "
        "its concepts under its heading."
        if bank.concepts
        else "This bank has no concepts yet (they are listed in `questions/concepts.yml`)."
    )
    for concept in sorted(bank.concepts, key=lambda c: c.name.casefold()):
        page.add(f"## {heading_text(concept.name)} {{ #{concept.id} }}")
        count = len(users[concept.id])
        items = "".join(
            f'<li><a href="{relative_url(CONCEPTS_SRC, topic_src(q.topic))}#{q.id}">{escape(q.title or q.id)}</a>'
            f" · {escape(titles.get(q.topic, q.topic))} · {q.level}</li>"
            for q in users[concept.id]
        )
        page.add_html(
            f"<p>{escape(concept.summary)}</p>\n<p>{count} question{'s' if count != 1 else ''}:</p>\n<ul>{items}</ul>"
        )
    return page


def nav_entries(bank: Bank) -> list[str | dict[str, str]]:
    """The Topics section of the navigation: the overview, then each topic in its configured order."""
    return [OVERVIEW_SRC, *({t.title: topic_src(t)} for t in bank.topics)]
