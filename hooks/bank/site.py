"""The site the bank makes: every generated file, and what the hand-written pages need. Pure: no MkDocs imports.

One render step serves two builders. The MkDocs hook asks for the same `SiteFiles` in memory, feeds
each generated page's Markdown to MkDocs (markers in place of the final HTML) and splices the HTML
in as each page is written (`searchable`, then `finish`), so that only one page's HTML is whole at a
time; `write_docs` puts the same pages, with the HTML written into the Markdown, in a plain docs
folder that any builder reads (MkDocs without hooks, Zensical).
"""

from __future__ import annotations

import io
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from .exports import export_files
from .fragments import Fragments
from .glossary import abbreviations, render_glossary_page, unwrap_title_abbrs
from .mathml import MathFailure, render_math
from .model import Bank
from .paths import CONCEPTS_SRC, GLOSSARY_SRC, OVERVIEW_SRC, REFERENCES_SRC, topic_src, worksheet_src
from .references import render_references_page
from .render import Page, front_matter, render_concepts_page, render_overview, render_topic_cards, render_topic_page
from .selfcheck import asset_tags, selfcheck_files, uses_selfcheck
from .worksheet import render_worksheet

CARDS_MARKER = "<!-- bank:topic-cards -->"  # where the home page lists the topics


@dataclass(frozen=True)
class GeneratedFile:
    content: str | bytes = ""  # a page's Markdown (for pages assembled from fragments: see `page`)
    page: Page | None = None  # assembled from checked HTML fragments
    path: Path | None = None  # an export written to the spool folder instead of held in memory

    def data(self) -> str | bytes:
        return self.path.read_bytes() if self.path is not None else self.content

    def markdown(self, *, inline: bool = False) -> str:
        """What a builder converts; `inline` writes the final HTML in, for a builder that cannot splice."""
        if self.page is not None:
            return self.page.markdown_inline if inline else self.page.markdown
        assert isinstance(self.content, str)
        return self.content


@dataclass
class SiteFiles:
    bank: Bank
    fragments: Fragments
    files: dict[str, GeneratedFile] = field(default_factory=dict)

    def page(self, src: str) -> Page | None:
        """The generated page assembled from fragments at `src`, if there is one."""
        generated = self.files.get(src)
        return generated.page if generated is not None else None

    def page_markdown(self, src: str, markdown: str) -> str:
        """The Markdown of any page (generated or from docs/) as the site converts it."""
        if self.page(src) is not None:
            return markdown  # its fragments carry their tooltips already
        if CARDS_MARKER in markdown:
            markdown = markdown.replace(CARDS_MARKER, render_topic_cards(self.bank, page_src=src))
        if src != GLOSSARY_SRC:  # the glossary page defines the terms in full already
            markdown += abbreviations(self.bank.glossary)
        return markdown

    def page_html(self, src: str, html: str) -> tuple[str, list[MathFailure]]:
        """A converted page: math as MathML, plain headings and links, the self-check's assets; markers stay."""
        html, failures = render_math(unwrap_title_abbrs(html))
        if uses_selfcheck(self.bank, src):
            html = asset_tags(src) + html
        return html, failures

    def searchable(self, src: str, html: str) -> str:
        """The converted page with the HTML that search indexes spliced in (late markers stay)."""
        page = self.page(src)
        return html if page is None else page.splice(html, late=False)

    def finish(self, src: str, html: str) -> str:
        """The written page (`html`, the whole document) with the HTML left out of search spliced in."""
        page = self.page(src)
        return html if page is None else page.splice(html, late=True)


