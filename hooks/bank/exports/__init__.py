"""The bank in other formats (JSON, Anki, Moodle GIFT), one module each, made from the shared fragments."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from ..fragments import Fragments
from ..model import Bank
from ..paths import ANKI_SRC, GIFT_SRC, QUESTIONS_JSON_SRC, SCHEMA_SRC
from .anki import deck_timestamp, write_apkg
from .gift import gift_chunks
from .questions_json import questions_json_chunks, render_schema

Writer = Callable[[BinaryIO], None]


def export_files(bank: Bank, fragments: Fragments, *, site_url: str | None) -> Iterator[tuple[str, Writer]]:
    """Every export with its path in the docs tree, as a function that writes it to a binary file.

    A large bank's exports are tens of MB each: each is written as it is made, never held whole.
    """
    yield QUESTIONS_JSON_SRC, lambda out: write_text(out, questions_json_chunks(bank, site_url=site_url))
    yield SCHEMA_SRC, lambda out: write_text(out, [render_schema(site_url=site_url)])
    yield ANKI_SRC, lambda out: write_apkg(out, bank, fragments, site_url=site_url, timestamp=deck_timestamp())
    yield GIFT_SRC, lambda out: write_text(out, gift_chunks(bank, fragments, site_url=site_url))


def write_text(out: BinaryIO, chunks: Iterable[str], *, batch: int = 4096) -> None:
    """`chunks` to `out` as UTF-8, a few thousand at a time (JSON's encoder yields one per token)."""
    pending: list[str] = []
    for chunk in chunks:
        pending.append(chunk)
        if len(pending) >= batch:
            out.write("".join(pending).encode("utf-8"))
            pending.clear()
    out.write("".join(pending).encode("utf-8"))
