"""The render step, builder-independent: the bank loaded, every field rendered once, the site's files.

The MkDocs hook calls `build` with the configuration MkDocs read; `bank_cli.py check` and
`bank_cli.py render` call it with `mkdocs.yml` read as YAML. Pure: no MkDocs imports.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .fragments import MarkdownSettings, render_fragments
from .load import load_bank
from .mathml import MathFailure, line_of
from .model import Bank, Problem
from .render import nav_entries
from .site import SiteFiles, edit_root, site_files

TOPICS_NAV = "questions/"  # nav placeholder in mkdocs.yml: `- Topics: questions/`


def build(root: Path, docs_dir: Path, config: Mapping[str, Any]) -> tuple[SiteFiles, list[Problem]]:
    """Everything the bank adds to the site, and every problem in the bank, sorted by path and line.

    `config` holds `markdown_extensions` (and optionally `mdx_configs`, as MkDocs keeps them),
    `repo_url`, `edit_uri` and `site_url`.
    """
    bank, problems = load_bank(root, docs_dir=docs_dir)
    settings = MarkdownSettings.from_config(config.get("markdown_extensions") or [])
    if config.get("mdx_configs"):
        settings = MarkdownSettings(settings.extensions, {**settings.configs, **config["mdx_configs"]})
    fragments, found = render_fragments(bank, settings, docs_dir=docs_dir)
    editing = edit_root(config.get("repo_url"), config.get("edit_uri"), root, docs_dir)
    site = site_files(bank, fragments, edit_root=editing, site_url=config.get("site_url"))
    return site, sorted(set(problems) | set(found))


def read_config(config_file: Path) -> dict[str, Any]:
    """`mkdocs.yml` as plain YAML (the project's has no `!!python` tags)."""
    data = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def expand_nav(nav: Any, bank: Bank) -> Any:
    """The navigation with the Topics placeholder replaced by the overview and every topic."""
    if nav is None:
        return None
    return [
        {title: nav_entries(bank)}
        if isinstance(item, dict) and item.get(title := next(iter(item))) == TOPICS_NAV
        else item
        for item in nav
    ]


def math_problems(src: str, abs_src_path: str | None, failures: list[MathFailure]) -> list[str]:
    """Formulas on a hand-written page that cannot be rendered, at their line in docs/.

    Bank formulas are checked with their bank file and line when the fragments are rendered.
    """
    if not failures:
        return []
    source = Path(abs_src_path).read_text(encoding="utf-8") if abs_src_path else None
    problems = []
    for failure in failures:
        where = f"docs/{src}:{line_of(source, failure.tex)}" if source is not None else f"{src} (generated)"
        problems.append(f"{where}: LaTeX error in '{failure.tex.strip()}': {failure.message}")
    return problems
