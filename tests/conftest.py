"""Shared fixtures: small banks in tmp_path, and the real site built once per test run."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser import launch, require_chromium
from playwright.sync_api import Browser, Playwright, sync_playwright

ROOT = Path(__file__).resolve().parent.parent

BIBLIOGRAPHY = """\
- key: ouyang2022instructgpt
  title: Training language models to follow instructions with human feedback
  authors: Long Ouyang et al.
  year: 2022
  arxiv: '2203.02155'
  url: https://arxiv.org/abs/2203.02155
"""

TOPIC = """\
---
title: Basics
order: 1
summary: The basics.
---
Intro to the basics.
"""

QUESTION = """\
---
order: 10
level: foundation
tags: [basics]
sources: [ouyang2022instructgpt]
---
What is post-training?

## Answer

Training after pre-training.
"""

MakeBank = Callable[..., Path]


@pytest.fixture
def make_bank(tmp_path: Path) -> MakeBank:
    """Write a small valid bank; `files` adds or replaces files (path under questions/ -> text, or bytes)."""

    def make(files: dict[str, str | bytes] | None = None, *, base: bool = True) -> Path:
        bank = tmp_path / "questions"
        (tmp_path / "docs").mkdir(exist_ok=True)
        (tmp_path / "docs" / "index.md").write_text("# Home\n")
        contents: dict[str, str | bytes] = {}
        if base:
            contents = {
                "references.yml": BIBLIOGRAPHY,
                "basics/_topic.md": TOPIC,
                "basics/what-is-post-training.md": QUESTION,
            }
        contents.update(files or {})
        for rel, content in contents.items():
            path = bank / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content) if content.startswith("\n") else content)
        return tmp_path

    return make


def build_site(config_file: Path, site_dir: Path) -> Path:
    """Build with MkDocs' own API, in strict mode, as `mkdocs build --strict` does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    build(config)
    return site_dir


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once into a temporary folder."""
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    """One Playwright for the whole run: its sync API cannot be started twice in one process."""
    require_chromium()
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def chromium(playwright_driver: Playwright) -> Iterator[Browser]:
    browser = launch(playwright_driver)
    yield browser
    browser.close()
