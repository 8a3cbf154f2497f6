"""The references page: every work in the bibliography, with links back to the questions that cite it.

Each work is anchored by its bibliography key (`references/#christiano2017deep`), so the key is also
its permalink. Pure: no MkDocs imports.
"""

from __future__ import annotations

from html import escape

from .model import Bank, Question, Source
from .paths import REFERENCES_SRC, relative, topic_src


def citations(bank: Bank) -> dict[str, list[tuple[Question, int]]]:
    """For each bibliography key, the questions citing it with their number on their topic page, in site order."""
    cited: dict[str, list[tuple[Question, int]]] = {key: [] for key in bank.sources}
    for topic in bank.topics:
        for number, question in enumerate(topic.questions, 1):
            for key in dict.fromkeys(question.sources):
                cited.setdefault(key, []).append((question, number))
    return cited


def render_work(source: Source, cited_by: list[tuple[Question, int]], bank: Bank) -> str:
    """One work: linked title, facts, and the citing questions grouped by topic, as numbered on their pages."""
    s = source
    facts = [escape(s.authors), str(s.year)]
    if s.venue:
        facts.append(escape(s.venue))
    if s.arxiv:
        facts.append(f"arXiv: [{s.arxiv}](https://arxiv.org/abs/{s.arxiv})")
    by_topic: dict[str, list[str]] = {}
    for q, number in cited_by:
        link = f"{relative(REFERENCES_SRC, topic_src(q.topic))}#{q.id}"
        by_topic.setdefault(q.topic, []).append(f"[question {number}]({link})")
    titles = {t.slug: t.title for t in bank.topics}
    if by_topic:
        rows = "\n".join(f"- {escape(titles[slug])}: {', '.join(links)}" for slug, links in by_topic.items())
        backlinks = f'<p class="qb-work__cited">Cited by</p>\n\n{rows}'
    else:
        backlinks = '<p class="qb-work__cited">Not cited by any question yet.</p>'
    return (
        f'/// html | div.qb-work[id="{s.key}"]\n'
        f"**[{escape(s.title)}]({s.url})**  \n"
        f"{' · '.join(facts)}\n\n"
        f"{backlinks}\n"
        "///"
    )


def render_references_page(bank: Bank) -> str:
    """Every work, ordered by key (first author's surname or organisation, then year), with the questions citing it."""
    cited = citations(bank)
    works = [render_work(bank.sources[key], cited.get(key, []), bank) for key in sorted(bank.sources)]
    intro = (
        "# References\n\n"
        f"The {len(works)} works the questions draw on, by first author. Under each work are the questions "
        "that cite it, so you can test yourself on a paper you are reading.\n"
    )
    return intro + "\n\n" + "\n\n".join(works) + "\n"
