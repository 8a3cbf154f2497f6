"""Links from the overview and the topic pages to the exports and worksheets."""

from __future__ import annotations

from pathlib import Path

from conftest import MakeBank, site_of
from sample_bank import FILES, SITE, load_sample

from bank.paths import ANKI_SRC, GIFT_SRC, OVERVIEW_SRC, QUESTIONS_JSON_SRC, SCHEMA_SRC, worksheet_src
from bank.render import render_overview


def test_overview_links_every_export_and_worksheet(make_bank: MakeBank) -> None:
    _, bank = load_sample(make_bank)
    overview = render_overview(bank)
    section = overview.split("## Take the questions with you", 1)[1]
    for target in ("../exports/post-training.apkg", "../exports/questions.gift.txt", "../exports/questions.json"):
        assert f"]({target})" in section
    assert "](../exports/questions.schema.v4.json)" in section
    assert "    - [Worksheet: Basics](../worksheets/basics/index.md)\n" in section
    assert "worksheets/later" not in section  # no worksheet for a topic without questions


def test_topic_page_links_its_worksheet(make_bank: MakeBank) -> None:
    files = site_of(make_bank(FILES)).files
    basics, later = (files[f"topics/{slug}/index.md"].markdown() for slug in ("basics", "later"))
    assert "[Printable worksheet](../../worksheets/basics/index.md){ .qb-worksheet-link }" in basics
    assert "worksheet" not in later.lower()


def test_every_export_is_a_generated_file(make_bank: MakeBank) -> None:
    files = site_of(make_bank(FILES), site_url=SITE).files
    for src in (QUESTIONS_JSON_SRC, SCHEMA_SRC, ANKI_SRC, GIFT_SRC, worksheet_src("basics"), OVERVIEW_SRC):
        assert src in files
    assert isinstance(files[ANKI_SRC].content, bytes)


def test_built_overview_links_resolve_to_the_exports(built_site: Path) -> None:
    html = (built_site / "topics" / "index.html").read_text(encoding="utf-8")
    for src in (QUESTIONS_JSON_SRC, SCHEMA_SRC, ANKI_SRC, GIFT_SRC):
        assert f'href="../{src}"' in html
        assert (built_site / src).stat().st_size > 0
    assert 'href="../worksheets/lifecycle/"' in html
    topic = (built_site / "topics" / "lifecycle" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../worksheets/lifecycle/"' in topic
