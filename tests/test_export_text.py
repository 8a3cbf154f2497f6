"""Bank Markdown for Anki and Moodle: math in MathJax delimiters, code untouched, links absolute."""

from __future__ import annotations

from conftest import MakeBank
from sample_bank import SITE, load_sample

from bank import Bank, Choice
from bank.export_text import absolute_links, choices_html, permalink, to_html, to_inline_html

EMPTY = Bank([], {})


def test_inline_and_display_math_get_mathjax_delimiters_and_escaped_html() -> None:
    html = to_html("Let $a_1 < b_2$ and\n\n$$\nx*y*z\n$$", EMPTY, SITE)
    assert html == "<p>Let \\(a_1 &lt; b_2\\) and</p>\n<p>\\[x*y*z\\]</p>"


def test_math_is_not_read_as_markdown_emphasis() -> None:
    assert to_inline_html("$a_i b_i$ and $c*d*e$", EMPTY, SITE) == "\\(a_i b_i\\) and \\(c*d*e\\)"


def test_dollars_that_are_not_math_stay_text() -> None:
    assert to_inline_html("from $5 to $6, or \\$7", EMPTY, SITE) == "from $5 to $6, or &#36;7"


def test_code_keeps_its_dollars() -> None:
    html = to_html("Run `echo $HOME $PATH`.\n\n```\nx = $y$\n```", EMPTY, SITE)
    assert "<code>echo $HOME $PATH</code>" in html
    assert "x = $y$" in html
    assert "\\(" not in html


def test_inline_html_drops_the_paragraph_of_a_single_paragraph_only() -> None:
    assert to_inline_html("one *two*", EMPTY, SITE) == "one <em>two</em>"
    assert to_inline_html("one\n\ntwo", EMPTY, SITE) == "<p>one</p>\n<p>two</p>"


def test_links_point_at_the_published_site(make_bank: MakeBank) -> None:
    _, bank = load_sample(make_bank)
    text = "[q](#pick-one) [page](contributing.md#loop) [home](index.md) [out](https://arxiv.org/abs/1) [x](#nope)"
    assert absolute_links(text, bank, SITE) == (
        f"[q]({SITE}topics/basics/#pick-one) [page]({SITE}contributing/#loop) [home]({SITE}) "
        "[out](https://arxiv.org/abs/1) [x](#nope)"
    )


def test_permalink_and_page_urls(make_bank: MakeBank) -> None:
    _, bank = load_sample(make_bank)
    question = bank.question("pick-several")
    assert question is not None
    assert permalink(question, SITE) == f"{SITE}topics/basics/#pick-several"
    assert (
        permalink(question, "https://example.org/no-slash")
        == "https://example.org/no-slash/topics/basics/#pick-several"
    )
    assert permalink(question, None) == "topics/basics/#pick-several"


def test_choices_convert_as_one_list_and_match_one_by_one(make_bank: MakeBank) -> None:
    _, bank = load_sample(make_bank)
    for question in bank.questions:
        one_by_one = [to_inline_html(c.text, bank, SITE) for c in question.choices]
        assert choices_html(question.choices, bank, SITE) == one_by_one


def test_a_choice_that_is_not_a_plain_item_goes_alone() -> None:
    # "1999. ..." would be read as a list of its own inside the item
    choices = [Choice("1999. a year", False, 1), Choice("$x_1$ *and* `y`", True, 2)]
    assert choices_html(choices, EMPTY, SITE) == [
        '<ol start="1999">\n<li>a year</li>\n</ol>',
        "\\(x_1\\) <em>and</em> <code>y</code>",
    ]
