"""The glossary: loading and checking it, its tooltips, its page, and how they show in the built site."""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, MakeBank, site_of

from bank import Problem, load_bank
from bank.glossary import (
    abbreviations,
    anchor,
    bank_texts,
    first_uses,
    load_glossary,
    render_glossary_page,
    term_forms,
    unused_terms,
    unwrap_title_abbrs,
    without_tooltips,
)
from bank.model import GlossaryTerm
from bank.paths import topic_src

PATH = "questions/glossary.yml"
SOURCES = {"ouyang2022instructgpt", "hu2021lora"}

GOOD = """\
- term: SFT
  expansion: supervised fine-tuning
  definition: Training on prompts paired with the responses to give.
  sources: [ouyang2022instructgpt]

- term: reward model
  definition: >-
    A model that scores
    responses.
  sources: [ouyang2022instructgpt]
  aliases: [reward models]
"""


def load(text: str) -> tuple[list[GlossaryTerm], list[Problem]]:
    return load_glossary(textwrap.dedent(text), PATH, sources=SOURCES)


def test_a_good_glossary_loads() -> None:
    terms, problems = load(GOOD)
    assert problems == []
    assert terms == [
        GlossaryTerm(
            "SFT",
            "Training on prompts paired with the responses to give.",
            "supervised fine-tuning",
            ("ouyang2022instructgpt",),
            (),
            1,
        ),
        GlossaryTerm(
            "reward model", "A model that scores responses.", None, ("ouyang2022instructgpt",), ("reward models",), 6
        ),
    ]
    assert terms[0].tooltip == "Supervised fine-tuning: Training on prompts paired with the responses to give."
    assert terms[1].tooltip == "A model that scores responses."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("term: SFT\n", [(1, "the glossary must be a YAML list of terms")]),
        ("- [SFT]\n", [(1, "a glossary entry must be a mapping (term, definition, sources)")]),
        ("- term: [oops\n", [(1, "malformed YAML: did not find expected ',' or ']'")]),
        (
            "- definition: Orphan.\n  sources: [hu2021lora]\n",
            [(1, "glossary entry without a 'term'")],
        ),
        (
            "- term: LoRA\n  expansion: low-rank adaptation\n  sources: [hu2021lora]\n",
            [(1, "'LoRA' needs a 'definition': a line of text")],
        ),
        (
            "- term: LoRA\n  definition: Low-rank updates.\n  sources: [hu2021lora]\n",
            [(1, "'LoRA' is an abbreviation: add its 'expansion'")],
        ),
        (
            "- term: policy\n  definition: The *trained* model.\n  sources: [hu2021lora]\n",
            [(2, "the definition of 'policy' is shown as a tooltip: plain text only (no Markdown, HTML or math)")],
        ),
        (
            "- term: policy\n  definition: " + "word " * 70 + "\n  sources: [hu2021lora]\n",
            [(2, "the definition of 'policy' is 349 characters; keep it to one or two sentences (at most 320)")],
        ),
        (
            "- term: policy\n  definition: The model.\n  sources: [hu2021lora, nobody2030]\n",
            [(3, "unknown source 'nobody2030' (add it to questions/references.yml)")],
        ),
        (
            "- term: policy\n  definition: The model.\n",
            [(1, "'sources' is required: a non-empty list of keys")],
        ),
        (
            "- term: policy\n  definition: The model.\n  sources: [hu2021lora]\n  see: [x]\n",
            [(4, "unknown key 'see' (allowed: aliases, definition, expansion, sources, term)")],
        ),
        (
            "- term: policy\n  definition: The model.\n  sources: [hu2021lora]\n  aliases: policies\n",
            [(4, "'aliases' must be a list of spellings")],
        ),
        (
            '- term: SFT\n  expansion: "\\x3cimg src=x onerror=alert(1)\\x3e"\n  definition: D.\n  sources: [hu2021lora]\n',
            [(2, "the 'expansion' of 'SFT' is shown as a tooltip: plain text only")],
        ),
        (
            '- term: "a<b>c"\n  definition: D.\n  sources: [hu2021lora]\n',
            [(1, "'a<b>c' may hold only letters, digits, spaces, dashes, dots, plus signs, slashes and apostrophes")],
        ),
        (
            "- term: '-policy'\n  definition: The model.\n  sources: [hu2021lora]\n",
            [(1, "'-policy' must start and end with a letter or digit")],
        ),
    ],
)
def test_glossary_problems_are_reported_at_their_line(text: str, expected: list[tuple[int, str]]) -> None:
    _, problems = load(text)
    assert [(p.path, p.line, p.message) for p in problems] == [(PATH, line, msg) for line, msg in expected]


