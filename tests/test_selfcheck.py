"""The self-check's index, study pages and asset tags (hooks/bank/selfcheck.py)."""

from __future__ import annotations

import json

from conftest import ROOT, MakeBank, site_of

from bank import load_bank
from bank.paths import INDEX_SRC, PRACTICE_SRC, REVIEW_SRC
from bank.selfcheck import (
    INTERVAL_DAYS,
    KEYS,
    asset_tags,
    render_index,
    render_practice_form,
    render_practice_page,
    render_progress,
    render_review_page,
    uses_selfcheck,
)

SINGLE = """\
---
title: Which stage comes first
order: 20
level: intermediate
sources: [ouyang2022instructgpt]
---
Which comes first?

- [ ] Post-training
  Reason: Post-training.
- [x] Pre-training
  Reason: Pre-training.

## Answer

Pre-training. The secret word is quokka.
"""

MULTIPLE = (
    SINGLE.replace("order: 20", "order: 30\nmultiple: true")
    .replace("Which comes first?", "Which are training stages?")
    .replace("title: Which stage comes first", "title: Which are training stages")
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
                "title": "About basics",
                "url": "topics/basics/#what-is-post-training",
                "kind": "reveal",
                "level": "foundation",
                "concepts": [],
            },
            {
                "id": "which-first",
                "topic": "basics",
                "number": 2,
                "title": "Which stage comes first",
                "url": "topics/basics/#which-first",
                "kind": "single",
                "level": "intermediate",
                "concepts": [],
            },
            {
                "id": "both",
                "topic": "basics",
                "number": 3,
                "title": "Which are training stages",
                "url": "topics/basics/#both",
                "kind": "multiple",
                "level": "intermediate",
                "concepts": [],
            },
        ],
        "concepts": [],
    }


def test_the_index_gives_nothing_of_the_answers_away(make_bank: MakeBank) -> None:
    root = make_bank({"basics/which-first.md": SINGLE})
    bank, _ = load_bank(root, docs_dir=root / "docs")
    text = render_index(bank)
    for secret in ("quokka", "Pre-training", "correct", "Which comes first?"):
        assert secret not in text


NUMERIC = """\
---
title: A count of pairs
order: 40
level: foundation
sources: [ouyang2022instructgpt]
answer: 4711
tolerance: 0.5
unit: pairs
---
How many pairs?

## Answer

Exactly 4711.
"""


def test_a_numeric_question_is_in_the_index_by_its_kind_without_its_value(make_bank: MakeBank) -> None:
    bank, problems = load_bank(make_bank({"basics/pairs.md": NUMERIC}))
    assert problems == []
    text = render_index(bank)
    [entry] = [q for q in json.loads(text)["questions"] if q["id"] == "pairs"]
    assert entry["kind"] == "numeric"
    assert "4711" not in text and "0.5" not in text


def test_study_pages_fall_back_to_the_topics_without_javascript() -> None:
    for page in (render_review_page(), render_practice_page()):
        assert '<div class="qb-study" data-qb-study="' in page
        assert "JavaScript" in page
        assert "](../topics/index.md)" in page
    assert render_review_page().startswith("# Review\n")
    assert render_practice_page().startswith("# Practice\n")


def test_the_practice_form_is_written_hidden_for_the_script_to_show(make_bank: MakeBank) -> None:
    root = make_bank()
    bank, _ = load_bank(root, docs_dir=root / "docs")
    form = render_practice_form(bank)
    assert form.startswith('<form class="qb-practice" hidden>')  # a reader without JavaScript cannot draw a set
    drawn = [t for t in bank.topics if t.questions]
    assert drawn
    for t in bank.topics:
        assert (f'id="qb-topic-{t.slug}" checked>' in form) == (t in drawn)
    assert form.count('data-only="') == len(drawn) + 1  # "Only <topic>" each, and "All topics"
    assert '<select name="level"><option value="" selected>Any level</option>' in form
    assert '<option value="10" selected>10</option>' in form
    practice = site_of(make_bank()).files[PRACTICE_SRC].content
    assert isinstance(practice, str) and practice.endswith(form)


