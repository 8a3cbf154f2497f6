"""The contributor command, run as a contributor runs it: `python hooks/bank_cli.py ...`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, MakeBank

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


def test_new_prints_the_path_of_a_file_that_passes_check(make_bank: MakeBank) -> None:
    root = make_bank()
    result = run("--root", root, "new", "basics", "--id", "reward-hacking-example")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "questions/basics/reward-hacking-example.md\n"
    assert (root / result.stdout.strip()).is_file()
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
