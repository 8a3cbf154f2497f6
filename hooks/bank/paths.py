"""Every place the bank puts something in the docs tree, and every link and URL between them.

Paths (`*_SRC`) are relative to the docs folder, as MkDocs' `File.src_uri`; URLs follow MkDocs'
directory URLs (`topics/sft/index.md` is served at `topics/sft/`).
"""

from __future__ import annotations

import functools
import posixpath

from .model import Question, Topic

OVERVIEW_SRC = "topics/index.md"
GLOSSARY_SRC = "glossary/index.md"
REFERENCES_SRC = "references/index.md"
CONCEPTS_SRC = "concepts/index.md"
REVIEW_SRC = "review/index.md"
PRACTICE_SRC = "practice/index.md"
INDEX_SRC = "selfcheck/index.json"  # what the review and practice pages read
STYLESHEET = "assets/selfcheck/selfcheck.css"
SCRIPT = "assets/selfcheck/selfcheck.js"

SCHEMA_VERSION = 4  # 4 added numeric questions (kind, value, tolerance, unit)
QUESTIONS_JSON_SRC = "exports/questions.json"
SCHEMA_SRC = f"exports/questions.schema.v{SCHEMA_VERSION}.json"
ANKI_SRC = "exports/post-training.apkg"
GIFT_SRC = "exports/questions.gift.txt"
EXPORT_SRCS = (QUESTIONS_JSON_SRC, SCHEMA_SRC, ANKI_SRC, GIFT_SRC)

# Topic pages and worksheets sit two folders deep, so one fragment's links work on both.
DEPTH_2 = "../../"


def topic_src(topic: Topic | str) -> str:
    slug = topic if isinstance(topic, str) else topic.slug
    return f"topics/{slug}/index.md"


def worksheet_src(topic: Topic | str) -> str:
    slug = topic if isinstance(topic, str) else topic.slug
    return f"worksheets/{slug}/index.md"


def page_url(src: str) -> str:
    """The site-relative URL of a file in the docs tree, with MkDocs' directory URLs for pages."""
    if not src.endswith(".md"):
        return src
    folder, name = posixpath.split(src.removesuffix(".md"))
    path = folder if name == "index" else posixpath.join(folder, name)
    return f"{path}/" if path else ""


@functools.cache  # a few dozen pages, asked for each question's links: relpath is slow
def relative(page_src: str, target_src: str) -> str:
    """A link from the page at `page_src` to `target_src`, both paths in the docs tree."""
    return posixpath.relpath(target_src, posixpath.dirname(page_src) or ".")


@functools.cache
def relative_url(page_src: str, target_src: str) -> str:
    """A link from the page at `page_src` to `target_src` as a URL, for HTML that no builder rewrites."""
    here, there = page_url(page_src) or ".", page_url(target_src) or "."
    link = posixpath.relpath(there, here if here.endswith("/") else posixpath.dirname(here) or ".")
    return link + "/" if target_src.endswith(".md") and link != "." else ("./" if link == "." else link)


# mkdocs.yml's defaults for `site_url` and `repo_url` when SITE_URL and REPO_URL are not set.
PLACEHOLDER_SITE_URL = "https://example.org/post-training-self-check/"
PLACEHOLDER_REPO_URL = "https://github.com/post-training-self-check/post-training-self-check"


def placeholder_notice(site_url: str | None, repo_url: str | None) -> str | None:
    """What to tell the person building while the addresses are still mkdocs.yml's placeholders."""
    names = [
        name
        for name, value, placeholder in (
            ("site_url", site_url, PLACEHOLDER_SITE_URL),
            ("repo_url", repo_url, PLACEHOLDER_REPO_URL),
        )
        if (value or "").rstrip("/") == placeholder.rstrip("/")
    ]
    if not names:
        return None
    env = " and ".join(name.upper() for name in names)
    return (
        f"{' and '.join(names)} {'are' if len(names) > 1 else 'is'} still the placeholder in mkdocs.yml: edit links, "
        f"permalinks and the exports point there. Set {env} in the environment to publish."
    )


def site_base(site_url: str | None) -> str:
    """The prefix of every absolute link: the site URL with one trailing slash, or '' (site-relative)."""
    return site_url.rstrip("/") + "/" if site_url else ""


def permalink(question: Question, site_url: str | None) -> str:
    return f"{site_base(site_url)}{page_url(topic_src(question.topic))}#{question.id}"
