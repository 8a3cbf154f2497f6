"""MkDocs hook: the question bank's pages in the build. A thin adapter: everything it does is in `bank`."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from bank.build import build, expand_nav, math_problems
from bank.site import SiteFiles
from bank.theme import name_search_dialog

log = get_plugin_logger(__name__)
_site: SiteFiles | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site
    root = Path(config.config_file_path).parent
    site, problems = build(root, Path(config.docs_dir), config)
    for problem in problems:
        log.error(str(problem))
    if problems:  # quiet mode drops the errors above before strict mode can count them: stop here
        raise PluginError(f"the question bank has {len(problems)} problem(s), listed above")
    _site = site
    config.nav = expand_nav(config.nav, site.bank)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _site is not None
    for src_uri, generated in _site.files.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} clashes with a file generated from the question bank; rename it")
        files.append(
            File.generated(config, src_uri, content=generated.markdown() if generated.page else generated.content)
        )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return markdown if _site is None else _site.page_markdown(page.file.src_uri, markdown)


@event_priority(100)  # before the search plugin indexes the page: it must see the spliced questions
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _site is None:
        return html
    html, failures = _site.page_html(page.file.src_uri, html)
    problems = math_problems(page.file.src_uri, page.file.abs_src_path, failures)
    for problem in problems:
        log.error(problem)
    if problems:
        raise PluginError(f"{len(problems)} formula(s) on {page.file.src_uri} cannot be rendered, listed above")
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return name_search_dialog(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return name_search_dialog(output_content)  # the 404 page
