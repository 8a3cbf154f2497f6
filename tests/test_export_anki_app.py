"""The Anki deck imported by Anki itself: the `anki` library that the desktop app runs, on a fresh collection.

Each import uses the options Anki's import screen starts with (its presets), as a learner who just
opens the file does. The unit tests in test_export_anki.py read the SQLite file; these show what Anki
makes of it: notes, fields, tags, rendered cards, and an update in place when a newer deck comes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest, ImportLogWithChanges
from anki.notes import Note
from conftest import ROOT, MakeBank, site_of
from sample_bank import FILES, SITE

from bank import load_bank
from bank.exports.anki import DECK_NAME, FIELDS, MODEL, build_deck, render_apkg
from bank.paths import ANKI_SRC
from bank.site import SiteFiles

T1 = 1_700_000_000.0
T2 = 1_800_000_000.0


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    """A new, empty Anki collection, as a first start of the app makes."""
    folder = tmp_path / "anki-profile"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    yield col
    col.close()


@pytest.fixture
def site(make_bank: MakeBank) -> SiteFiles:
    return site_of(make_bank(FILES))


def apkg(site: SiteFiles, folder: Path, timestamp: float = T1) -> Path:
    path = folder / f"self-check-{int(timestamp)}-{len(list(folder.iterdir()))}.apkg"
    path.write_bytes(render_apkg(site.bank, site.fragments, site_url=SITE, timestamp=timestamp))
    return path


def import_into(col: Collection, package: Path) -> ImportLogWithChanges:
    presets = col._backend.get_import_anki_package_presets()  # what the import screen starts with
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=presets))


def note_by_id(col: Collection, question_id: str) -> Note:
    found = col.find_notes(f'"ID:{question_id}"')
    assert len(found) == 1, (question_id, found)
    return col.get_note(found[0])


def test_anki_adds_one_note_and_card_per_question_in_our_deck(
    site: SiteFiles, collection: Collection, tmp_path: Path
) -> None:
    result = import_into(collection, apkg(site, tmp_path))
    log = result.log
    assert len(log.new) == len(site.bank.questions) == 4
    assert not (log.updated or log.duplicate or log.conflicting or log.missing_notetype or log.empty_first_field)
    assert collection.note_count() == collection.card_count() == len(site.bank.questions)
    deck_id = collection.decks.id_for_name(DECK_NAME)
    assert deck_id is not None
    assert sorted(collection.find_cards(f'"deck:{DECK_NAME}"')) == sorted(collection.find_cards(""))
    note_type = collection.models.by_name(MODEL.name)
    assert note_type is not None
    assert collection.models.field_names(note_type) == FIELDS
    # Tools > Check Database: nothing to repair (it would list each problem it fixed).
    assert collection.fix_integrity() == ("Database rebuilt and optimized.", True)
    assert collection.note_count() == len(site.bank.questions)
    assert {note_by_id(collection, q.id).guid for q in site.bank.questions} == {
        n.guid for n in build_deck(site.bank, site.fragments, site_url=SITE).notes
    }


def test_a_note_keeps_every_field_we_wrote(site: SiteFiles, collection: Collection, tmp_path: Path) -> None:
    import_into(collection, apkg(site, tmp_path))
    for written in build_deck(site.bank, site.fragments, site_url=SITE).notes:
        note = note_by_id(collection, written.fields[0])
        assert note.keys() == FIELDS
        assert note.values() == written.fields  # Anki stores our HTML as it is: nothing dropped or cleaned

    note = note_by_id(collection, "pick-one")
    assert note["Title"] == "Reward model loss"
    assert note["Question"].startswith("<p>A reward model \\(r_\\phi(x, y)\\) learns")
    assert note["Choices"] == (
        '<ol type="A"><li>\\(\\mathbb{E}[(r_w - r_l - 1)^2]\\)</li>'
        "<li>\\(-\\log \\sigma(r_w - r_l)\\) ~ the logistic one</li>"
        '<li>A = B # not a loss: just text</li></ol><p class="qb-hint">Select one.</p>'
    )
    assert note["Reasons"] == (
        '<ol type="A"><li>A squared error fits scores, not comparisons.</li>'
        "<li>Right: the {Bradley-Terry} likelihood, with \\(\\sigma\\) the logistic function.</li>"
        "<li>Not a loss at all.</li></ol>"
    )
    assert note["Answer"].startswith("<p><strong>Correct choice:</strong> B. \\(-\\log \\sigma(r_w - r_l)\\)")


def test_tags_become_anki_tags_and_concepts_a_tag_tree(site: SiteFiles, collection: Collection, tmp_path: Path) -> None:
    import_into(collection, apkg(site, tmp_path))
    assert sorted(note_by_id(collection, "pick-one").tags) == [
        "concept::post-training-methods",
        "concept::reward-models",
        "level::intermediate",
        "topic::basics",
    ]
    with_concept = [q for q in site.bank.questions if "reward-models" in q.concepts]
    assert len(collection.find_notes("tag:concept::reward-models")) == len(with_concept) >= 3
    advanced = [q for q in site.bank.questions if q.level == "advanced"]
    assert len(collection.find_notes("tag:level::advanced")) == len(advanced) >= 1
    # '::' makes a tree in Anki's sidebar: a search on the parent finds every concept.
    assert len(collection.find_notes("tag:concept")) == len(site.bank.questions)
    assert "concept::reward-models" in collection.tags.all()


def test_cards_render_the_templates(site: SiteFiles, collection: Collection, tmp_path: Path) -> None:
    import_into(collection, apkg(site, tmp_path))
    card = note_by_id(collection, "pick-one").cards()[0]
    front, back = card.question(), card.answer()
    assert '<h2 class="qb-title">Reward model loss</h2>' in front
    assert "<li>A = B # not a loss: just text</li>" in front
    assert 'class="qb-answer"' not in front and "Bradley-Terry" not in front
    assert '<div class="qb-answer"><p><strong>Correct choice:</strong> B.' in back
    assert "<strong>Why each choice is right or wrong</strong>" in back
    assert f'<a href="{SITE}topics/basics/#pick-one">This question on the site</a>' in back
    reveal = note_by_id(collection, "what-is-post-training").cards()[0]
    assert 'class="qb-choices"' not in reveal.question() and 'class="qb-reasons"' not in reveal.answer()  # empty


def test_a_newer_deck_updates_the_notes_in_place(
    site: SiteFiles, make_bank: MakeBank, collection: Collection, tmp_path: Path
) -> None:
    import_into(collection, apkg(site, tmp_path, T1))
    before = note_by_id(collection, "pick-several")
    text = str(FILES["basics/pick-several.md"])
    edited = text.replace("post-training methods?", "post-training methods (edited)?")
    assert edited != text
    newer = site_of(make_bank({**FILES, "basics/pick-several.md": edited}))

    log = import_into(collection, apkg(newer, tmp_path, T2)).log
    assert len(log.new) == 0 and len(log.updated) == len(site.bank.questions)
    assert collection.note_count() == collection.card_count() == len(site.bank.questions)
    after = note_by_id(collection, "pick-several")
    assert (after.id, after.guid) == (before.id, before.guid)
    assert after["Question"] == "<p>Which of these are post-training methods (edited)?</p>"
    assert before["Question"] == "<p>Which of these are post-training methods?</p>"


def test_the_same_deck_twice_adds_nothing(site: SiteFiles, collection: Collection, tmp_path: Path) -> None:
    import_into(collection, apkg(site, tmp_path))
    log = import_into(collection, apkg(site, tmp_path)).log
    assert len(log.new) == 0 and len(log.duplicate) == len(site.bank.questions)
    assert collection.note_count() == len(site.bank.questions)


def test_the_built_site_deck_imports_every_question_of_the_real_bank(built_site: Path, collection: Collection) -> None:
    bank, _ = load_bank(ROOT, docs_dir=ROOT / "docs")
    log = import_into(collection, built_site / ANKI_SRC).log
    assert len(log.new) == collection.note_count() == len(bank.questions) > 0
    assert not (log.conflicting or log.empty_first_field or log.missing_notetype)
    ids = {collection.get_note(nid)["ID"] for nid in collection.find_notes("")}
    assert ids == {q.id for q in bank.questions}
