"""The self-check's index, study pages and asset tags (hooks/bank/selfcheck.py)."""

from __future__ import annotations

import json

from conftest import ROOT, MakeBank

from bank import load_bank
from bank.pages import generated_files
from bank.selfcheck import (
    INDEX_SRC,
    INTERVAL_DAYS,
    PRACTICE_SRC,
    REVIEW_SRC,
    asset_tags,
    render_index,
    render_practice_page,
    render_review_page,
    uses_selfcheck,
)

SINGLE = """\
---
order: 20
level: intermediate
tags: [basics]
sources: [ouyang2022instructgpt]
---
Which comes first?

- [ ] Post-training
- [x] Pre-training

## Answer

Pre-training. The secret word is quokka.
"""

MULTIPLE = (
    SINGLE.replace("order: 20", "order: 30\nmultiple: true")
    .replace("Which comes first?", "Which are training stages?")
    .replace("- [ ] Post", "- [x] Post")
)


def test_the_index_lists_where_each_question_lives_and_how_it_is_answered(make_bank: MakeBank) -> None:
    root = make_bank({"basics/which-first.md": SINGLE, "basics/both.md": MULTIPLE})
    bank, problems = load_bank(root, docs_dir=root / "docs")
    assert problems == []
    index = json.loads(render_index(bank))
    assert index == {
        "version": 1,
        "topics": [{"slug": "basics", "title": "Basics", "url": "topics/basics/", "count": 3}],
        "questions": [
            {
                "id": "what-is-post-training",
                "topic": "basics",
                "number": 1,
                "url": "topics/basics/#what-is-post-training",
                "kind": "reveal",
            },
            {
                "id": "which-first",
                "topic": "basics",
                "number": 2,
                "url": "topics/basics/#which-first",
                "kind": "single",
            },
            {"id": "both", "topic": "basics", "number": 3, "url": "topics/basics/#both", "kind": "multiple"},
        ],
    }


def test_the_index_gives_nothing_of_the_answers_away(make_bank: MakeBank) -> None:
    root = make_bank({"basics/which-first.md": SINGLE})
    bank, _ = load_bank(root, docs_dir=root / "docs")
    text = render_index(bank)
    for secret in ("quokka", "Pre-training", "correct", "Which comes first"):
        assert secret not in text


def test_study_pages_fall_back_to_the_topics_without_javascript() -> None:
    for page in (render_review_page(), render_practice_page()):
        assert "/// html | div.qb-study[data-qb-study=" in page
        assert "JavaScript" in page
        assert "](../topics/index.md)" in page
    assert render_review_page().startswith("# Review\n")
    assert render_practice_page().startswith("# Practice\n")


def test_the_bank_generates_the_index_and_study_pages(make_bank: MakeBank) -> None:
    root = make_bank()
    bank, _ = load_bank(root, docs_dir=root / "docs")
    files = generated_files(bank)
    assert {INDEX_SRC, REVIEW_SRC, PRACTICE_SRC} <= set(files)
    assert files[INDEX_SRC].content == render_index(bank)
    assert files[REVIEW_SRC].source is None  # nothing in the bank to edit for it


def test_only_pages_with_questions_progress_or_study_tools_load_the_assets(make_bank: MakeBank) -> None:
    root = make_bank()
    bank, _ = load_bank(root, docs_dir=root / "docs")
    for src in ("topics/basics/index.md", "topics/index.md", REVIEW_SRC, PRACTICE_SRC):
        assert uses_selfcheck(bank, src), src
    for src in ("index.md", "contributing.md", "topics/other/index.md"):
        assert not uses_selfcheck(bank, src), src


def test_asset_tags_are_relative_to_the_page_and_the_script_deferred() -> None:
    assert asset_tags("topics/sft/index.md") == (
        '<link rel="stylesheet" href="../../assets/selfcheck/selfcheck.css">\n'
        '<script defer src="../../assets/selfcheck/selfcheck.js"></script>\n'
    )
    assert 'href="../assets/selfcheck/selfcheck.css"' in asset_tags(REVIEW_SRC)


def test_the_review_page_states_the_schedule_the_script_follows() -> None:
    script = (ROOT / "docs" / "assets" / "selfcheck" / "selfcheck.js").read_text()
    assert f"const WAIT = [{', '.join(map(str, INTERVAL_DAYS))}];" in script
    assert "(after 1, 3, 7 and then 16 days)" in render_review_page()
