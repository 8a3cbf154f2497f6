"""The contributor page's example is a valid question file: the documentation cannot drift from the code."""

from __future__ import annotations

import re

from conftest import ROOT, MakeBank

from bank import load_bank

PAGE = ROOT / "docs" / "contributing.md"


def fenced(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", PAGE.read_text(encoding="utf-8"), re.M | re.S)


def test_question_example_loads_without_problem(make_bank: MakeBank) -> None:
    example = fenced("markdown")[0]
    bibliography = (ROOT / "questions" / "references.yml").read_text(encoding="utf-8")
    bank, problems = load_bank(make_bank({"basics/grpo-group-baseline.md": example, "references.yml": bibliography}))
    assert [str(p) for p in problems] == []
    q = bank.question("grpo-group-baseline")
    assert q is not None
    assert (q.kind, len(q.choices), q.level, q.sources) == ("single", 3, "intermediate", ["shao2024deepseekmath"])
    assert q.answer and q.explanation


def test_topic_example_loads_without_problem(make_bank: MakeBank) -> None:
    example = fenced("markdown")[1]
    bank, problems = load_bank(make_bank({"basics/_topic.md": example}))
    assert [str(p) for p in problems] == []
    assert bank.topics[0].title == "Parameter-efficient fine-tuning"


def test_documented_front_matter_keys_match_the_loader() -> None:
    from bank.load import QUESTION_KEYS

    table = re.findall(r"^\| `(\w+)` \|", PAGE.read_text(encoding="utf-8"), re.M)
    assert set(table) == QUESTION_KEYS
