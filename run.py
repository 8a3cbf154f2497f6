#!/usr/bin/env python3
"""Set up and run the project with nothing but Python 3.11+.

python3 run.py serve    create .venv, install pinned requirements, serve the site on http://127.0.0.1:8000
python3 run.py test     same setup, then ruff, mypy, the bank check and pytest
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / "requirements.sha256"


def setup() -> None:
    """Create the virtual environment and install the pinned requirements when they changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 -- run.py is what tells an older Python so
        sys.exit("Python 3.11 or newer is needed")
    if not (BIN / "python").exists():
        print("Creating .venv", flush=True)
        venv.create(VENV, with_pip=True)
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if not STAMP.is_file() or STAMP.read_text().strip() != digest:
        print("Installing requirements.txt into .venv", flush=True)
        run("python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(REQUIREMENTS))
        STAMP.write_text(digest + "\n")


def run(tool: str, *args: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(BIN / tool), *args], cwd=ROOT, env=env)
    if result.returncode:
        sys.exit(result.returncode)


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command not in ("serve", "test"):
        sys.exit(__doc__)
    setup()
    if command == "serve":
        run("mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *sys.argv[2:])
        return
    run("ruff", "check", ".")
    run("ruff", "format", "--check", ".")
    run("mypy")
    run("python", "hooks/bank_cli.py", "check")
    run("pytest", *sys.argv[2:])


if __name__ == "__main__":
    main()
