"""The interactive self-check: its study pages, the index they read, and where its assets load.

Every page is complete without JavaScript. The script and stylesheet in `docs/assets/selfcheck/`
add to it, on the pages this module names (home, topic pages, the overview, review and practice):

- Markup they rely on (render.py): `section.qb-question[data-qid][data-kind]` (kind `single`,
  `multiple`, `reveal` or `numeric`), its `.qb-meta` line, `.qb-choices[data-hint] > ol`, and
  `details.qb-reveal` holding `.qb-answer[data-correct="B,D"]` (authored letters) and the reasons in
  `.qb-reasons ol > li`, in authored order; `.qb-js > .qb-progress[data-scope]` (text, bar, Reset
  button, status) on topic pages and the overview; `div[data-qb-study]` on the study pages below
  and the home page.
- A numeric question has no choices: after its text, an empty `div.qb-numeric[data-unit]` (the unit,
  or "") where the script puts the reader's number field, and in the reveal
  `.qb-answer[data-value="0.5"][data-tolerance="0.01"]`: the value as plain decimal digits, and the
  absolute tolerance (a percentage the author wrote is converted already). An answer within the
  tolerance either side of the value, bounds included, is correct. The answer's first line states it
  for readers without the script: `<p><strong>Correct value:</strong> 0.5 (± 0.01) UNIT</p>`.
- Choices are shuffled for each attempt; the letters, the feedback, each choice's reason and the
  answer's "Correct choice" line follow the shown order. Without the script, the authored order.
- Progress: localStorage key `qb-selfcheck:v1`, holding `{"v": 1, "q": {id: {"s": state, "t": ms,
  "b": box, "d": ms, "a": text}}}` with state `correct`, `incorrect`, `got` or `notyet` of the last
  attempt at `t`, `d` the first attempt of the day that set the box, `a` the answer given. Missing
  or garbled storage leaves the script working from memory; other tabs follow the `storage` event.
  Export writes that object to a file; import merges a file's records (newest `t` wins) or, if
  any record is bad, refuses the whole file.
- Schedule (REVIEW_RULE, as the Review page says it): Leitner boxes 1 to 5 wait `INTERVAL_DAYS`
  after the day's first attempt. Only that attempt counts: right moves a due question up a box
  (early, its wait starts again), wrong puts it in box 1, due until answered right on a later day.
- Review and practice fetch each question's section from its topic page (same origin), so the
  index stays free of answers. A practice set is in the URL (`?set=id,id`: a link to share) and
  its answers and place in sessionStorage (`qb-selfcheck:set`), which survive Back and reload.
- Instant navigation swaps only the page content and runs the scripts in it, so the tags go into
  the content; the script re-initialises through Material's `document$` (and guards against
  running twice).
- Each question is enhanced when it comes within a window's height of the view, gets the focus, is
  the page's anchor target (with the questions above it, which would push it down), or the page is
  printed: enhancing every question of a long page at load made the browser lay the whole page out
  again (issue 10). Enhancing moves nodes, so the focus is put back; a question is enhanced once.
- Glossary marks (`focusable_terms` in glossary.py) carry `data-preview`, which Material's
  `content.tooltips` skips: its tooltip component per mark cost a topic page most of its main-thread
  time. The stylesheet shows a focused mark's definition (its title) under its line, the width of the
  page; hover shows the native title, as without the script.
- The practice form is written by `render_practice_form`, hidden: the script shows and wires it.
- At load the script changes the page as little as it can, since every change Material's own
  start-up then measures makes it recalculate the page's styles again. The progress box (and the
  keys, on topic pages) is written by the build as a new reader sees it (`render_progress`), shown
  by the stylesheet once the script has set `data-qb-init`, and its text is set only when it
  differs. The header's "Review: N due" is set in the same task as the rest, and reads the index
  only once this browser has answered something (before that nothing is due). A table-of-contents
  mark is added only to an answered question.
- Keys: 1 to 9 pick the n-th shown choice of the question holding the focus (or the one on the
  review or practice stage), Enter on a choice checks, N presses Next; none while the focus is in
  a text field, and N is kept from Material, whose own N goes to the next page.
- Keyboard: each question's links (permalink, concepts, edit) sit behind one `summary` (render.py),
  and the script takes the heading's own permalink out of the Tab order, as it duplicates them.
- Stylesheet (budgeted with the script, so without comments): colours from Material's variables,
  right and wrong said in words and a sign as well; without the script the choices stay a list
  lettered as the answer names them; links in text underlined (WCAG 1.4.1); the answer and the
  reasons at the body size; on paper every answer open and the controls left out.

The index lists where each question lives and how it is answered, never which choice is right:
the topic page holds that, inside the closed answer.
"""

