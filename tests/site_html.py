"""Read built HTML pages with the standard library: ids, links, and the text inside elements."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Details:
    open: bool
    text: str


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag/attribute, url)
    details: list[Details] = field(default_factory=list)
    sections: list[dict[str, str]] = field(default_factory=list)  # attributes of section.qb-question
    text: str = ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.chunks: list[str] = []
        self.open_details: list[tuple[bool, int]] = []  # (is open, start index in chunks)
        self.skip = 0  # inside <script>/<style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        for key in ("href", "src"):
            if key in values:
                self.page.links.append((f"{tag}[{key}]", values[key]))
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "details":
            self.open_details.append(("open" in values, len(self.chunks)))
        if tag == "section" and "qb-question" in values.get("class", "").split():
            self.page.sections.append(values)
        if tag in ("p", "div", "li", "section", "details", "summary", "h1", "h2", "h3", "br", "tr", "td"):
            self.chunks.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1
        if tag == "details" and self.open_details:
            is_open, start = self.open_details.pop()
            self.page.details.append(Details(is_open, _squash("".join(self.chunks[start:]))))
        if tag in ("p", "div", "li", "section", "details", "summary", "h1", "h2", "h3", "td"):
            self.chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.chunks.append(data)


def _squash(text: str) -> str:
    return " ".join(text.split())


def read_page(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    reader.page.text = _squash("".join(reader.chunks))
    return reader.page
