"""Concepts (`questions/concepts.yml`): the curated subjects a reader browses by, across topics. Pure.

Each question names one to MAX_PER_QUESTION concepts in its front matter (`concepts: [kl-penalty]`); each
concept groups at least MIN_QUESTIONS questions, so a concept is a subject, never a one-off tag. The file is
optional: a bank without it has no concepts, and its questions name none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .model import Concept, Problem, Question
from .parse import KEBAB, Yaml, list_entries, load_yaml, unknown_key
from .sanitize import plain_text_problem

CONCEPTS = "concepts.yml"
KEYS = {"id", "name", "summary"}
MIN_QUESTIONS = 3
MAX_PER_QUESTION = 3
MAX_NAME = 60
MAX_SUMMARY = 200


def load_concepts(text: str, path: str) -> tuple[list[Concept] | None, list[Problem]]:
    """Parse the concept list (already read as `text`); return its concepts (None if the file cannot be read
    as a list at all) and every problem in it."""
    doc, problems = load_yaml(text, path)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, list):
        return None, [*problems, Problem(path, doc.line, "the concept list must be a YAML list of concepts")]
    concepts: list[Concept] = []
    first_id: dict[str, Concept] = {}
    first_name: dict[str, Concept] = {}
    for item, lines in list_entries(doc, path, problems):
        concept = _concept(item, lines, path, problems)
        if concept is None:
            continue
        if concept.id in first_id:
            problems.append(
                Problem(
                    path, concept.line, f"duplicate concept '{concept.id}' (first at line {first_id[concept.id].line})"
                )
            )
            continue
        name = concept.name.casefold()
        if name in first_name:
            problems.append(
                Problem(
                    path, concept.line, f"concept name '{concept.name}' is already used at line {first_name[name].line}"
                )
            )
        first_name.setdefault(name, concept)
        first_id[concept.id] = concept
        concepts.append(concept)
    return concepts, problems


def _concept(item: Any, lines: Yaml, path: str, problems: list[Problem]) -> Concept | None:
    if not isinstance(item, dict):
        problems.append(Problem(path, lines.line, "a concept must be a mapping (id, name, summary)"))
        return None
    at = lines.key_lines
    for key in sorted(set(item) - KEYS, key=str):
        problems.append(Problem(path, at[str(key)], unknown_key(key, KEYS)))
    cid = item.get("id")
    if not isinstance(cid, str) or not KEBAB.match(cid):
        problems.append(
            Problem(path, at.get("id", lines.line), "'id' is required: lowercase kebab-case, e.g. 'kl-penalty'")
        )
        return None
    ok = True
    for key, limit in (("name", MAX_NAME), ("summary", MAX_SUMMARY)):
        value = item.get(key)
        if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
            problems.append(
                Problem(path, at.get(key, lines.line), f"concept '{cid}': '{key}' is required, on one line")
            )
            ok = False
        elif message := plain_text_problem(value):
            problems.append(Problem(path, at[key], f"concept '{cid}', {key}: {message}"))
            ok = False
        elif len(value.strip()) > limit:
            problems.append(
                Problem(
                    path, at[key], f"concept '{cid}': '{key}' is {len(value.strip())} characters; keep it under {limit}"
                )
            )
            ok = False
    if not ok:
        return None
    return Concept(cid, item["name"].strip(), item["summary"].strip(), lines.line)


def check_usage(concepts: Iterable[Concept], questions: Iterable[Question], path: str) -> list[Problem]:
    """A concept that fewer than MIN_QUESTIONS questions name is a tag, not a concept."""
    users = questions_by_concept(questions)
    return [
        Problem(
            path,
            c.line,
            f"concept '{c.id}' is named by {len(users[c.id])} question{'s' if len(users[c.id]) != 1 else ''}; "
            f"a concept groups at least {MIN_QUESTIONS} (name it in more questions, merge it or remove it)",
        )
        for c in concepts
        if len(users[c.id]) < MIN_QUESTIONS
    ]


def questions_by_concept(questions: Iterable[Question]) -> dict[str, list[Question]]:
    users: dict[str, list[Question]] = defaultdict(list)
    for q in questions:
        for cid in q.concepts:
            users[cid].append(q)
    return users