from __future__ import annotations

import json
import posixpath
from html import escape

from .model import LEVELS, Bank
from .paths import INDEX_SRC, OVERVIEW_SRC, PRACTICE_SRC, REVIEW_SRC, SCRIPT, STYLESHEET, page_url, relative, topic_src

HOME_SRC = "index.md"  # the home page: what is due, and where to continue
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
                "level": q.level,
                "concepts": q.concepts,
            }
            for t in bank.topics
            for n, q in enumerate(t.questions, 1)
        ],
        "concepts": [{"id": c.id, "name": c.name} for c in sorted(bank.concepts, key=lambda c: c.name.casefold())],
    }
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"


def _study_page(title: str, intro: str, kind: str, fallback: str) -> str:
    return f'# {title}\n\n{intro}\n\n<div class="qb-study" data-qb-study="{kind}" markdown>\n{fallback}\n</div>\n'


REVIEW_RULE = (
    "Each question you have answered sits in one of five boxes, which wait {waits} and then {last} days. "
    "Only your first answer to a question on a given day counts: right moves a question that is due up a box "
    "(answered early, it stays in its box and its wait starts again), wrong puts it back in box 1. "
    "Any later attempt that day, Try again included, is practice and changes nothing. "
    "A question you missed stays due until you answer it right on a later day."
)
KEYS = "Keys: 1 to 9 pick a choice, Enter checks, N goes to the next question in review and practice; not while you type in a field."


def render_review_page() -> str:
    topics = relative(REVIEW_SRC, OVERVIEW_SRC)
    *waits, last = (str(days) for days in INTERVAL_DAYS)
    return _study_page(
        "Review",
        "The questions due for review come here one after another: answer each, read why, then go on to the "
        "next. Your answers stay in this browser: to take them to another one, export them to a file below and "
        "import it there (importing merges, and the newest answer to each question wins).\n\n"
        f"**How questions come back.** {REVIEW_RULE.format(waits=', '.join(waits), last=last)}\n\n{KEYS}",
        "review",
        f"The review list is built in your browser from the answers you gave, so it needs JavaScript. "
        f"Without it, work through the [topics]({topics}) and open each answer to check yourself.",
    )


def render_practice_page() -> str:
    topics = relative(PRACTICE_SRC, OVERVIEW_SRC)
    return _study_page(
        "Practice",
        "Choose topics, a level or a concept and a number of questions for a random set, then answer them one "
        "at a time; a question you leave is skipped. At the end you get your score by topic and links to the "
        f"questions you missed. A set lasts through Back and reload, and its address is a link to share.\n\n{KEYS}",
        "practice",
        f"Practice sets are drawn in your browser, so they need JavaScript. "
        f"Without it, pick one of the [topics]({topics}) and work through its questions.",
    )


