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
    real = {
        name: (ROOT / "questions" / name).read_text(encoding="utf-8") for name in ("references.yml", "concepts.yml")
    }
    bank, problems = load_bank(make_bank({"basics/grpo-group-baseline.md": example, **real}))
    # In a bank of its own the example cannot give each concept three questions (the base question names none).
    mine = [str(p) for p in problems if p.path.endswith("grpo-group-baseline.md")]
    assert mine == [] and all(
        "a concept groups at least" in p.message or p.path.endswith("what-is-post-training.md") for p in problems
    )
    q = bank.question("grpo-group-baseline")
    assert q is not None
    assert q.concepts and set(q.concepts) <= {c.id for c in bank.concepts}
    assert (q.kind, len(q.choices), q.level, q.sources) == ("single", 3, "intermediate", ["shao2024deepseekmath"])
    assert q.answer and q.explanation


def test_numeric_example_loads_as_a_numeric_question_whose_value_its_answer_computes(make_bank: MakeBank) -> None:
    (example,) = [block for block in fenced("markdown") if "\nanswer: " in block]
    real = {
        name: (ROOT / "questions" / name).read_text(encoding="utf-8") for name in ("references.yml", "concepts.yml")
    }
    bank, problems = load_bank(make_bank({"basics/grpo-advantage-of-four.md": example, **real}))
    assert [str(p) for p in problems if p.path.endswith("grpo-advantage-of-four.md")] == []
    q = bank.question("grpo-advantage-of-four")
    assert q is not None and q.kind == "numeric" and q.numeric is not None and q.explanation
    assert (q.numeric.value_text, q.numeric.tolerance_text) == ("1.73", "0.01")
    rewards = [1, 0, 0, 0]
    mean = sum(rewards) / 4
    std = (sum((r - mean) ** 2 for r in rewards) / 4) ** 0.5
    assert abs((1 - mean) / std - 1.73) < 0.005  # the documented value is right


def test_topic_example_loads_without_problem(make_bank: MakeBank) -> None:
    (example,) = [block for block in fenced("markdown") if "title: Parameter-efficient" in block]
    bank, problems = load_bank(make_bank({"basics/_topic.md": example}))
    assert [str(p) for p in problems] == []
    assert bank.topics[0].title == "Parameter-efficient fine-tuning"


def test_documented_front_matter_keys_match_the_loader() -> None:
    from bank.load import QUESTION_KEYS

    table = re.findall(r"^\| `(\w+)` \|", PAGE.read_text(encoding="utf-8"), re.M)
    assert set(table) == QUESTION_KEYS


def test_concept_example_is_valid() -> None:
    from bank.concepts import load_concepts

    (example,) = [block for block in fenced("yaml") if "- id:" in block]
    concepts, problems = load_concepts(example, "questions/concepts.yml")
    assert problems == [] and concepts is not None and [c.id for c in concepts] == ["kl-penalty"]
