"""fragments: every bank field rendered once, checked against the allowlist, links made final.

Bank text is untrusted. Each hostile class below must come back as a `path:line` problem, and the
HTML that would reach a page must be harmless whatever the problem list says.
"""

from __future__ import annotations

import pytest
from conftest import ROOT, MakeBank, render_bank

from bank import Problem, load_bank
from bank.build import read_config
from bank.fragments import Context, MarkdownSettings, Renderer

FRONT = "---\ntitle: A question\norder: 20\nlevel: foundation\nsources: [ouyang2022instructgpt]\n---\n"
PATH = "questions/basics/x.md"


def render(make_bank: MakeBank, body: str, **files: str) -> tuple[str, list[Problem]]:
    """Problems, and every fragment's HTML as the site would show it, for one question `x` (line 7 onwards)."""
    site, problems = render_bank(make_bank({"basics/x.md": FRONT + body, **files}))
    f = site.fragments.questions["x"]
    parts = [f.text, *f.choices, *(r for r in f.reasons if r), f.answer, *([f.explanation] if f.explanation else [])]
    return "\n".join(p.html + p.tex for p in parts), problems


HOSTILE = [
    pytest.param('Q <iframe srcdoc="<script>alert(1)</script>"></iframe>', "<iframe> element", "<iframe", id="iframe"),
    pytest.param('Q <object data="https://x.org/a.swf"></object>', "<object> element", "<object", id="object"),
    pytest.param('Q\n\n<form action="https://x.org"><input name="p"></form>', "<form> element", "<form", id="form"),
    pytest.param('Q <meta http-equiv="refresh" content="0;url=https://x.org">', "<meta> element", "<meta", id="meta"),
    pytest.param('Q <base href="https://x.org/">', "<base> element", "<base", id="base"),
    pytest.param("Q\n\n<style>body{display:none}</style>", "<style> element", "display:none", id="style"),
    pytest.param("Q <script>alert(1)</script>", "<script> element", "alert(1)", id="script"),
    pytest.param(
        "Q <img\nsrc=x\nonerror=alert(1)>", "'onerror' attribute on <img>", "onerror", id="tag-split-over-lines"
    ),
    pytest.param('Q <a href="java\nscript:alert(1)">x</a>', "", "script:", id="javascript-split-by-newline"),
    pytest.param("Q <svg/onload=alert(1)>", "<svg> element", "onload", id="svg-onload"),
    pytest.param("Q <a href=&#106;avascript:alert(1)>x</a>", "'javascript:' URL", "avascript", id="entity-encoded-url"),
    pytest.param('Q\n{: onclick="alert(1)" }', "'onclick' attribute on <p>", "onclick", id="attr-list-handler"),
    pytest.param("Q [x][evil]\n\n[evil]: javascript:alert(1)", "'javascript:' URL", "javascript", id="reference-link"),
    pytest.param("Q [x](data:text/html;base64,PHNjcmlwdD4=)", "'data:' URL", "data:", id="data-url"),
]


@pytest.mark.parametrize(("body", "named", "harm"), HOSTILE)
def test_hostile_markup_is_a_problem_at_its_line_and_never_reaches_the_page(
    make_bank: MakeBank, body: str, named: str, harm: str
) -> None:
    html, problems = render(make_bank, body + "\n\n## Answer\n\nA.\n")
    assert problems, "hostile text was accepted"
    assert all(p.path == PATH and p.line >= 7 for p in problems)
    if named:
        assert any(named in p.message for p in problems), [str(p) for p in problems]
    assert harm not in html


def test_a_problem_is_reported_at_the_line_of_the_field(make_bank: MakeBank) -> None:
    body = "Q?\n\n- [x] Fine\n  Reason <script>x</script>.\n- [ ] Also fine\n  Fine.\n\n## Answer\n\nA.\n"
    _, problems = render(make_bank, body)
    assert [(p.line, p.message) for p in problems] == [(10, "not allowed in bank text: <script> element")]


LINKS = [
    pytest.param(
        "See [that](#no-such-question).", "link to '#no-such-question', which is not a question ID", id="question"
    ),
    pytest.param("See [the page](missing.md).", "link to 'missing.md', which is not a page in docs/", id="page"),
    pytest.param("See [it](//x.org/a).", "external link '//x.org/a' must use https://", id="protocol-relative"),
    pytest.param("See [the paper](http://arxiv.org/abs/1).", "'http:' URL", id="http"),
]


@pytest.mark.parametrize(("text", "message"), LINKS)
def test_broken_links_are_problems(make_bank: MakeBank, text: str, message: str) -> None:
    _, problems = render(make_bank, f"Q?\n\n## Answer\n\n{text}\n")
    assert [p.line for p in problems] == [11]
    assert message in problems[0].message


def test_links_are_made_final_for_pages_two_folders_deep(make_bank: MakeBank) -> None:
    other = "---\ntitle: Other\norder: 2\nsummary: S.\n---\nI.\n"
    elsewhere = FRONT.replace("order: 20", "order: 10") + "Z?\n\n## Answer\n\nZ.\n"
    body = "Q? [a](#what-is-post-training) [b](#far) [c](index.md) [d](index.md#top) [e](https://x.org/p)\n\n## Answer\n\nA.\n"
    html, problems = render(make_bank, body, **{"other/_topic.md": other, "other/far.md": elsewhere})
    assert problems == []
    for link in ('href="#what-is-post-training"', 'href="../../topics/other/#far"', 'href="../../"'):
        assert link in html
    assert 'href="../../#top"' in html and 'href="https://x.org/p"' in html


