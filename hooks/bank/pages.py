"""Everything the bank adds to the site, as files addressed by their path in the docs tree."""

from __future__ import annotations

from dataclasses import dataclass

from .export_anki import deck_timestamp, render_apkg
from .export_gift import render_gift
from .export_json import render_questions_json, render_schema
from .exports import ANKI_SRC, GIFT_SRC, QUESTIONS_JSON_SRC, SCHEMA_SRC, worksheet_src
from .glossary import GLOSSARY_SRC, render_glossary_page
from .model import Bank
from .paths import OVERVIEW_SRC, topic_src
from .references import REFERENCES_SRC, render_references_page
from .render import render_overview, render_topic_page
from .selfcheck import selfcheck_files
from .worksheet import render_worksheet


@dataclass(frozen=True)
class GeneratedFile:
    content: str | bytes
    source: str | None = None  # the bank file behind it, relative to the project root, for "edit"


# The exports: slow to make, read by nothing in the build, so the hook makes them in the background.
EXPORT_SRCS = (QUESTIONS_JSON_SRC, SCHEMA_SRC, ANKI_SRC, GIFT_SRC)


def generated_files(
    bank: Bank, *, edit_root: str | None = None, site_url: str | None = None
) -> dict[str, GeneratedFile]:
    """Every file the bank adds to the site."""
    files = page_files(bank, edit_root=edit_root)
    files.update({src: GeneratedFile(content) for src, content in export_files(bank, site_url=site_url).items()})
    return files


def page_files(bank: Bank, *, edit_root: str | None = None) -> dict[str, GeneratedFile]:
    """The pages, and the small files the self-check reads."""
    files = {OVERVIEW_SRC: GeneratedFile(render_overview(bank))}
    for topic in bank.topics:
        files[topic_src(topic)] = GeneratedFile(render_topic_page(topic, bank, edit_root=edit_root), str(topic.path))
        if topic.questions:
            files[worksheet_src(topic)] = GeneratedFile(render_worksheet(topic, bank))  # derived: no edit button
    files[GLOSSARY_SRC] = GeneratedFile(render_glossary_page(bank), "questions/glossary.yml")
    files[REFERENCES_SRC] = GeneratedFile(render_references_page(bank), "questions/references.yml")
    files.update({src: GeneratedFile(content) for src, content in selfcheck_files(bank).items()})
    return files


def export_files(bank: Bank, *, site_url: str | None = None) -> dict[str, bytes]:
    """The exports, keyed like EXPORT_SRCS."""
    contents: dict[str, str | bytes] = {
        QUESTIONS_JSON_SRC: render_questions_json(bank, site_url=site_url),
        SCHEMA_SRC: render_schema(site_url=site_url),
        ANKI_SRC: render_apkg(bank, site_url=site_url, timestamp=deck_timestamp()),
        GIFT_SRC: render_gift(bank, site_url=site_url),
    }
    return {src: c.encode("utf-8") if isinstance(c, str) else c for src, c in contents.items()}
