"""A small bank with every kind of question (a numeric one too), math and GIFT's special characters, for the export tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import QUESTION

from bank import Bank, load_bank

SITE = "https://example.org/self-check/"

FILES: dict[str, str | bytes] = {
    "basics/pick-one.md": """\
---
title: Reward model loss
order: 20
level: intermediate
concepts: [reward-models, post-training-methods]
sources: [ouyang2022instructgpt]
---
A reward model $r_\\phi(x, y)$ learns from pairs where $y_w$ beat $y_l$. Which loss {is it}? See [the basics](#what-is-post-training).

- [ ] $\\mathbb{E}[(r_w - r_l - 1)^2]$
  A squared error fits scores, not comparisons.
- [x] $-\\log \\sigma(r_w - r_l)$ ~ the logistic one
  Right: the {Bradley-Terry} likelihood, with $\\sigma$ the logistic function.
- [ ] A = B # not a loss: just text
  Not a loss at all.

## Answer

The logistic loss:

$$
\\mathcal{L} = -\\log \\sigma(r_w - r_l)
$$

## Explanation

It is the likelihood of the comparisons when $P(w \\succ l) < 1$ follows a sigmoid; cost: \\$5.
""",
    "basics/pick-several.md": """\
---
order: 30
level: advanced
title: About rlhf
concepts: [post-training-methods, reward-models]
sources: [ouyang2022instructgpt]
multiple: true
---
Which of these are post-training methods?

- [x] RLHF
  Reason: RLHF.
- [ ] Tokenizer training
  Reason: Tokenizer training.
- [x] DPO
  Reason: DPO.
- [ ] Pre-training on more web text
  Reason: Pre-training on more web text.

## Answer

RLHF and DPO.
""",
    "basics/dpo-loss-value.md": """\
---
title: A DPO loss value
order: 40
level: advanced
concepts: [reward-models, post-training-methods]
sources: [ouyang2022instructgpt]
answer: 0.474
tolerance: 0.5%
unit: nats & "bits"
---
The implicit rewards of a pair are $0.3$ and $-0.2$. What is $-\\log \\sigma(0.5)$ {to three places}?

## Answer

$-\\log \\sigma(0.5) = \\log(1 + e^{-0.5}) \\approx 0.474$.

## Explanation

The loss falls as the margin grows.
""",
    "basics/what-is-post-training.md": QUESTION.replace(
        "level: foundation\n", "level: foundation\nconcepts: [post-training-methods, reward-models]\n"
    ),
    "concepts.yml": """\
- id: post-training-methods
  name: Post-training methods
  summary: What is done to a model after pre-training, and in what order.
- id: reward-models
  name: Reward models
  summary: Models that score a response, learnt from comparisons.
""",
    "later/_topic.md": """\
---
title: Later
order: 2
summary: A topic without questions yet.
---
Nothing here yet.
""",
}


def load_sample(make_bank: Callable[..., Path]) -> tuple[Path, Bank]:
    root = make_bank(FILES)
    bank, problems = load_bank(root, docs_dir=root / "docs")
    assert problems == []
    return root, bank
