"""Shared fixtures: small banks in tmp_path, and the real site built once per test run."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import launch, require_chromium
from playwright.sync_api import Browser, Playwright, sync_playwright

from bank.build import build, read_config
from bank.model import Problem
from bank.site import SiteFiles

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
title: About basics
sources: [ouyang2022instructgpt]
---
What is post-training?

## Answer

Training after pre-training.
"""

MakeBank = Callable[..., Path]


def render_bank(root: Path, **config: Any) -> tuple[SiteFiles, list[Problem]]:
    """The render step on the bank in `root`, with the project's Markdown settings (and `config` on top)."""
    return build(root, root / "docs", {**read_config(ROOT / "mkdocs.yml"), **config})


def site_of(root: Path, **config: Any) -> SiteFiles:
    site, problems = render_bank(root, **config)
    assert problems == []
    return site


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
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real bank rendered into a plain folder (docs/ and mkdocs.yml), which builds without the hook."""
    out = tmp_path_factory.mktemp("rendered")
    cli = [sys.executable, str(ROOT / "hooks" / "bank_cli.py"), "render", str(out)]
    result = subprocess.run(cli, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def zensical_site(rendered: Path) -> Path:
    """The rendered folder built by Zensical (which runs no hook) in strict mode, as the README says."""
    build = [sys.executable, "-m", "zensical", "build", "--strict", "-f", str(rendered / "mkdocs.yml")]
    result = subprocess.run(build, capture_output=True, text=True, check=False, cwd=rendered)
    assert result.returncode == 0, result.stdout + result.stderr
    return rendered / "site"


@pytest.fixture(scope="session")
def rendered_mkdocs_site(rendered: Path) -> Path:
    """The rendered folder built by MkDocs, strictly, without the hook."""
    return build_site(rendered / "mkdocs.yml", rendered / "site-mkdocs")


SITES = {"mkdocs": "built_site", "zensical": "zensical_site", "mkdocs-rendered": "rendered_mkdocs_site"}


@pytest.fixture(scope="session", params=list(SITES))
def any_site(request: pytest.FixtureRequest) -> Path:
    """The real site built every way: MkDocs with the hook, and Zensical and MkDocs from the rendered folder."""
    site: Path = request.getfixturevalue(SITES[request.param])
    return site


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    """One Playwright for the whole run: its sync API cannot be started twice in one process."""
    with sync_playwright() as driver:
        require_chromium(driver)
        yield driver


BROWSER_FIXTURES = {"playwright_driver", "chromium"}
ZENSICAL = importlib.util.find_spec("zensical") is not None


@pytest.hookimpl(tryfirst=True)  # before `-m` selects on these marks
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests that drive Chromium `browser`, and those that build with Zensical `zensical`.

    Zensical needs Python 3.11 or newer: on an older Python its tests are left out, and the summary
    says how many (they are never reported as passed or silently skipped)."""
    left_out = []
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        callspec = getattr(item, "callspec", None)
        if "zensical_site" in fixtures or (callspec is not None and callspec.params.get("any_site") == "zensical"):
            item.add_marker(pytest.mark.zensical)
            if not ZENSICAL:
                left_out.append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]
        config.stash[LEFT_OUT] = len(left_out)


LEFT_OUT = pytest.StashKey[int]()


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    deselected = terminalreporter.stats.get("deselected", [])
    if browser := [item for item in deselected if item.get_closest_marker("browser")]:
        terminalreporter.write_line(f"{len(browser)} browser tests not run (deselected with -m or -k)", yellow=True)
    if count := config.stash.get(LEFT_OUT, 0):
        terminalreporter.write_line(
            f"{count} Zensical tests not run: Zensical needs Python 3.11 or newer (this is {sys.version.split()[0]})",
            yellow=True,
        )


@pytest.fixture(scope="session")
def chromium(playwright_driver: Playwright) -> Iterator[Browser]:
    browser = launch(playwright_driver)
    yield browser
    browser.close()
