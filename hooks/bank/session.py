"""One build of the site as a builder drives it, event by event. Pure: no MkDocs imports.

The MkDocs hook maps each of MkDocs' events to one method here and logs what they return. A page's
HTML is spliced in as the page is written (`searchable`, then `finish`), so that only one page's
whole HTML is alive at a time, and search never parses what it leaves out.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build import build, expand_nav, math_problems
from .paths import placeholder_notice
from .problems import render_problems_page
from .site import SiteFiles, edit_root
from .theme import repair_page


@dataclass
class Log:
    info: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    fatal: str | None = None  # why the build must stop, after the errors are logged


@dataclass
class Session:
    serving: bool = False  # under a live preview, a bank with problems is shown on every page, not fatal
    site: SiteFiles | None = None
    problems_page: str | None = None  # what every page shows while the bank has problems
    _noticed: bool = False  # the placeholder addresses are mentioned once per process, not on every rebuild
    _spool: tempfile.TemporaryDirectory[str] | None = None  # this build's exports and parked pages, outside docs/
    _markers: str | None = None  # the page being written, as converted: markers where its HTML goes

    def start(self, root: Path, docs_dir: Path, config: Mapping[str, Any]) -> Log:
        """The bank loaded and rendered; `config` as MkDocs holds it (`markdown_extensions`, `repo_url`, ...)."""
        log = Log()
        if not self._noticed and (notice := placeholder_notice(config.get("site_url"), config.get("repo_url"))):
            log.info.append(f"Warning: {notice}")  # not a warning: every strict build would fail on a fresh clone
            self._noticed = True
        if self._spool is not None:
            self._spool.cleanup()  # the last build's, under serve
        self._spool = tempfile.TemporaryDirectory(prefix="qb-build-")
        self.site, problems = build(root, docs_dir, config, spool=Path(self._spool.name))
        self.problems_page = None
        # Under serve, errors would make strict mode abort the build and the preview keep stale pages.
        (log.info if self.serving else log.errors).extend(str(p) for p in problems)
        if problems and self.serving:
            editing = edit_root(config.get("repo_url"), config.get("edit_uri"), root, docs_dir)
            self.problems_page = render_problems_page(problems, edit_root=editing)
        elif problems:  # quiet mode drops the errors before strict mode can count them: stop here
            log.fatal = f"the question bank has {len(problems)} problem(s), listed above"
        return log

    def nav(self, nav: Any) -> Any:
        return nav if self.site is None else expand_nav(nav, self.site.bank)

    def files(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Each generated file's path in the docs tree, and its `content` or `abs_src_path`."""
        assert self.site is not None
        for src, generated in self.site.files.items():
            if generated.path is not None:
                yield src, {"abs_src_path": str(generated.path)}
            else:
                yield src, {"content": generated.markdown() if generated.page else generated.content}

    def page_markdown(self, src: str, markdown: str) -> str:
        if self.problems_page is not None:
            return self.problems_page
        return markdown if self.site is None else self.site.page_markdown(src, markdown)

    def page_html(self, src: str, abs_src_path: str | None, html: str) -> tuple[str, Log]:
        log = Log()
        if self.site is None or self.problems_page is not None:
            return html, log
        html, failures = self.site.page_html(src, html)
        log.errors = math_problems(src, abs_src_path, failures)
        if log.errors:
            log.fatal = f"{len(log.errors)} formula(s) on {src} cannot be rendered, listed above"
        return html, log

    def searchable(self, src: str, content: str | None) -> str | None:
        """The page's content as search indexes it (before search runs)."""
        if self.site is None or self.problems_page is not None or content is None:
            return content
        self._markers = content
        return self.site.searchable(src, content)

    def finish(self, src: str, output: str, content: str | None) -> tuple[str, str | None]:
        """The written page made whole, and the page's content from now on: with markers again, not whole."""
        markers, self._markers = self._markers, None
        if self.site is None or markers is None:
            return repair_page(output), content
        return repair_page(self.site.finish(src, output)), markers