def site_files(
    bank: Bank,
    fragments: Fragments,
    *,
    edit_root: str | None = None,
    site_url: str | None = None,
    spool: Path | None = None,
) -> SiteFiles:
    """Every file the bank adds to the site, by its path in the docs tree. Edit links go in front matter,
    which Material and Zensical both read (overrides/partials/actions.html). With `spool`, a folder
    outside docs/, the exports are written there as they are made and the pages' HTML is parked there
    (`Page.park`), not kept in memory; such pages can no longer give their Markdown-only form."""

    def edit(source: str | None) -> dict[str, object]:
        return {"edit_url": edit_root + source if edit_root and source else ""}

    def add_page(src: str, page: Page) -> None:
        if spool is not None:
            parked = (spool / "pages" / src).with_suffix(".html")
            parked.parent.mkdir(parents=True, exist_ok=True)
            page.park(parked)
        files[src] = GeneratedFile(page=page)

    files: dict[str, GeneratedFile] = {OVERVIEW_SRC: GeneratedFile(front_matter(edit(None)) + render_overview(bank))}
    for topic in bank.topics:
        add_page(topic_src(topic), render_topic_page(topic, bank, fragments, edit_root=edit_root))
        if topic.questions:  # derived from the topic page: no edit button
            add_page(worksheet_src(topic), render_worksheet(topic, fragments))
    files[GLOSSARY_SRC] = GeneratedFile(front_matter(edit("questions/glossary.yml")) + render_glossary_page(bank))
    references_edit = str(edit("questions/references.yml")["edit_url"])
    add_page(REFERENCES_SRC, render_references_page(bank, edit_url=references_edit))
    concepts_edit = edit("questions/concepts.yml")["edit_url"]
    add_page(CONCEPTS_SRC, render_concepts_page(bank, edit_url=str(concepts_edit)))
    for src, content in selfcheck_files(bank).items():
        files[src] = GeneratedFile(front_matter(edit(None)) + content if src.endswith(".md") else content)
    for src, write in export_files(bank, fragments, site_url=site_url):
        if spool is None:
            buffer = io.BytesIO()
            write(buffer)
            files[src] = GeneratedFile(buffer.getvalue())
            continue
        path = spool / src
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            write(out)
        files[src] = GeneratedFile(path=path)
    return SiteFiles(bank, fragments, files)


def write_docs(site: SiteFiles, docs_dir: Path, out_dir: Path) -> list[str]:
    """A complete docs folder in `out_dir`: the hand-written pages and every generated file, final.

    Returns the generated Markdown pages, by path. Hand-written pages get what the hook would give them
    before conversion (topic cards, tooltips); their formulas stay as arithmatex writes them.
    """
    if out_dir.exists():
        shutil.rmtree(out_dir)
    shutil.copytree(docs_dir, out_dir)
    for path in sorted(out_dir.rglob("*.md")):
        src = path.relative_to(out_dir).as_posix()
        path.write_text(site.page_markdown(src, path.read_text(encoding="utf-8")), encoding="utf-8")
    pages = []
    for src, generated in site.files.items():
        target = out_dir / src
        if target.exists():
            raise FileExistsError(f"docs/{src} clashes with a file generated from the question bank; rename it")
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.endswith(".md"):
            markdown = site.page_markdown(src, generated.markdown(inline=True))
            if uses_selfcheck(site.bank, src):
                markdown = _with_script(markdown, src)
            target.write_text(markdown, encoding="utf-8")
            pages.append(src)
        else:
            content = generated.data()
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return pages


def _with_script(markdown: str, src: str) -> str:
    """The self-check's script in the page content, where it looks for itself (its stylesheet is in extra_css)."""
    script = asset_tags(src).split("\n")[1]
    head, sep, body = markdown.partition("\n---\n\n") if markdown.startswith("---\n") else ("", "", markdown)
    return f"{head}{sep}{script}\n\n{body}"


def edit_root(repo_url: str | None, edit_uri: str | None, project_root: Path, docs_dir: Path) -> str | None:
    """The URL that a bank file's path (e.g. `questions/sft/x.md`) is appended to for its edit link."""
    if not repo_url or not edit_uri:
        return None
    to_root = os.path.relpath(project_root, docs_dir).replace(os.sep, "/") + "/"
    return urljoin(urljoin(repo_url.rstrip("/") + "/", edit_uri), to_root)
