"""The new-question scaffold: fresh IDs, the next order, a file that passes the check as it stands."""

from __future__ import annotations

import pytest
from conftest import MakeBank
from sample_bank import FILES

from bank import load_bank
from bank.scaffold import ScaffoldError, create_question, fresh_id, next_order


def test_fresh_id_adds_the_first_free_number() -> None:
    assert fresh_id("new-question", set()) == "new-question"
    assert fresh_id("new-question", {"new-question", "new-question-2"}) == "new-question-3"


def test_next_order_is_the_next_multiple_of_ten() -> None:
    assert next_order([]) == 10
    assert next_order([10, 20]) == 30
    assert next_order([10, 25]) == 30


def test_created_file_loads_and_each_part_to_write_is_a_todo_problem(make_bank: MakeBank) -> None:
    root = make_bank()
    for expected in ("new-question", "new-question-2"):
        bank, _ = load_bank(root)
        path = create_question(root, bank, "basics")
        assert path == root / "questions" / "basics" / f"{expected}.md"
    bank, problems = load_bank(root, docs_dir=root / "docs")
    # title, text, four choices, four reasons, answer, explanation: each a TODO at its line, nothing else
    assert {p.message for p in problems} == {"'TODO' left in the question: write this part, then remove it"}
    assert len(problems) == 2 * 12 and len({(p.path, p.line) for p in problems}) == 24
    created = [q for q in bank.questions if q.id.startswith("new-question")]
    assert [(q.order, q.kind, q.concepts, q.sources) for q in created] == [
        (20, "single", [], ["ouyang2022instructgpt"]),
        (30, "single", [], ["ouyang2022instructgpt"]),
    ]


def test_a_wanted_id_that_is_taken_anywhere_is_refused(make_bank: MakeBank) -> None:
    root = make_bank({"other/_topic.md": "---\ntitle: Other\norder: 2\nsummary: S.\n---\nI.\n"})
    bank, _ = load_bank(root)
    with pytest.raises(ScaffoldError, match="question ID 'what-is-post-training' is already in use"):
        create_question(root, bank, "other", wanted="what-is-post-training")
    assert not (root / "questions" / "other" / "what-is-post-training.md").exists()
    assert (root / "questions" / "basics" / "what-is-post-training.md").read_text().startswith("---\norder: 10\n")


@pytest.mark.parametrize(
    ("topic", "wanted", "message"),
    [
        ("nope", None, "no topic 'nope' (a folder questions/<topic>/ with _topic.md; topics: basics)"),
        ("basics", "Not_Kebab", "question ID 'Not_Kebab' must be lowercase kebab-case, e.g. 'dpo-reference-model'"),
    ],
)
def test_refuses_what_it_cannot_do(make_bank: MakeBank, topic: str, wanted: str | None, message: str) -> None:
    root = make_bank()
    bank, _ = load_bank(root)
    with pytest.raises(ScaffoldError) as err:
        create_question(root, bank, topic, wanted=wanted)
    assert str(err.value) == message
    assert sorted(p.name for p in (root / "questions" / "basics").iterdir()) == [
        "_topic.md",
        "what-is-post-training.md",
    ]


def test_in_a_bank_with_concepts_the_file_names_one_and_every_choice_has_a_reason(make_bank: MakeBank) -> None:
    root = make_bank(FILES)
    bank, _ = load_bank(root)
    path = create_question(root, bank, "basics", wanted="fresh-one")
    bank, problems = load_bank(root, docs_dir=root / "docs")
    assert problems and all("'TODO' left" in p.message for p in problems)
    q = bank.question("fresh-one")
    assert q is not None and q.title.startswith("TODO") and "fresh-one" in q.title
    assert q.concepts == ["post-training-methods"]  # the topic's most named concept
    assert len(q.choices) == 4 and all(c.reason.startswith("TODO") for c in q.choices)
    assert "concepts: [post-training-methods]" in path.read_text()


def test_a_numeric_scaffold_loads_as_a_numeric_question_with_todos_to_write(make_bank: MakeBank) -> None:
    root = make_bank()
    bank, _ = load_bank(root)
    path = create_question(root, bank, "basics", wanted="count-it", numeric=True)
    bank, problems = load_bank(root, docs_dir=root / "docs")
    # title, text, worked answer, explanation: each a TODO at its line, nothing else
    assert {p.message for p in problems} == {"'TODO' left in the question: write this part, then remove it"}
    assert len(problems) == 4
    q = bank.question("count-it")
    assert q is not None and q.kind == "numeric" and q.choices == []
    assert q.numeric is not None and (q.numeric.value_text, q.numeric.tolerance_text, q.numeric.unit) == ("0", "0", "")
    text = path.read_text()
    assert "\nanswer: 0  #" in text and "\ntolerance: 0  #" in text and "\n# unit: tokens" in text
    # Uncommenting the unit line, as its comment says, gives the question a unit.
    path.write_text(text.replace("# unit: tokens", "unit: tokens"))
    bank, _ = load_bank(root)
    q = bank.question("count-it")
    assert q is not None and q.numeric is not None and q.numeric.unit == "tokens"
