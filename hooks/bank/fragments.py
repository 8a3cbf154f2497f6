"""Every Markdown field of the bank rendered once to checked HTML. Pure: no MkDocs imports.

Each field (question text, choices, answer, explanation, topic introduction) is converted with the
site's own Markdown settings and the glossary's tooltips, checked against the sanitizer's allowlist,
and its links made final: a topic page and its worksheet (both two folders deep) show the same HTML.
Formulas stay as arithmatex left them (`\\(...\\)`, which Anki and Moodle typeset) in `tex`; `html`
has them as MathML, for the site. Pages, worksheets and exports all read these fragments.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import markdown
from markdown.extensions.abbr import AbbrTreeprocessor

from .glossary import first_uses, term_forms, unwrap_title_abbrs
from .helper import map_two_ended, usable_cores
from .mathml import MathError, line_of, tex_to_mathml
from .model import Bank, Problem, Question
from .paths import DEPTH_2, page_url, site_base, topic_src
from .sanitize import clean, disallowed

# Fields of one question are converted as one document, cut apart at a thematic break: unlike a paragraph,
# it costs Markdown no inline parsing. Fields that could make a break themselves are converted one by one.
SEPARATOR = "\n\n---\n\n"
_CUT = "\n<hr />\n"
_BREAK_LIKE = re.compile(r"^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$|<hr", re.M | re.I)
# Anything that could be a heading (in a list or a quote too): only then is the table-of-contents
# extension, which gives headings their IDs, worth its cost.
_HEADING_LIKE = re.compile(r"^[ \t>*+\-\d.)]*#{1,6}(?:[ \t]|$)|^[ \t>]*(?:=+|-+)[ \t]*$|<h[1-6]", re.M | re.I)
URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
MATH = re.compile(r'<(span|div) class="arithmatex">\\[(\[](.*?)\\[)\]]</\1>', re.S)
ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.S)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass(frozen=True)
class Fragment:
    tex: str  # checked HTML, formulas as \(...\) and \[...\]
    html: str  # the same with MathML, for the site

    @property
    def inline(self) -> str:
        """The site HTML without the paragraph a one-line field is wrapped in."""
        return _unwrap(self.html)

    @property
    def inline_tex(self) -> str:
        return _unwrap(self.tex)


@dataclass(frozen=True)
class QuestionFragments:
    text: Fragment
    choices: tuple[Fragment, ...]
    reasons: tuple[Fragment | None, ...]  # one per choice: why it is right or wrong
    answer: Fragment
    explanation: Fragment | None


@dataclass
class Fragments:
    questions: dict[str, QuestionFragments] = field(default_factory=dict)
    intros: dict[str, Fragment] = field(default_factory=dict)


@dataclass(frozen=True)
class MarkdownSettings:
    extensions: tuple[str, ...]
    configs: dict[str, dict[str, Any]]

    @classmethod
    def from_config(cls, entries: Iterable[str | dict[str, Any]]) -> MarkdownSettings:
        """From `markdown_extensions` as written in mkdocs.yml."""
        names, configs = [], {}
        for entry in entries:
            if isinstance(entry, dict):
                for name, options in entry.items():
                    names.append(name)
                    configs[name] = dict(options or {})
            else:
                names.append(entry)
        return cls(tuple(names), configs)


@dataclass(frozen=True)
class Context:
    """What rendering a field needs from the bank; small and picklable, so that a helper process gets it whole."""

    settings: MarkdownSettings
    tooltips: dict[str, str]  # every spelling of every glossary term: its tooltip
    topic_of: dict[str, str]  # question ID: the slug of its topic
    docs_dir: Path | None

    @classmethod
    def of(cls, bank: Bank, settings: MarkdownSettings, docs_dir: Path | None) -> Context:
        tooltips = {form: term.tooltip for term in bank.glossary for form in term_forms(term)}
        return cls(settings, tooltips, {q.id: q.topic for q in bank.questions}, docs_dir)


class _Abbreviations(AbbrTreeprocessor):
    """abbr's tree step with the glossary's pattern compiled once: upstream builds it on every conversion.

    A text's own definitions (`*[X]: ...`) only add keys to the glossary's, so the same count means the
    glossary alone; any other count takes upstream's way.
    """

    def __init__(self, md: markdown.Markdown, abbrs: dict[str, str]) -> None:
        super().__init__(md, abbrs)
        self._glossary = len(abbrs)
        keys = sorted(abbrs, key=len, reverse=True)
        self._pattern = re.compile(f"\\b(?:{'|'.join(re.escape(key) for key in keys)})\\b") if keys else None

    def run(self, root: Any) -> None:
        if len(self.abbrs) != self._glossary or self._pattern is None:
            super().run(root)
            return
        self.RE = self._pattern
        self.iter_element(root)


class Renderer:
    """One Markdown converter for the whole bank (building one costs far more than a conversion)."""

    def __init__(self, context: Context) -> None:
        settings = context.settings
        configs = {name: dict(options) for name, options in settings.configs.items()}
        extensions = list(settings.extensions)
        if "abbr" not in extensions:
            extensions.append("abbr")
        configs.setdefault("abbr", {})["glossary"] = dict(context.tooltips)
        if "pymdownx.highlight" in configs:
            # Line anchors repeat from field to field (`__codelineno-0-1`): a page would hold duplicate IDs.
            configs["pymdownx.highlight"]["anchor_linenums"] = False
        self._markdown = markdown.Markdown(extensions=extensions, extension_configs=configs)
        self._no_headings = self._markdown
        if "toc" in extensions:
            without = [e for e in extensions if e != "toc"]
            self._no_headings = markdown.Markdown(extensions=without, extension_configs=configs)
        for md in {self._markdown, self._no_headings}:
            upstream = md.treeprocessors["abbr"]
            assert isinstance(upstream, AbbrTreeprocessor)
            md.treeprocessors.register(_Abbreviations(md, upstream.abbrs), "abbr", 7)
        self._topic_of = context.topic_of
        self._docs_dir = context.docs_dir
        self.problems: list[Problem] = []

    def convert(self, texts: list[str]) -> list[str]:
        """Several fields at once; each comes back as its own HTML."""
        if not texts:
            return []
        md = self._markdown if any(_HEADING_LIKE.search(t) for t in texts) else self._no_headings
        if any(_BREAK_LIKE.search(t) for t in texts):
            return [md.reset().convert(t) for t in texts]
        parts = md.reset().convert(SEPARATOR.join(texts)).split(_CUT)
        if len(parts) != len(texts):  # a field left something open (a fence, an HTML block): one by one
            return [md.reset().convert(t) for t in texts]
        return [p.strip("\n") for p in parts]

    def fragment(
        self, raw_html: str, source: str, *, path: str, line: int, topic: str, seen: set[str] | None = None
    ) -> Fragment:
        """Check `raw_html`, converted from `source` (which starts at `line` of `path`); make its links final.

        Tooltips whose definition is in `seen` (marked earlier in the same question) are dropped.
        """
        cleaned = clean(raw_html)
        for what in disallowed(raw_html, cleaned):
            where = _find_line(source, what, line)
            self.problems.append(Problem(path, where, f"not allowed in bank text: {what}"))
        if "<abbr" in cleaned and ("<a " in cleaned or "<h" in cleaned):
            cleaned = unwrap_title_abbrs(cleaned)  # a link or a heading is no place for a second affordance
        if seen is not None:
            cleaned = first_uses(cleaned, seen)
        if "href=" in cleaned or "src=" in cleaned:
            cleaned = URL_ATTRIBUTE.sub(lambda m: self._link(m, source, path, line, topic), cleaned)
        return Fragment(cleaned, self._math(cleaned, source, path, line) if "arithmatex" in cleaned else cleaned)

    def _link(self, match: re.Match[str], source: str, path: str, line: int, topic: str) -> str:
        attribute, target = match.group(1), html_lib.unescape(match.group(2))
        final, message = self._target(target, topic)
        if message:
            self.problems.append(Problem(path, line_of(source, target, first_line=line), message))
        return f'{attribute}="{html_lib.escape(final)}"'

    def _target(self, target: str, topic: str) -> tuple[str, str | None]:
        """The link as the page shows it, and a problem with it, if any."""
        if not target:
            return target, "empty link target"
        if target.startswith("#"):
            linked = self._topic_of.get(target[1:])
            if linked is None:
                return (
                    target,
                    f"link to '{target}', which is not a question ID (link to a question as '#<question-id>')",
                )
            if linked == topic:
                return target, None
            return f"{DEPTH_2}topics/{linked}/{target}", None
        if SCHEME.match(target):
            return target, None  # the sanitizer allowed its scheme
        if target.startswith("//"):
            return target, f"external link '{target}' must use https://"
        page, _, anchor = target.partition("#")
        page = posixpath.normpath(page).lstrip("/") if page else page
        if self._docs_dir is not None and not (self._docs_dir / page).is_file():
            return target, f"link to '{target}', which is not a page in docs/ (page links are relative to docs/)"
        return DEPTH_2 + page_url(page) + (f"#{anchor}" if anchor else ""), None

    def _math(self, cleaned: str, source: str, path: str, line: int) -> str:
        def replace(match: re.Match[str]) -> str:
            tex = html_lib.unescape(match.group(2))
            try:
                mathml = tex_to_mathml(tex, display=match.group(1) == "div")
            except MathError as error:
                short = " ".join(tex.split())
                short = short if len(short) <= 60 else short[:57] + "..."
                self.problems.append(
                    Problem(path, line_of(source, tex, first_line=line), f"LaTeX error in '{short}': {error}")
                )
                return match.group(0)
            return mathml

        mathml = MATH.sub(replace, cleaned)
        checked = clean(mathml)
        for what in disallowed(mathml, checked):  # the converter's output is checked like any other
            self.problems.append(Problem(path, line, f"not allowed in a formula's MathML: {what}"))
        return checked


CHUNK = 50  # questions handed out at a time
# A helper process takes about 0.4 s and 40 MiB to start: with fewer questions than this it saves less
# than 0.3 s of the build.
HELPER_FROM = 500


def render_fragments(
    bank: Bank, settings: MarkdownSettings, *, docs_dir: Path | None = None, helper: bool | None = None
) -> tuple[Fragments, list[Problem]]:
    """Every field of `bank` as checked HTML, and the problems found on the way.

    A large bank on a machine with a second core is shared with a helper process (`bank.helper`);
    `helper` forces that either way. The fragments and problems are the same with or without it.
    """
    context = Context.of(bank, settings, docs_dir)
    renderer = Renderer(context)
    fragments = Fragments()
    for topic in bank.topics:
        if topic.intro:
            (raw,) = renderer.convert([topic.intro])
            fragments.intros[topic.slug] = renderer.fragment(
                raw, topic.intro, path=str(topic.path), line=topic.intro_line, topic=topic.slug, seen=set()
            )
    problems = list(renderer.problems)
    questions = bank.questions
    chunks = [questions[i : i + CHUNK] for i in range(0, len(questions), CHUNK)]
    here = partial(_chunk, renderer)
    shared = helper if helper is not None else len(questions) >= HELPER_FROM and usable_cores() > 1
    if shared:
        done = map_two_ended(chunks, here, _helper_chunk, initializer=_start_helper, initargs=(context,))
    else:
        done = [here(chunk) for chunk in chunks]
    for chunk, (made, found) in zip(chunks, done, strict=True):
        fragments.questions.update((q.id, f) for q, f in zip(chunk, made, strict=True))
        problems += found
    return fragments, sorted(set(problems))


def _chunk(renderer: Renderer, questions: list[Question]) -> tuple[list[QuestionFragments], list[Problem]]:
    renderer.problems = []
    return [_question(renderer, q) for q in questions], renderer.problems


_helper_renderer: Renderer | None = None  # in a helper process: its own converter, made once


def _start_helper(context: Context) -> None:
    global _helper_renderer  # one per helper process, set before its first chunk
    _helper_renderer = Renderer(context)


def _helper_chunk(questions: list[Question]) -> tuple[list[QuestionFragments], list[Problem]]:
    assert _helper_renderer is not None, "_start_helper runs first"
    return _chunk(_helper_renderer, questions)


def _question(renderer: Renderer, q: Question) -> QuestionFragments:
    fields = list(_fields(q))
    raws = renderer.convert([source for source, _ in fields])
    seen: set[str] = set()  # each term's tooltip at its first use in the question only
    made = [
        renderer.fragment(raw, source, path=str(q.path), line=line, topic=q.topic, seen=seen)
        for raw, (source, line) in zip(raws, fields, strict=True)
    ]
    taken = iter(made)  # in the order of _fields
    text = next(taken)
    choices = tuple(next(taken) for _ in q.choices)
    answer = next(taken)
    reasons = tuple(next(taken) if c.reason else None for c in q.choices)
    return QuestionFragments(text, choices, reasons, answer, next(taken) if q.explanation else None)


def _fields(q: Question) -> Iterator[tuple[str, int]]:
    """Every Markdown field of `q` with its line, in the order a reader meets them on the page."""
    yield q.text, q.text_line
    for choice in q.choices:
        yield choice.text, choice.line
    yield q.answer, q.answer_line
    for choice in q.choices:
        if choice.reason:
            yield choice.reason, choice.reason_line
    if q.explanation:
        yield q.explanation, q.explanation_line


def _unwrap(html: str) -> str:
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


def _find_line(source: str, what: str, first_line: int) -> int:
    """The line of `source` that most likely holds the disallowed markup `what`."""
    name = re.search(r"<([a-zA-Z][\w-]*)>|'([^']+)'", what)
    needle = (name.group(1) or name.group(2)).rstrip(":") if name else ""
    at = source.lower().find(needle.lower()) if needle else -1
    return first_line if at < 0 else first_line + source.count("\n", 0, at)


def absolute_links(fragment_html: str, page_dir: str, site_base: str) -> str:
    """`fragment_html` (made for a page in `page_dir`, e.g. 'topics/sft/') with every relative link absolute."""
    if "href=" not in fragment_html and "src=" not in fragment_html:
        return fragment_html

    def absolute(match: re.Match[str]) -> str:
        target = html_lib.unescape(match.group(2))
        if SCHEME.match(target):
            return match.group(0)
        if target.startswith("#"):
            resolved = page_dir + target
        else:
            resolved = posixpath.normpath(posixpath.join(page_dir, target.split("#")[0]))
            resolved = "" if resolved == "." else resolved
            if target.split("#")[0].endswith("/") and resolved:
                resolved += "/"
            if "#" in target:
                resolved += "#" + target.split("#", 1)[1]
        return f'{match.group(1)}="{html_lib.escape(site_base + resolved)}"'

    return URL_ATTRIBUTE.sub(absolute, fragment_html)


def for_export(fragment: Fragment, question: Question, site_url: str | None) -> str:
    """`fragment` for a reader outside the site (Anki, Moodle): formulas as `\\(...\\)`, links absolute."""
    return _export(fragment.tex, question, site_url)


def for_export_inline(fragment: Fragment, question: Question, site_url: str | None) -> str:
    return _export(fragment.inline_tex, question, site_url)


def _export(html: str, question: Question, site_url: str | None) -> str:
    if "arithmatex" in html:  # MathJax, there, finds the delimiters by themselves
        html = ARITHMATEX.sub(r"\2", html)
    return absolute_links(html, page_url(topic_src(question.topic)), site_base(site_url))
