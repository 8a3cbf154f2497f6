"""The topic cards on the home page."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import MakeBank

from bank import load_bank
from bank.render import render_topic_cards

EMPTY_TOPIC = """\
---
title: Empty
order: 2
summary: Nothing here yet.
---
Soon.
"""


def test_cards_show_summary_count_and_levels(make_bank: MakeBank) -> None:
    bank, problems = load_bank(make_bank({"empty/_topic.md": EMPTY_TOPIC}))
    assert problems == []
    assert render_topic_cards(bank, page_src="index.md") == (
        '<div class="grid cards" markdown>\n\n'
        "-   **[Basics](topics/basics/index.md)**\n\n    ---\n\n    The basics.\n\n    1 question: 1 foundation\n\n"
        "-   **[Empty](topics/empty/index.md)**\n\n    ---\n\n    Nothing here yet.\n\n    No questions yet\n\n"
        "</div>"
    )


def test_home_page_has_a_card_per_topic(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="(grid cards|cards grid)">', html)
    assert "<!-- bank:topic-cards -->" not in html
    topics = sorted(p.parent.name for p in (built_site / "topics").glob("*/index.html"))
    for slug in topics:
        assert f'href="topics/{slug}/"' in html, slug
