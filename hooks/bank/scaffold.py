"""A new question file to start from: valid as it stands, every part to write marked TODO."""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable
from pathlib import Path

from .load import BANK_DIR, TOPIC_FILE
from .model import Bank
from .parse import KEBAB

PLACEHOLDER_ID = "new-question"
ORDER_STEP = 10  # room to slot questions in between later


class ScaffoldError(Exception):
    """A request the scaffold cannot honour, said so a contributor can fix the command."""


def fresh_id(wanted: str, taken: Container[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`, ... : the first that no question uses yet."""
    candidate, suffix = wanted, 2
    while candidate in taken:
        candidate, suffix = f"{wanted}-{suffix}", suffix + 1
    return candidate


def next_order(orders: Iterable[int]) -> int:
    """The next multiple of ORDER_STEP after the topic's last question."""
    return (max(orders, default=0) // ORDER_STEP + 1) * ORDER_STEP


NUMERIC_KEYS = """\
answer: 0  # the number the reader must give: digits and a decimal point, e.g. 0.5
tolerance: 0  # how far from it an answer may be and still count: a number (0.01) or a percentage (1%)
# unit: tokens  # what the number counts, if anything: remove the '# ' in front to give one
"""


def question_template(qid: str, *, order: int, concept: str | None, source: str, numeric: bool = False) -> str:
    # The ID in the title and the question text keeps two fresh files from clashing with each other.
    concepts = f"concepts: [{concept}]  # 1 to 3 IDs from questions/concepts.yml\n" if concept else ""
    head = f"""\
---
title: "TODO: a few words naming what the question is about ({qid})"
order: {order}
level: foundation  # foundation, intermediate or advanced
{concepts}sources: [{source}]  # keys of questions/references.yml entries that back the answer
{NUMERIC_KEYS if numeric else ""}---
TODO: write the question ({qid}). Ask one thing, in a sentence or two."""
    if numeric:
        return f"""\
{head} Say the unit and the precision you expect.

## Answer

TODO: the worked solution: each step of the arithmetic, ending on the value in the front matter.

## Explanation

TODO: why the method gives this number, and where it stops applying (or delete this section).
"""
    reason = "\n  TODO: why this choice is wrong: the misconception it stands for."
    return f"""\
{head}

- [ ] TODO: a tempting wrong choice{reason}
- [x] TODO: the correct choice (marked with an x)
  TODO: why this choice is right.
- [ ] TODO: another wrong choice{reason}
- [ ] TODO: a third wrong choice{reason}

## Answer

TODO: the answer, in a sentence or two.

## Explanation

TODO: why the answer holds, the evidence, and where it stops being true (or delete this section).
"""


def create_question(root: Path, bank: Bank, topic: str, *, wanted: str | None = None, numeric: bool = False) -> Path:
    """Write a new question file into `questions/<topic>/` and return its path; never overwrites.

    `numeric`: a question answered with a number (front matter `answer`, `tolerance`, `unit`), not choices."""
    folder = root / BANK_DIR / topic
    if not (folder / TOPIC_FILE).is_file():
        known = ", ".join(t.slug for t in bank.topics) or "none yet"
        raise ScaffoldError(f"no topic '{topic}' (a folder {BANK_DIR}/<topic>/ with {TOPIC_FILE}; topics: {known})")
    if wanted is not None and not KEBAB.match(wanted):
        raise ScaffoldError(f"question ID '{wanted}' must be lowercase kebab-case, e.g. 'dpo-reference-model'")
    if not bank.sources:
        raise ScaffoldError(f"the bibliography {BANK_DIR}/references.yml has no entries to cite yet")
    # IDs are unique across the whole bank: count every question file, loaded or not.
    taken = {path.stem for path in (root / BANK_DIR).glob("*/*.md") if path.name != TOPIC_FILE}
    if wanted is not None and wanted in taken:
        raise ScaffoldError(f"question ID '{wanted}' is already in use (choose another ID; IDs are permanent links)")
    qid = fresh_id(wanted or PLACEHOLDER_ID, taken)
    siblings = [q for q in bank.questions if q.topic == topic]
    cited = Counter(key for q in siblings for key in q.sources if key in bank.sources)
    source = cited.most_common(1)[0][0] if cited else next(iter(bank.sources))
    named = Counter(cid for q in siblings for cid in q.concepts)
    concept = named.most_common(1)[0][0] if named else (bank.concepts[0].id if bank.concepts else None)
    path = folder / f"{qid}.md"
    order = next_order(q.order for q in siblings)
    text = question_template(qid, order=order, concept=concept, source=source, numeric=numeric)
    with path.open("x", encoding="utf-8") as file:  # "x": fail rather than overwrite
        file.write(text)
    return path
