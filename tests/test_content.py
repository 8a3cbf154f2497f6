"""The real bank as a study resource: its editorial rules (bank.content), coverage, titles, concepts.

The rules themselves live in `bank.content`, which `bank_cli.py check` runs too; here the real bank must
meet them, and each rule is shown to fire on a bank that breaks it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from conftest import BIBLIOGRAPHY, QUESTION, ROOT, MakeBank

from bank import Bank, load_bank
from bank.content import NEAR, content_problems, similarity, words
from bank.model import LEVELS


@cache
def bank() -> Bank:
    loaded, problems = load_bank(ROOT, docs_dir=ROOT / "docs")
    assert problems == []
    return loaded


def test_the_bank_meets_every_editorial_rule() -> None:
    assert [str(p) for p in content_problems(bank(), ROOT)] == []


def test_bank_size_and_every_topic_covered() -> None:
    assert len(bank().questions) >= 190
    assert len(bank().topics) == 11
    assert {t.slug: len(t.questions) for t in bank().topics if len(t.questions) < 15} == {}


def test_every_question_has_a_title_an_explanation_sources_level_and_concepts() -> None:
    for q in bank().questions:
        assert q.title and q.explanation, f"{q.path}: no title or no explanation"
        assert q.sources and q.concepts and q.level in LEVELS, q.path
        assert all(c.reason for c in q.choices), f"{q.path}: a choice without a reason"


def test_concepts_cut_across_topics() -> None:
    """A concept is a subject across the bank, not a second name for a topic."""
    topics: dict[str, set[str]] = {}
    for q in bank().questions:
        for c in q.concepts:
            topics.setdefault(c, set()).add(q.topic)
    assert len(bank().concepts) >= 25
    assert sum(len(t) > 1 for t in topics.values()) >= 0.5 * len(topics), topics


def test_most_questions_have_three_to_five_choices() -> None:
    """Numeric questions are answered with a number: they have no choices by design, and count here for nothing."""
    chosen = [q for q in bank().questions if q.kind != "numeric"]
    assert len([q for q in chosen if 3 <= len(q.choices) <= 5]) >= 0.8 * len(chosen)


def test_numeric_questions_are_cited_worked_and_spread_over_the_topics() -> None:
    numeric = [q for q in bank().questions if q.kind == "numeric"]
    assert len(numeric) >= 12
    assert len({q.topic for q in numeric}) >= 8
    for q in numeric:
        assert q.numeric is not None and q.choices == [] and q.sources, q.path
        # The worked solution ends on the value it states (as written, or rounded as the question asks).
        digits = re.sub(r"(?<=\d)(?:\{,\}|,)(?=\d{3})", "", q.answer)  # 8{,}388{,}608 is 8388608
        assert q.numeric.value_text in digits, f"{q.path}: the answer never states the value"


def test_near_duplicate_measure_can_fire() -> None:
    a = words("Why does RLHF add a KL penalty to the reward during PPO training?")
    b = words("Why does RLHF add a KL penalty to the reward in PPO training?")
    other = words("Which parameters does LoRA train, and why is inference latency unchanged?")
    assert similarity(a, b) > NEAR > similarity(a, other)


def _problems(root: Path) -> list[tuple[str, int, str]]:
    loaded, problems = load_bank(root, docs_dir=root / "docs")
    assert problems == []
    return [(p.path, p.line, p.message) for p in content_problems(loaded, root)]


def test_each_question_rule_fires_at_its_line(make_bank: MakeBank) -> None:
    front = "---\ntitle: {title}\norder: {order}\nlevel: foundation\nsources: [ouyang2022instructgpt]\n---\n"
    one = (
        front.format(title="One", order=20)
        + "Why is the sky blue today?\n\n## Answer\n\nA.\n\n## Explanation\n\nOnly one.\n"
    )
    two = (
        front.format(title="Two", order=30)
        + "Why is the sky blue today, then?\n\n## Answer\n\nA.\n\n## Explanation\n\nA. B.\n"
    )
    root = make_bank({"basics/one.md": one, "basics/two.md": two})
    assert _problems(root) == [
        (
            "questions/basics/one.md",
            15,
            "the explanation has 1 sentence; write 2 to 6 (the evidence, and where the claim stops)",
        ),
        ("questions/basics/two.md", 7, "question text nearly the same as questions/basics/one.md (ask something else)"),
        (
            "questions/basics/what-is-post-training.md",
            11,
            "no '## Explanation': say why the answer holds and where it stops",
        ),
    ]


def test_an_uncited_work_is_a_problem_at_its_entry(make_bank: MakeBank) -> None:
    extra = "- key: nobody2020\n  title: Unused\n  authors: N. Body\n  year: 2020\n  url: https://example.org/\n"
    explained = "\n## Explanation\n\nIt comes after pre-training. It adapts the model.\n"
    root = make_bank({"references.yml": BIBLIOGRAPHY + extra, "basics/what-is-post-training.md": QUESTION + explained})
    assert _problems(root) == [
        ("questions/references.yml", 7, "'nobody2020' is cited by no question (cite it or remove it)")
    ]


def test_a_bank_whose_right_choice_is_always_the_longest_breaks_the_cue_rules(make_bank: MakeBank) -> None:
    files = {}
    for n in range(60):
        files[f"basics/q{n}.md"] = (
            f"---\ntitle: Q{n}\norder: {20 + n}\nlevel: {LEVELS[n % 3]}\nsources: [ouyang2022instructgpt]\n---\n"
            f"Case {n}: which holds?\n\n"
            + "".join(f"- [ ] Short {c}\n  Wrong.\n" for c in range(n % 4))
            + "- [x] The right one, much longer than every other\n  Right.\n"
            + "".join(f"- [ ] Short {c}\n  Wrong.\n" for c in range(n % 4, 3))
            + "\n## Answer\n\nA.\n\n## Explanation\n\nIt holds. It is so.\n"
        )
    files["basics/what-is-post-training.md"] = QUESTION + "\n## Explanation\n\nAfter pre-training. For use.\n"
    found = _problems(make_bank(files))
    messages = [m for path, _, m in found if path == "questions"]
    assert any(m.startswith("the right choice is strictly the longest too often") for m in messages), found
    assert any(m.startswith("right choices are longer or shorter than distractors") for m in messages), found
    assert any(path == "questions/basics/_topic.md" for path, _, _ in found)  # and in its topic
