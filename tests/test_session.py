"""A build as the hook drives it: problems fatal or shown, pages made whole only while they are written."""

from __future__ import annotations

import markdown
from conftest import ROOT, MakeBank

from bank.build import read_config
from bank.session import Session

BROKEN = {"basics/broken.md": "---\ntitle: Broken\n---\nNo answer here.\n"}


def config() -> dict[str, object]:
    return {**read_config(ROOT / "mkdocs.yml"), "site_url": "https://example.org/", "repo_url": None}


def test_a_bank_with_problems_stops_the_build_with_every_problem_logged(make_bank: MakeBank) -> None:
    root = make_bank(BROKEN)
    log = Session().start(root, root / "docs", config())
    assert log.errors and all(e.startswith("questions/basics/broken.md:") for e in log.errors)
    assert log.fatal == f"the question bank has {len(log.errors)} problem(s), listed above"


def test_under_serve_the_problems_are_shown_on_every_page_instead(make_bank: MakeBank) -> None:
    root = make_bank(BROKEN)
    session = Session(serving=True)
    log = session.start(root, root / "docs", config())
    assert log.fatal is None and log.errors == []
    assert any(i.startswith("questions/basics/broken.md:") for i in log.info)
    shown = session.page_markdown("index.md", "# Home\n")
    assert shown == session.problems_page and "broken.md" in shown
    root.joinpath("questions/basics/broken.md").unlink()  # fixed: the next build shows the pages again
    assert session.start(root, root / "docs", config()).info == []
    assert session.page_markdown("index.md", "# Home\n").startswith("# Home\n")


def test_a_page_is_whole_only_between_being_indexed_and_written(make_bank: MakeBank) -> None:
    root = make_bank()
    session = Session()
    assert session.start(root, root / "docs", config()).fatal is None
    (src, source), *_ = [(s, f) for s, f in session.files() if s == "topics/basics/index.md"]
    converter = markdown.Markdown(extensions=["meta", "attr_list"])
    html, log = session.page_html(src, None, converter.convert(source["content"]))
    assert log.errors == [] and "<!--qb:" in html and "Training after pre-training" not in html
    indexed = session.searchable(src, html)
    assert indexed is not None and "qb-sources-label" in indexed
    assert "qb-answer" not in indexed  # search leaves the answer out: it is not there yet
    output, content = session.finish(src, f"<html><body>{indexed}</body></html>", indexed)
    assert "<!--qb:" not in output and 'class="qb-answer"' in output
    assert content == html  # what the builder keeps for the page from now on: markers, not the whole HTML


def test_a_hand_written_page_passes_through(make_bank: MakeBank) -> None:
    root = make_bank()
    session = Session()
    session.start(root, root / "docs", config())
    assert session.searchable("index.md", "<p>x</p>") == "<p>x</p>"
    assert session.finish("index.md", "<html>x</html>", "<p>x</p>") == ("<html>x</html>", "<p>x</p>")
