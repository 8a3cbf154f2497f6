"""LaTeX to MathML: the converter, the HTML rewrite, the bank check and the built site."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import markdown
import pytest
from conftest import ROOT, MakeBank, build_site, render_bank

from bank import Problem, load_bank
from bank.mathml import MathError, line_of, render_math, tex_to_mathml

ARITHMATEX = {"pymdownx.arithmatex": {"generic": True}}  # as in mkdocs.yml

QUESTION = """\
---
order: 20
level: advanced
title: About maths
sources: [ouyang2022instructgpt]
---
What is $\\frac{1}{2}$ of $x$?

$$
y = \\frac{x}{
$$

## Answer

Half.
"""


def arithmatex(text: str) -> str:
    return markdown.Markdown(extensions=["pymdownx.arithmatex"], extension_configs=ARITHMATEX).convert(text)


def test_inline_formula_is_inline_mathml() -> None:
    assert tex_to_mathml("x^2", display=False) == (
        '<math display="inline"><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow></math>'
    )


def test_display_formula_is_block_mathml() -> None:
    out = tex_to_mathml(r"\frac{a}{b}", display=True)
    assert out.startswith('<math display="block">')
    assert "<mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac>" in out


def test_symbols_become_characters_and_markup_characters_are_escaped() -> None:
    out = tex_to_mathml(r"\pi < 4 \text{ a<b } \&", display=False)
    assert "<mi>π</mi>" in out
    assert "<mo>&lt;</mo>" in out
    assert "a&lt;b" in out
    assert "<mi>&amp;</mi>" in out
    assert "&#x" not in out  # no character references left for the browser to double-decode


@pytest.mark.parametrize(
    ("tex", "message"),
    [
        (r"\frac{a}{", "a '{' without a matching '}'"),
        (r"x}", "a '}' without a matching '{'"),
        (r"\left( x", "\\left without a matching \\right"),
        (r"x^", "^ or _ with nothing after it"),
        (r"\lefft x", "unknown command \\lefft"),
        (r"a & b", "'&' outside a table environment (for aligned equations use \\begin{align*})"),
        (r"\frac", "the formula ends too early (a missing argument or closing brace?)"),
        (r"\frac{1}", "\\frac needs two arguments: \\frac{a}{b}"),
    ],
)
def test_bad_latex_raises_a_readable_error(tex: str, message: str) -> None:
    with pytest.raises(MathError) as caught:
        tex_to_mathml(tex, display=False)
    assert str(caught.value) == message


def test_render_math_replaces_arithmatex_output_and_unescapes_the_tex() -> None:
    html = arithmatex("If $a < b$ and $b < c$:\n\n$$\na < c\n$$\n\n`$not math$`\n")
    assert 'class="arithmatex"' in html and "&lt;" in html
    out, failures = render_math(html)
    assert failures == []
    assert "arithmatex" not in out and "\\(" not in out and "\\[" not in out
    assert out.count('<math display="inline">') == 2
    assert out.count('<math display="block">') == 1
    assert "<code>$not math$</code>" in out


def test_render_math_keeps_failed_formulas_and_reports_them() -> None:
    html = arithmatex("Fine $x$, broken $\\frac{a}{$.")
    out, failures = render_math(html)
    assert [(f.tex, f.message) for f in failures] == [("\\frac{a}{", "a '{' without a matching '}'")]
    assert '<span class="arithmatex">\\(\\frac{a}{\\)</span>' in out
    assert '<math display="inline"><mrow><mi>x</mi></mrow></math>' in out


def test_line_of_finds_the_formula() -> None:
    assert line_of("a\nb $x^2$\n", "x^2") == 2
    assert line_of("a\nb\n", "\n  missing  \n", first_line=7) == 7


def test_the_render_step_reports_latex_errors_at_their_line(make_bank: MakeBank) -> None:
    _, problems = render_bank(make_bank({"basics/halves.md": QUESTION}))
    assert problems == [
        Problem("questions/basics/halves.md", 10, "LaTeX error in 'y = \\frac{x}{': a '{' without a matching '}'")
    ]


def test_math_in_code_is_never_checked(make_bank: MakeBank) -> None:
    text = QUESTION.replace("$$\ny = \\frac{x}{\n$$", "Code `$\\oops$` and\n\n```\n$$\n\\oops\n$$\n```\n\nand $ok$.")
    _, problems = render_bank(make_bank({"basics/halves.md": text}))
    assert problems == []


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@functools.cache
def _site_markdown() -> markdown.Markdown:
    """Python-Markdown with the site's own extensions, so formulas are found exactly as in the build."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def _formula_count(markdown_text: str) -> int:
    converter = _site_markdown()
    converter.reset()
    return converter.convert(markdown_text).count('class="arithmatex"')


def test_built_site_has_no_raw_math(built_site: Path) -> None:
    for page in _pages(built_site):
        # Code shows math syntax on purpose (the contributor page documents it).
        html = re.sub(r"<code\b.*?</code>", "", page.read_text(encoding="utf-8"), flags=re.S)
        for leftover in ('class="arithmatex"', "\\(", "\\[", "$$"):
            assert leftover not in html, f"{page.relative_to(built_site)} still contains {leftover!r}"


def test_built_site_has_mathml_where_the_sources_have_formulas(built_site: Path) -> None:
    bank, _ = load_bank(ROOT)
    # A topic page shows every field at least once (the reveal repeats choices): at least their formulas.
    at_least = {}
    for t in bank.topics:
        fields = [f for q in t.questions for f in (q.text, q.answer, q.explanation or "", *(c.text for c in q.choices))]
        at_least[f"topics/{t.slug}/index.html"] = sum(_formula_count(f) for f in fields)
    assert sum(at_least.values()) > 0, "no formulas in the bank: this test would prove nothing"
    for html, count in at_least.items():
        assert (built_site / html).read_text(encoding="utf-8").count("<math ") >= count, html
    exactly = {}
    for doc in (ROOT / "docs").rglob("*.md"):
        rel = doc.relative_to(ROOT / "docs").with_suffix("")
        html = "index.html" if rel.name == "index" else f"{rel.as_posix()}/index.html"
        exactly[html] = _formula_count(doc.read_text(encoding="utf-8"))
    assert sum(exactly.values()) > 0, "no formulas in docs/: this test would prove nothing"
    for html, count in exactly.items():
        assert (built_site / html).read_text(encoding="utf-8").count("<math ") == count, html


def test_search_index_holds_the_text_of_formulas_not_mathml_markup(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    for markup in ("<math", "<mrow", "<mi>", "<mo>", "mathvariant"):
        assert markup not in text
    diagrams = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("diagrams/"))
    assert "mean(r1,…,rG)" in diagrams  # the formula's own characters, readable as text


def test_a_latex_error_on_a_docs_page_stops_the_build_naming_the_page(
    make_bank: MakeBank, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.exceptions import MkDocsException

    root = make_bank()
    (root / "hooks").symlink_to(ROOT / "hooks")
    (root / "docs" / "index.md").write_text("# Home\n\nFine: $x$.\n\nBroken: $\\frac{a}{$.\n")
    (root / "mkdocs.yml").write_text(
        "site_name: t\nhooks: [hooks/bank_hook.py]\nmarkdown_extensions:\n"
        "  - pymdownx.arithmatex:\n      generic: true\n"
    )
    with pytest.raises(MkDocsException):
        build_site(root / "mkdocs.yml", root / "site")
    assert any(
        m.endswith("docs/index.md:5: LaTeX error in '\\frac{a}{': a '{' without a matching '}'")
        for m in caplog.messages
    )
    assert "1 formula(s) on index.md cannot be rendered, listed above" in caplog.messages
