"""Contributor commands for the question bank, without MkDocs.

python hooks/bank_cli.py check                   print every problem as path:line: message
python hooks/bank_cli.py new TOPIC [--id ID]     create questions/TOPIC/ID.md, ready to edit; print its path
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bank import load_bank
from bank.scaffold import ScaffoldError, create_question

ROOT = Path(__file__).resolve().parent.parent


def check(root: Path) -> int:
    bank, problems = load_bank(root, docs_dir=root / "docs")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in the question bank", file=sys.stderr)
        return 1
    print(f"ok: {len(bank.questions)} questions in {len(bank.topics)} topics")
    return 0


def new(root: Path, topic: str, wanted: str | None) -> int:
    bank, _ = load_bank(root, docs_dir=root / "docs")
    try:
        path = create_question(root, bank, topic, wanted=wanted)
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
    args = parser.parse_args(argv)
    if args.command == "new":
        return new(args.root, args.topic, args.qid)
    return check(args.root)


if __name__ == "__main__":
    sys.exit(main())
