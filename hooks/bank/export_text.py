"""Bank Markdown made readable outside the site: absolute links, and HTML with MathJax delimiters.

Anki and Moodle both typeset `\\(...\\)` and `\\[...\\]` with MathJax, while the bank writes `$...$`
and `$$...$$`. Math is lifted out before the Markdown conversion (which would otherwise read
`_` and `*` in it as emphasis) and put back, HTML-escaped, in the delimiters those tools expect.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

import markdown

from .markup import SCHEME, rewrite_links
from .model import Bank, Choice, Question
from .paths import page_url, topic_src

# Code is left alone; then display math, then inline math (no space just inside the dollars,
# no digit right after the closing one, so "$5 and $6" stays text; never across a code span).
_TOKENS = re.compile(
    r"""
    (?P<fence>^[ \t]*(?P<marks>`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*(?P=marks)[ \t]*$|\Z))
    | (?P<code>(?P<ticks>`+).+?(?P=ticks))
    | (?P<escaped>\\\$)
    | \$\$(?P<display>.+?)\$\$
    | (?<![\\\w$])\$(?P<inline>[^\s$`](?:[^$\n`]*?[^\s\\$`])?)\$(?!\d)
    """,
    re.M | re.S | re.X,
)
_PLACEHOLDER = "qbmath{}qbmath"
_PLACEHOLDERS = re.compile(r"qbmath(\d+)qbmath")
_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
# One converter for every field (building one costs more than converting a field).
_MARKDOWN = markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists"])


def site_base(site_url: str | None) -> str:
    """The prefix of every absolute link: the site URL with one trailing slash, or '' (root-relative)."""
    return site_url.rstrip("/") + "/" if site_url else ""


def permalink(question: Question, site_url: str | None) -> str:
    return f"{site_base(site_url)}{page_url(topic_src(question.topic))}#{question.id}"


def absolute_links(text: str, bank: Bank, site_url: str | None) -> str:
    """Point `#question-id` links and docs-relative page links at the published site."""
    base = site_base(site_url)

    def target(link: str) -> str:
        if SCHEME.match(link) or link.startswith("//"):
            return link
        page, hash_, fragment = link.partition("#")
        if not page:
            question = bank.question(fragment)
            return f"{base}{page_url(topic_src(question.topic))}#{fragment}" if question else link
        return f"{base}{page_url(page)}{hash_}{fragment}"

    return rewrite_links(text, target)


def to_html(text: str, bank: Bank, site_url: str | None) -> str:
    """Bank Markdown as an HTML fragment, links absolute, math in MathJax delimiters."""
    maths: list[str] = []

    def lift(match: re.Match[str]) -> str:
        if match.group("display") is not None:
            maths.append(f"\\[{escape(match.group('display').strip(), quote=False)}\\]")
        elif match.group("inline") is not None:
            maths.append(f"\\({escape(match.group('inline'), quote=False)}\\)")
        elif match.group("escaped") is not None:
            return "&#36;"  # a literal dollar sign
        else:
            return match.group(0)
        return _PLACEHOLDER.format(len(maths) - 1)

    lifted = _TOKENS.sub(lift, absolute_links(text, bank, site_url))
    return _PLACEHOLDERS.sub(lambda m: maths[int(m.group(1))], _convert(lifted))


@lru_cache(maxsize=1 << 16)  # four fields a question: enough for 16,000
def _convert(markdown_text: str) -> str:
    """Markdown to HTML, remembered: the Anki deck and the GIFT file convert the same fields, and each
    `mkdocs serve` rebuild converts the unchanged ones again. The result depends on the text alone."""
    return _MARKDOWN.reset().convert(markdown_text)


def to_inline_html(text: str, bank: Bank, site_url: str | None) -> str:
    """Like `to_html`, without the paragraph around a one-paragraph text (for choices)."""
    html = to_html(text, bank, site_url)
    inner = html.removeprefix("<p>").removesuffix("</p>")
    return inner if html.startswith("<p>") and "<p>" not in inner else html


def choices_html(choices: list[Choice], bank: Bank, site_url: str | None) -> list[str]:
    """Each choice as inline HTML. The choices go through Markdown together, as one list, which is
    several times faster than one run each; a choice that does not stay one plain item goes alone."""
    if not choices:
        return []
    html = to_html("\n".join(f"1. {c.text}" for c in choices), bank, site_url)
    items = _ITEM.findall(html)
    whole_list = html.startswith("<ol>\n<li>") and html.endswith("</li>\n</ol>") and html.count("<ol>") == 1
    if whole_list and len(items) == len(choices) and not any("<li" in item for item in items):
        return items
    return [to_inline_html(c.text, bank, site_url) for c in choices]
