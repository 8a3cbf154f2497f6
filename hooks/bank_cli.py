"""Contributor commands for the question bank, without MkDocs.

python hooks/bank_cli.py check                   print every problem as path:line: message
python hooks/bank_cli.py new TOPIC [--id ID]     create questions/TOPIC/ID.md, ready to edit; print its path
                         [--numeric]             (a question answered with a number instead of choices)
python hooks/bank_cli.py render OUT              write OUT/docs (every page, final) and OUT/mkdocs.yml, which
                                                 build without the hook: `zensical build -f OUT/mkdocs.yml`
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from bank import load_bank
from bank.build import build, expand_nav, read_config
from bank.content import content_problems
from bank.model import Problem
from bank.paths import STYLESHEET, placeholder_notice
from bank.scaffold import ScaffoldError, create_question
from bank.site import SiteFiles, write_docs

ROOT = Path(__file__).resolve().parent.parent
HEADER = "# Rendered by hooks/bank_cli.py render: every page is final, no hook needed. Do not edit.\n"


def config_file(root: Path) -> Path:
    """`root`'s mkdocs.yml; a bank folder without one is checked with this project's Markdown settings."""
    return root / "mkdocs.yml" if (root / "mkdocs.yml").is_file() else ROOT / "mkdocs.yml"


def _build(root: Path) -> tuple[SiteFiles, dict[str, Any], list[Problem]]:
    config = read_config(config_file(root))
    site, problems = build(root, root / config.get("docs_dir", "docs"), config)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in the question bank", file=sys.stderr)
    return site, config, problems


def check(root: Path) -> int:
    """The build's problems, then the editorial rules the content tests hold the bank to."""
    site, _, problems = _build(root)
    if problems:
        return 1
    editorial = content_problems(site.bank, root)
    for problem in editorial:
        print(problem, file=sys.stderr)
    if editorial:
        print(f"{len(editorial)} editorial problem(s) in the question bank (the content tests' rules)", file=sys.stderr)
        return 1
    print(f"ok: {len(site.bank.questions)} questions in {len(site.bank.topics)} topics")
    return 0


def render(root: Path, out: Path) -> int:
    """A docs folder and a configuration that build without the hook, with MkDocs or Zensical."""
    site, config, problems = _build(root)
    if problems:
        return 1
    out = out.resolve()
    if out == root.resolve() or (root.resolve() in out.parents and out.relative_to(root.resolve()).parts[0] == "docs"):
        print("error: render into a folder outside docs/ and the project root", file=sys.stderr)
        return 2
    marker = out / "mkdocs.yml"
    if out.is_dir() and any(out.iterdir()) and not (marker.is_file() and marker.read_text().startswith(HEADER)):
        print(f"error: {out} is not empty and was not made by render: choose a new or empty folder", file=sys.stderr)
        return 2
    if notice := placeholder_notice(config.get("site_url"), config.get("repo_url")):
        print(f"warning: {notice}", file=sys.stderr)
    docs_dir = root / config.get("docs_dir", "docs")
    try:
        pages = write_docs(site, docs_dir, out / "docs")
    except FileExistsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    theme = config.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        if not (config_file(root).parent / theme["custom_dir"]).is_dir():
            print(f"error: theme.custom_dir '{theme['custom_dir']}' is not a folder", file=sys.stderr)
            return 1
        shutil.copytree(config_file(root).parent / theme["custom_dir"], out / "overrides", dirs_exist_ok=True)
        theme["custom_dir"] = "overrides"
    # The script is written into the pages that use it; Markdown cannot place a stylesheet there.
    config["extra_css"] = [*config.get("extra_css", []), STYLESHEET]
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = "docs"
    config["nav"] = expand_nav(config.get("nav"), site.bank)
    (out / "mkdocs.yml").write_text(
        HEADER + yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    print(f"{out / 'mkdocs.yml'}: {len(pages)} generated pages, {len(site.files)} generated files")
    return 0


def new(root: Path, topic: str, wanted: str | None, *, numeric: bool = False) -> int:
    bank, _ = load_bank(root, docs_dir=root / "docs")
    try:
        path = create_question(root, bank, topic, wanted=wanted, numeric=numeric)
    except ScaffoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(path.relative_to(root).as_posix())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bank_cli.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (holds questions/ and docs/)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the bank; exit 1 if anything is wrong")
    scaffold = commands.add_parser("new", help="create a new question file in a topic, valid and ready to edit")
    scaffold.add_argument("topic", help="topic folder name, e.g. sft")
    scaffold.add_argument("--id", dest="qid", help="question ID (the file name), lowercase kebab-case")
    scaffold.add_argument(
        "--numeric", action="store_true", help="a question the reader answers with a number, checked with a tolerance"
    )
    rendering = commands.add_parser("render", help="write a docs folder and mkdocs.yml that build without the hook")
    rendering.add_argument("out", type=Path, help="output folder (replaced), outside docs/")
    args = parser.parse_args(argv)
    if args.command == "new":
        return new(args.root, args.topic, args.qid, numeric=args.numeric)
    if args.command == "render":
        return render(args.root, args.out)
    return check(args.root)


if __name__ == "__main__":
    sys.exit(main())
