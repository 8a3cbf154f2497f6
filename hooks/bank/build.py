"""The render step, builder-independent: the bank loaded, every field rendered once, the site's files.

The MkDocs hook calls `build` with the configuration MkDocs read; `bank_cli.py check` and
`bank_cli.py render` call it with `mkdocs.yml` read as YAML. Pure: no MkDocs imports.
"""

from __future__ import annotations

import os
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


def build(
    root: Path, docs_dir: Path, config: Mapping[str, Any], *, spool: Path | None = None
) -> tuple[SiteFiles, list[Problem]]:
    """Everything the bank adds to the site, and every problem in the bank, sorted by path and line.

    `config` holds `markdown_extensions` (and optionally `mdx_configs`, as MkDocs keeps them),
    `repo_url`, `edit_uri` and `site_url`. With `spool`, the exports are written to that folder.
    """
    bank, problems = load_bank(root, docs_dir=docs_dir)
    settings = MarkdownSettings.from_config(config.get("markdown_extensions") or [])
    if config.get("mdx_configs"):
        settings = MarkdownSettings(settings.extensions, {**settings.configs, **config["mdx_configs"]})
    fragments, found = render_fragments(bank, settings, docs_dir=docs_dir)
    editing = edit_root(config.get("repo_url"), config.get("edit_uri"), root, docs_dir)
    site = site_files(bank, fragments, edit_root=editing, site_url=config.get("site_url"), spool=spool)
    return site, sorted(set(problems) | set(found))


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML plus MkDocs' `!ENV` tag; the project's mkdocs.yml has no `!!python` tags."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`, resolved as MkDocs resolves it.

    The first variable that is set wins, read with YAML's implicit types; else the default (the last
    item of a list of two or more), else None.
    """
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        *name_nodes, last = node.value if len(node.value) > 1 else [*node.value, None]
        default = loader.construct_object(last) if last is not None else None
        names = [loader.construct_scalar(child) for child in name_nodes if isinstance(child, yaml.ScalarNode)]
    else:
        raise yaml.constructor.ConstructorError(None, None, "!ENV takes a name or a list of names", node.start_mark)
    for name in names:
        if isinstance(name, str) and name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


_ConfigLoader.add_constructor("!ENV", _env)


def read_config(config_file: Path) -> dict[str, Any]:
    """`mkdocs.yml` as YAML, with `!ENV` values resolved from the environment as MkDocs resolves them."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # a SafeLoader: no Python tags
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
