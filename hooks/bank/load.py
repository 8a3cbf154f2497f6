"""Load the bank from `questions/` and collect every problem in it, at its source line."""

from __future__ import annotations

import re
from collections.abc import Container
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath
from typing import Any, TypeGuard

from .concepts import CONCEPTS, MAX_PER_QUESTION, check_usage, load_concepts
from .glossary import GLOSSARY, load_glossary
from .model import LEVELS, Bank, Choice, Concept, GlossaryTerm, NumericAnswer, Problem, Question, Source, Topic
from .parse import (
    KEBAB,
    Yaml,
    decode,
    did_you_mean,
    list_entries,
    load_yaml,
    parse_question_body,
    prose_lines,
    split_front_matter,
    unknown_key,
)
from .sanitize import plain_text_problem

BANK_DIR = "questions"
BIBLIOGRAPHY = "references.yml"
TOPIC_FILE = "_topic.md"
# Data files other features keep beside the bibliography.
ROOT_FILES = {BIBLIOGRAPHY, GLOSSARY, CONCEPTS}
# Editor backups and system files are never bank files: skip them rather than stop the build.
IGNORED = re.compile(r"^(?:\..*|.*~|#.*#|Thumbs\.db|desktop\.ini)$")
MAX_CHOICES = 26  # one letter each
SOURCE_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
ARXIV = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")
NUMERIC_KEYS = {"answer", "tolerance", "unit"}  # a question answered with a number
QUESTION_KEYS = {"title", "order", "level", "concepts", "sources", "multiple", *NUMERIC_KEYS}
# A number as a contributor writes it (YAML reads `1e-3`, without a dot, as text): digits, no separators.
NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
PERCENT = re.compile(r"^(.*?)\s*%$")
MAX_UNIT = 30
MAX_EXPONENT = 30  # numbers between 1e-30 and 1e30 (and 0): more than any bank question needs
MAX_TITLE = 80
# Choices are shown shuffled: text that names one by its letter or place points at the wrong choice.
LETTER_REFERENCE = re.compile(
    r"\b(?i:choices?|options?|answers?)\s+\(?[A-Z]\)?(?![\w'-])"
    r"|(?<![\w'-])[A-Z]\s+(?i:is|was|are)\s+(?i:(?:also|not|partly|only|half)\s+)?"
    r"(?i:right|wrong|correct|incorrect|true|false)\b"
    r"|(?<![\w$\\])\([A-Z]\)"
    r"|\b(?i:(?:first|second|third|fourth|fifth|last)\s+(?:choice|option)s?)\b"
)
MATH_SPAN = re.compile(r"\$\$.*?\$\$|\$[^$\n]*\$", re.S)
TOPIC_KEYS = {"title", "order", "summary"}
SOURCE_KEYS = {"key", "title", "authors", "year", "venue", "arxiv", "url", "note"}  # note: for citers, never shown


def load_bank(root: Path, *, docs_dir: Path | None = None) -> tuple[Bank, list[Problem]]:
    """Load `root/questions`; return the bank and every problem found, sorted by path and line.

    `docs_dir`, when given, is where page links in bank text must lead.
    """
    bank_dir = root / BANK_DIR
    problems: list[Problem] = []
    sources = _load_bibliography(bank_dir / BIBLIOGRAPHY, root, problems)
    concepts, known_concepts = _load_concepts(bank_dir / CONCEPTS, root, problems)
    topics: list[Topic] = []
    questions: list[Question] = []

    if not bank_dir.is_dir():
        problems.append(Problem(BANK_DIR, 1, "the question bank folder is missing"))
    for entry in sorted(bank_dir.iterdir()) if bank_dir.is_dir() else []:
        rel = _rel(entry, root)
        if IGNORED.match(entry.name):
            continue
        if _leaves(entry, bank_dir, rel, problems):
            continue
        if entry.is_file():
            if entry.name not in ROOT_FILES:
                problems.append(Problem(rel, 1, "file outside any topic (move it into questions/<topic>/)"))
            continue
        topic, topic_questions = _load_topic_folder(entry, root, sources, known_concepts, problems)
        questions.extend(topic_questions)
        if topic is not None:
            topic.questions = sorted(topic_questions, key=lambda q: (q.order, q.id))
            topics.append(topic)

    _check_across(questions, topics, problems)
    if concepts is not None:
        problems.extend(check_usage(concepts, questions, f"{BANK_DIR}/{CONCEPTS}"))
    glossary = _load_glossary(bank_dir / GLOSSARY, root, sources, problems)
    topics.sort(key=lambda t: (t.order, t.slug))
    return Bank(topics, sources, glossary, concepts or []), sorted(set(problems))


