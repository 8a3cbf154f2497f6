"""cues: the surface cues a test-wise reader could use, per question and over the whole bank.

The thresholds the bank is held to are editorial rules (bank.content, tested in test_content.py): a
reader who knows nothing must not beat chance by picking the longest choice, the one that echoes the
question, or the only hedged one. Length works both ways: a bank whose key is never the longest teaches
"never pick the longest", so the keys strictly the longest, and strictly the shortest, stay near chance.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from bank import Choice, Question
from bank.cues import CueStats, item_cues


def single(text: str, correct: str, *distractors: str) -> Question:
    choices = [Choice(correct, True, 1), *(Choice(d, False, 2 + i) for i, d in enumerate(distractors))]
    return Question("q", "t", PurePosixPath("questions/t/q.md"), 10, "foundation", [], [], text, "A.", choices=choices)


def test_length_echo_and_hedge_are_measured_per_question() -> None:
    cues = item_cues(
        single("Why does the reward model drift?", "It usually drifts off the reward model's data", "No", "Never")
    )
    assert cues is not None
    assert cues.strictly_longest and cues.echo and cues.hedge_reserved
    fair = item_cues(single("Why does it drift?", "Its data shifts", "Its loss is clipped", "It can overfit"))
    assert fair is not None
    assert not fair.strictly_longest and not fair.echo and not fair.hedge_reserved
    assert item_cues(Question("r", "t", PurePosixPath("x.md"), 1, "foundation", [], [], "Q?", "A.")) is None


def test_length_rank_and_shortest_are_measured() -> None:
    short = item_cues(single("Why?", "No", "Because the loss is clipped", "It overfits"))
    assert short is not None and short.strictly_shortest and short.length_rank == 0.0
    middle = item_cues(single("Why?", "It overfits", "No", "Because the loss is clipped"))
    assert middle is not None and not middle.strictly_shortest and middle.length_rank == 0.5
    stats = CueStats((short, middle))
    assert stats.chance == 1 / 3 and stats.mean_rank == 0.25


def test_a_numeric_question_has_no_choice_cues_and_counts_in_no_statistic() -> None:
    from decimal import Decimal

    from bank.cues import cue_stats
    from bank.model import NumericAnswer

    numeric = Question("n", "t", PurePosixPath("x.md"), 1, "foundation", [], [], "How many?", "Two.")
    numeric.numeric = NumericAnswer(Decimal(2), Decimal(0))
    assert numeric.kind == "numeric" and item_cues(numeric) is None
    fair = single("Why does it drift?", "Its data shifts", "Its loss is clipped", "It can overfit")
    assert cue_stats([fair, numeric]).count == 1
