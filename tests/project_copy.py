"""The project copied into a temporary folder, to build or serve it without touching the real one."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from conftest import ROOT

LEAVE_OUT = {".git", ".venv", "site", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache"}


def copy_project(dest: Path, *, without: Iterable[str] = ()) -> Path:
    """Copy everything a build needs into `dest` (which may exist); `without`: top-level names to skip."""
    skip_top = set(without)

    def ignore(folder: str, names: list[str]) -> set[str]:
        top = skip_top if Path(folder) == ROOT else set()
        return {name for name in names if name in LEAVE_OUT or name in top}

    shutil.copytree(ROOT, dest, ignore=ignore, dirs_exist_ok=True)
    return dest
