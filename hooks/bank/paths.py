"""Where the bank's pages live in the docs tree, and links between them."""

from __future__ import annotations

import posixpath

from .model import Topic

OVERVIEW_SRC = "topics/index.md"


def topic_src(topic: Topic | str) -> str:
    slug = topic if isinstance(topic, str) else topic.slug
    return f"topics/{slug}/index.md"


def page_url(src: str) -> str:
    """The site-relative URL of a file in the docs tree, with MkDocs' directory URLs for pages."""
    if not src.endswith(".md"):
        return src
    folder, name = posixpath.split(src.removesuffix(".md"))
    path = folder if name == "index" else posixpath.join(folder, name)
    return f"{path}/" if path else ""


def relative(page_src: str, target_src: str) -> str:
    """A link from the page at `page_src` to `target_src`, both paths in the docs tree."""
    return posixpath.relpath(target_src, posixpath.dirname(page_src) or ".")
