"""Search finds questions and explanations, never answers or which choice is right (no browser needed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def search_docs(site: Path) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    return docs


def entry(site: Path, location: str) -> dict[str, Any]:
    return next(d for d in search_docs(site) if d["location"] == location)


def test_questions_choices_and_explanations_are_searchable(sample_site: Path) -> None:
    text = entry(sample_site, "topics/alpha/#alpha-single")["text"]
    assert "Which of these is a post-training method?" in text
    assert "Direct preference optimisation" in text  # a choice, listed with the others
    assert "wombat" in text  # a word of the explanation


def test_answers_and_correct_marks_stay_out_of_the_index(sample_site: Path) -> None:
    index = json.dumps(search_docs(sample_site))
    assert "quokka" not in index  # a word only in an answer
    assert "Reinforcement learning from human feedback" not in index  # a reveal question's answer
    assert "Correct choice" not in index
    assert "data-correct" not in index


def test_the_self_check_files_are_not_pages_in_the_index(sample_site: Path) -> None:
    locations = {d["location"] for d in search_docs(sample_site)}
    assert not any(location.startswith(("selfcheck/", "assets/")) for location in locations)
    assert "review/" in locations and "practice/" in locations
