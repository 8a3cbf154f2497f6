"""The self-check's budget (bench/assets.py) and where its files load, on the real site."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from bank.paths import SCRIPT, STYLESHEET

BUDGET = 10 * 1024
ASSET = re.compile(r'(?:href|src)="([^"]*assets/selfcheck/[^"]*)"')
# The home page, topic pages, the overview, review and practice.
USERS = re.compile(r"^((topics(/[^/]+)?|review|practice)/)?index\.html$")


def test_script_and_stylesheet_stay_within_10_kb_gzip() -> None:
    run = subprocess.run([sys.executable, "bench/assets.py"], cwd=ROOT, capture_output=True, text=True, check=False)
    total = re.search(r"^total: (\d+) B gzip; budget: (\d+) B; ratio: ([\d.]+)$", run.stdout, re.M)
    assert total, run.stdout
    assert int(total.group(2)) == BUDGET
    assert int(total.group(1)) <= BUDGET, run.stdout
    assert run.returncode == 0
    measured = {line.split(":")[0] for line in run.stdout.splitlines()[:-1]}
    assert measured == {f"docs/{STYLESHEET}", f"docs/{SCRIPT}"}  # the files the pages load, and only those


def test_only_the_pages_that_use_them_load_the_self_check_files(built_site: Path) -> None:
    loaded_on = set()
    for page in built_site.rglob("*.html"):
        rel = page.relative_to(built_site).as_posix()
        found = ASSET.findall(page.read_text())
        if found:
            loaded_on.add(rel)
            assert len(found) == 2, rel  # one stylesheet, one script
            for url in found:
                assert (page.parent / url).resolve().is_file(), f"{rel}: {url}"
    expected = {p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")}
    expected = {rel for rel in expected if USERS.match(rel)}
    assert {"index.html", "topics/index.html", "review/index.html", "practice/index.html"} <= expected
    assert loaded_on == expected
    assert "contributing/index.html" not in loaded_on and "glossary/index.html" not in loaded_on


def test_the_review_index_matches_the_topic_pages(built_site: Path) -> None:
    index = json.loads((built_site / "selfcheck" / "index.json").read_text())
    for topic in index["topics"]:
        html = (built_site / topic["url"] / "index.html").read_text()
        ids = re.findall(r'<section class="qb-question"[^>]*data-qid="([^"]+)"', html)
        assert ids == [q["id"] for q in index["questions"] if q["topic"] == topic["slug"]], topic["slug"]
        assert len(ids) == topic["count"]