def test_duplicates_and_clashing_spellings_are_reported() -> None:
    text = GOOD + (
        "\n- term: SFT\n  expansion: again\n  definition: Again.\n  sources: [hu2021lora]\n"
        "\n- term: RM\n  expansion: reward model\n  definition: Short.\n  sources: [hu2021lora]\n"
        "  aliases: [reward models]\n"
    )
    _, problems = load(text)
    assert [(p.line, p.message) for p in problems] == [
        (13, "duplicate term 'SFT' (first at line 1)"),
        (18, "'reward models' is already a spelling of 'reward model' (line 6)"),
    ]


def test_term_forms_add_a_capitalised_form_for_sentence_starts() -> None:
    term = GlossaryTerm("reward model", "d", aliases=("reward models",))
    assert term_forms(term) == ["reward model", "Reward model", "reward models", "Reward models"]
    assert term_forms(GlossaryTerm("SFT", "d", "e")) == ["SFT"]


def test_abbreviations_are_markdown_abbr_definitions() -> None:
    terms, _ = load(GOOD)
    assert abbreviations(terms) == (
        "\n\n*[SFT]: Supervised fine-tuning: Training on prompts paired with the responses to give.\n"
        "*[reward model]: A model that scores responses.\n"
        "*[Reward model]: A model that scores responses.\n"
        "*[reward models]: A model that scores responses.\n"
        "*[Reward models]: A model that scores responses.\n"
    )
    assert abbreviations([]) == ""


def test_unwrap_title_abbrs_keeps_headings_and_links_plain() -> None:
    html = (
        '<h1 id="x">About <abbr title="t">SFT</abbr></h1>\n'
        '<p><abbr title="t">SFT</abbr> and <a href="#y">the <abbr title="t">SFT</abbr> page</a></p>'
    )
    assert unwrap_title_abbrs(html) == (
        '<h1 id="x">About SFT</h1>\n<p><abbr title="t">SFT</abbr> and <a href="#y">the SFT page</a></p>'
    )


def test_first_uses_keep_one_tooltip_per_definition_across_fragments() -> None:
    seen: set[str] = set()
    sft, rm = '<abbr title="Supervised">SFT</abbr>', '<abbr title="Scores">reward model</abbr>'
    assert first_uses(f"<p>{sft} then {sft} and {rm}</p>", seen) == f"<p>{sft} then SFT and {rm}</p>"
    assert first_uses(f"<p>{rm}, again</p>", seen) == "<p>reward model, again</p>"  # marked in an earlier field
    assert first_uses("<p>no terms</p>", seen) == "<p>no terms</p>"
    assert without_tooltips(f"<p>{sft} and {rm}</p>") == "<p>SFT and reward model</p>"


CHOICE_WITH_TERMS = """\
---
order: 20
level: foundation
title: Terms twice
sources: [ouyang2022instructgpt]
---
Why does SFT come before the reward model is trained, and what does SFT give?

- [x] SFT gives a policy worth sampling from
  Right: SFT first, then the reward model scores its samples.
- [ ] The reward model needs no SFT
  Wrong: without SFT there are no samples for the reward model.

## Answer

SFT first.
"""


def test_a_question_marks_each_term_at_its_first_use_only(make_bank: MakeBank) -> None:
    site = site_of(make_bank({"glossary.yml": GOOD, "basics/terms-twice.md": CHOICE_WITH_TERMS}))
    page = site.files[topic_src(site.bank.topics[0])].page
    assert page is not None
    html = page.splice(page.markdown)
    section = html[html.index('data-qid="terms-twice"') :]
    section = section[: section.index("</section>")]
    assert section.count(">SFT</abbr>") == 1 and section.count(">reward model</abbr>") == 1
    text = section[section.index("Why does") :]
    # The first use is in the question, and a focus stop: the definition shows on focus as on hover.
    # `data-preview` keeps Material's per-element tooltip off it (the self-check's stylesheet shows it).
    assert text.startswith('Why does <abbr tabindex="0" data-preview title="Supervised fine-tuning')
    assert section.count("SFT") >= 8  # every later use is still there, as plain text


