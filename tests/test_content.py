"""The real bank as a study resource: coverage, explanations, sources, and no near-duplicates."""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from functools import cache

from conftest import ROOT

from bank import Bank, load_bank
from bank.model import LEVELS


@cache
def bank() -> Bank:
    loaded, problems = load_bank(ROOT, docs_dir=ROOT / "docs")
    assert problems == []
    return loaded


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


def test_explanations_are_two_to_five_sentences_of_reasoning() -> None:
    for q in bank().questions:
        assert q.explanation is not None
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", q.explanation.strip()) if s]
        assert 2 <= len(sentences) <= 6, f"{q.path}: {len(sentences)} sentences"
        assert q.explanation.strip() != q.answer.strip(), f"{q.path}: the explanation repeats the answer"


def test_most_questions_have_three_to_five_choices() -> None:
    with_choices = [q for q in bank().questions if 3 <= len(q.choices) <= 5]
    assert len(with_choices) >= 0.8 * len(bank().questions)


def test_levels_are_mixed() -> None:
    counts = Counter(q.level for q in bank().questions)
    total = len(bank().questions)
    assert all(counts[level] >= 0.15 * total for level in LEVELS), counts


def test_every_bibliography_entry_is_cited() -> None:
    cited = {key for q in bank().questions for key in q.sources}
    assert set(bank().sources) - cited == set()


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9 ]", " ", text.lower()).split()


def similar(a: list[str], b: list[str]) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.quick_ratio() > NEAR else 0.0


NEAR = 0.7  # share of words in common, in order, above which two questions are near-duplicates


def test_no_two_questions_are_near_duplicates() -> None:
    texts = {q.id: words(q.text) for q in bank().questions}
    near = [(a, b) for (a, wa), (b, wb) in itertools.combinations(texts.items(), 2) if similar(wa, wb) > NEAR]
    assert near == []


def test_near_duplicate_measure_can_fire() -> None:
    a = words("Why does RLHF add a KL penalty to the reward during PPO training?")
    b = words("Why does RLHF add a KL penalty to the reward in PPO training?")
    assert (
        similar(a, b)
        > NEAR
        > similar(a, words("Which parameters does LoRA train, and why is inference latency unchanged?"))
    )


def test_correct_choice_position_varies() -> None:
    positions = Counter(next(i for i, c in enumerate(q.choices) if c.correct) for q in bank().questions if q.choices)
    assert max(positions.values()) <= 0.5 * sum(positions.values()), positions
