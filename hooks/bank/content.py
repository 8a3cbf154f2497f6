"""The bank's editorial rules: what a published bank must be beyond a valid format. Pure.

`bank_cli.py check` (so the pre-commit hook) and the content tests run the same rules, so a contributor
learns locally what CI would say. The build does not: a preview of half-written work still builds.
Each problem is at the line to open; rules about the whole bank are at the bank folder.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from pathlib import Path

from .cues import CueStats, cue_stats, format_stats, item_cues
from .model import LEVELS, Bank, Problem

BANK = "questions"
MIN_SENTENCES, MAX_SENTENCES = 2, 6
MIN_FOR_STATISTICS = 50  # single-answer questions; per topic, 10: fewer, and a share says nothing
NEAR = 0.7  # share of words in common, in order, above which two question texts are near-duplicates
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE.split(text.strip()) if s]


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9 ]", " ", text.lower()).split()


def similarity(a: list[str], b: list[str]) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.quick_ratio() > NEAR else 0.0


def content_problems(bank: Bank, root: Path) -> list[Problem]:
    """Every editorial problem of `bank` (loaded from `root`), sorted by path and line."""
    found = _questions(bank) + _near_duplicates(bank) + _uncited(bank, root) + _bank_wide(bank)
    return sorted(found)


def _questions(bank: Bank) -> list[Problem]:
    found = []
    for q in bank.questions:
        rel = str(q.path)
        if q.explanation is None:
            found.append(
                Problem(rel, q.answer_line, "no '## Explanation': say why the answer holds and where it stops")
            )
            continue
        count = len(sentences(q.explanation))
        if not MIN_SENTENCES <= count <= MAX_SENTENCES:
            found.append(
                Problem(
                    rel,
                    q.explanation_line,
                    f"the explanation has {count} sentence{'s' if count != 1 else ''}; "
                    f"write {MIN_SENTENCES} to {MAX_SENTENCES} (the evidence, and where the claim stops)",
                )
            )
        if q.explanation.strip() == q.answer.strip():
            found.append(Problem(rel, q.explanation_line, "the explanation repeats the answer"))
    return found


def _near_duplicates(bank: Bank) -> list[Problem]:
    texts = [(q, words(q.text)) for q in bank.questions]
    return [
        Problem(str(b.path), b.text_line, f"question text nearly the same as {a.path} (ask something else)")
        for (a, wa), (b, wb) in itertools.combinations(texts, 2)
        if similarity(wa, wb) > NEAR
    ]


def _uncited(bank: Bank, root: Path) -> list[Problem]:
    cited = {key for q in bank.questions for key in q.sources}
    path = root / BANK / "references.yml"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    found = []
    for key in sorted(set(bank.sources) - cited):
        line = next((n for n, text in enumerate(lines, 1) if re.match(rf"^-?\s*key:\s*['\"]?{key}\b", text)), 1)
        found.append(Problem(f"{BANK}/references.yml", line, f"'{key}' is cited by no question (cite it or remove it)"))
    return found


def _bank_wide(bank: Bank) -> list[Problem]:
    """Rules about the bank as a whole: no surface cue, positions and levels spread."""
    found = []

    def fail(message: str) -> None:
        found.append(Problem(BANK, 1, message))

    stats = cue_stats(bank.questions)
    if stats.count >= MIN_FOR_STATISTICS:
        if not 0.15 <= stats.share("strictly_longest") <= 0.30:
            fail(f"the right choice is strictly the longest too often or too rarely (15-30%): {format_stats(stats)}")
        if not 0.15 <= stats.share("strictly_shortest") <= 0.30:
            fail(f"the right choice is strictly the shortest too often or too rarely (15-30%): {format_stats(stats)}")
        if not 0.40 <= stats.mean_rank <= 0.60:
            fail(f"the right choice's length rank gives it away (0.40-0.60): {format_stats(stats)}")
        if not 0.90 <= stats.length_ratio <= 1.10:
            fail(f"right choices are longer or shorter than distractors (ratio 0.90-1.10): {format_stats(stats)}")
        if stats.share("echo") > 0.10:
            fail(f"right choices echo the question's words too often (at most 10%): {format_stats(stats)}")
        if stats.share("hedge_reserved") > 0.10:
            fail(f"only the right choice hedges too often (at most 10%): {format_stats(stats)}")
    for topic in bank.topics:
        local = CueStats(tuple(c for q in topic.questions if (c := item_cues(q)) is not None))
        if local.count >= MIN_FOR_STATISTICS // 5 and not (
            local.share("strictly_longest") <= 0.40
            and local.share("strictly_shortest") <= 0.40
            and 0.30 <= local.mean_rank <= 0.70
            and 0.85 <= local.length_ratio <= 1.15
        ):
            found.append(Problem(str(topic.path), 1, f"the choices' lengths give answers away: {format_stats(local)}"))
    positions = Counter(
        next(i for i, c in enumerate(q.choices) if c.correct)
        for q in bank.questions
        if any(c.correct for c in q.choices)
    )
    if stats.count < MIN_FOR_STATISTICS:
        return found
    if max(positions.values()) > 0.5 * sum(positions.values()):
        fail(f"the right choice sits in one position in over half of the questions: {dict(sorted(positions.items()))}")
    levels = Counter(q.level for q in bank.questions)
    if any(levels[level] < 0.15 * len(bank.questions) for level in LEVELS):
        fail(f"levels are not mixed (each at least 15%): {dict(levels)}")
    return found
