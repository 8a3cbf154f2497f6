"""Split bank files into front matter and sections, keeping the source line of everything.

Every problem found here is a `Problem` at the line a contributor must open, never an exception.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from .model import Choice, Problem

# libyaml's parser when PyYAML has it (it keeps line marks too): ten times faster on a large bank.
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,2})\s+(.*?)\s*#*\s*$")
CODE_SPAN = re.compile(r"(`+).*?\1")
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # IDs, topic slugs and concept IDs
CHOICE = re.compile(r"^[-*+]\s+\[([ xX])\]\s?(.*)$")
SECTIONS = ("Answer", "Explanation")
TEXT_AFTER_CHOICES = (
    "choices must be one task list at the end of the question text: one line per choice, "
    "its reason indented on the lines under it"
)


@dataclass
class Yaml:
    """A YAML document with the file line of each top-level key and of each list item under it."""

    data: Any
    node: yaml.Node | None = None
    key_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    line: int = 1


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a known value is close to `value`, else ''."""
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def unknown_key(key: object, allowed: Iterable[str], where: str = "") -> str:
    """The message for a key no bank file knows, with the likely one it was meant to be."""
    names = sorted(allowed)
    return f"unknown key '{key}'{where}{did_you_mean(str(key), names)} (allowed: {', '.join(names)})"


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(path, line, "not valid UTF-8 (save the file as UTF-8)")]
    if not text.strip():
        return None, [Problem(path, 1, "file is empty")]
    if "\0" in text:
        line = text[: text.index("\0")].count("\n") + 1
        return None, [Problem(path, line, "NUL byte in the file (remove it; bank files are plain text)")]
    return text.removeprefix("\ufeff"), []


def load_yaml(text: str, path: str, *, first_line: int = 1) -> tuple[Yaml | None, list[Problem]]:
    """Parse YAML, mapping node marks back to file lines (`first_line` is the file line of YAML line 1)."""
    if _flow_depth(text) > MAX_DEPTH:
        # libyaml's composer recurses once per level and crashes the process past some ten thousand.
        return None, [_too_deep(path, first_line)]
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        shared, depth = _walk(node)
        if shared is not None:
            # An alias repeats a node: a few lines of aliases can expand to gigabytes. Bank files need none.
            line = first_line + shared.start_mark.line
            return None, [
                Problem(path, line, "YAML anchors and aliases (&name, *name) are not allowed: write the value out")
            ]
        if depth > MAX_DEPTH:
            return None, [_too_deep(path, first_line)]
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        # libyaml marks a problem at the end of the text on the line after it: keep it inside.
        last = text.rstrip("\n").count("\n")
        noticed = first_line + min(err.problem_mark.line if err.problem_mark else 0, last)
        what = (err.problem or "invalid YAML").strip()
        if err.context_mark is None or first_line + min(err.context_mark.line, last) == noticed:
            return None, [Problem(path, noticed, f"malformed YAML: {what}")]
        # Report where the broken construct starts, the line to open, and where the parser gave up.
        start = first_line + min(err.context_mark.line, last)
        context = (err.context or "").strip().removeprefix("while ")
        return None, [Problem(path, start, f"malformed YAML {context}: {what} (noticed at line {noticed})")]
    except yaml.YAMLError as err:
        return None, [Problem(path, first_line, f"malformed YAML: {err}")]
    finally:
        loader.dispose()
    doc = Yaml(data, node, line=first_line + (node.start_mark.line if node is not None else 0))
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        doc.key_lines, doc.item_lines, problems = _mapping_lines(node, path, first_line)
    return doc, problems


MAX_DEPTH = 8  # bank YAML is a list of mappings of lists at most; deeper is a mistake or an attack


