"""The Anki deck: a zip with a SQLite collection, one note per question, GUIDs from the question IDs."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest
from conftest import ROOT, MakeBank, site_of
from sample_bank import FILES, SITE

from bank import load_bank
from bank.exports.anki import DECK_ID, FIELDS, MODEL_ID, deck_timestamp, render_apkg
from bank.paths import ANKI_SRC
from bank.site import SiteFiles

T1 = 1_700_000_000.0
T2 = 1_800_000_000.0


def open_deck(apkg: bytes, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(apkg)) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        assert json.loads(archive.read("media")) == {}
        database = tmp_path / f"collection-{len(list(tmp_path.iterdir()))}.anki2"
        database.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(database)


def notes(connection: sqlite3.Connection) -> dict[str, tuple[str, list[str], int]]:
    """GUID -> (fields joined by the 0x1f separator, tags, modification time)."""
    rows = connection.execute("SELECT guid, flds, tags, mod FROM notes").fetchall()
    return {guid: (flds, tags.split(), mod) for guid, flds, tags, mod in rows}


def fields_of(flds: str) -> dict[str, str]:
    return dict(zip(FIELDS, flds.split("\x1f"), strict=True))


@pytest.fixture
def site(make_bank: MakeBank) -> SiteFiles:
    return site_of(make_bank(FILES))


def deck(site: SiteFiles, timestamp: float = T1) -> bytes:
    return render_apkg(site.bank, site.fragments, site_url=SITE, timestamp=timestamp)


def test_one_note_and_one_card_per_question_with_guids_from_ids(site: SiteFiles, tmp_path: Path) -> None:
    bank = site.bank
    db = open_deck(deck(site), tmp_path)
    found = notes(db)
    assert len(found) == len(bank.questions) == 4
    assert set(found) == {genanki.guid_for(q.id) for q in bank.questions}
    assert db.execute("SELECT count(*) FROM cards").fetchone() == (4,)
    assert {fields_of(flds)["ID"] for flds, _, _ in found.values()} == {q.id for q in bank.questions}


def test_guids_survive_a_rebuild_and_an_edit(site: SiteFiles, make_bank: MakeBank, tmp_path: Path) -> None:
    first = notes(open_deck(deck(site), tmp_path))
    text = str(FILES["basics/pick-several.md"])
    edited = text.replace("post-training methods?", "post-training methods (edited)?")
    second = notes(open_deck(deck(site_of(make_bank({**FILES, "basics/pick-several.md": edited})), T2), tmp_path))
    assert set(first) == set(second)
    guid = genanki.guid_for("pick-several")
    assert "edited" in second[guid][0] and "edited" not in first[guid][0]
    # Anki applies an update only when the incoming note is newer.
    assert {mod for _, _, mod in second.values()} == {int(T2)} and second[guid][2] > first[guid][2]


def test_same_bank_and_timestamp_give_the_same_bytes(site: SiteFiles) -> None:
    assert deck(site) == deck(site)


def test_deck_and_note_type_keep_fixed_ids(site: SiteFiles, tmp_path: Path) -> None:
    db = open_deck(deck(site), tmp_path)
    decks_json, models_json = db.execute("SELECT decks, models FROM col").fetchone()
    assert str(DECK_ID) in json.loads(decks_json)
    assert json.loads(decks_json)[str(DECK_ID)]["name"] == "Post-training self-check"
    models = json.loads(models_json)
    assert list(models) == [str(MODEL_ID)]
    assert [f["name"] for f in models[str(MODEL_ID)]["flds"]] == FIELDS
    assert FIELDS[models[str(MODEL_ID)]["sortf"]] == "Title"  # Anki's browser lists notes by title
    assert {row[0] for row in db.execute("SELECT mid FROM notes")} == {MODEL_ID}
    assert {row[0] for row in db.execute("SELECT did FROM cards")} == {DECK_ID}


def test_note_fields_front_and_back(site: SiteFiles, tmp_path: Path) -> None:
    found = notes(open_deck(deck(site), tmp_path))
    flds, tags, _ = found[genanki.guid_for("pick-one")]
    note = fields_of(flds)
    assert tags == ["topic::basics", "level::intermediate", "concept::reward-models", "concept::post-training-methods"]
    assert note["Topic"] == "Basics" and note["Level"] == "Intermediate" and note["Title"] == "Reward model loss"
    assert note["Reasons"].startswith('<ol type="A"><li>A squared error fits scores, not comparisons.</li>')
    assert (
        "<li>Right: the {Bradley-Terry} likelihood, with \\(\\sigma\\) the logistic function.</li>" in note["Reasons"]
    )
    assert note["Question"].startswith("<p>A reward model \\(r_\\phi(x, y)\\) learns")
    assert f'<a href="{SITE}topics/basics/#what-is-post-training">' in note["Question"]
    assert note["Choices"].startswith('<ol type="A"><li>\\(\\mathbb{E}[(r_w - r_l - 1)^2]\\)</li>')
    assert note["Answer"].startswith("<p><strong>Correct choice:</strong> B. \\(-\\log \\sigma(r_w - r_l)\\)")
    assert "\\[\n\\mathcal{L} = -\\log \\sigma(r_w - r_l)\n\\]" in note["Answer"]
    assert "\\(P(w \\succ l) &lt; 1\\)" in note["Explanation"]
    assert '<a href="https://arxiv.org/abs/2203.02155">Training language models' in note["Sources"]
    assert note["Link"] == f"{SITE}topics/basics/#pick-one"
    assert "$" not in note["Question"] + note["Choices"] + note["Answer"]

    several = fields_of(found[genanki.guid_for("pick-several")][0])
    assert several["Answer"].startswith("<p><strong>Correct choices:</strong> A. RLHF; C. DPO</p>")
    reveal = fields_of(found[genanki.guid_for("what-is-post-training")][0])
    assert reveal["Choices"] == "" and reveal["Explanation"] == "" and reveal["Reasons"] == ""
    assert reveal["Title"] == "About basics"
    assert reveal["Answer"] == "<p>Training after pre-training.</p>"

    numeric = fields_of(found[genanki.guid_for("dpo-loss-value")][0])
    assert numeric["Choices"] == "" and numeric["Reasons"] == ""
    assert "0.474" not in numeric["Question"]  # the front asks, the back answers
    assert numeric["Answer"].startswith(
        "<p><strong>Correct value:</strong> 0.474 (± 0.00237) nats &amp; &quot;bits&quot;</p><p>\\(-\\log"
    )  # the value, then the worked solution
    assert numeric["Explanation"] == "<p>The loss falls as the margin grows.</p>"


def test_deck_timestamp_follows_source_date_epoch() -> None:
    assert deck_timestamp({"SOURCE_DATE_EPOCH": "1700000000"}) == T1
    assert deck_timestamp({}) > T1  # the clock, today


def test_built_site_has_a_deck_with_every_question(built_site: Path, tmp_path: Path) -> None:
    bank, _ = load_bank(ROOT, docs_dir=ROOT / "docs")
    found = notes(open_deck((built_site / ANKI_SRC).read_bytes(), tmp_path))
    assert set(found) == {genanki.guid_for(q.id) for q in bank.questions}
