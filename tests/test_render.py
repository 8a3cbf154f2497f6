"""render: topic pages assembled from checked fragments, and the overview, cards and nav."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from conftest import MakeBank, render_bank, site_of
from sample_bank import FILES, load_sample

from bank.paths import relative
from bank.render import Page, heading_text, nav_entries, render_concepts_page, render_overview, render_topic_cards
from bank.selfcheck import render_progress

CHOICE_Q = """\
---
title: Which one is right
order: 20
level: intermediate
sources: [ouyang2022instructgpt]
---
Which one? See [the first](#what-is-post-training).

- [ ] Alpha
  Alpha is the wrong one.
- [x] Beta
  Beta is right.

## Answer

Beta, see [home](index.md).

## Explanation

Because.
"""


def test_topic_page_has_markdown_headings_and_html_between_them(make_bank: MakeBank) -> None:
    site = site_of(
        make_bank({"basics/which-one.md": CHOICE_Q}), repo_url="https://github.com/o/r/", edit_uri="edit/main/docs/"
    )
    page = site.files["topics/basics/index.md"].page
    assert page is not None
    md = page.markdown
    assert md.startswith(
        '---\nedit_url: "https://github.com/o/r/edit/main/questions/basics/_topic.md"\n---\n\n# Basics\n\n<!--qb:0-->'
    )
    assert "## About basics { #what-is-post-training .qb-question__title }" in md
    assert "## Which one is right { #which-one .qb-question__title }" in md
    assert md.index("#what-is-post-training ") < md.index("#which-one ")
    assert "Alpha" not in md and "///" not in md  # the question's HTML waits in splices, not in the Markdown
    html = page.splice(markdown.Markdown(extensions=["meta", "attr_list"]).convert(md))
    assert "<!--qb:" not in html
    assert html.count('<details class="success qb-reveal">') == 2
    assert re.search(r"<details[^>]*\bopen\b", html) is None
    assert '<div class="qb-answer" data-search-exclude="true" data-correct="B">' in html
    assert "<p><strong>Correct choice:</strong> B. Beta</p>" in html
    assert '<p>Beta, see <a href="../../">home</a>.</p>' in html
    assert '<div class="qb-explanation"><p>Because.</p></div>' in html
    assert '<li><a href="https://arxiv.org/abs/2203.02155">Training language models' in html
    assert '<a class="qb-edit" href="https://github.com/o/r/edit/main/questions/basics/which-one.md"' in html
    # Choices openly, without their marks; each choice's reason only inside the answer.
    assert '<div class="qb-choices" data-hint="Select one."><ol type="A"><li>Alpha</li><li>Beta</li></ol></div>' in html
    reveal = html.split('<details class="success qb-reveal">')[2]
    assert '<li><span class="qb-reason__choice">Alpha</span> Alpha is the wrong one.</li>' in reveal
    assert "is the wrong one" not in html.split('<details class="success qb-reveal">')[0]
    assert "[x]" not in html
    meta = '<p class="qb-topic-meta">2 questions: 1 foundation · 1 intermediate. '
    assert (
        html.index(meta)
        < html.index('<div class="qb-js"><div class="qb-progress"')
        < html.index("#what-is-post-training")
    )
    assert "Your progress: 0 of 2 answered" in html and 'class="qb-keys"' in html


NUMERIC_Q = """\
---
title: How many comparisons
order: 30
level: foundation
sources: [ouyang2022instructgpt]
answer: 36
tolerance: 0
unit: <pairs> & "so"
---
A labeller ranks nine responses. How many pairs is that?

## Answer

$\\binom{9}{2} = 36$ pairs.
"""


def test_a_numeric_question_has_its_field_slot_and_its_value_in_the_closed_reveal(make_bank: MakeBank) -> None:
    site = site_of(make_bank({"basics/pairs.md": NUMERIC_Q.replace("<pairs> &", "pairs &")}))
    page = site.files["topics/basics/index.md"].page
    assert page is not None
    html = page.splice(markdown.Markdown(extensions=["meta", "attr_list"]).convert(page.markdown))
    section = html.split('<section class="qb-question" data-qid="pairs" data-kind="numeric" data-topic="basics">')[1]
    section = section.split("</section>")[0]
    before, reveal = section.split('<details class="success qb-reveal">')
    # After the text, an empty slot for the script's number field; no choices, and no value before the reveal.
    assert before.rstrip().endswith(
        '<p>A labeller ranks nine responses. How many pairs is that?</p>\n<div class="qb-numeric" data-unit="pairs &amp; &quot;so&quot;"></div>'
    )
    assert "qb-choices" not in section and "36" not in before
    assert re.search(r"<details[^>]*\bopen\b", section) is None
    assert (
        '<div class="qb-answer" data-search-exclude="true" data-value="36" data-tolerance="0">'
        "<p><strong>Correct value:</strong> 36 (± 0) pairs &amp; &quot;so&quot;</p>\n<p><math" in reveal
    )


def test_a_unit_with_markup_is_a_problem_not_markup(make_bank: MakeBank) -> None:
    _, problems = render_bank(make_bank({"basics/pairs.md": NUMERIC_Q}))
    assert [(p.path, p.line) for p in problems] == [("questions/basics/pairs.md", 8)]


def test_inline_markdown_gives_the_same_page_to_a_builder_without_the_hook(make_bank: MakeBank) -> None:
    site = site_of(make_bank({"basics/which-one.md": CHOICE_Q}))
    page = site.files["topics/basics/index.md"].page
    assert page is not None
    inline = page.markdown_inline
    assert "<!--qb:" not in inline
    assert (
        '<section class="qb-question" data-qid="which-one" data-kind="single" data-topic="basics" markdown>' in inline
    )
    converted = markdown.Markdown(extensions=["md_in_html", "attr_list"]).convert(inline)
    assert converted.count('<section class="qb-question"') == 2
    assert '<h2 class="qb-question__title" id="which-one">Which one is right</h2>' in converted


def test_a_paragraph_that_starts_with_a_formula_stays_one_paragraph_without_the_hook() -> None:
    page = Page()
    page.add('<section class="q" markdown>')
    page.add("## Q")
    page.add_html('<div class="qb-explanation"><p><math><mi>β</mi></math> weights the KL term.</p></div>')
    page.add("</section>")
    converted = markdown.Markdown(extensions=["md_in_html"]).convert(page.markdown_inline)
    assert "<p></p>" not in converted
    assert re.search(r"<p>\s*<math><mi>β</mi></math> weights the KL term.</p>", converted)


def test_a_page_splices_each_marker_once() -> None:
    page = Page()
    page.add("# T")
    page.add_html("<p>one</p>")
    page.add_html("<div>two</div>", markdown="<div markdown>two</div>")  # consecutive HTML: one marker
    page.add("## H")
    page.add_html("<p>three</p>")
    assert page.markdown == "# T\n\n<!--qb:0-->\n\n## H\n\n<!--qb:1-->\n"
    converted = "<h1>T</h1>\n<!--qb:0-->\n<h2>H</h2>\n<!--qb:1-->"
    assert page.splice(converted) == "<h1>T</h1>\n<p>one</p>\n<div>two</div>\n<h2>H</h2>\n<p>three</p>"
    assert page.markdown_inline == "# T\n\n<p>one</p>\n\n<div markdown>two</div>\n\n## H\n\n<p>three</p>\n"


def test_late_html_is_spliced_in_a_second_pass_and_a_parked_page_reads_it_back(tmp_path: Path) -> None:
    page = Page()
    page.add("# T")
    page.add_html(f"<p>seen</p>{page.late('<div>answer, é</div>')}")
    assert page.markdown == "# T\n\n<!--qb:1-->\n"  # the late splice was made first
    converted = "<h1>T</h1>\n<!--qb:1-->"
    whole = "<h1>T</h1>\n<p>seen</p><div>answer, é</div>"
    assert page.splice(converted) == whole
    assert page.markdown_inline == "# T\n\n<p>seen</p><div>answer, é</div>\n"
    page.park(tmp_path / "page.html")
    assert page.splices == [] and (tmp_path / "page.html").read_text(encoding="utf-8").count("answer, é") == 1
    indexed = page.splice(converted, late=False)
    assert indexed == "<h1>T</h1>\n<p>seen</p><!--qb:0-->"  # what search reads: the answer is not there yet
    assert page.splice(f"<html>{indexed}</html>", late=True) == f"<html>{whole}</html>"
    assert page.splice(converted) == whole


def test_titles_are_plain_text_in_headings() -> None:
    converter = markdown.Markdown(extensions=["attr_list", "toc", "pymdownx.arithmatex"])
    title = "Why *DPO* needs {x} <b>, $5 and $y$ [l](u) `c` \\ & #1."
    html = converter.convert(f"## {heading_text(title)} {{ #q }}")
    assert html == '<h2 id="q">Why *DPO* needs {x} &lt;b&gt;, $5 and $y$ [l](u) `c` \\ &amp; #1.</h2>'


def test_overview_cards_and_nav(make_bank: MakeBank) -> None:
    site = site_of(make_bank({"basics/which-one.md": CHOICE_Q}))
    overview = render_overview(site.bank)
    assert "| [Basics](basics/index.md) | 2 | 1 foundation · 1 intermediate |" in overview
    assert f"\n\n{render_progress(2, 'on all topics')}\n\n| Topic |" in overview
    cards = render_topic_cards(site.bank, page_src="index.md")
    assert cards.startswith('<div class="grid cards" markdown>\n\n-   **[Basics](topics/basics/index.md)**')
    assert "2 questions: 1 foundation · 1 intermediate" in cards
    assert nav_entries(site.bank) == ["topics/index.md", {"Basics": "topics/basics/index.md"}]
    assert relative("index.md", "topics/basics/index.md") == "topics/basics/index.md"


def test_concepts_page_lists_each_concept_with_its_questions_across_topics(make_bank: MakeBank) -> None:
    _, bank = load_sample(make_bank)
    page = render_concepts_page(bank).markdown_inline
    assert page.startswith('---\nedit_url: ""\n---\n\n# Concepts\n')
    assert "## Post\\-training methods { #post-training-methods }" in page  # Markdown syntax in a name stays text
    assert '<li><a href="../topics/basics/#pick-one">Reward model loss</a> · Basics · intermediate</li>' in page
    assert page.count('href="../topics/basics/#pick-one"') == 2  # under each of its two concepts
    assert "4 questions:" in page


def test_a_question_names_its_concepts_with_links_to_the_concepts_page(make_bank: MakeBank) -> None:
    site = site_of(make_bank(FILES))
    page = site.files["topics/basics/index.md"].page
    assert page is not None
    assert (
        '<span class="qb-concepts">Concepts: <a href="../../concepts/#reward-models">Reward models</a>, '
        '<a href="../../concepts/#post-training-methods">Post-training methods</a></span>'
    ) in page.markdown_inline
    assert "concepts/index.md" in site.files