def test_valid_text_is_accepted_crlf_bom_unicode_and_math_with_operators(make_bank: MakeBank) -> None:
    body = (
        "Est-ce que $a<b$ & $c>d$ — 日本語, naïve? Code: `<b>` and a table:\n\n| x | y |\n| :-: | --: |\n| 1 | 2 |\n\n"
        "- [x] $x<y$\n  Right: less.\n- [ ] $x>y$\n  Wrong: more.\n\n## Answer\n\n$$\na \\le b \\;\\&\\; c\n$$\n"
    )
    raw = ("\ufeff" + FRONT + body).replace("\n", "\r\n").encode("utf-8")
    site, problems = render_bank(make_bank({"basics/x.md": raw}))
    assert problems == []
    f = site.fragments.questions["x"]
    assert "日本語" in f.text.html and "<code>&lt;b&gt;</code>" in f.text.html
    assert f.text.html.count("<math") == 2 and "<mo>&lt;</mo>" in f.text.html
    assert '<td style="text-align:center">1</td>' in f.text.html
    assert [c.inline.count("<math") for c in f.choices] == [1, 1]
    assert '<math display="block">' in f.answer.html


def test_every_field_is_converted_once(make_bank: MakeBank, monkeypatch: pytest.MonkeyPatch) -> None:
    import markdown

    calls: list[str] = []
    convert = markdown.Markdown.convert

    def counting(self: markdown.Markdown, text: str) -> str:
        calls.append(text)
        return convert(self, text)

    monkeypatch.setattr(markdown.Markdown, "convert", counting)
    body = "Q?\n\n- [x] One\n  Because.\n- [ ] Two\n  Not.\n\n## Answer\n\nA.\n\n## Explanation\n\nE.\n"
    _, problems = render(make_bank, body)
    assert problems == []
    fields = ["Q?", "One", "Two", "Because.", "Not.", "A.", "E."]
    assert sum(t.count(field) for t in calls for field in fields) == len(fields)


# One question's fields go through Markdown as one document, cut at thematic breaks, with a converter
# without `toc` when no field could hold a heading. Each field must come out as if converted alone.
FIELDS_ALONE = [
    pytest.param(["Plain *text*.", "- a list\n- of two", "```\ncode\n```", "Last."], id="plain"),
    pytest.param(["Above\n\n---\n\nbelow a break of its own.", "Next."], id="field-with-a-break"),
    pytest.param(["Intro.\n\n### A heading\n\nText.", "Setext\n======", "- ### in a list"], id="headings"),
    pytest.param(["<div>an HTML block left open", "Next."], id="left-open"),
]


def _renderer() -> Renderer:
    bank, _ = load_bank(ROOT)
    settings = MarkdownSettings.from_config(read_config(ROOT / "mkdocs.yml")["markdown_extensions"])
    return Renderer(Context.of(bank, settings, ROOT / "docs"))


@pytest.mark.parametrize("texts", FIELDS_ALONE)
def test_fields_converted_together_come_out_as_each_converted_alone(texts: list[str]) -> None:
    renderer = _renderer()
    expected = [renderer._markdown.reset().convert(t) for t in texts]  # its full converter, one field at a time
    assert renderer.convert(texts) == expected


def test_a_text_that_defines_abbreviations_leaves_the_glossary_as_it_was() -> None:
    renderer = _renderer()
    (own,) = renderer.convert(["ZQX and RLHF.\n\n*[ZQX]: A term of this text only"])
    assert '<abbr title="A term of this text only">ZQX</abbr>' in own and '">RLHF</abbr>' in own
    (after,) = renderer.convert(["ZQX and RLHF again."])  # the next text: the glossary's pattern again
    assert "ZQX</abbr>" not in after and '">RLHF</abbr>' in after


def test_a_helper_process_gives_the_same_fragments_and_problems(
    make_bank: MakeBank, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bank import fragments

    files = {
        f"basics/q{n:02d}.md": FRONT.replace("order: 20", f"order: {30 + n}")
        + f"Q{n} *x* $a<b$ <script>x</script> [far](#q{(n + 1) % 12:02d}) [no](#nowhere).\n\n"
        "- [x] Yes\n  Because.\n- [ ] No\n  Not.\n\n## Answer\n\nA.\n"
        for n in range(12)
    }
    root = make_bank(files)
    bank, _ = load_bank(root, docs_dir=root / "docs")
    settings = MarkdownSettings.from_config(read_config(ROOT / "mkdocs.yml")["markdown_extensions"])
    monkeypatch.setattr(fragments, "CHUNK", 1)
    alone = fragments.render_fragments(bank, settings, docs_dir=root / "docs", helper=False)

    rendered_here: list[str] = []
    chunk = fragments._chunk

    def here(renderer: Renderer, questions: list) -> tuple:  # type: ignore[type-arg]
        rendered_here.extend(q.id for q in questions)
        return chunk(renderer, questions)

    monkeypatch.setattr(fragments, "_chunk", here)
    shared = fragments.render_fragments(bank, settings, docs_dir=root / "docs", helper=True)
    assert shared == alone
    assert len(alone[1]) == 2 * 12  # each question's script and dead link, from whichever process
    helped = [q.id for q in bank.questions if q.id not in rendered_here]
    assert helped and helped == [q.id for q in bank.questions][-len(helped) :]
