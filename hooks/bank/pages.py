"""Everything the bank adds to the site, as files addressed by their path in the docs tree."""

from __future__ import annotations

from dataclasses import dataclass

from .glossary import GLOSSARY_SRC, render_glossary_page
from .model import Bank
from .references import REFERENCES_SRC, render_references_page
from .render import OVERVIEW_SRC, render_overview, render_topic_page, topic_src


@dataclass(frozen=True)
class GeneratedFile:
    content: str | bytes
    source: str | None = None  # the bank file behind it, relative to the project root, for "edit"


def generated_files(bank: Bank, *, edit_root: str | None = None) -> dict[str, GeneratedFile]:
    files = {OVERVIEW_SRC: GeneratedFile(render_overview(bank))}
    for topic in bank.topics:
        files[topic_src(topic)] = GeneratedFile(render_topic_page(topic, bank, edit_root=edit_root), str(topic.path))
    files[GLOSSARY_SRC] = GeneratedFile(render_glossary_page(bank), "questions/glossary.yml")
    files[REFERENCES_SRC] = GeneratedFile(render_references_page(bank), "questions/references.yml")
    return files
