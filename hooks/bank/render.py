"""Render the bank to Material-flavoured Markdown (pymdownx.blocks). Pure: no MkDocs imports.

Pages are addressed by their path in the docs tree (`topics/<slug>/index.md`) so that links in
bank text can be rewritten relative to the page they end up on.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from .exports import render_exports_section, render_worksheet_link
from .markup import SCHEME, rewrite_links
from .model import LEVELS, Bank, Question, Topic
from .paths import OVERVIEW_SRC, relative, topic_src

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def localise_links(markdown: str, bank: Bank, page_src: str) -> str:
    """Make bank links (`#question-id`, docs-relative pages) work from the page at `page_src`."""

    def target(link: str) -> str:
        if link.startswith("#"):
            question = bank.question(link[1:])
            if question is None or topic_src(question.topic) == page_src:
                return link
            return relative(page_src, topic_src(question.topic)) + link
        if SCHEME.match(link) or link.startswith("//"):
            return link
        return relative(page_src, link)

    return rewrite_links(markdown, target)


def level_counts(questions: list[Question]) -> str:
    counts = Counter(q.level for q in questions)
    return " · ".join(f"{counts[level]} {level}" for level in LEVELS if counts[level])


def render_topic_page(topic: Topic, bank: Bank, *, edit_root: str | None = None) -> str:
    """The topic page: its introduction, then every question in order, answers in closed reveals."""
    page = topic_src(topic)
    count = len(topic.questions)
    parts = [
        f"# {topic.title}",
        localise_links(topic.intro, bank, page),
        f'<p class="qb-topic-meta">{count} question{"s" if count != 1 else ""}: {level_counts(topic.questions)}. '
        "Answer each one in your head, then open its answer to check.</p>",
        render_worksheet_link(topic, page_src=page),
    ]
    parts += [
        render_question(q, number, bank, page_src=page, edit_root=edit_root)
        for number, q in enumerate(topic.questions, 1)
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def correct_letters(question: Question) -> list[str]:
    return [LETTERS[i] for i, c in enumerate(question.choices) if c.correct]


def choice_items(question: Question, bank: Bank, page_src: str) -> str:
    """The choices as `li` blocks, for a list whose `type="A"` letters them."""
    return "\n".join(
        f"/// html | li\n    markdown: inline\n{localise_links(c.text, bank, page_src)}\n///" for c in question.choices
    )


def render_question(question: Question, number: int, bank: Bank, *, page_src: str, edit_root: str | None) -> str:
    q = question
    attrs = f'data-qid="{q.id}" data-kind="{q.kind}" data-topic="{q.topic}"'
    meta = [
        f'<span class="qb-level qb-level--{q.level}">{q.level.capitalize()}</span>',
        f'<a class="qb-permalink" href="#{q.id}" title="Permanent link to this question">#{q.id}</a>',
    ]
    if edit_root:
        meta.append(
            f'<a class="qb-edit" href="{escape(edit_root + str(q.path))}" aria-label="Edit question {number} on GitHub">Edit this question</a>'
        )
    parts = [
        f"/////// html | section.qb-question[{attrs}]",
        f"## {escape(q.title) if q.title else f'Question {number}'} {{ #{q.id} .qb-question__title }}",
        '<p class="qb-meta" data-search-exclude>' + " ".join(meta) + "</p>",
        localise_links(q.text, bank, page_src),
    ]
    if q.choices:
        # <ol type="A">: the letters the answer refers to show even without our stylesheet.
        items = choice_items(q, bank, page_src)
        hint = "Select all that apply." if q.multiple else "Select one."
        parts.append(f'////// html | div.qb-choices[data-hint="{hint}"]\n//// html | ol[type=A]\n{items}\n////\n//////')
    parts.append(render_reveal(q, bank, page_src=page_src))
    parts.append("///////")
    return "\n\n".join(parts)


def render_reveal(question: Question, bank: Bank, *, page_src: str) -> str:
    """Answer (kept out of search), explanation and sources, in a details block closed by default."""
    q = question
    correct = correct_letters(q)
    answer = []
    if correct:
        texts = "; ".join(
            f"{LETTERS[i]}. {localise_links(c.text, bank, page_src)}" for i, c in enumerate(q.choices) if c.correct
        )
        label = "Correct choices" if len(correct) > 1 else "Correct choice"
        answer.append(f"**{label}:** {texts}")
    answer.append(localise_links(q.answer, bank, page_src))
    data = f' data-correct="{",".join(correct)}"' if correct else ""
    parts = [
        "////// details | Answer\n    type: success\n    attrs: {class: qb-reveal}",
        f"/// html | div.qb-answer[data-search-exclude=true{data}]\n" + "\n\n".join(answer) + "\n///",
    ]
    reasons = [(LETTERS[i], c) for i, c in enumerate(q.choices) if c.reason]
    if reasons:
        items = "\n".join(
            f"- **{letter}.** {localise_links(c.text, bank, page_src)}: {localise_links(c.reason, bank, page_src)}"
            for letter, c in reasons
        )
        parts.append("/// html | div.qb-reasons\n" + items + "\n///")
    if q.explanation:
        parts.append("/// html | div.qb-explanation\n" + localise_links(q.explanation, bank, page_src) + "\n///")
    links = [
        f"[{escape(bank.sources[k].title)}]({bank.sources[k].url}) ({bank.sources[k].year})"
        for k in q.sources
        if k in bank.sources
    ]
    parts.append('<p class="qb-sources-label">Sources</p>\n\n' + "\n".join(f"- {link}" for link in links))
    parts.append("//////")
    return "\n\n".join(parts)


def render_overview(bank: Bank) -> str:
    """Every topic with its question count and levels."""
    total = len(bank.questions)
    rows = "\n".join(
        f"| [{t.title}]({relative(OVERVIEW_SRC, topic_src(t))}) | {len(t.questions)} | {level_counts(t.questions)} |"
        for t in bank.topics
    )
    return (
        "# Topics\n\n"
        f"{total} questions in {len(bank.topics)} topics. Pick a topic, answer each question in your head, "
        "then open its answer to check yourself.\n\n"
        "| Topic | Questions | Levels |\n| --- | ---: | --- |\n"
        f"{rows}\n\n" + render_exports_section(bank, page_src=OVERVIEW_SRC)
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
        cards.append(f"-   **[{t.title}]({link})**\n\n    ---\n\n    {t.summary}\n\n    {questions}")
    return "/// html | div.grid.cards\n" + "\n\n".join(cards) + "\n///"


def nav_entries(bank: Bank) -> list[str | dict[str, str]]:
    """The Topics section of the navigation: the overview, then each topic in its configured order."""
    return [OVERVIEW_SRC, *({t.title: topic_src(t)} for t in bank.topics)]
