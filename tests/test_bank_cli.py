"""The contributor command, run as a contributor runs it: `python hooks/bank_cli.py ...`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from conftest import QUESTION, ROOT, MakeBank

CLI = ROOT / "hooks" / "bank_cli.py"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, CLI, *map(str, args)], capture_output=True, text=True, check=False)


def test_check_passes_on_the_real_bank() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ") and result.stdout.rstrip().endswith(" topics")


def test_check_lists_problems_and_fails(make_bank: MakeBank) -> None:
    root = make_bank({"basics/broken.md": "no front matter\n"})
    result = run("--root", root, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == f"{len(result.stderr.splitlines()) - 1} problem(s) in the question bank"
    assert "questions/basics/broken.md:1: missing front matter" in result.stderr


def test_new_prints_the_path_of_a_file_whose_todos_check_lists_until_written(make_bank: MakeBank) -> None:
    explained = QUESTION + "\n## Explanation\n\nIt comes after pre-training. It adapts the model to use.\n"
    root = make_bank({"basics/what-is-post-training.md": explained})
    result = run("--root", root, "new", "basics", "--id", "reward-hacking-example")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "questions/basics/reward-hacking-example.md\n"
    path = root / result.stdout.strip()
    check = run("--root", root, "check")
    assert check.returncode == 1
    todos = [line for line in check.stderr.splitlines() if "'TODO' left" in line]
    assert len(todos) == 12 and all(line.startswith("questions/basics/reward-hacking-example.md:") for line in todos)
    written = path.read_text().replace("TODO: ", "Written: ").replace("TODO", "Written")
    path.write_text(written.replace("Written: why the answer holds", "Written. It holds. Why the answer holds"))
    check = run("--root", root, "check")
    assert (check.returncode, check.stdout) == (0, "ok: 2 questions in 1 topics\n"), check.stderr


def test_new_numeric_writes_a_numeric_question_that_check_passes_once_written(make_bank: MakeBank) -> None:
    explained = QUESTION + "\n## Explanation\n\nIt comes after pre-training. It adapts the model to use.\n"
    root = make_bank({"basics/what-is-post-training.md": explained})
    result = run("--root", root, "new", "basics", "--id", "count-pairs", "--numeric")
    assert (result.returncode, result.stdout) == (0, "questions/basics/count-pairs.md\n"), result.stderr
    path = root / result.stdout.strip()
    written = path.read_text().replace("TODO: ", "Written: ").replace("answer: 0 ", "answer: 36 ")
    path.write_text(written.replace("Written: why the method", "Written. It holds. Why the method"))
    check = run("--root", root, "check")
    assert (check.returncode, check.stdout) == (0, "ok: 2 questions in 1 topics\n"), check.stderr


def test_new_refuses_an_id_in_use_and_changes_nothing(make_bank: MakeBank) -> None:
    root = make_bank()
    before = sorted(p.name for p in (root / "questions" / "basics").iterdir())
    text = (root / "questions" / "basics" / "what-is-post-training.md").read_text()
    result = run("--root", root, "new", "basics", "--id", "what-is-post-training")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("error: question ID 'what-is-post-training' is already in use")
    assert sorted(p.name for p in (root / "questions" / "basics").iterdir()) == before
    assert (root / "questions" / "basics" / "what-is-post-training.md").read_text() == text


def test_new_in_an_unknown_topic_fails_with_a_message(make_bank: MakeBank) -> None:
    root = make_bank()
    result = run("--root", root, "new", "nope")
    assert result.returncode == 2
    assert result.stderr.startswith("error: no topic 'nope'")
    assert result.stdout == ""


def test_check_reports_what_rendering_finds(make_bank: MakeBank) -> None:
    bad = "---\norder: 20\nlevel: foundation\ntitle: A question\nsources: [ouyang2022instructgpt]\n---\nQ <iframe></iframe>\n\n## Answer\n\nA.\n"
    root = make_bank({"basics/bad.md": bad})
    result = run("--root", root, "check")
    assert result.returncode == 1
    assert "questions/basics/bad.md:7: not allowed in bank text: <iframe> element" in result.stderr


def test_render_writes_a_folder_that_needs_no_hook(make_bank: MakeBank, tmp_path: Path) -> None:
    root = make_bank()
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text())
    (root / "overrides").symlink_to(ROOT / "overrides")
    out = tmp_path / "out"
    result = run("--root", root, "render", out)
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((out / "mkdocs.yml").read_text())
    assert "hooks" not in config and config["docs_dir"] == "docs"
    assert {"Topics": ["topics/index.md", {"Basics": "topics/basics/index.md"}]} in config["nav"]
    topic = (out / "docs" / "topics" / "basics" / "index.md").read_text()
    assert "<!--qb:" not in topic and '<section class="qb-question" data-qid="what-is-post-training"' in topic
    assert (out / "docs" / "exports" / "post-training.apkg").stat().st_size > 0
    assert (out / "docs" / "index.md").read_text() == "# Home\n"  # no glossary: no tooltips to append
    assert not (root / "docs" / "topics").exists()  # nothing is written into docs/


def test_render_refuses_to_write_into_docs(make_bank: MakeBank) -> None:
    root = make_bank()
    result = run("--root", root, "render", root / "docs" / "out")
    assert result.returncode == 2 and result.stderr.startswith("error: render into a folder outside docs/")
    assert sorted(p.name for p in (root / "docs").iterdir()) == ["index.md"]


def test_render_never_replaces_a_folder_it_did_not_make(make_bank: MakeBank, tmp_path: Path) -> None:
    root = make_bank()
    precious = tmp_path / "precious"
    (precious / "docs").mkdir(parents=True)
    (precious / "docs" / "notes.md").write_text("mine\n")
    result = run("--root", root, "render", precious)
    assert result.returncode == 2 and "was not made by render" in result.stderr
    assert (precious / "docs" / "notes.md").read_text() == "mine\n"
    out = tmp_path / "out"
    assert run("--root", root, "render", out).returncode == 0
    assert run("--root", root, "render", out).returncode == 0  # its own output it replaces
