"""Surface cues a reader could use to pick the right choice without knowing the subject. Pure.

Measured over single-answer questions, the ones a test-wise reader can game by picking one choice:
- length: is the correct choice strictly the longest, or strictly the shortest (a reader who has learnt
  that the key is never the longest games the bank as well as one who picks the longest), where its
  length ranks among the choices, and how long it is against the distractors;
- echo: does the correct choice share more of the stem's content words than every distractor;
- hedge: is the correct choice the only one with hedged wording ("usually", "can help").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Question

HEDGES = frozenset(
    [
        "usually",
        "often",
        "typically",
        "generally",
        "mostly",
        "largely",
        "tends",
        "tend",
        "can",
        "could",
        "may",
        "might",
        "likely",
        "sometimes",
        "partly",
        "partially",
        "somewhat",
        "some",
        "many",
        "most",
        "helps",
        "help",
    ]
)
STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "from",
        "as",
        "at",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "which",
        "what",
        "why",
        "how",
        "when",
        "where",
        "who",
        "whom",
        "than",
        "then",
        "there",
        "their",
        "they",
        "them",
        "not",
        "no",
        "but",
        "into",
        "over",
        "under",
        "does",
        "do",
        "did",
        "has",
        "have",
        "had",
        "so",
        "such",
        "each",
        "any",
        "all",
        "one",
        "two",
        "more",
        "most",
        "less",
        "only",
        "also",
        "about",
        "between",
        "after",
        "before",
        "model",
        "models",
        "training",
        "trained",
        "train",
        "question",
        "answer",
    ]
)
WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
MATH = re.compile(r"\$[^$]*\$")


def words(text: str) -> list[str]:
    return WORD.findall(MATH.sub(" ", text.lower()))


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if len(w) > 3 and w not in STOPWORDS}


def length(text: str) -> int:
    """Characters a reader sees, with runs of spaces counted once."""
    return len(" ".join(text.split()))


@dataclass(frozen=True)
class ItemCues:
    qid: str
    topic: str
    strictly_longest: bool
    strictly_shortest: bool
    length_rank: float
    correct_length: int
    mean_distractor_length: float
    distractors: int
    echo: bool
    hedge_reserved: bool


@dataclass(frozen=True)
class CueStats:
    items: tuple[ItemCues, ...]

    @property
    def count(self) -> int:
        return len(self.items)

    def share(self, attribute: str) -> float:
        return sum(getattr(i, attribute) for i in self.items) / self.count if self.items else 0.0

    @property
    def chance(self) -> float:
        """The score of a blind guess: the mean of 1 / number of choices."""
        return sum(1 / (i.distractors + 1) for i in self.items) / self.count if self.items else 0.0

    @property
    def mean_rank(self) -> float:
        """Mean share of distractors shorter than the correct choice: 0.5 when length says nothing."""
        return sum(i.length_rank for i in self.items) / self.count if self.items else 0.5

    @property
    def length_ratio(self) -> float:
        """Mean correct-choice length over mean distractor length, across the items."""
        if not self.items:
            return 1.0
        correct = sum(i.correct_length for i in self.items) / self.count
        distractors = sum(i.mean_distractor_length for i in self.items) / self.count
        return correct / distractors


def item_cues(question: Question) -> ItemCues | None:
    """The cues of one single-answer question with at least two choices; None for other kinds."""
    if question.kind != "single" or len(question.choices) < 2:
        return None
    correct = next(c for c in question.choices if c.correct)
    distractors = [c for c in question.choices if not c.correct]
    lengths = [length(d.text) for d in distractors]
    stem = content_words(question.text)
    overlap = [len(stem & content_words(d.text)) for d in distractors]
    hedged = [bool(HEDGES & set(words(d.text))) for d in distractors]
    return ItemCues(
        qid=question.id,
        topic=question.topic,
        strictly_longest=length(correct.text) > max(lengths),
        strictly_shortest=length(correct.text) < min(lengths),
        length_rank=sum(n < length(correct.text) for n in lengths) / len(lengths),
        correct_length=length(correct.text),
        mean_distractor_length=sum(lengths) / len(lengths),
        distractors=len(lengths),
        echo=len(stem & content_words(correct.text)) > max(overlap),
        hedge_reserved=bool(HEDGES & set(words(correct.text))) and not any(hedged),
    )


def cue_stats(questions: Iterable[Question]) -> CueStats:
    return CueStats(tuple(cues for q in questions if (cues := item_cues(q)) is not None))


def format_stats(stats: CueStats) -> str:
    return (
        f"{stats.count} single-answer questions (chance {stats.chance:.0%}): correct strictly longest "
        f"{stats.share('strictly_longest'):.0%}, strictly shortest {stats.share('strictly_shortest'):.0%}, "
        f"mean length rank {stats.mean_rank:.2f}, length ratio {stats.length_ratio:.2f}, echo {stats.share('echo'):.0%}, "
        f"hedge reserved {stats.share('hedge_reserved'):.0%}"
    )
