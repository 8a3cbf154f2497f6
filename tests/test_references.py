"""The references page: every work, anchored by its key, with links back to the questions citing it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import BIBLIOGRAPHY, ROOT, MakeBank

from bank import load_bank
from bank.references import citations, render_references_page

SECOND = """\
---
order: 20
level: intermediate
title: About peft
sources: [hu2021lora, ouyang2022instructgpt, hu2021lora]
---
What does LoRA train?

## Answer

Low-rank updates.
"""

LORA = """\
- key: hu2021lora
  title: 'LoRA: Low-Rank Adaptation of Large Language Models'
  authors: Edward J. Hu et al.
  year: 2021
  venue: ICLR 2022
  arxiv: '2106.09685'
  url: https://arxiv.org/abs/2106.09685
- key: zz2020uncited
  title: Nobody Cites This
  authors: A. Nonymous
  year: 2020
  url: https://example.org/uncited
"""


def small_bank(make_bank: MakeBank) -> Path:
    return make_bank({"references.yml": BIBLIOGRAPHY + LORA, "basics/lora.md": SECOND})


def test_citations_list_each_citing_question_once_with_its_number(make_bank: MakeBank) -> None:
    bank, problems = load_bank(small_bank(make_bank))
    assert problems == []
    cited = {key: [(q.id, n) for q, n in qs] for key, qs in citations(bank).items()}
    assert cited == {
        "ouyang2022instructgpt": [("what-is-post-training", 1), ("lora", 2)],
        "hu2021lora": [("lora", 2)],
        "zz2020uncited": [],
    }


def test_references_page_renders_every_work_with_its_facts_and_backlinks(make_bank: MakeBank) -> None:
    bank, _ = load_bank(small_bank(make_bank))
    page = render_references_page(bank, edit_url="https://e/x").markdown_inline
    assert page.startswith('---\nedit_url: "https://e/x"\n---\n\n# References\n\nThe 3 works')
    assert (
        '<div class="qb-work" id="hu2021lora">\n'
        '<p><strong><a href="https://arxiv.org/abs/2106.09685">LoRA: Low-Rank Adaptation of Large Language Models</a>'
        "</strong><br />\n"
        'Edward J. Hu et al. · 2021 · ICLR 2022 · arXiv: <a href="https://arxiv.org/abs/2106.09685">2106.09685</a></p>\n'
        '<p class="qb-work__cited">Cited by</p>\n'
        '<ul>\n<li>Basics: <a href="../topics/basics/#lora">question 2</a></li>\n</ul>\n</div>'
    ) in page
    assert (
        '<li>Basics: <a href="../topics/basics/#what-is-post-training">question 1</a>, '
        '<a href="../topics/basics/#lora">question 2</a></li>'
    ) in page
    assert (
        "A. Nonymous · 2020</p>\n"  # no venue, no arXiv ID
        '<p class="qb-work__cited">Not cited by any question yet.</p>'
    ) in page
    # Ordered by key: first author's surname, then year.
    assert page.index('id="hu2021lora"') < page.index('id="ouyang2022instructgpt"') < page.index('id="zz2020uncited"')


def test_a_title_from_yaml_is_text_on_the_references_page(make_bank: MakeBank) -> None:
    starred = LORA.replace("'LoRA: Low-Rank Adaptation of Large Language Models'", "'*Lo*RA & co'")
    bank, _ = load_bank(make_bank({"references.yml": BIBLIOGRAPHY + starred, "basics/lora.md": SECOND}))
    page = render_references_page(bank).markdown_inline
    assert '<a href="https://arxiv.org/abs/2106.09685">*Lo*RA &amp; co</a>' in page


class _Links(HTMLParser):
    """Each work's anchor, with the hrefs inside it; and every id on the page."""

    def __init__(self) -> None:
        super().__init__()
        self.works: dict[str, list[str]] = {}
        self.ids: set[str] = set()
        self._work: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if attr.get("id"):
            self.ids.add(str(attr["id"]))
        if self._work is not None:
            self._depth += tag == "div"
            if tag == "a" and attr.get("href"):
                self.works[self._work].append(str(attr["href"]))
        elif tag == "div" and "qb-work" in (attr.get("class") or "").split():
            self._work, self._depth = str(attr["id"]), 1
            self.works[self._work] = []

    def handle_endtag(self, tag: str) -> None:
        if self._work is not None and tag == "div":
            self._depth -= 1
            if self._depth == 0:
                self._work = None


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_built_references_page_links_back_to_every_citing_question(built_site: Path) -> None:
    bank, _ = load_bank(ROOT)
    page = built_site / "references" / "index.html"
    works = _parse(page).works
    assert set(works) == set(bank.sources)
    backlinks = 0
    for key, cited_by in citations(bank).items():
        source = bank.sources[key]
        assert works[key][0] == source.url, key
        expected = [f"../topics/{q.topic}/#{q.id}" for q, _ in cited_by]
        assert [href for href in works[key] if href.startswith("../topics/")] == expected, key
        backlinks += len(expected)
    assert backlinks > 0
    # Every backlink lands on a question: the topic page has an element with that id.
    for hrefs in works.values():
        for href in hrefs:
            if href.startswith("../topics/"):
                match = re.fullmatch(r"\.\./topics/([^/]+)/#(.+)", href)
                assert match, href
                target = _parse(built_site / "topics" / match.group(1) / "index.html")
                assert match.group(2) in target.ids, href


def test_glossary_sources_link_to_works_on_the_references_page(built_site: Path) -> None:
    ids = _parse(built_site / "references" / "index.html").ids
    html = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    keys = re.findall(r'href="\.\./references/#([^"]+)"', html)
    assert keys and set(keys) <= ids