def _leaves(path: Path, bank_dir: Path, rel: str, problems: list[Problem]) -> bool:
    """True, with a problem, for a symbolic link whose target lies outside the bank folder: it would publish any file."""
    if not path.is_symlink() or path.resolve().is_relative_to(bank_dir.resolve()):
        return False
    problems.append(Problem(rel, 1, "a link that leads out of questions/ (replace it with the file itself)"))
    return True


def _rel(path: Path, root: Path) -> str:
    """`path` relative to `root`, with forward slashes (paths here always lie under root)."""
    return path.as_posix()[len(root.as_posix()) :].lstrip("/")


def _read(path: Path, root: Path, problems: list[Problem]) -> str | None:
    text, found = decode(path.read_bytes(), _rel(path, root))
    problems.extend(found)
    return text


def _load_bibliography(path: Path, root: Path, problems: list[Problem]) -> dict[str, Source]:
    rel = _rel(path, root)
    if not path.is_file():
        problems.append(Problem(rel, 1, "bibliography not found (create it: a YAML list of works)"))
        return {}
    text = _read(path, root, problems)
    if text is None:
        return {}
    doc, found = load_yaml(text, rel)
    problems.extend(found)
    if doc is None:
        return {}
    if not isinstance(doc.data, list):
        problems.append(Problem(rel, doc.line, "the bibliography must be a YAML list of works"))
        return {}
    sources: dict[str, Source] = {}
    for item, lines in list_entries(doc, rel, problems):
        source = _source(item, lines, rel, problems)
        if source is None:
            continue
        if source.key in sources:
            problems.append(
                Problem(rel, lines.key_lines.get("key", lines.line), f"duplicate bibliography key '{source.key}'")
            )
        sources[source.key] = source
    return sources


def _load_glossary(path: Path, root: Path, sources: dict[str, Source], problems: list[Problem]) -> list[GlossaryTerm]:
    """The glossary is optional: without the file the site has no tooltips and an empty glossary page."""
    text = _read(path, root, problems) if path.is_file() else None
    if text is None:
        return []
    terms, found = load_glossary(text, _rel(path, root), sources=sources)
    problems.extend(found)
    return terms


class _Unreadable:
    """What a concept list that cannot be read knows: anything (its own problem is reported once)."""

    def __contains__(self, item: object) -> bool:
        return True


def _load_concepts(
    path: Path, root: Path, problems: list[Problem]
) -> tuple[list[Concept] | None, Container[str] | None]:
    """The concepts, and the IDs questions may name: None without the file (then they name none)."""
    if not path.is_file():
        return None, None
    text = _read(path, root, problems)
    concepts, found = load_concepts(text, _rel(path, root)) if text is not None else (None, [])
    problems.extend(found)
    if concepts is None:
        return None, _Unreadable()
    return concepts, {c.id for c in concepts}


