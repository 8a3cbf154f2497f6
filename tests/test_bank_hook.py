"""The MkDocs hook: the real site builds in strict mode; a broken bank fails the build, even with -q."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, MakeBank, build_site


def test_real_site_builds_with_generated_pages(built_site: Path) -> None:
    assert (built_site / "topics" / "index.html").is_file()
    for topic in (ROOT / "questions").iterdir():
        if topic.is_dir():
            assert (built_site / "topics" / topic.name / "index.html").is_file()
    html = (built_site / "topics" / "lifecycle" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/questions/lifecycle/_topic.md" in html  # the page's edit button
    assert "/edit/main/questions/lifecycle/what-is-post-training.md" in html  # the question's own edit link


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def test_the_build_writes_nothing_into_the_project(tmp_path: Path) -> None:
    before = {name: snapshot(ROOT / name) for name in ("docs", "questions", "overrides")}
    build_site(ROOT / "mkdocs.yml", tmp_path / "site")
    assert {name: snapshot(ROOT / name) for name in before} == before
    assert (tmp_path / "site" / "topics" / "index.html").is_file()


def build(
    root: Path, *args: str, config: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    (root / "mkdocs.yml").write_text(
        config + "site_name: T\nstrict: true\ntheme: {name: material, font: false}\n"
        f"hooks: [{ROOT / 'hooks' / 'bank_hook.py'}]\n"
        "nav:\n  - Home: index.md\n  - Topics: questions/\n"
        "markdown_extensions: [attr_list, md_in_html, tables, pymdownx.blocks.html, pymdownx.blocks.details]\n"
    )
    variables = {name: value for name, value in os.environ.items() if name not in ADDRESSES}
    env = {**variables, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args, "-d", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
    )


ADDRESSES = ("SITE_URL", "REPO_URL", "REPO_NAME")
# The project's own address lines, so that the test holds the real mkdocs.yml's defaults.
ADDRESS_LINES = (
    "".join(
        line + "\n"
        for line in (ROOT / "mkdocs.yml").read_text().splitlines()
        if line.startswith(("site_url:", "repo_url:"))
    )
    + "edit_uri: edit/main/docs/\n"
)


def test_addresses_come_from_the_environment(make_bank: MakeBank) -> None:
    root = make_bank()
    published = {"SITE_URL": "https://learn.example.net/pt/", "REPO_URL": "https://github.com/someone/pt"}
    result = build(root, config=ADDRESS_LINES, env=published)
    assert result.returncode == 0, result.stderr
    assert "placeholder" not in result.stderr
    page = (root / "site" / "topics" / "basics" / "index.html").read_text()
    assert 'href="https://github.com/someone/pt/edit/main/questions/basics/what-is-post-training.md"' in page
    assert '<link rel="canonical" href="https://learn.example.net/pt/topics/basics/">' in page
    exported = json.loads((root / "site" / "exports" / "questions.json").read_text())
    assert (
        exported["topics"][0]["questions"][0]["permalink"]
        == "https://learn.example.net/pt/topics/basics/#what-is-post-training"
    )


def test_placeholder_addresses_are_mentioned_once(make_bank: MakeBank) -> None:
    root = make_bank()
    result = build(root, config=ADDRESS_LINES)
    assert result.returncode == 0, result.stderr  # a notice, not a warning: strict builds still pass
    assert result.stderr.count("still the placeholder") == 1, result.stderr
    assert "Set SITE_URL and REPO_URL in the environment" in result.stderr
    assert (
        "github.com/post-training-self-check/post-training-self-check/edit/main/questions/"
        in (root / "site" / "topics" / "basics" / "index.html").read_text()
    )


def test_small_bank_builds(make_bank: MakeBank) -> None:
    root = make_bank()
    result = build(root, "-q")
    assert result.returncode == 0, result.stderr
    assert "what-is-post-training" in (root / "site" / "topics" / "basics" / "index.html").read_text()


def test_broken_bank_fails_the_build_with_every_problem(make_bank: MakeBank) -> None:
    root = make_bank(
        {
            "basics/bad.md": "---\norder: 20\nlevel: foundation\ntitle: A question\nsources: [nope]\n---\nQ?\n",
            "stray.md": "x\n",
        }
    )
    for args in ((), ("-q",)):
        result = build(root, *args)
        assert result.returncode == 1
        assert "questions/basics/bad.md:5: unknown source 'nope'" in result.stderr
        assert "questions/basics/bad.md:7: missing '## Answer' section" in result.stderr
        assert "questions/stray.md:1: file outside any topic" in result.stderr
        assert "the question bank has 3 problem(s)" in result.stderr
        assert "Traceback" not in result.stderr
        assert not (root / "site" / "topics").exists()


def test_check_command_prints_the_same_problems(make_bank: MakeBank) -> None:
    root = make_bank(
        {"basics/bad.md": "---\norder: 20\nlevel: foundation\ntitle: A question\nsources: [nope]\n---\nQ?\n"}
    )
    cli = [sys.executable, str(ROOT / "hooks" / "bank_cli.py"), "--root", str(root), "check"]
    result = subprocess.run(cli, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "questions/basics/bad.md:5: unknown source 'nope' (add it to questions/references.yml or fix the key)",
        "questions/basics/bad.md:7: missing '## Answer' section (the text the reader reveals)",
        "2 problem(s) in the question bank",
    ]
    (root / "questions" / "basics" / "bad.md").unlink()
    base = root / "questions" / "basics" / "what-is-post-training.md"  # check also wants an explanation
    base.write_text(base.read_text() + "\n## Explanation\n\nIt follows pre-training. It adapts the model.\n")
    fixed = subprocess.run(cli, capture_output=True, text=True)
    assert (fixed.returncode, fixed.stdout, fixed.stderr) == (0, "ok: 1 questions in 1 topics\n", "")
