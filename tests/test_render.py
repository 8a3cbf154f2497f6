"""render: the Markdown each page gets, from a small bank."""

from __future__ import annotations

from conftest import MakeBank

from bank import load_bank
from bank.paths import relative
from bank.render import localise_links, nav_entries, render_overview, render_topic_cards, render_topic_page

CHOICE_Q = """\
---
order: 20
level: intermediate
tags: [x]
sources: [ouyang2022instructgpt]
---
Which one? See [the first](#what-is-post-training).

- [ ] Alpha
- [x] Beta

## Answer

Beta, see [home](index.md).

## Explanation

Because.
"""


def test_topic_page_renders_questions_in_order_with_closed_reveals(make_bank: MakeBank) -> None:
    bank, problems = load_bank(make_bank({"basics/which-one.md": CHOICE_Q}))
    assert problems == []
    md = render_topic_page(bank.topics[0], bank, edit_root="https://github.com/o/r/edit/main/")
    assert md.startswith("# Basics\n\nIntro to the basics.\n\n")
    first, second = md.index("#what-is-post-training "), md.index("#which-one ")
    assert first < second
    assert "## Question 1 { #what-is-post-training .qb-question__title }" in md
    assert "## Question 2 { #which-one .qb-question__title }" in md
    # The reveal is a details block, closed (no `open` option), holding answer, explanation and sources.
    assert md.count("////// details | Answer\n    type: success\n    attrs: {class: qb-reveal}") == 2
    assert "open:" not in md
    assert (
        '/// html | div.qb-answer[data-search-exclude=true data-correct="B"]\n**Correct choice:** B. Beta\n\nBeta, see [home](../../index.md).\n///'
        in md
    )
    assert "/// html | div.qb-explanation\nBecause.\n///" in md
    assert (
        "- [Training language models to follow instructions with human feedback](https://arxiv.org/abs/2203.02155) (2022)"
        in md
    )
    assert '<a class="qb-edit" href="https://github.com/o/r/edit/main/questions/basics/which-one.md"' in md
    # Choices are shown openly, without their marks.
    assert (
        '////// html | div.qb-choices[data-hint="Select one."]\n//// html | ol[type=A]\n'
        "/// html | li\n    markdown: inline\nAlpha\n///\n/// html | li\n    markdown: inline\nBeta\n///\n////\n//////"
    ) in md
    assert "[x]" not in md


def test_links_are_localised_to_the_page(make_bank: MakeBank) -> None:
    bank, _ = load_bank(make_bank({"other/_topic.md": "---\ntitle: Other\norder: 2\nsummary: S.\n---\nI.\n"}))
    assert (
        localise_links("[q](#what-is-post-training)", bank, "topics/basics/index.md") == "[q](#what-is-post-training)"
    )
    assert (
        localise_links("[q](#what-is-post-training)", bank, "topics/other/index.md")
        == "[q](../basics/index.md#what-is-post-training)"
    )
    assert (
        localise_links("[p](contributing.md) [w](https://x.org)", bank, "topics/other/index.md")
        == "[p](../../contributing.md) [w](https://x.org)"
    )
    assert relative("index.md", "topics/basics/index.md") == "topics/basics/index.md"


def test_overview_cards_and_nav(make_bank: MakeBank) -> None:
    bank, _ = load_bank(make_bank({"basics/which-one.md": CHOICE_Q}))
    overview = render_overview(bank)
    assert "| [Basics](basics/index.md) | 2 | 1 foundation · 1 intermediate |" in overview
    cards = render_topic_cards(bank, page_src="index.md")
    assert cards.startswith("/// html | div.grid.cards\n-   **[Basics](topics/basics/index.md)**")
    assert "2 questions: 1 foundation · 1 intermediate" in cards
    assert nav_entries(bank) == ["topics/index.md", {"Basics": "topics/basics/index.md"}]
