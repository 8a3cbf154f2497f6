"""LaTeX to MathML at build time. Pure: no MkDocs imports.

`pymdownx.arithmatex` (generic mode) finds the math in Markdown and leaves it in the HTML as
`<span class="arithmatex">\\(...\\)</span>` and `<div class="arithmatex">\\[...\\]</div>`;
`render_math` swaps those for MathML, so pages need no script and no web font.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from latex2mathml.converter import convert_to_element

INLINE = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.S)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.S)
# latex2mathml keeps symbols as character references in element text ("&#x003C0;").
CHAR_REF = re.compile(r"&#x([0-9a-fA-F]+);")
UNKNOWN_COMMAND = re.compile(r"\\[A-Za-z]+")

# latex2mathml's exceptions carry no message: say what each one means.
MESSAGES = {
    "DenominatorNotFoundError": "\\frac needs a denominator: \\frac{a}{b}",
    "NumeratorNotFoundError": "\\frac needs a numerator: \\frac{a}{b}",
    "DoubleSubscriptsError": "double subscript: group it, e.g. x_{ij}",
    "DoubleSuperscriptsError": "double superscript: group it, e.g. x^{ab}",
    "ExtraLeftOrMissingRightError": "\\left without a matching \\right",
    "MissingSuperScriptOrSubscriptError": "^ or _ with nothing after it",
    "MissingEndError": "\\begin{...} without a matching \\end{...}",
    "NoAvailableTokensError": "the formula ends too early (a missing argument or closing brace?)",
    "InvalidAlignmentError": "invalid column alignment",
    "InvalidStyleForGenfracError": "invalid style for \\genfrac",
    "InvalidWidthError": "invalid width",
    "LimitsMustFollowMathOperatorError": "\\limits must follow an operator such as \\sum",
}


# latex2mathml builds an element with parts missing rather than failing: `\frac{1}` is an mfrac with one child.
PARTS = {
    "mfrac": (2, "\\frac needs two arguments: \\frac{a}{b}"),
    "mroot": (2, "\\sqrt[n] needs a radicand: \\sqrt[n]{x}"),
    "msub": (2, "a subscript needs something to attach to"),
    "msup": (2, "a superscript needs something to attach to"),
    "msubsup": (3, "a sub- and superscript need something to attach to"),
    "munder": (2, "an accent or limit is missing its argument"),
    "mover": (2, "an accent or limit is missing its argument"),
    "munderover": (3, "an accent or limit is missing its argument"),
}


class MathError(ValueError):
    """A formula that cannot be turned into MathML; the message says why, for a contributor."""


@dataclass(frozen=True)
class MathFailure:
    tex: str
    message: str


def tex_to_mathml(tex: str, *, display: bool) -> str:
    """One formula as a `<math>` element; raises MathError for LaTeX that would render wrongly."""
    _check_braces(tex)
    try:
        element = convert_to_element(tex.strip(), display="block" if display else "inline")
    except Exception as err:  # latex2mathml raises bare Exceptions and, on odd input, IndexError & co.
        name = type(err).__name__
        raise MathError(MESSAGES.get(name, f"cannot parse the formula ({name})")) from None
    element.attrib.pop("xmlns", None)  # HTML parsers put <math> in the MathML namespace themselves
    for node in element.iter():
        parts, message = PARTS.get(node.tag, (len(node), ""))
        if len(node) != parts:
            raise MathError(message)
        for attr in ("text", "tail"):
            value = getattr(node, attr)
            if value:
                setattr(node, attr, _token_text(value))
    return ET.tostring(element, encoding="unicode", short_empty_elements=False)


def _token_text(value: str) -> str:
    text = CHAR_REF.sub(lambda m: chr(int(m.group(1), 16)), value)
    if unknown := UNKNOWN_COMMAND.search(value):
        raise MathError(f"unknown command {unknown.group(0)}")
    if "&" in CHAR_REF.sub("", value):
        raise MathError("'&' outside a table environment (for aligned equations use \\begin{align*})")
    return text


def _check_braces(tex: str) -> None:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", tex):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                raise MathError("a '}' without a matching '{'")
    if depth > 0:
        raise MathError("a '{' without a matching '}'")


def render_math(page_html: str) -> tuple[str, list[MathFailure]]:
    """Replace arithmatex's output in `page_html` by MathML; failed formulas are left as they were."""
    failures: list[MathFailure] = []

    def replace(match: re.Match[str], *, display: bool) -> str:
        tex = html.unescape(match.group(1))
        try:
            return tex_to_mathml(tex, display=display)
        except MathError as err:
            failures.append(MathFailure(tex, str(err)))
            return match.group(0)

    page_html = BLOCK.sub(lambda m: replace(m, display=True), page_html)
    page_html = INLINE.sub(lambda m: replace(m, display=False), page_html)
    return page_html, failures


def line_of(text: str, tex: str, *, first_line: int = 1) -> int:
    """The file line where `tex` starts in `text`, or `first_line` when it cannot be found."""
    stripped = tex.strip()
    at = text.find(stripped) if stripped else -1
    return first_line if at < 0 else first_line + text.count("\n", 0, at)