def test_unused_terms_match_as_the_tooltips_do() -> None:
    terms, _ = load(GOOD)
    assert unused_terms(terms, ["SFTs are not SFT-shaped"]) == [terms[1]]  # 'SFT-' counts; 'SFTs' does not
    assert unused_terms(terms, ["No SFTs here.", "Reward models score."]) == [terms[0]]


def test_load_bank_reads_the_glossary_and_reports_its_problems(make_bank: MakeBank) -> None:
    root = make_bank({"glossary.yml": GOOD.replace("ouyang2022instructgpt]\n  aliases", "missing2020]\n  aliases")})
    bank, problems = load_bank(root)
    assert [t.term for t in bank.glossary] == ["SFT"]
    assert problems == [Problem(PATH, 10, "unknown source 'missing2020' (add it to questions/references.yml)")]


def test_the_glossary_file_is_optional(make_bank: MakeBank) -> None:
    bank, problems = load_bank(make_bank())
    assert problems == [] and bank.glossary == []


def test_glossary_page_lists_every_term_with_an_anchor(make_bank: MakeBank) -> None:
    bank, _ = load_bank(make_bank({"glossary.yml": GOOD}))
    page = render_glossary_page(bank)
    assert '<dt id="reward-model"><strong>reward model</strong></dt>' in page
    assert (
        '<dt id="sft"><strong>SFT</strong> <span class="qb-glossary__expansion">(supervised fine-tuning)</span></dt>'
        in page
    )
    assert (
        '<a href="../references/#ouyang2022instructgpt">Training language models to follow instructions with human '
        "feedback</a>" in page
    )
    assert page.index('id="reward-model"') < page.index('id="sft"')  # alphabetical, ignoring case


# The real glossary


def real_bank_glossary() -> tuple[list[GlossaryTerm], list[str]]:
    bank, problems = load_bank(ROOT, docs_dir=ROOT / "docs")
    assert problems == []
    return bank.glossary, bank_texts(bank)


def test_the_glossary_has_the_core_terms() -> None:
    terms, _ = real_bank_glossary()
    names = {t.term for t in terms}
    core = {
        *("SFT", "RLHF", "RLAIF", "RM", "PRM", "ORM", "PPO", "GRPO", "RLOO", "DPO", "KTO", "RLVR"),
        *("CoT", "PEFT", "LoRA", "QLoRA", "KL penalty", "reward hacking", "reward model", "policy"),
        *("reference model", "Bradley\N{EN DASH}Terry", "rejection sampling", "best-of-n", "constitution"),
        *("over-optimisation", "sycophancy", "instruction tuning", "mid-training", "distillation"),
    }
    assert core <= names


def test_every_glossary_term_is_used_in_the_bank() -> None:
    terms, texts = real_bank_glossary()
    assert [t.term for t in unused_terms(terms, texts)] == []


# The built site


def test_topic_pages_show_tooltips_but_not_in_headings_links_or_code(built_site: Path) -> None:
    terms, _ = real_bank_glossary()
    tooltip_of = {form: t.tooltip for t in terms for form in term_forms(t)}
    tooltips = 0
    for page in sorted((built_site / "topics").glob("*/index.html")):
        text = page.read_text(encoding="utf-8")
        for title, form in re.findall(r'<abbr (?:tabindex="0" data-preview )?title="([^"]+)">([^<]+)</abbr>', text):
            assert html.unescape(title) == tooltip_of[form], f"{form!r} on {page} has the wrong tooltip"
            tooltips += 1
        for tag, inner in re.findall(r"<(h[1-6]|code|pre|a)\b[^>]*>(.*?)</\1>", text, re.S):
            assert "<abbr" not in inner, f"tooltip inside <{tag}> on {page}"
        for section in text.split('<section class="qb-question"')[1:]:
            titles = re.findall(
                r'<abbr (?:tabindex="0" data-preview )?title="([^"]+)">', section.split("</section>")[0]
            )
            assert len(titles) == len(set(titles)), f"a term marked twice in one question on {page}"
    assert tooltips > 0


def test_glossary_page_lists_every_term(built_site: Path) -> None:
    terms, _ = real_bank_glossary()
    html = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<dt id="([^"]+)"><strong>([^<]+)</strong>', html)
    assert sorted(listed) == sorted((anchor(t), t.term) for t in terms)
    assert "<abbr" not in html  # the glossary defines its terms in full; no tooltips on top
