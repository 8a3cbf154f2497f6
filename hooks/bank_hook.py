"""MkDocs hook: turn the question bank into pages. Thin: loading and rendering live in `bank`."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from bank import Bank, load_bank
from bank.background import Background, BackgroundError
from bank.glossary import GLOSSARY_SRC, abbreviations, unwrap_title_abbrs
from bank.mathml import line_of, render_math
from bank.pages import EXPORT_SRCS, GeneratedFile, export_files, page_files
from bank.render import nav_entries, render_topic_cards
from bank.selfcheck import asset_tags, uses_selfcheck
from bank.theme import name_search_dialog

log = get_plugin_logger(__name__)

TOPICS_NAV = "questions/"  # nav placeholder in mkdocs.yml: `- Topics: questions/`
CARDS_MARKER = "<!-- bank:topic-cards -->"

_bank: Bank | None = None
_exports: Background[dict[str, bytes]] | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _bank
    root = Path(config.config_file_path).parent
    bank, problems = load_bank(root, docs_dir=Path(config.docs_dir))
    for problem in problems:
        log.error(str(problem))
    if problems:
        # Quiet mode drops the errors above before strict mode can count them: stop here.
        raise PluginError(f"the question bank has {len(problems)} problem(s), listed above")
    _bank = bank
    if config.nav is not None:
        config.nav = [
            {title: nav_entries(bank)}
            if isinstance(item, dict) and item.get(title := next(iter(item))) == TOPICS_NAV
            else item
            for item in config.nav
        ]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _exports
    assert _bank is not None
    bank, site_url = _bank, config.site_url
    _exports = Background(lambda: export_files(bank, site_url=site_url))
    root = Path(config.config_file_path).parent
    edit_root = None
    if config.repo_url and config.edit_uri:
        to_root = os.path.relpath(root, config.docs_dir).replace(os.sep, "/") + "/"
        edit_root = urljoin(urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri), to_root)
    pages = page_files(_bank, edit_root=edit_root)
    for src_uri in EXPORT_SRCS:
        pages[src_uri] = GeneratedFile(b"")  # filled in on_env, when the background work is done
    for src_uri, generated in pages.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} clashes with a file generated from the question bank; rename it")
        file = File.generated(config, src_uri, content=generated.content)
        if generated.source:
            file.edit_uri = os.path.relpath(root / generated.source, config.docs_dir).replace(os.sep, "/")
        files.append(file)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Runs after every page is converted and before files are copied: collect the exports."""
    assert _exports is not None
    try:
        contents = _exports.result()
    except BackgroundError as error:
        raise PluginError(f"the exports could not be made:\n{error}") from None
    for src_uri, content in contents.items():
        file = files.get_file_from_path(src_uri)
        assert file is not None
        file.content_bytes = content
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _bank is None:
        return markdown
    if CARDS_MARKER in markdown:
        markdown = markdown.replace(CARDS_MARKER, render_topic_cards(_bank, page_src=page.file.src_uri))
    if page.file.src_uri != GLOSSARY_SRC:  # the glossary page defines the terms in full already
        markdown += abbreviations(_bank.glossary)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html, failures = render_math(unwrap_title_abbrs(html))
    for failure in failures:
        # Bank formulas were checked in on_config, with their bank file and line; these come from docs/.
        where = f"{page.file.src_uri} (generated)"
        if page.file.abs_src_path:
            source = Path(page.file.abs_src_path)
            where = f"docs/{page.file.src_uri}:{line_of(source.read_text(encoding='utf-8'), failure.tex)}"
        log.error(f"{where}: LaTeX error in '{failure.tex.strip()}': {failure.message}")
    if failures:
        raise PluginError(f"{len(failures)} formula(s) on {page.file.src_uri} cannot be rendered, listed above")
    if _bank is not None and uses_selfcheck(_bank, page.file.src_uri):
        html = asset_tags(page.file.src_uri) + html
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return name_search_dialog(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return name_search_dialog(output_content)  # the 404 page
