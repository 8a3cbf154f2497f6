"""The bank's domain model: plain dataclasses, built by the loader, read by the renderers."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import PurePosixPath
from typing import Literal, get_args

Level = Literal["foundation", "intermediate", "advanced"]
Kind = Literal["single", "multiple", "reveal", "numeric"]
LEVELS: tuple[Level, ...] = get_args(Level)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the bank, at the line a contributor must open."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    authors: str
    year: int
    url: str
    arxiv: str | None = None
    venue: str | None = None


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    line: int
    reason: str = ""  # why this choice is right or wrong: indented lines under the choice
    reason_line: int = 0


def decimal_text(number: Decimal) -> str:
    """A number as plain decimal digits, never an exponent: 1E-5 is '0.00001', 1.50 is '1.5'."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class NumericAnswer:
    """The value a numeric question expects, and how far from it a reader's number may be."""

    value: Decimal
    tolerance: Decimal  # absolute, converted when the author wrote a percentage
    unit: str = ""
    percent: Decimal | None = None  # the percentage the author wrote, if any
    line: int = 2  # the 'answer' line of the front matter

    @property
    def value_text(self) -> str:
        return decimal_text(self.value)

    @property
    def tolerance_text(self) -> str:
        return decimal_text(self.tolerance)

    @property
    def summary(self) -> str:
        """'0.5 (± 0.01) tokens': the value as the reveal, the worksheet key and the exports state it."""
        return f"{self.value_text} (± {self.tolerance_text}){f' {self.unit}' if self.unit else ''}"

    def accepts(self, number: Decimal) -> bool:
        return abs(number - self.value) <= self.tolerance


@dataclass
class Question:
    id: str
    topic: str
    path: PurePosixPath  # relative to the project root, e.g. questions/sft/x.md
    order: int
    level: Level
    concepts: list[str]  # IDs from questions/concepts.yml
    sources: list[str]
    text: str
    answer: str
    explanation: str | None = None
    choices: list[Choice] = field(default_factory=list)
    multiple: bool = False
    text_line: int = 1
    order_line: int = 2
    answer_line: int = 1
    explanation_line: int = 1
    title: str = ""  # a few words naming what the question is about
    title_line: int = 2
    numeric: NumericAnswer | None = None  # set for a question answered with a number

    @property
    def kind(self) -> Kind:
        """How the reader answers: pick one, pick several, type a number, or reveal and self-rate."""
        if self.numeric is not None:
            return "numeric"
        if not self.choices:
            return "reveal"
        return "multiple" if self.multiple else "single"


@dataclass(frozen=True)
class Concept:
    """A subject that questions across topics test (questions/concepts.yml)."""

    id: str
    name: str
    summary: str
    line: int = 1


@dataclass
class Topic:
    slug: str
    title: str
    order: int
    summary: str
    intro: str
    path: PurePosixPath
    questions: list[Question] = field(default_factory=list)
    intro_line: int = 1


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    definition: str
    expansion: str | None = None
    sources: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # other spellings and plurals that get the same tooltip
    line: int = 1

    @property
    def tooltip(self) -> str:
        if not self.expansion:
            return self.definition
        return f"{self.expansion[:1].upper()}{self.expansion[1:]}: {self.definition}"


@dataclass
class Bank:
    topics: list[Topic]
    sources: dict[str, Source]
    glossary: list[GlossaryTerm] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)

    @cached_property
    def questions(self) -> list[Question]:
        return [q for t in self.topics for q in t.questions]

    @cached_property
    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    def question(self, qid: str) -> Question | None:
        return self.by_id.get(qid)
