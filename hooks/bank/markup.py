"""What bank Markdown may contain: no active content, and links that lead somewhere real."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator
from pathlib import Path

from .model import Problem
from .parse import prose_lines

UNSAFE = (
    (re.compile(r"<\s*script\b", re.I), "raw <script> is not allowed in bank text"),
    (
        re.compile(r"<[a-z][^>]*?\son[a-z]+\s*=", re.I),
        "event-handler attribute (on...=) is not allowed in bank text",
    ),
    (re.compile(r"javascript\s*:", re.I), "javascript: URLs are not allowed in bank text"),
)
# [text](target "title") and ![alt](target); one level of nested brackets in the text.
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^\s()<>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
AUTOLINK = re.compile(r"<([a-z][a-z0-9+.-]*:[^\s<>]*)>", re.I)
HTML_URL = re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']*)[\"']", re.I)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def link_targets(text: str, first_line: int) -> Iterator[tuple[int, int, int, str]]:
    """Yield (file line, start, end, target) for every link target outside code."""
    for line_no, line in prose_lines(text, first_line):
        yield from _line_links(line_no, line)


def _line_links(line_no: int, line: str) -> Iterator[tuple[int, int, int, str]]:
    # Most lines hold no link: skip the patterns unless a line has the characters they need.
    if "](" in line:
        for match in INLINE_LINK.finditer(line):
            yield line_no, match.start(1), match.end(1), match.group(1)
    if "<" in line or "=" in line:
        for pattern in (AUTOLINK, HTML_URL):
            for match in pattern.finditer(line):
                yield line_no, match.start(1), match.end(1), match.group(1)


def rewrite_links(text: str, new_target: Callable[[str], str]) -> str:
    """Replace every link target outside code by `new_target(target)`."""
    if "](" not in text and "<" not in text and "=" not in text:
        return text  # no link of any form: the common case for a choice or a short answer
    lines = text.split("\n")
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for line_no, start, end, target in link_targets(text, 0):
        edits.setdefault(line_no, []).append((start, end, new_target(target)))
    for line_no, spans in edits.items():
        line = lines[line_no]
        for start, end, target in sorted(spans, reverse=True):
            line = line[:start] + target + line[end:]
        lines[line_no] = line
    return "\n".join(lines)


def check_markup(
    text: str,
    first_line: int,
    path: str,
    *,
    question_ids: Container[str],
    docs_dir: Path | None,
) -> list[Problem]:
    """Problems with active content or links in `text`, whose first line is `first_line` of `path`."""
    problems = []
    for line_no, line in prose_lines(text, first_line):
        if "<" in line or ":" in line:
            problems += [Problem(path, line_no, message) for pattern, message in UNSAFE if pattern.search(line)]
        for _, _, _, target in _line_links(line_no, line):
            message = _link_problem(target, question_ids=question_ids, docs_dir=docs_dir)
            if message:
                problems.append(Problem(path, line_no, message))
    return problems


def _link_problem(target: str, *, question_ids: Container[str], docs_dir: Path | None) -> str | None:
    if not target:
        return "empty link target"
    if target.startswith("#"):
        if target[1:] in question_ids:
            return None
        return f"link to '{target}', which is not a question ID (link to a question as '#<question-id>')"
    if target.startswith("//") or (SCHEME.match(target) and not target.lower().startswith(("https://", "mailto:"))):
        if target.lower().startswith("javascript:"):
            return None  # reported once, as unsafe
        return f"external link '{target}' must use https://"
    if SCHEME.match(target):
        return None
    page = target.split("#", 1)[0]
    if docs_dir is not None and not (docs_dir / page).is_file():
        return f"link to '{target}', which is not a page in docs/ (page links are relative to docs/)"
    return None
