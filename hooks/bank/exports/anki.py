"""The bank as an Anki deck (.apkg): one note per question, built with genanki, byte-for-byte reproducible.

Re-importing a newer deck updates the learner's notes in place because every note's GUID comes
from its question ID, and the deck and note type keep fixed IDs. Anki only takes an update whose
modification time is newer than its copy, so the timestamp must grow from one release to the next:
`deck_timestamp()` uses SOURCE_DATE_EPOCH (the commit time, in CI) and falls back to the clock.
If the note type's fields or templates ever change, give it a new MODEL_ID.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import shutil
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import BinaryIO

import genanki

from ..fragments import Fragments, for_export, for_export_inline
from ..model import Bank, Question
from ..paths import permalink
from ..render import LETTERS, correct_value

DECK_ID = 1_607_220_945  # fixed forever: Anki recognises the deck by it
MODEL_ID = 1_398_451_777  # fixed while the fields and templates below stay the same (…776 had no Title or Reasons)
DECK_NAME = "Post-training self-check"
FIELDS = ["ID", "Title", "Topic", "Level", "Question", "Choices", "Answer", "Reasons", "Explanation", "Sources", "Link"]
SORT_FIELD = FIELDS.index("Title")  # what Anki's browser lists the notes by
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can record: no build time in the archive

FRONT = """\
<div class="qb-meta">{{Topic}} · {{Level}}</div>
<h2 class="qb-title">{{Title}}</h2>
<div class="qb-question">{{Question}}</div>
{{#Choices}}<div class="qb-choices">{{Choices}}</div>{{/Choices}}"""
BACK = """\
{{FrontSide}}
<hr id="answer">
<div class="qb-answer">{{Answer}}</div>
{{#Reasons}}<div class="qb-reasons"><strong>Why each choice is right or wrong</strong>{{Reasons}}</div>{{/Reasons}}
{{#Explanation}}<div class="qb-explanation">{{Explanation}}</div>{{/Explanation}}
{{#Sources}}<div class="qb-sources"><strong>Sources</strong>{{Sources}}</div>{{/Sources}}
{{#Link}}<p class="qb-link"><a href="{{Link}}">This question on the site</a></p>{{/Link}}"""
CSS = """\
.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; text-align: left;
  max-width: 40em; margin: 0 auto; color: #1a1a1a; background: #fff; }
.nightMode.card, .night_mode .card { color: #e6e6e6; background: #1e1e1e; }
.qb-meta { font-size: 0.8em; opacity: 0.75; }
.qb-title { font-size: 1.1em; margin: 0.2em 0 0.6em; }
.qb-choices ol, .qb-reasons ol { list-style-type: upper-alpha; }
.qb-sources, .qb-link { font-size: 0.85em; }
"""

MODEL = genanki.Model(
    MODEL_ID,
    "Post-training self-check question",
    fields=[{"name": name} for name in FIELDS],
    templates=[{"name": "Question", "qfmt": FRONT, "afmt": BACK}],
    css=CSS,
    sort_field_index=SORT_FIELD,
)


def deck_timestamp(environ: Mapping[str, str] = os.environ) -> float:
    """When the deck was made, for Anki's "is this note newer?" test: SOURCE_DATE_EPOCH, or now."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    return float(int(value)) if value.isdigit() else time.time()


def question_note(question: Question, bank: Bank, fragments: Fragments, *, site_url: str | None) -> genanki.Note:
    q = question
    f = fragments.questions[q.id]
    topic = next((t.title for t in bank.topics if t.slug == q.topic), q.topic)
    items = [for_export_inline(c, q, site_url) for c in f.choices]
    choices = ""
    if items:
        hint = "Select all that apply." if q.multiple else "Select one."
        choices = (
            '<ol type="A">' + "".join(f"<li>{item}</li>" for item in items) + f'</ol><p class="qb-hint">{hint}</p>'
        )
    answer = for_export(f.answer, q, site_url)
    correct = [f"{LETTERS[i]}. {item}" for i, (item, c) in enumerate(zip(items, q.choices, strict=True)) if c.correct]
    if correct:
        label = "Correct choices" if len(correct) > 1 else "Correct choice"
        answer = f"<p><strong>{label}:</strong> {'; '.join(correct)}</p>{answer}"
    if q.numeric is not None:
        answer = correct_value(q) + answer  # the value, then the worked solution
    reasons = ""
    if any(f.reasons):
        reasons = (
            '<ol type="A">'
            + "".join(f"<li>{for_export_inline(r, q, site_url) if r else ''}</li>" for r in f.reasons)
            + "</ol>"
        )
    sources = "".join(
        f'<li><a href="{escape(s.url)}">{escape(s.title)}</a> ({escape(s.authors)}, {s.year})</li>'
        for s in (bank.sources[k] for k in q.sources if k in bank.sources)
    )
    fields = [
        q.id,
        escape(q.title or q.id),
        escape(topic),
        escape(q.level.capitalize()),
        for_export(f.text, q, site_url),
        choices,
        answer,
        reasons,
        for_export(f.explanation, q, site_url) if f.explanation else "",
        f"<ul>{sources}</ul>" if sources else "",
        escape(permalink(q, site_url)) if site_url else "",
    ]
    tags = [f"topic::{q.topic}", f"level::{q.level}", *(f"concept::{c}" for c in q.concepts)]
    return genanki.Note(model=MODEL, fields=fields, tags=tags, guid=genanki.guid_for(q.id))


def build_deck(bank: Bank, fragments: Fragments, *, site_url: str | None) -> genanki.Deck:
    deck = genanki.Deck(
        DECK_ID,
        DECK_NAME,
        description="Self-check questions on how language models are post-trained, with answers and sources.",
    )
    for question in bank.questions:
        deck.add_note(question_note(question, bank, fragments, site_url=site_url))
    return deck


def render_apkg(bank: Bank, fragments: Fragments, *, site_url: str | None, timestamp: float) -> bytes:
    buffer = io.BytesIO()
    write_apkg(buffer, bank, fragments, site_url=site_url, timestamp=timestamp)
    return buffer.getvalue()


def write_apkg(out: BinaryIO, bank: Bank, fragments: Fragments, *, site_url: str | None, timestamp: float) -> None:
    """The .apkg file, to `out`: a zip holding the collection (SQLite) and an empty media list.

    genanki's own `write_to_file` leaves its temporary database behind and stamps the zip with the
    build time; writing the database ourselves keeps the bytes a function of bank and timestamp.
    """
    package = genanki.Package(build_deck(bank, fragments, site_url=site_url))
    with tempfile.TemporaryDirectory(prefix="qb-anki-") as tmp:
        path = Path(tmp) / "collection.anki2"
        connection = sqlite3.connect(path)
        try:
            package.write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            connection.commit()
        finally:
            connection.close()
        del package  # its notes, before the archive is written
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            with archive.open(_member("collection.anki2"), "w") as entry, path.open("rb") as database:
                shutil.copyfileobj(database, entry)  # from disk: the collection is never held whole
            archive.writestr(_member("media"), json.dumps({}))


def _member(name: str) -> zipfile.ZipInfo:
    """A file in the archive with a fixed date and rw-r--r-- permissions when unpacked."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info
