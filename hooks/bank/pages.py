"""Everything the bank adds to the site, as files addressed by their path in the docs tree."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Bank
from .render import OVERVIEW_SRC, render_overview, render_topic_page, topic_src
from .selfcheck import selfcheck_files


@dataclass(frozen=True)
class GeneratedFile:
    content: str | bytes
    source: str | None = None  # the bank file behind it, relative to the project root, for "edit"


def generated_files(bank: Bank, *, edit_root: str | None = None) -> dict[str, GeneratedFile]:
    files = {OVERVIEW_SRC: GeneratedFile(render_overview(bank), "questions")}
    for topic in bank.topics:
        files[topic_src(topic)] = GeneratedFile(render_topic_page(topic, bank, edit_root=edit_root), str(topic.path))
    files.update({src: GeneratedFile(content) for src, content in selfcheck_files(bank).items()})
    return files
