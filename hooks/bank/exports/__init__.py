"""The bank in other formats (JSON, Anki, Moodle GIFT), one module each, made from the shared fragments."""

from __future__ import annotations

from collections.abc import Iterator

from ..fragments import Fragments
from ..model import Bank
from ..paths import ANKI_SRC, GIFT_SRC, QUESTIONS_JSON_SRC, SCHEMA_SRC
from .anki import deck_timestamp, render_apkg
from .gift import render_gift
from .questions_json import render_questions_json, render_schema


def export_files(bank: Bank, fragments: Fragments, *, site_url: str | None) -> Iterator[tuple[str, bytes]]:
    """Every export with its path in the docs tree, made one at a time (a large bank's are tens of MB each)."""
    yield QUESTIONS_JSON_SRC, render_questions_json(bank, site_url=site_url).encode("utf-8")
    yield SCHEMA_SRC, render_schema(site_url=site_url).encode("utf-8")
    yield ANKI_SRC, render_apkg(bank, fragments, site_url=site_url, timestamp=deck_timestamp())
    yield GIFT_SRC, render_gift(bank, fragments, site_url=site_url).encode("utf-8")