def render_practice_form(bank: Bank) -> str:
    """The form that draws a practice set: hidden, as only the script can draw one, and shown by it.

    Written here rather than by the script, whose size is budgeted: the script only wires it up
    (`data-only` buttons check one topic, or all of them when empty; the selects by their `name`).
    """

    def select(label: str, name: str, options: list[tuple[str, str]], chosen: str = "") -> str:
        shown = "".join(
            f'<option value="{escape(v)}"{" selected" if v == chosen else ""}>{escape(t)}</option>' for v, t in options
        )
        return f'<label class="qb-size">{label} <select name="{name}">{shown}</select></label> '

    topics = "".join(
        f'<div class="qb-option"><input type="checkbox" value="{t.slug}" id="qb-topic-{t.slug}" checked>'
        f'<label for="qb-topic-{t.slug}">{escape(t.title)} ({len(t.questions)})</label>'
        f'<button type="button" class="qb-button" data-only="{t.slug}">Only {escape(t.title)}</button></div>'
        for t in bank.topics
        if t.questions
    )
    concepts = sorted(bank.concepts, key=lambda c: c.name.casefold())
    return (
        '<form class="qb-practice" hidden><fieldset class="qb-fieldset"><legend class="qb-legend">Topics</legend>'
        f'{topics}<button type="button" class="qb-button" data-only="">All topics</button></fieldset>'
        + select("Level", "level", [("", "Any level"), *((level, level) for level in LEVELS)])
        + select("Concept", "concept", [("", "Any concept"), *((c.id, c.name) for c in concepts)])
        + select("Questions in the set", "size", [(n, n) for n in ("5", "10", "20")], "10")
        + '<button class="qb-button qb-button--primary">Start the set</button>'
        + '<p class="qb-status" role="status" aria-live="polite" tabindex="-1"></p></form>\n'
    )


def selfcheck_files(bank: Bank) -> dict[str, str]:
    """The study pages and the index, by their path in the docs tree."""
    practice = f"{render_practice_page()}\n{render_practice_form(bank)}"
    return {INDEX_SRC: render_index(bank), REVIEW_SRC: render_review_page(), PRACTICE_SRC: practice}


def render_progress(count: int, scope: str, *, keys: bool = False) -> str:
    """The reader's progress on `count` questions (`scope`: "on this page"), and the keys where they work.

    Written by the build as a new reader sees it, so that the script changes nothing here at load: a
    node it inserted made Material's start-up recalculate the styles of the page after it. The
    stylesheet shows it once the script has started on the page (`[data-qb-init]`); without the
    script it is hidden, as the Reset button would do nothing.
    """
    return (
        # data-search-exclude on each part: Material's search ends an excluded block at the first closing tag of its kind
        f'<div class="qb-js"><div class="qb-progress" data-search-exclude data-scope="{escape(scope)}">'
        f'<p class="qb-progress__text">Your progress: 0 of {count} answered, 0 right.</p>'
        f'<progress max="{count}" value="0" aria-hidden="true"></progress>'
        f'<button type="button" class="qb-button">Reset progress {escape(scope)}</button>'
        '<p class="qb-status" role="status" aria-live="polite" tabindex="-1"></p></div>'
        + (f'<p class="qb-keys" data-search-exclude>{KEYS}</p>' if keys else "")
        + "</div>"
    )


def uses_selfcheck(bank: Bank, page_src: str) -> bool:
    """Pages with questions, progress or study tools; the rest of the site loads none of the self-check's files."""
    return page_src in {HOME_SRC, OVERVIEW_SRC, REVIEW_SRC, PRACTICE_SRC} or any(
        page_src == topic_src(t) for t in bank.topics
    )


def asset_tags(page_src: str) -> str:
    """The stylesheet and script, placed in the page content so that instant navigation loads them too.

    Material swaps only the content area on navigation and runs the scripts it finds there. The
    script is deferred so that Material's bundle, loaded at the end of the body, runs first.
    """
    folder = page_url(page_src) or "."
    css, js = (posixpath.relpath(asset, folder) for asset in (STYLESHEET, SCRIPT))
    extra = {HOME_SRC: '<div class="qb-home" data-qb-study="home" hidden></div>\n'}.get(page_src, "")
    return f'<link rel="stylesheet" href="{css}">\n<script defer src="{js}"></script>\n{extra}'