def test_the_bank_generates_the_index_and_study_pages(make_bank: MakeBank) -> None:
    site = site_of(make_bank(), repo_url="https://github.com/o/r/", edit_uri="edit/main/docs/")
    assert {INDEX_SRC, REVIEW_SRC, PRACTICE_SRC} <= set(site.files)
    assert site.files[INDEX_SRC].content == render_index(site.bank)
    review = site.files[REVIEW_SRC].content
    assert isinstance(review, str) and review.startswith('---\nedit_url: ""\n---\n')  # nothing in the bank to edit


def test_only_pages_with_questions_progress_or_study_tools_load_the_assets(make_bank: MakeBank) -> None:
    root = make_bank()
    bank, _ = load_bank(root, docs_dir=root / "docs")
    for src in ("index.md", "topics/basics/index.md", "topics/index.md", REVIEW_SRC, PRACTICE_SRC):
        assert uses_selfcheck(bank, src), src
    for src in ("contributing.md", "glossary/index.md", "topics/other/index.md"):
        assert not uses_selfcheck(bank, src), src


def test_asset_tags_are_relative_to_the_page_and_the_script_deferred() -> None:
    assert asset_tags("topics/sft/index.md") == (
        '<link rel="stylesheet" href="../../assets/selfcheck/selfcheck.css">\n'
        '<script defer src="../../assets/selfcheck/selfcheck.js"></script>\n'
    )
    assert asset_tags(REVIEW_SRC) == (
        '<link rel="stylesheet" href="../assets/selfcheck/selfcheck.css">\n'
        '<script defer src="../assets/selfcheck/selfcheck.js"></script>\n'
    )
    assert asset_tags("index.md").endswith('<div class="qb-home" data-qb-study="home" hidden></div>\n')


def test_the_progress_box_is_written_as_a_new_reader_sees_it_and_left_out_of_search() -> None:
    box = render_progress(3, 'on "this" page', keys=True)
    assert box.startswith(
        '<div class="qb-js"><div class="qb-progress" data-search-exclude data-scope="on &quot;this&quot; page">'
    )
    # The script's own words for no answers yet, so that it has nothing to change at load.
    script = (ROOT / "docs" / "assets" / "selfcheck" / "selfcheck.js").read_text()
    assert "`Your progress: ${answered.length} of ${ids.length} answered, ${right} right.`" in script
    assert '<p class="qb-progress__text">Your progress: 0 of 3 answered, 0 right.</p>' in box
    assert '<progress max="3" value="0" aria-hidden="true"></progress>' in box
    assert '<button type="button" class="qb-button">Reset progress on &quot;this&quot; page</button>' in box
    assert box.endswith(f'<p class="qb-keys" data-search-exclude>{KEYS}</p></div>')
    assert "qb-keys" not in render_progress(3, "on all topics")
    # Shown only once the script has started on the page: without it the Reset button would do nothing.
    css = (ROOT / "docs" / "assets" / "selfcheck" / "selfcheck.css").read_text()
    assert ".qb-js {\n\tdisplay: none;\n}\n[data-qb-init] .qb-js {\n\tdisplay: block;\n}" in css


def test_the_review_page_states_the_schedule_the_script_follows() -> None:
    script = (ROOT / "docs" / "assets" / "selfcheck" / "selfcheck.js").read_text()
    assert f"const WAIT = [{', '.join(map(str, INTERVAL_DAYS))}];" in script
    review = render_review_page()
    assert "five boxes, which wait 0, 1, 3, 7 and then 16 days" in review
    assert "Only your first answer to a question on a given day counts" in review
    assert "A question you missed stays due until you answer it right on a later day." in review
    assert KEYS in review and KEYS in render_practice_page()
