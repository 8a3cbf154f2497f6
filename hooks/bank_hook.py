"""MkDocs hook: the question bank's pages in the build. A thin adapter: everything it does is in `bank`."""

from __future__ import annotations

import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from bank.build import build, expand_nav, math_problems
from bank.paths import placeholder_notice
from bank.problems import render_problems_page
from bank.site import SiteFiles, edit_root
from bank.theme import repair_page

log = get_plugin_logger(__name__)
_site: SiteFiles | None = None
_serving = False  # under `mkdocs serve`, a bank with problems is shown, not fatal
_problems_page: str | None = None  # what every page shows while the bank has problems
_spool: tempfile.TemporaryDirectory[str] | None = None  # this build's exports, written once, outside docs/
_noticed = False  # the placeholder addresses are mentioned once per process, not on every rebuild
_markers: str | None = None  # the page being written, as converted: markers where its HTML goes


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site, _problems_page, _noticed, _spool
    root = Path(config.config_file_path).parent
    if not _noticed and (notice := placeholder_notice(config.site_url, config.repo_url)):
        # At info level: a warning would make every strict build fail on a fresh clone.
        log.info(f"Warning: {notice}")
        _noticed = True
    if _spool is not None:
        _spool.cleanup()  # the last build's, under serve
    _spool = tempfile.TemporaryDirectory(prefix="qb-exports-")
    site, problems = build(root, Path(config.docs_dir), config, spool=Path(_spool.name))
    # Under serve, the problems are shown on every page instead; errors here would make strict mode abort
    # the build, and the preview would keep stale pages.
    for problem in problems:
        (log.info if _serving else log.error)(str(problem))
    _problems_page = None
    if problems and _serving:
        editing = edit_root(config.repo_url, config.edit_uri, root, Path(config.docs_dir))
        _problems_page = render_problems_page(problems, edit_root=editing)
    elif problems:  # quiet mode drops the errors above before strict mode can count them: stop here
        raise PluginError(f"the question bank has {len(problems)} problem(s), listed above")
    _site = site
    config.nav = expand_nav(config.nav, site.bank)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _site is not None
    for src_uri, generated in _site.files.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} clashes with a file generated from the question bank; rename it")
        if generated.path is not None:
            files.append(File.generated(config, src_uri, abs_src_path=str(generated.path)))
        else:
            files.append(
                File.generated(config, src_uri, content=generated.markdown() if generated.page else generated.content)
            )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _problems_page is not None:
        return _problems_page
    return markdown if _site is None else _site.page_markdown(page.file.src_uri, markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _site is None or _problems_page is not None:
        return html
    html, failures = _site.page_html(page.file.src_uri, html)
    problems = math_problems(page.file.src_uri, page.file.abs_src_path, failures)
    for problem in problems:
        log.error(problem)
    if problems:
        raise PluginError(f"{len(problems)} formula(s) on {page.file.src_uri} cannot be rendered, listed above")
    return html


@event_priority(100)  # before the search plugin indexes the page: it must see the spliced questions
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    global _markers
    if _site is not None and _problems_page is None and page.content is not None:
        _markers = page.content  # put back once the page is written: one page's whole HTML alive at a time
        page.content = _site.searchable(page.file.src_uri, page.content)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    global _markers
    if _site is not None and _problems_page is None and _markers is not None:
        output = _site.finish(page.file.src_uri, output)
        page.content, _markers = _markers, None
    return repair_page(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return repair_page(output_content)  # the 404 page
