"""The interactive self-check: its study pages, the index they read, and where its assets load.

Every page is complete without JavaScript. The script and stylesheet in `docs/assets/selfcheck/`
add to it, on the pages this module names (topic pages, the overview, review and practice):

- Markup they rely on (render.py): `section.qb-question[data-qid][data-kind]` (kind `single`,
  `multiple`, `reveal` or `numeric`), its `.qb-meta` line, `.qb-choices[data-hint] > ol`, and
  `details.qb-reveal` holding `.qb-answer[data-correct="B,D"]`; `.qb-topic-meta` on topic pages;
  `div[data-qb-study]` on the study pages below.
- A numeric question has no choices: after its text, an empty `div.qb-numeric[data-unit]` (the unit,
  or "") where the script puts the reader's number field, and in the reveal
  `.qb-answer[data-value="0.5"][data-tolerance="0.01"]`: the value as plain decimal digits, and the
  absolute tolerance (a percentage the author wrote is converted already). An answer within the
  tolerance either side of the value, bounds included, is correct. The answer's first line states it
  for readers without the script: `<p><strong>Correct value:</strong> 0.5 (± 0.01) UNIT</p>`.
- Progress: localStorage key `qb-selfcheck:v1`, holding `{"v": 1, "q": {id: {"s": state, "t": ms,
  "b": box}}}` with state `correct`, `incorrect`, `got` or `notyet`. Missing or garbled storage
  leaves the script working from memory.
- Schedule: Leitner boxes 1 to 5 wait `INTERVAL_DAYS` after the last attempt. A miss puts a
  question in box 1 (due at once); a success moves it up one box, but only once it was due.
- Instant navigation swaps only the page content and runs the scripts in it, so the tags go into
  the content; the script re-initialises through Material's `document$`.

The index lists where each question lives and how it is answered, never which choice is right:
the topic page holds that, inside the closed answer.
"""

from __future__ import annotations

import json
import posixpath

from .model import Bank
from .paths import INDEX_SRC, OVERVIEW_SRC, PRACTICE_SRC, REVIEW_SRC, SCRIPT, STYLESHEET, page_url, relative, topic_src

INTERVAL_DAYS = (0, 1, 3, 7, 16)  # the same as WAIT in selfcheck.js


def render_index(bank: Bank) -> str:
    """What the review and practice pages need to find questions: no question or answer text."""
    index = {
        "version": 1,
        "topics": [
            {"slug": t.slug, "title": t.title, "url": page_url(topic_src(t)), "count": len(t.questions)}
            for t in bank.topics
        ],
        "questions": [
            {
                "id": q.id,
                "topic": t.slug,
                "number": n,
                "title": q.title or None,
                "url": f"{page_url(topic_src(t))}#{q.id}",
                "kind": q.kind,
            }
            for t in bank.topics
            for n, q in enumerate(t.questions, 1)
        ],
    }
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"


def _study_page(title: str, intro: str, kind: str, fallback: str) -> str:
    return f'# {title}\n\n{intro}\n\n<div class="qb-study" data-qb-study="{kind}" markdown>\n{fallback}\n</div>\n'


def render_review_page() -> str:
    topics = relative(REVIEW_SRC, OVERVIEW_SRC)
    *waits, last = (str(days) for days in INTERVAL_DAYS[1:])
    return _study_page(
        "Review",
        "Questions you missed come back here at once; a question you get right comes back later, and later "
        f"again each time you get it right (after {', '.join(waits)} and then {last} days). "
        "Your answers stay in this browser.",
        "review",
        f"The review list is built in your browser from the answers you gave, so it needs JavaScript. "
        f"Without it, work through the [topics]({topics}) and open each answer to check yourself.",
    )


def render_practice_page() -> str:
    topics = relative(PRACTICE_SRC, OVERVIEW_SRC)
    return _study_page(
        "Practice",
        "Choose topics and a number of questions for a random set. At the end you get your score and links "
        "to the questions you missed.",
        "practice",
        f"Practice sets are drawn in your browser, so they need JavaScript. "
        f"Without it, pick one of the [topics]({topics}) and work through its questions.",
    )


def selfcheck_files(bank: Bank) -> dict[str, str]:
    """The study pages and the index, by their path in the docs tree."""
    return {INDEX_SRC: render_index(bank), REVIEW_SRC: render_review_page(), PRACTICE_SRC: render_practice_page()}


def uses_selfcheck(bank: Bank, page_src: str) -> bool:
    """Pages with questions, progress or study tools; the rest of the site loads none of the self-check's files."""
    return page_src in {OVERVIEW_SRC, REVIEW_SRC, PRACTICE_SRC} or any(page_src == topic_src(t) for t in bank.topics)


def asset_tags(page_src: str) -> str:
    """The stylesheet and script, placed in the page content so that instant navigation loads them too.

    Material swaps only the content area on navigation and runs the scripts it finds there. The
    script is deferred so that Material's bundle, loaded at the end of the body, runs first.
    """
    folder = page_url(page_src) or "."
    css, js = (posixpath.relpath(asset, folder) for asset in (STYLESHEET, SCRIPT))
    return f'<link rel="stylesheet" href="{css}">\n<script defer src="{js}"></script>\n'
