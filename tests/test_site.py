"""The built site, from either builder: links and anchors resolve, every question is there, seeds verbatim,
nothing third-party."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from site_html import Page, read_page

from bank.build import read_config

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed.txt"


@cache
def pages(site: Path) -> dict[Path, Page]:
    return {path: read_page(path) for path in sorted(site.rglob("*.html"))}


def site_path_prefix() -> str:
    """The path part of site_url: absolute links on the 404 page start with it."""
    site_url = read_config(ROOT / "mkdocs.yml").get("site_url")
    return urlsplit(site_url).path if site_url else "/"


def resolve(site: Path, page: Path, url: str) -> Path | None:
    """The file a same-site URL points to, or None for external URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:")):
        return None
    if not parts.path:
        return page
    if parts.path.startswith("/"):
        prefix = site_path_prefix()
        assert parts.path.startswith(prefix), f"{url} is outside the site"
        target = (site / unquote(parts.path.removeprefix(prefix))).resolve()
    else:
        target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target


def test_every_internal_link_and_fragment_resolves(any_site: Path) -> None:
    built_site = any_site
    site = pages(built_site)
    broken = []
    for path, page in site.items():
        for where, url in page.links:
            target = resolve(built_site, path, url)
            if target is None:
                continue
            if not target.is_file():
                broken.append(f"{path.relative_to(built_site)}: {where}={url} (no file)")
                continue
            fragment = unquote(urlsplit(url).fragment)
            if fragment and target.suffix == ".html" and fragment not in site[target].ids:
                broken.append(f"{path.relative_to(built_site)}: {where}={url} (no id '{fragment}')")
    assert broken == []
    assert sum(len(p.links) for p in site.values()) > 100  # the walk really saw the site


def question_files() -> list[Path]:
    return [p for p in (ROOT / "questions").glob("*/*.md") if p.name != "_topic.md"]


def test_every_question_is_rendered_once_at_its_permanent_anchor(any_site: Path) -> None:
    built_site = any_site
    site = pages(built_site)
    rendered = [(path, section["data-qid"]) for path, page in site.items() for section in page.sections]
    files = question_files()
    assert len(rendered) == len(files)
    for file in files:
        topic_page = built_site / "topics" / file.parent.name / "index.html"
        assert file.stem in site[topic_page].ids, f"#{file.stem} missing from {topic_page}"
        assert (topic_page, file.stem) in rendered


def test_the_concepts_page_reaches_every_question_and_every_question_names_its_concepts(any_site: Path) -> None:
    site = pages(any_site)
    concepts = any_site / "concepts" / "index.html"
    targets = {url.split("#")[1] for _, url in site[concepts].links if "/topics/" in url and "#" in url}
    assert {file.stem for file in question_files()} <= targets
    topic = any_site / "topics" / "sft" / "index.html"
    to_concepts = [url for _, url in site[topic].links if "concepts/#" in url]
    assert len(to_concepts) >= len([s for s in site[topic].sections])  # at least one concept per question


def seeds() -> list[tuple[str, str]]:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = [re.sub(r"^\d+\.\s*", "", line) for line in lines[0::2]]
    return list(zip(questions, lines[1::2], strict=True))


@pytest.mark.parametrize(("question", "answer"), seeds(), ids=[f"seed-{i}" for i in range(1, 11)])
def test_seed_question_verbatim_with_answer_in_a_closed_reveal(any_site: Path, question: str, answer: str) -> None:
    built_site = any_site
    topic_pages = [page for path, page in pages(built_site).items() if path.parent.parent.name == "topics"]
    [page] = [page for page in topic_pages if question in page.text]
    assert any(answer in d.text and not d.open for d in page.details)
    # The answer is nowhere outside a reveal.
    outside = page.text
    for d in page.details:
        outside = outside.replace(d.text, "")
    assert answer not in outside


def test_seed_file_has_ten_questions() -> None:
    assert len(seeds()) == 10


THIRD_PARTY = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)
CSS_REMOTE = re.compile(r"""(?:url\(\s*["']?|@import\s+["']?)(?:https?:)?//""", re.I)


def test_no_page_loads_anything_from_another_host(any_site: Path) -> None:
    built_site = any_site
    offenders = []
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>", html, re.I):
            if THIRD_PARTY.search(tag) and not re.search(r"rel=[\"']?(?:canonical|alternate)", tag):
                offenders.append(f"{path.relative_to(built_site)}: {tag}")
        if CSS_REMOTE.search(html):
            offenders.append(f"{path.relative_to(built_site)}: remote url() or @import in inline style")
        if 'data-md-component="source"' in html:
            offenders.append(f"{path.relative_to(built_site)}: Material's source widget fetches api.github.com")
    for path in built_site.rglob("*.css"):
        if CSS_REMOTE.search(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(built_site)}: remote url() or @import")
    assert offenders == []
    assert "fonts.googleapis.com" not in (built_site / "index.html").read_text(encoding="utf-8")
