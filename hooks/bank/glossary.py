"""The glossary (`questions/glossary.yml`): load and check it, render its page, and turn it into tooltips.

Tooltips are Python-Markdown `abbr` definitions, so every use of a term gets `<abbr title="...">`:
bank fields get them when they are rendered (`fragments`), hand-written pages by appending the
definitions to their Markdown. Pure: no MkDocs imports.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from html import escape
from typing import Any

from .model import Bank, GlossaryTerm, Problem
from .parse import Yaml, did_you_mean, list_entries, load_yaml, unknown_key
from .paths import GLOSSARY_SRC, REFERENCES_SRC, relative_url

GLOSSARY = "glossary.yml"
KEYS = {"term", "expansion", "definition", "sources", "aliases"}
MAX_DEFINITION = 320  # one or two sentences: it is read in a tooltip
# Tooltips show raw text: Markdown, HTML or math would appear as punctuation.
NOT_PLAIN = re.compile(r"[$<>`*_\[\]\\]")
# A term as the questions write it: it becomes an `abbr` definition and a heading on the glossary page.
TERM = re.compile(r"^[\w][\w .+/'\u2019\u2013-]*$")
# An abbreviation: one word of letters with at least two capitals (SFT, CoT, QLoRA).
ABBREVIATION = re.compile(r"^(?=(?:[a-z]*[A-Z]){2})[A-Za-z]+$")
# Headings and links keep their text plain: a title or a link is no place for a second affordance.
TITLE = re.compile(r"<(h[1-6]|a)\b[^>]*>.*?</\1>", re.S)
ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)
TOOLTIP = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)  # as the sanitizer writes the abbr extension's


def load_glossary(text: str, path: str, *, sources: Collection[str]) -> tuple[list[GlossaryTerm], list[Problem]]:
    """Parse the glossary file (already read as `text`); return its terms and every problem in it."""
    doc, problems = load_yaml(text, path)
    if doc is None:
        return [], problems
    if not isinstance(doc.data, list):
        return [], [*problems, Problem(path, doc.line, "the glossary must be a YAML list of terms")]
    terms: list[GlossaryTerm] = []
    for item, lines in list_entries(doc, path, problems):
        term = _term(item, lines, path, sources, problems)
        if term is not None:
            terms.append(term)
    _check_across(terms, path, problems)
    return terms, problems


def _term(item: Any, lines: Yaml, path: str, sources: Collection[str], problems: list[Problem]) -> GlossaryTerm | None:
    if not isinstance(item, dict):
        problems.append(Problem(path, lines.line, "a glossary entry must be a mapping (term, definition, sources)"))
        return None
    at = lines.key_lines
    for key in sorted(set(item) - KEYS, key=str):
        problems.append(Problem(path, at[str(key)], unknown_key(key, KEYS)))
    term = item.get("term")
    if not isinstance(term, str) or not term.strip():
        problems.append(Problem(path, lines.line, "glossary entry without a 'term'"))
        return None
    term = term.strip()
    found: list[Problem] = []
    definition = _text(item.get("definition"))
    if definition is None:
        found.append(Problem(path, at.get("definition", lines.line), f"'{term}' needs a 'definition': a line of text"))
    elif NOT_PLAIN.search(definition):
        found.append(
            Problem(
                path,
                at["definition"],
                f"the definition of '{term}' is shown as a tooltip: plain text only (no Markdown, HTML or math)",
            )
        )
    elif len(definition) > MAX_DEFINITION:
        found.append(
            Problem(
                path,
                at["definition"],
                f"the definition of '{term}' is {len(definition)} characters; keep it to one or two sentences "
                f"(at most {MAX_DEFINITION})",
            )
        )
    expansion = _text(item.get("expansion"))
    if "expansion" in item and expansion is None:
        found.append(Problem(path, at["expansion"], f"the 'expansion' of '{term}' must be a line of text"))
    elif expansion is not None and NOT_PLAIN.search(expansion):
        found.append(
            Problem(path, at["expansion"], f"the 'expansion' of '{term}' is shown as a tooltip: plain text only")
        )
    elif expansion is None and ABBREVIATION.match(term):
        found.append(Problem(path, lines.line, f"'{term}' is an abbreviation: add its 'expansion'"))
    cited = item.get("sources")
    if not isinstance(cited, list) or not cited or not all(isinstance(k, str) and k for k in cited):
        found.append(Problem(path, at.get("sources", lines.line), "'sources' is required: a non-empty list of keys"))
        cited = []
    for key, line in zip(cited, lines.item_lines.get("sources", []), strict=False):
        if key not in sources:
            found.append(
                Problem(
                    path,
                    line,
                    f"unknown source '{key}'{did_you_mean(key, sources)} (add it to questions/references.yml)",
                )
            )
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        found.append(Problem(path, at.get("aliases", lines.line), "'aliases' must be a list of spellings"))
        aliases = []
    for form in [term, *aliases]:
        if not re.match(r"^\w(.*\w)?$", form.strip()):
            found.append(Problem(path, lines.line, f"'{form}' must start and end with a letter or digit"))
        elif not TERM.match(form.strip()):
            found.append(
                Problem(
                    path,
                    lines.line,
                    f"'{form}' may hold only letters, digits, spaces, dashes, dots, plus signs, slashes and apostrophes",
                )
            )
    problems.extend(found)
    if found:
        return None
    assert definition is not None
    return GlossaryTerm(term, definition, expansion, tuple(cited), tuple(a.strip() for a in aliases), lines.line)


def _text(value: object) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _check_across(terms: list[GlossaryTerm], path: str, problems: list[Problem]) -> None:
    owner: dict[str, GlossaryTerm] = {}
    anchors: dict[str, GlossaryTerm] = {}
    for term in terms:
        clashes: dict[int, tuple[str, GlossaryTerm]] = {}  # one message per earlier term it clashes with
        for form in term_forms(term):
            first = owner.setdefault(form, term)
            if first is not term:
                clashes.setdefault(id(first), (form, first))
        for form, first in clashes.values():
            if form == term.term == first.term:
                message = f"duplicate term '{form}' (first at line {first.line})"
            else:
                message = f"'{form}' is already a spelling of '{first.term}' (line {first.line})"
            problems.append(Problem(path, term.line, message))
        first = anchors.setdefault(anchor(term), term)
        if first is not term and not clashes:
            problems.append(
                Problem(path, term.line, f"'{term.term}' and '{first.term}' (line {first.line}) share an anchor")
            )


def anchor(term: GlossaryTerm) -> str:
    """The term's fragment on the glossary page, e.g. 'kl-penalty'."""
    return re.sub(r"[^a-z0-9]+", "-", term.term.lower()).strip("-")


