"""The references page: every work in the bibliography, with links back to the questions that cite it.

Each work is anchored by its bibliography key (`references/#christiano2017deep`), so the key is also
its permalink. Pure: no MkDocs imports.
"""

from __future__ import annotations

from html import escape

from .model import Bank, Question, Source
from .paths import REFERENCES_SRC, relative_url, topic_src
from .render import Page


def citations(bank: Bank) -> dict[str, list[tuple[Question, int]]]:
    """For each bibliography key, the questions citing it with their number on their topic page, in site order."""
    cited: dict[str, list[tuple[Question, int]]] = {key: [] for key in bank.sources}
    for topic in bank.topics:
        for number, question in enumerate(topic.questions, 1):
            for key in dict.fromkeys(question.sources):
                cited.setdefault(key, []).append((question, number))
    return cited


def render_work(source: Source, cited_by: list[tuple[Question, int]], bank: Bank) -> str:
    """One work as HTML: linked title, facts, and the citing questions grouped by topic, as numbered on their pages."""
    s = source
    facts = [escape(s.authors), str(s.year)]
    if s.venue:
        facts.append(escape(s.venue))
    if s.arxiv:
        facts.append(f'arXiv: <a href="https://arxiv.org/abs/{escape(s.arxiv)}">{escape(s.arxiv)}</a>')
    by_topic: dict[str, list[str]] = {}
    for q, number in cited_by:
        link = f"{relative_url(REFERENCES_SRC, topic_src(q.topic))}#{q.id}"
        by_topic.setdefault(q.topic, []).append(f'<a href="{link}">question {number}</a>')
    titles = {t.slug: t.title for t in bank.topics}
    if by_topic:
        rows = "\n".join(f"<li>{escape(titles[slug])}: {', '.join(links)}</li>" for slug, links in by_topic.items())
        backlinks = f'<p class="qb-work__cited">Cited by</p>\n<ul>\n{rows}\n</ul>'
    else:
        backlinks = '<p class="qb-work__cited">Not cited by any question yet.</p>'
    return (
        f'<div class="qb-work" id="{escape(s.key)}">\n'
        f'<p><strong><a href="{escape(s.url)}">{escape(s.title)}</a></strong><br />\n{" · ".join(facts)}</p>\n'
        f"{backlinks}\n</div>"
    )


def render_references_page(bank: Bank, *, edit_url: str = "") -> Page:
    """Every work, ordered by key (first author's surname or organisation, then year), with the questions citing it.

    The works, whose lists grow with the bank, are HTML: Markdown has nothing to do there.
    """
    cited = citations(bank)
    page = Page(meta={"edit_url": edit_url})
    page.add("# References")
    page.add(
        f"The {len(bank.sources)} works the questions draw on, by first author. Under each work are the questions "
        "that cite it, so you can test yourself on a paper you are reading."
    )
    for key in sorted(bank.sources):
        page.add_html(render_work(bank.sources[key], cited.get(key, []), bank))
    return page
