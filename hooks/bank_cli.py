"""Contributor commands for the question bank, without MkDocs.

python hooks/bank_cli.py check        print every problem as path:line: message
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bank import load_bank

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bank_cli.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (holds questions/ and docs/)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the bank; exit 1 if anything is wrong")
    args = parser.parse_args(argv)
    return check(args.root)


if __name__ == "__main__":
    sys.exit(main())
