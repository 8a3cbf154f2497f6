"""What HTML the bank may produce, held against an allowlist with nh3 (Ammonia). Pure.

Bank text is untrusted: its Markdown is converted first, and the HTML that comes out is checked.
`clean` keeps only allowed elements, attributes and URL schemes. `disallowed` says what a fragment
holds beyond that, by comparing the strict result with a permissive one: anything the strict
cleaner changes is a problem for the contributor, even when no pattern of ours would name it.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

TEXT = {"p", "br", "hr", "em", "strong", "b", "i", "s", "del", "sub", "sup", "kbd", "small", "span", "abbr", "a"}
BLOCKS = {"div", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "pre", "code", "h3", "h4", "h5", "h6"}
TABLES = {"table", "thead", "tbody", "tr", "th", "td"}
MATHML = {
    "math",
    "mrow",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mspace",
    "msub",
    "msup",
    "msubsup",
    "mfrac",
    "msqrt",
    "mroot",
    "mover",
    "munder",
    "munderover",
    "mtable",
    "mtr",
    "mtd",
    "mstyle",
    "mpadded",
    "mphantom",
    "menclose",
    "semantics",
    "annotation",
    "mmultiscripts",
    "mprescripts",
    "none",
}
TAGS = TEXT | BLOCKS | TABLES | MATHML | {"img"}
MATH_ATTRIBUTES = {
    "display",
    "mathvariant",
    "stretchy",
    "fence",
    "separator",
    "lspace",
    "rspace",
    "columnalign",
    "columnspacing",
    "rowspacing",
    "columnlines",
    "rowlines",
    "width",
    "height",
    "depth",
    "linethickness",
    "accent",
    "accentunder",
    "movablelimits",
    "minsize",
    "maxsize",
    "form",
    "symmetric",
    "largeop",
    "notation",
    "scriptlevel",
    "displaystyle",
    "encoding",
}
ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "span": {"class"},
    "div": {"class"},
    "code": {"class"},
    "pre": {"class"},
    "ol": {"start", "type"},
    "th": {"style"},
    "td": {"style"},
    **{tag: {"id"} for tag in ("h3", "h4", "h5", "h6")},
    **{tag: MATH_ATTRIBUTES for tag in MATHML},
}
SCHEMES = {"https", "mailto"}
STYLES = {"text-align"}  # what Python-Markdown's tables write for aligned columns
URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "data", "poster", "background", "xlink:href"}

_STRICT = nh3.Cleaner(
    tags=TAGS,
    attributes=ATTRIBUTES,
    url_schemes=SCHEMES,
    link_rel=None,
    strip_comments=True,
    filter_style_properties=STYLES,
)
# Everything a browser might act on, kept, so that the strict result differs wherever it removed something.
_EVERY_TAG = TAGS | {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "option",
    "label",
    "meta",
    "base",
    "link",
    "svg",
    "g",
    "path",
    "circle",
    "rect",
    "use",
    "image",
    "foreignObject",
    "animate",
    "set",
    "title",
    "template",
    "slot",
    "noscript",
    "video",
    "audio",
    "source",
    "track",
    "canvas",
    "picture",
    "portal",
    "dialog",
    "details",
    "summary",
    "marquee",
    "body",
    "html",
    "head",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "nav",
    "main",
    "figure",
    "figcaption",
    "h1",
    "h2",
    "u",
    "mark",
    "q",
    "cite",
    "dfn",
    "var",
    "samp",
    "time",
    "caption",
    "colgroup",
    "col",
    "tfoot",
    "ruby",
    "rt",
    "rp",
    "wbr",
    "bdi",
    "bdo",
    "center",
    "font",
}
_PERMISSIVE = nh3.Cleaner(
    tags=_EVERY_TAG,
    clean_content_tags=set(),
    attributes={
        "*": {"style", "id", "class", "name", "href", "src", "srcdoc", "action", "http-equiv", "content"}.union(
            *ATTRIBUTES.values()
        )
    },
    generic_attribute_prefixes={"on", "data-", "aria-", "xlink", "form"},
    url_schemes=SCHEMES | {"http", "javascript", "data", "vbscript", "file", "ftp", "blob", "about", "tel"},
    link_rel=None,
    strip_comments=True,
    filter_style_properties=STYLES,  # written the same way as by the strict cleaner; _Finder names the rest
)


def clean(html: str) -> str:
    return _STRICT.clean(html)


def disallowed(html: str, cleaned: str | None = None) -> list[str]:
    """What `html` holds outside the allowlist, named for a contributor; [] when it is clean."""
    if cleaned is None:
        cleaned = clean(html)
    if cleaned == html:  # the strict cleaner changed nothing, so all of it is allowed (the usual case)
        return []
    same = cleaned == _PERMISSIVE.clean(html)
    if same and "style=" not in html:
        return []
    finder = _Finder()
    finder.feed(html)
    finder.close()
    if same:
        return finder.found  # only a style property can differ unseen: both cleaners drop it
    return finder.found or ["HTML that the sanitizer changes (malformed or hidden markup)"]


class _Finder(HTMLParser):
    """Names the elements, attributes and URLs outside the allowlist (for the message only)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def _add(self, what: str) -> None:
        if what not in self.found:
            self.found.append(what)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self._add(f"<{tag}> element")
            return
        allowed = ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed:
                self._add(f"'{name}' attribute on <{tag}>")
            elif name in URL_ATTRIBUTES and value:
                scheme = urlsplit(value.strip()).scheme.lower()
                if scheme and scheme not in SCHEMES:
                    self._add(f"'{scheme}:' URL (links use https:// or a page of this site)")
            elif (
                name == "style"
                and value
                and not all(
                    part.split(":", 1)[0].strip().lower() in STYLES for part in value.split(";") if part.strip()
                )
            ):
                self._add(f"style '{value}'")


def plain_text_problem(value: str) -> str | None:
    """Why `value`, shown as plain text (a title, a summary, an author list), is not plain text; None if it is."""
    if nh3.is_html(value):
        return "HTML is not allowed here: write plain text"
    return None