def _flow_depth(text: str) -> int:
    """How deep `[` and `{` nest in the text (quotes aside: a bound to check before parsing, not a parse)."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return deepest


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _walk(root: yaml.Node | None) -> tuple[yaml.Node | None, int]:
    """One pass over the node tree: the first node reached twice (what an alias makes) and the depth.

    Each node is visited once and the walk stops below MAX_DEPTH, so neither aliases nor depth make it long."""
    seen: set[int] = set()
    deepest, stack = 0, [(root, 1)] if root is not None else []
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            return node, deepest
        seen.add(id(node))
        deepest = max(deepest, depth)
        if depth <= MAX_DEPTH:
            stack.extend((child, depth + 1) for child in _children(node))
    return None, deepest


def _too_deep(path: str, line: int) -> Problem:
    return Problem(path, line, f"YAML nested more than {MAX_DEPTH} levels deep (bank files need no more)")


def mapping_lines(node: yaml.Node, path: str, first_line: int, problems: list[Problem] | None = None) -> Yaml:
    """Line information for a mapping nested in a larger document (e.g. one bibliography entry).

    Duplicate keys inside it are added to `problems` when given."""
    doc = Yaml(None, node, line=first_line + node.start_mark.line)
    if isinstance(node, yaml.MappingNode):
        doc.key_lines, doc.item_lines, found = _mapping_lines(node, path, first_line)
        if problems is not None:
            problems.extend(found)
    return doc


def _mapping_lines(
    node: yaml.MappingNode, path: str, first_line: int
) -> tuple[dict[str, int], dict[str, list[int]], list[Problem]]:
    key_lines: dict[str, int] = {}
    item_lines: dict[str, list[int]] = {}
    problems: list[Problem] = []
    for key_node, value_node in node.value:
        key = str(key_node.value)
        line = first_line + key_node.start_mark.line
        if key in key_lines:
            problems.append(Problem(path, line, f"duplicate key '{key}' (first at line {key_lines[key]})"))
        key_lines[key] = line
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[key] = [first_line + item.start_mark.line for item in value_node.value]
    return key_lines, item_lines, problems


def list_entries(doc: Yaml, path: str, problems: list[Problem]) -> Iterator[tuple[Any, Yaml]]:
    """Each item of a whole-file YAML list (the bibliography, the glossary) with the lines of its keys.

    Duplicate keys inside an item go to `problems`."""
    nodes = doc.node.value if isinstance(doc.node, yaml.SequenceNode) else []
    for item, node in zip(doc.data, nodes, strict=False):
        yield item, mapping_lines(node, path, 1, problems)


def split_front_matter(text: str, path: str) -> tuple[Yaml | None, str, int, list[Problem]]:
    """Return (front matter, body, file line of the body's first line, problems)."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None, text, 1, [Problem(path, 1, "missing front matter (start the file with a '---' line)")]
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        return None, "", len(lines), [Problem(path, 1, "front matter is not closed (add a '---' line after it)")]
    meta, problems = load_yaml("\n".join(lines[1:end]), path, first_line=2)
    if meta is not None and not isinstance(meta.data, dict):
        problems.append(Problem(path, 2, "front matter must be a mapping of 'key: value' lines"))
        meta = None
    return meta, "\n".join(lines[end + 1 :]), end + 2, problems


def prose_lines(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Yield (file line, line) for lines outside fenced code, with inline code spans blanked out."""
    fence: str | None = None
    for offset, line in enumerate(text.split("\n")):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        yield first_line + offset, CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line


@dataclass
class Body:
    text: str = ""
    text_line: int = 1
    choices: list[Choice] = field(default_factory=list)
    answer: str | None = None
    answer_line: int | None = None
    explanation: str | None = None
    explanation_line: int | None = None
    answer_start: int = 1  # the first line of the section's text
    explanation_start: int = 1


def parse_question_body(body: str, body_line: int, path: str) -> tuple[Body, list[Problem]]:
    """Cut a question body into question text, choices, `## Answer` and `## Explanation`."""
    problems: list[Problem] = []
    lines = body.split("\n")
    prose = dict(prose_lines(body, body_line))
    # Sections: (name, heading line, first content index)
    cuts: list[tuple[str, int, int]] = [("", body_line, 0)]
    for index, line in enumerate(lines):
        file_line = body_line + index
        if file_line not in prose:
            continue
        match = HEADING.match(line)
        if not match:
            continue
        title = match.group(2)
        if len(match.group(1)) == 2 and title not in SECTIONS and (close := _close_section(title)):
            # A misspelt section heading: read it as the section, and say so once (not also "missing").
            problems.append(
                Problem(path, file_line, f"unexpected heading '{line.strip()}' (did you mean '## {close}'?)")
            )
            title = close
        if len(match.group(1)) == 2 and title in SECTIONS:
            if any(name == title for name, _, _ in cuts):
                problems.append(Problem(path, file_line, f"duplicate '## {title}' section"))
                continue
            cuts.append((title, file_line, index + 1))
        else:
            problems.append(
                Problem(
                    path,
                    file_line,
                    f"unexpected heading '{line.strip()}' (the only sections are '## Answer' and '## Explanation')",
                )
            )
    names = [name for name, _, _ in cuts[1:]]
    if names == ["Explanation", "Answer"]:
        problems.append(Problem(path, cuts[1][1], "'## Explanation' must come after '## Answer'"))

    parsed = Body()
    for position, (name, heading_line, start) in enumerate(cuts):
        end = cuts[position + 1][2] - 1 if position + 1 < len(cuts) else len(lines)
        chunk = lines[start:end]
        first = next((i for i, line in enumerate(chunk) if line.strip()), len(chunk))
        content = "\n".join(chunk[first:]).strip()
        content_line = body_line + start + first
        if name == "":
            parsed.text_line = content_line
            found: list[Problem] = []
            parsed.text, parsed.choices = _split_choices(chunk[first:], content_line, prose, path, found)
            # Without '## Answer', the text after the choices is the answer's: its absence is the one message.
            problems.extend(p for p in found if "Answer" in names or p.message != TEXT_AFTER_CHOICES)
        elif name == "Answer":
            parsed.answer, parsed.answer_line, parsed.answer_start = content, heading_line, content_line
        else:
            parsed.explanation, parsed.explanation_line = content, heading_line
            parsed.explanation_start = content_line
    return parsed, problems


def _close_section(title: str) -> str | None:
    close = difflib.get_close_matches(title.strip().capitalize(), SECTIONS, n=1, cutoff=0.75)
    return close[0] if close else None


def _split_choices(
    lines: list[str], first_line: int, prose: dict[int, str], path: str, problems: list[Problem]
) -> tuple[str, list[Choice]]:
    """Separate the trailing task list (the choices) from the question text."""
    marks = [i for i, line in enumerate(lines) if first_line + i in prose and CHOICE.match(line)]
    if not marks:
        return "\n".join(lines).strip(), []
    start = marks[0]
    choices: list[Choice] = []
    for index in range(start, len(lines)):
        line, file_line = lines[index], first_line + index
        match = CHOICE.match(line) if file_line in prose else None
        if match:
            text = match.group(2).strip()
            if not text:
                problems.append(Problem(path, file_line, "empty choice (write the choice after '- [ ] ')"))
            choices.append(Choice(text, match.group(1) != " ", file_line))
        elif line.strip() and line[0] in " \t" and choices and file_line in prose:
            # An indented line under a choice is its reason: why the choice is right or wrong.
            last = choices[-1]
            choices[-1] = replace(
                last, reason=f"{last.reason} {line.strip()}".strip(), reason_line=last.reason_line or file_line
            )
        elif line.strip():
            problems.append(
                Problem(
                    path,
                    file_line,
                    TEXT_AFTER_CHOICES,
                )
            )
            break
    return "\n".join(lines[:start]).strip(), choices