def term_forms(term: GlossaryTerm) -> list[str]:
    """Every spelling that gets the term's tooltip: the term, its aliases, and a capitalised form for sentence starts."""
    forms: list[str] = []
    for form in (term.term, *term.aliases):
        for spelling in (form, form[:1].upper() + form[1:]):
            if spelling not in forms:
                forms.append(spelling)
    return forms


def abbreviations(terms: Iterable[GlossaryTerm]) -> str:
    """Python-Markdown `abbr` definitions for every form of every term, to append to a page's Markdown."""
    lines = [f"*[{form}]: {term.tooltip}" for term in terms for form in term_forms(term)]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""


def unwrap_title_abbrs(page_html: str) -> str:
    """Drop the tooltips that abbr put inside headings and links."""
    return TITLE.sub(lambda m: ABBR.sub(r"\1", m.group(0)), page_html)


def first_uses(fragment_html: str, seen: set[str]) -> str:
    """`fragment_html` with a tooltip only where its term (by definition) is not in `seen` yet; adds to `seen`.

    A question marks each term once, at its first use: the same definition on every use costs a topic
    page its main-thread time on a phone, and a keyboard user a focus stop each time.
    """
    if "<abbr" not in fragment_html:
        return fragment_html

    def first(match: re.Match[str]) -> str:
        title = match.group(1)
        if title in seen:
            return match.group(2)
        seen.add(title)
        return match.group(0)

    return TOOLTIP.sub(first, fragment_html)


def focusable_terms(fragment_html: str) -> str:
    """Marked terms on a page a reader studies: a focus stop each, which shows the definition as hover does.

    `data-preview` keeps Material's `content.tooltips` off them (it skips `[title][data-preview]`): it
    sets up a tooltip component per `[title]` at load, which cost a topic page most of its main-thread
    time on a phone. Instead the self-check's stylesheet shows the definition (the title) under the line
    while the mark has the focus; hover shows the native title.
    """
    return (
        fragment_html.replace("<abbr title=", '<abbr tabindex="0" data-preview title=')
        if "<abbr" in fragment_html
        else fragment_html
    )


def without_tooltips(fragment_html: str) -> str:
    """A fragment shown a second time (a choice repeated in the answer): its terms were marked already."""
    return ABBR.sub(r"\1", fragment_html) if "<abbr" in fragment_html else fragment_html


def unused_terms(terms: Iterable[GlossaryTerm], texts: Iterable[str]) -> list[GlossaryTerm]:
    """Terms none of whose forms occurs (as the tooltip would match it) in any of `texts`."""
    corpus = "\n".join(texts)
    return [
        term for term in terms if not any(re.search(rf"\b{re.escape(form)}\b", corpus) for form in term_forms(term))
    ]


def bank_texts(bank: Bank) -> list[str]:
    """All reader-facing text of the bank."""
    texts = [part for topic in bank.topics for part in (topic.title, topic.summary, topic.intro)]
    for q in bank.questions:
        texts += [q.text, q.answer, q.explanation or "", *(c.text for c in q.choices)]
    return texts


def render_glossary_page(bank: Bank) -> str:
    """The glossary page: every term, its expansion, definition and sources, in alphabetical order."""
    entries = []
    for term in sorted(bank.glossary, key=lambda t: t.term.casefold()):
        expansion = f' <span class="qb-glossary__expansion">({escape(term.expansion)})</span>' if term.expansion else ""
        links = ", ".join(
            f'<a href="{relative_url(GLOSSARY_SRC, REFERENCES_SRC)}#{key}">{escape(bank.sources[key].title)}</a>'
            for key in term.sources
            if key in bank.sources
        )
        entries.append(
            f'<dt id="{anchor(term)}"><strong>{escape(term.term)}</strong>{expansion}</dt>\n'
            f'<dd><p>{escape(term.definition)}</p>\n<p class="qb-glossary__sources">Sources: {links}</p></dd>'
        )
    intro = (
        "# Glossary\n\n"
        "The terms and abbreviations used in the questions. Anywhere on the site, a term with a dotted "
        "underline shows its definition when you point at it.\n\n"
    )
    return intro + '<dl class="qb-glossary">\n' + "\n".join(entries) + "\n</dl>\n"