def _source(item: Any, lines: Yaml, rel: str, problems: list[Problem]) -> Source | None:
    if not isinstance(item, dict):
        problems.append(
            Problem(rel, lines.line, "a bibliography entry must be a mapping (key, title, authors, year, url)")
        )
        return None
    at = lines.key_lines
    for key in sorted(set(item) - SOURCE_KEYS):
        problems.append(
            Problem(
                rel,
                at[str(key)],
                unknown_key(key, SOURCE_KEYS, " in bibliography entry"),
            )
        )
    key = item.get("key")
    if not isinstance(key, str) or not key:
        problems.append(Problem(rel, lines.line, "bibliography entry without a 'key'"))
        return None
    if not SOURCE_KEY.match(key):
        problems.append(
            Problem(
                rel, at["key"], f"bibliography key '{key}' must be letters and digits, e.g. 'ouyang2022instructgpt'"
            )
        )
        return None
    ok = True
    for field_name in ("title", "authors", "venue"):
        value = item.get(field_name)
        if isinstance(value, str) and (message := plain_text_problem(value)):
            problems.append(Problem(rel, at[field_name], f"bibliography entry '{key}', {field_name}: {message}"))
            ok = False
    for field_name in ("title", "authors", "url"):
        if not isinstance(item.get(field_name), str) or not item[field_name].strip():
            problems.append(
                Problem(rel, at.get(field_name, lines.line), f"bibliography entry '{key}' has no {field_name}")
            )
            ok = False
    year = item.get("year")
    if not isinstance(year, int) or not 1000 <= year <= 9999:
        problems.append(
            Problem(rel, at.get("year", lines.line), f"bibliography entry '{key}' has no year (a four-digit number)")
        )
        ok = False
    url = item.get("url")
    if isinstance(url, str) and url and (not url.startswith("https://") or re.search(r"[\s\"'<>\\]", url)):
        problems.append(Problem(rel, at["url"], f"bibliography entry '{key}': url must start with https://"))
        ok = False
    arxiv = item.get("arxiv")
    if arxiv is not None and not (isinstance(arxiv, str) and ARXIV.match(arxiv)):
        problems.append(
            Problem(
                rel,
                at["arxiv"],
                f"bibliography entry '{key}': malformed arXiv ID '{arxiv}' (e.g. '2203.02155', quoted)",
            )
        )
        ok = False
    if not ok:
        return None
    venue = item.get("venue")
    return Source(
        key,
        item["title"].strip(),
        item["authors"].strip(),
        item["year"],
        item["url"],
        arxiv,
        str(venue) if venue else None,
    )


def _load_topic_folder(
    folder: Path,
    root: Path,
    known_sources: dict[str, Source],
    known_concepts: Container[str] | None,
    problems: list[Problem],
) -> tuple[Topic | None, list[Question]]:
    slug = folder.name
    rel_folder = _rel(folder, root)
    if not KEBAB.match(slug):
        problems.append(
            Problem(f"{rel_folder}/{TOPIC_FILE}", 1, f"topic folder name '{slug}' must be lowercase kebab-case")
        )
    topic: Topic | None = None
    topic_file = folder / TOPIC_FILE
    if topic_file.is_file():
        topic = _load_topic(topic_file, root, problems)
    else:
        problems.append(
            Problem(
                f"{rel_folder}/{TOPIC_FILE}",
                1,
                "topic folder has no topic file (create it with title, order and summary)",
            )
        )
    questions: list[Question] = []
    for path in sorted(folder.rglob("*")):
        if any(IGNORED.match(part) for part in path.relative_to(folder).parts) or path == topic_file:
            continue
        rel = _rel(path, root)
        if _leaves(path, root / BANK_DIR, rel, problems):
            continue
        if path.is_dir():
            continue
        if path.parent != folder:
            problems.append(Problem(rel, 1, "file outside any topic (questions live directly in questions/<topic>/)"))
        elif path.suffix != ".md":
            problems.append(Problem(rel, 1, "not a question file (question files end in .md)"))
        else:
            question = _load_question(path, slug, root, known_sources, known_concepts, problems)
            if question is not None:
                questions.append(question)
    return topic, questions


