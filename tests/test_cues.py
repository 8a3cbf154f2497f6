"""cues: the surface cues a test-wise reader could use, per question and over the whole bank.

The bank thresholds are issue 9's: a reader who knows nothing must not beat chance by picking the
longest choice, the one that echoes the question, or the only hedged one. Length works both ways: a bank
whose key is never the longest teaches "never pick the longest", so the share of keys that are strictly
the longest, and strictly the shortest, must each stay near chance (about 25% with four choices), and
so in every topic, where a reader works through a page.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from conftest import ROOT

from bank import Choice, Question, load_bank
from bank.cues import CueStats, cue_stats, format_stats, item_cues


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


def test_the_bank_gives_no_surface_cue_to_the_right_choice() -> None:
    bank, problems = load_bank(ROOT, docs_dir=ROOT / "docs")
    assert problems == []
    stats = cue_stats(bank.questions)
    assert stats.count >= 150, format_stats(stats)
    assert 0.15 <= stats.share("strictly_longest") <= 0.30, format_stats(stats)
    assert 0.15 <= stats.share("strictly_shortest") <= 0.30, format_stats(stats)
    assert 0.40 <= stats.mean_rank <= 0.60, format_stats(stats)
    assert 0.90 <= stats.length_ratio <= 1.10, format_stats(stats)
    assert stats.share("echo") <= 0.10, format_stats(stats)
    assert stats.share("hedge_reserved") <= 0.10, format_stats(stats)


def test_no_topic_gives_a_length_cue() -> None:
    """Per topic the sample is small (15 to 20 items), so the bounds are wider than the bank's."""
    bank, _ = load_bank(ROOT, docs_dir=ROOT / "docs")
    for topic in bank.topics:
        stats = CueStats(tuple(c for q in topic.questions if (c := item_cues(q)) is not None))
        assert stats.share("strictly_longest") <= 0.40, (topic.slug, format_stats(stats))
        assert stats.share("strictly_shortest") <= 0.40, (topic.slug, format_stats(stats))
        assert 0.30 <= stats.mean_rank <= 0.70, (topic.slug, format_stats(stats))
        assert 0.85 <= stats.length_ratio <= 1.15, (topic.slug, format_stats(stats))


def test_length_rank_and_shortest_are_measured() -> None:
    short = item_cues(single("Why?", "No", "Because the loss is clipped", "It overfits"))
    assert short is not None and short.strictly_shortest and short.length_rank == 0.0
    middle = item_cues(single("Why?", "It overfits", "No", "Because the loss is clipped"))
    assert middle is not None and not middle.strictly_shortest and middle.length_rank == 0.5
    stats = CueStats((short, middle))
    assert stats.chance == 1 / 3 and stats.mean_rank == 0.25
