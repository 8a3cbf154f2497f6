"""Everything the bank adds to the site, as files addressed by their path in the docs tree."""

from __future__ import annotations

from dataclasses import dataclass

from .export_anki import deck_timestamp, render_apkg
from .export_gift import render_gift
from .export_json import render_questions_json, render_schema
from .exports import ANKI_SRC, GIFT_SRC, QUESTIONS_JSON_SRC, SCHEMA_SRC, worksheet_src
from .glossary import GLOSSARY_SRC, render_glossary_page
from .model import Bank
from .references import REFERENCES_SRC, render_references_page
from .render import OVERVIEW_SRC, render_overview, render_topic_page, topic_src
from .selfcheck import selfcheck_files
from .worksheet import render_worksheet


@dataclass(frozen=True)
class GeneratedFile:
    content: str | bytes
    source: str | None = None  # the bank file behind it, relative to the project root, for "edit"


def generated_files(
    bank: Bank, *, edit_root: str | None = None, site_url: str | None = None
) -> dict[str, GeneratedFile]:
    files = {OVERVIEW_SRC: GeneratedFile(render_overview(bank))}
    for topic in bank.topics:
        files[topic_src(topic)] = GeneratedFile(render_topic_page(topic, bank, edit_root=edit_root), str(topic.path))
        if topic.questions:
            files[worksheet_src(topic)] = GeneratedFile(render_worksheet(topic, bank))  # derived: no edit button
    files[GLOSSARY_SRC] = GeneratedFile(render_glossary_page(bank), "questions/glossary.yml")
    files[REFERENCES_SRC] = GeneratedFile(render_references_page(bank), "questions/references.yml")
    files[QUESTIONS_JSON_SRC] = GeneratedFile(render_questions_json(bank, site_url=site_url))
    files[SCHEMA_SRC] = GeneratedFile(render_schema(site_url=site_url))
    files[ANKI_SRC] = GeneratedFile(render_apkg(bank, site_url=site_url, timestamp=deck_timestamp()))
    files[GIFT_SRC] = GeneratedFile(render_gift(bank, site_url=site_url))
    files.update({src: GeneratedFile(content) for src, content in selfcheck_files(bank).items()})
    return files