def _load_topic(path: Path, root: Path, problems: list[Problem]) -> Topic | None:
    rel = _rel(path, root)
    text = _read(path, root, problems)
    if text is None:
        return None
    meta, body, body_line, found = split_front_matter(text, rel)
    problems.extend(found)
    if meta is None:
        return None
    data, at = meta.data, meta.key_lines
    for key in sorted(set(data) - TOPIC_KEYS):
        problems.append(Problem(rel, at[str(key)], unknown_key(key, TOPIC_KEYS)))
    ok = True
    for key in ("title", "summary"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(Problem(rel, at.get(key, 2), f"'{key}' is required: a line of text"))
            ok = False
        elif message := plain_text_problem(data[key]):
            problems.append(Problem(rel, at[key], f"'{key}': {message}"))
    if not _is_int(data.get("order")):
        problems.append(
            Problem(
                rel, at.get("order", 2), "'order' is required: the topic's position in the navigation (a whole number)"
            )
        )
        ok = False
    if not ok:
        return None
    return Topic(
        slug=path.parent.name,
        title=data["title"].strip(),
        order=data["order"],
        summary=data["summary"].strip(),
        intro=body.strip(),
        path=PurePosixPath(rel),
        intro_line=body_line + body[: len(body) - len(body.lstrip())].count("\n"),
    )


def _list(value: object) -> list[Any]:
    """A front-matter list, or [] for a value of another type (reported on its own)."""
    return value if isinstance(value, list) else []


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _load_question(
    path: Path,
    topic: str,
    root: Path,
    known_sources: dict[str, Source],
    known_concepts: Container[str] | None,
    problems: list[Problem],
) -> Question | None:
    rel = _rel(path, root)
    qid = path.stem
    if not KEBAB.match(qid):
        problems.append(
            Problem(
                rel, 1, f"question ID '{qid}' (the file name) must be lowercase kebab-case, e.g. 'dpo-reference-model'"
            )
        )
    text = _read(path, root, problems)
    if text is None:
        return None
    meta, body_text, body_line, found = split_front_matter(text, rel)
    problems.extend(found)
    body, found = parse_question_body(body_text, body_line, rel)
    problems.extend(found)
    data: dict[str, Any] = meta.data if meta is not None else {}
    at = meta.key_lines if meta is not None else {}
    meta_line = 1 if meta is None else 2

    for key in sorted(set(data) - QUESTION_KEYS, key=str):
        problems.append(Problem(rel, at[str(key)], unknown_key(key, QUESTION_KEYS)))
    if meta is not None:
        if not _is_int(data.get("order")):
            problems.append(
                Problem(
                    rel,
                    at.get("order", meta_line),
                    "'order' is required: a whole number that places the question in its topic",
                )
            )
        if data.get("level") not in LEVELS:
            problems.append(Problem(rel, at.get("level", meta_line), f"'level' must be one of: {', '.join(LEVELS)}"))
        value = data.get("sources")
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            problems.append(
                Problem(
                    rel, at.get("sources", meta_line), "'sources' is required: a non-empty list, e.g. sources: [a, b]"
                )
            )
        _check_concepts(data, meta, known_concepts, rel, meta_line, problems)
        for key, line in zip(_list(data.get("sources")), meta.item_lines.get("sources", []), strict=False):
            if isinstance(key, str) and key not in known_sources:
                problems.append(
                    Problem(
                        rel,
                        line,
                        f"unknown source '{key}'{did_you_mean(key, known_sources)} "
                        f"(add it to {BANK_DIR}/{BIBLIOGRAPHY} or fix the key)",
                    )
                )
        title = data.get("title")
        if title is None:
            problems.append(
                Problem(rel, meta_line, "'title' is required: a few words naming what the question is about")
            )
        elif not isinstance(title, str) or not title.strip() or "\n" in title.strip():
            problems.append(Problem(rel, at["title"], "'title' must be a few words on one line"))
        elif message := plain_text_problem(title):
            problems.append(Problem(rel, at["title"], f"'title': {message}"))
        elif len(title.strip()) > MAX_TITLE:
            problems.append(
                Problem(rel, at["title"], f"'title' is {len(title.strip())} characters; keep it under {MAX_TITLE}")
            )
        if "multiple" in data and not isinstance(data["multiple"], bool):
            problems.append(Problem(rel, at["multiple"], "'multiple' must be true or false"))

    if not body.text:
        problems.append(Problem(rel, body.text_line, "missing question text (write the question before '## Answer')"))
    if body.answer is None:
        problems.append(Problem(rel, body.text_line, "missing '## Answer' section (the text the reader reveals)"))
    elif not body.answer:
        problems.append(Problem(rel, body.answer_line or 1, "empty '## Answer' section"))
    if body.explanation is not None and not body.explanation:
        problems.append(
            Problem(rel, body.explanation_line or 1, "empty '## Explanation' section (remove it or write one)")
        )
    multiple = data.get("multiple") is True
    numeric = _numeric(data, at, rel, problems) if meta is not None else None
    if "answer" in data:
        if body.choices:
            problems.append(
                Problem(
                    rel,
                    body.choices[0].line,
                    "a numeric question has no choices: the reader types the number "
                    "(remove the task list, or remove 'answer' from the front matter for a choice question)",
                )
            )
        if "multiple" in data:
            problems.append(
                Problem(rel, at["multiple"], "'multiple' is for choice questions, not numeric ones (remove it)")
            )
    else:
        _check_choices(body.choices, multiple, rel, body.text_line, problems)
    fields = [(body.text, body.text_line), (body.answer or "", body.answer_start)]
    fields += [(body.explanation or "", body.explanation_start)]
    fields += [(c.reason, c.reason_line) for c in body.choices if c.reason]
    problems.extend(_letter_references(fields, rel))
    title_field = [(data["title"], at["title"])] if isinstance(data.get("title"), str) else []
    problems.extend(_todos([*title_field, *fields, *((c.text, c.line) for c in body.choices)], rel))

    order = data.get("order")
    return Question(
        id=qid,
        topic=topic,
        path=PurePosixPath(rel),
        order=order if _is_int(order) else 0,
        level=data["level"] if data.get("level") in LEVELS else "foundation",
        concepts=[str(c) for c in _list(data.get("concepts")) if isinstance(c, str)],
        sources=[str(s) for s in _list(data.get("sources")) if isinstance(s, str)],
        text=body.text,
        answer=body.answer or "",
        explanation=body.explanation or None,
        choices=body.choices,
        multiple=multiple,
        text_line=body.text_line,
        order_line=at.get("order", meta_line),
        answer_line=body.answer_start,
        explanation_line=body.explanation_start,
        title=data["title"].strip() if isinstance(data.get("title"), str) else "",
        title_line=at.get("title", meta_line),
        numeric=numeric,
    )


def _number(value: object) -> Decimal | None:
    """A finite number from YAML (an int, a float or digits in quotes), exactly as written; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        value = repr(value)  # the shortest text that reads back as this float: 0.1, not 0.1000000000000000055
    if isinstance(value, str) and NUMBER.match(value.strip()):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            return None
        # A bounded exponent: 1e999999999 would print as a billion digits on the page.
        return number if number.is_finite() and abs(number.adjusted()) <= MAX_EXPONENT else None
    return None


def _numeric(data: dict[str, Any], at: dict[str, int], rel: str, problems: list[Problem]) -> NumericAnswer | None:
    """The value, tolerance and unit of a numeric question (front matter `answer`), or None."""
    if "answer" not in data:
        for key in sorted(NUMERIC_KEYS & set(data)):
            problems.append(
                Problem(
                    rel,
                    at[key],
                    f"'{key}' goes with 'answer', the value of a numeric question (add it, or remove '{key}')",
                )
            )
        return None
    line = at["answer"]
    value = _number(data["answer"])
    if value is None:
        problems.append(
            Problem(
                rel,
                line,
                "'answer' must be a number, e.g. answer: 0.5 (digits and a decimal point; no unit, no thousands separator)",
            )
        )
    ok = value is not None
    raw, percent, tolerance = data.get("tolerance"), None, None
    if "tolerance" not in data:
        problems.append(
            Problem(
                rel,
                line,
                "'tolerance' is required with 'answer': how far from the value a reader's number may be, "
                "e.g. tolerance: 0.01, or tolerance: 1% of the value",
            )
        )
        ok = False
    else:
        if isinstance(raw, str) and (match := PERCENT.match(raw.strip())):
            tolerance = percent = _number(match.group(1))
        else:
            tolerance = _number(raw)
        if tolerance is None:
            problems.append(
                Problem(
                    rel,
                    at["tolerance"],
                    "'tolerance' must be a number or a percentage of the value, e.g. tolerance: 0.01 or tolerance: 1%",
                )
            )
            ok = False
        elif tolerance < 0:
            problems.append(
                Problem(
                    rel,
                    at["tolerance"],
                    "'tolerance' must not be negative: it is how far either side of the value an answer may be",
                )
            )
            ok = False
        elif percent is not None and value == 0 and percent != 0:
            problems.append(
                Problem(
                    rel,
                    at["tolerance"],
                    "a percentage of a value of 0 is 0: give the tolerance as a number, e.g. tolerance: 0.01",
                )
            )
            ok = False
    unit = data.get("unit", "")
    if "unit" in data and (
        not isinstance(unit, str) or not unit.strip() or "\n" in unit.strip() or len(unit.strip()) > MAX_UNIT
    ):
        problems.append(
            Problem(
                rel,
                at["unit"],
                f"'unit' must be a short line of plain text (at most {MAX_UNIT} characters), e.g. unit: tokens",
            )
        )
        ok = False
    elif "unit" in data and (message := plain_text_problem(unit)):
        problems.append(Problem(rel, at["unit"], f"'unit': {message}"))
        ok = False
    if not ok or value is None or tolerance is None:
        return None
    absolute = abs(value) * percent / 100 if percent is not None else tolerance
    return NumericAnswer(value, absolute, unit.strip(), percent, line)


def _check_concepts(
    data: dict[str, Any], meta: Yaml, known: Container[str] | None, rel: str, meta_line: int, problems: list[Problem]
) -> None:
    value, at = data.get("concepts"), meta.key_lines
    if known is None:
        if value is not None:
            problems.append(
                Problem(rel, at["concepts"], f"'concepts' needs the concept list {BANK_DIR}/{CONCEPTS} (create it)")
            )
        return
    if (
        not isinstance(value, list)
        or not 1 <= len(value) <= MAX_PER_QUESTION
        or not all(isinstance(v, str) and v for v in value)
    ):
        problems.append(
            Problem(
                rel,
                at.get("concepts", meta_line),
                f"'concepts' is required: 1 to {MAX_PER_QUESTION} IDs from {BANK_DIR}/{CONCEPTS}, e.g. concepts: [a, b]",
            )
        )
        return
    for cid, line in zip(value, meta.item_lines.get("concepts", []), strict=False):
        if cid not in known:
            problems.append(
                Problem(
                    rel,
                    line,
                    f"unknown concept '{cid}'{did_you_mean(cid, known if isinstance(known, set) else [])} (add it to {BANK_DIR}/{CONCEPTS} or fix the ID)",
                )
            )
    if len(set(value)) < len(value):
        problems.append(Problem(rel, at["concepts"], "a concept is named twice"))


def _todos(fields: list[tuple[str, int]], rel: str) -> list[Problem]:
    """A 'TODO' the scaffold left: the file is not finished, so it is not published."""
    found = []
    for text, line in fields:
        for offset, row in enumerate(text.split("\n")):
            if "TODO" in row:
                found.append(
                    Problem(rel, line + offset, "'TODO' left in the question: write this part, then remove it")
                )
                break
    return found


def _letter_references(fields: list[tuple[str, int]], rel: str) -> list[Problem]:
    """Text that names a choice by its letter or position ("B is wrong"): wrong once choices are shuffled."""
    found = []
    for text, first_line in fields:
        plain = MATH_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
        for line, prose in prose_lines(plain, first_line):
            if match := LETTER_REFERENCE.search(prose):
                found.append(
                    Problem(
                        rel,
                        line,
                        f"'{match.group(0)}' names a choice by its letter or place; choices are shown shuffled, "
                        "so name it by what it says",
                    )
                )
    return found


def _check_choices(choices: list[Choice], multiple: bool, rel: str, text_line: int, problems: list[Problem]) -> None:
    if not choices:
        if multiple:
            problems.append(Problem(rel, text_line, "'multiple: true' but the question has no choices"))
        return
    if len(choices) < 2:
        problems.append(Problem(rel, choices[0].line, "a question with choices needs at least two"))
    if len(choices) > MAX_CHOICES:
        problems.append(
            Problem(rel, choices[MAX_CHOICES].line, f"more than {MAX_CHOICES} choices (one letter each, A to Z)")
        )
        del choices[MAX_CHOICES:]
    seen: dict[str, int] = {}
    for choice in choices:
        norm = _same_choice(choice.text)
        if norm and norm in seen:
            problems.append(Problem(rel, choice.line, f"duplicate choice (same text as line {seen[norm]})"))
        seen.setdefault(norm, choice.line)
    for choice in choices:
        if not choice.reason:
            problems.append(
                Problem(
                    rel,
                    choice.line,
                    "choice without a reason: on the line under it, indented by two spaces, say in a sentence or "
                    "two why it is right or wrong",
                )
            )
    correct = [c for c in choices if c.correct]
    if not correct:
        problems.append(Problem(rel, choices[0].line, "no correct choice (mark it '- [x] ')"))
    elif len(correct) > 1 and not multiple:
        problems.append(
            Problem(
                rel,
                correct[1].line,
                "several correct choices in a single-answer question (keep one '- [x]', or add 'multiple: true')",
            )
        )


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _same_choice(text: str) -> str:
    """Choices are duplicates only when they read the same: case and spacing aside, every character counts."""
    return " ".join(text.casefold().split())


def _check_across(questions: list[Question], topics: list[Topic], problems: list[Problem]) -> None:
    first_id: dict[str, Question] = {}
    first_text: dict[str, Question] = {}
    first_order: dict[tuple[str, int], Question] = {}
    first_title: dict[tuple[str, str], Question] = {}
    for q in questions:
        rel = str(q.path)
        if q.id in first_id:
            problems.append(
                Problem(rel, 1, f"question ID '{q.id}' is already used by {first_id[q.id].path} (rename this file)")
            )
        first_id.setdefault(q.id, q)
        norm = _normalise(q.text)
        if norm and norm in first_text:
            problems.append(Problem(rel, q.text_line, f"same question text as {first_text[norm].path}"))
        first_text.setdefault(norm, q)
        if q.order and (q.topic, q.order) in first_order:
            problems.append(
                Problem(rel, q.order_line, f"order {q.order} is already used by {first_order[q.topic, q.order].path}")
            )
        first_order.setdefault((q.topic, q.order), q)
        title = (q.topic, q.title.casefold())
        if q.title and title in first_title:
            problems.append(
                Problem(rel, q.title_line, f"title '{q.title}' is already used by {first_title[title].path}")
            )
        first_title.setdefault(title, q)
    topic_orders: dict[int, Topic] = {}
    for topic in topics:
        if topic.order in topic_orders:
            problems.append(
                Problem(str(topic.path), 2, f"order {topic.order} is already used by {topic_orders[topic.order].path}")
            )
        topic_orders.setdefault(topic.order, topic)
