"""Where the exports and worksheets live in the site, and the links to them from the bank's pages.

Kept free of the exporters themselves (and of `render`, which imports this module) so that the
pages can link to the exports without pulling in genanki.
"""

from __future__ import annotations

from .model import Bank, Topic
from .paths import relative

SCHEMA_VERSION = 1
QUESTIONS_JSON_SRC = "exports/questions.json"
SCHEMA_SRC = f"exports/questions.schema.v{SCHEMA_VERSION}.json"
ANKI_SRC = "exports/post-training.apkg"
GIFT_SRC = "exports/questions.gift.txt"


def worksheet_src(topic: Topic | str) -> str:
    slug = topic if isinstance(topic, str) else topic.slug
    return f"worksheets/{slug}/index.md"


def render_worksheet_link(topic: Topic, *, page_src: str) -> str:
    """The topic page's pointer to its printable worksheet (topics without questions have none)."""
    if not topic.questions:
        return ""
    return (
        f"[Printable worksheet]({relative(page_src, worksheet_src(topic))}){{ .qb-worksheet-link }}: "
        "these questions without answers, and an answer key at the end."
    )


def render_exports_section(bank: Bank, *, page_src: str) -> str:
    """The overview's list of ways to take the questions elsewhere."""
    worksheets = "".join(
        f"    - [Worksheet: {t.title}]({relative(page_src, worksheet_src(t))})\n" for t in bank.topics if t.questions
    )
    return (
        "## Take the questions with you\n\n"
        f"- **[Anki deck]({relative(page_src, ANKI_SRC)})**: one note per question, tagged with its topic. "
        "Importing a newer deck updates your cards and keeps your review history.\n"
        f"- **[Moodle GIFT file]({relative(page_src, GIFT_SRC)})**: import it into a Moodle question bank; "
        "one category per topic, each question named by its ID.\n"
        f"- **[JSON]({relative(page_src, QUESTIONS_JSON_SRC)})**: the whole bank, with choices, answers, explanations, glossary, "
        f"sources and permalinks, described by [its JSON Schema]({relative(page_src, SCHEMA_SRC)}) "
        f"(version {SCHEMA_VERSION}). Text fields are Markdown with `$...$` math.\n"
        f"- **Printable worksheets**, one per topic, with an answer key at the end:\n\n{worksheets}"
    )
