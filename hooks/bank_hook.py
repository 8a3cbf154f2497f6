"""MkDocs hook: the question bank's pages in the build. A thin adapter from MkDocs' events to `bank.session`."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from bank.session import Log, Session
from bank.theme import repair_page

log = get_plugin_logger(__name__)
session = Session()


def _report(messages: Log) -> None:
    for message in messages.info:
        log.info(message)
    for message in messages.errors:
        log.error(message)
    if messages.fatal:
        raise PluginError(messages.fatal)


def on_startup(command: str, dirty: bool) -> None:
    session.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _report(session.start(Path(config.config_file_path).parent, Path(config.docs_dir), config))
    config.nav = session.nav(config.nav)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src, source in session.files():
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"docs/{src} clashes with a file generated from the question bank; rename it")
        files.append(File.generated(config, src, **source))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return session.page_markdown(page.file.src_uri, markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html, messages = session.page_html(page.file.src_uri, page.file.abs_src_path, html)
    _report(messages)
    return html


@event_priority(100)  # before the search plugin indexes the page: it must see the spliced questions
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    page.content = session.searchable(page.file.src_uri, page.content)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output, page.content = session.finish(page.file.src_uri, output, page.content)
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return repair_page(output_content)  # the 404 page
