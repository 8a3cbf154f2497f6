"""The whole bank as JSON, and the versioned JSON Schema that describes it.

Text fields stay the bank's Markdown (with `$...$` math) so nothing is lost; links and IDs are
as contributors wrote them, and every question carries its absolute permalink.
Change the shape only together with SCHEMA_VERSION (a new schema file, the old one kept meaning).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, get_args

from ..model import LEVELS, Bank, Concept, GlossaryTerm, Kind, Question, Source, Topic
from ..paths import SCHEMA_SRC, SCHEMA_VERSION, page_url, permalink, site_base, topic_src, worksheet_src

KEBAB = "^[a-z0-9]+(?:-[a-z0-9]+)*$"


def bank_to_json(bank: Bank, *, site_url: str | None) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_SRC.rsplit("/", 1)[1],  # beside this file
        "version": SCHEMA_VERSION,
        "site": site_url,
        "topics": [_topic(t, site_url) for t in bank.topics],
        "sources": [_source(s) for s in bank.sources.values()],
        "glossary": [_term(g) for g in bank.glossary],
        "concepts": [_concept(c) for c in bank.concepts],
    }


def render_questions_json(bank: Bank, *, site_url: str | None) -> str:
    return "".join(questions_json_chunks(bank, site_url=site_url))


def questions_json_chunks(bank: Bank, *, site_url: str | None) -> Iterator[str]:
    """`questions.json` in pieces, for writing it without holding it whole."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(bank_to_json(bank, site_url=site_url))
    yield "\n"


def render_schema(*, site_url: str | None) -> str:
    return json.dumps(questions_schema(site_url=site_url), ensure_ascii=False, indent=2) + "\n"


def _topic(topic: Topic, site_url: str | None) -> dict[str, Any]:
    base = site_base(site_url)
    return {
        "slug": topic.slug,
        "title": topic.title,
        "order": topic.order,
        "summary": topic.summary,
        "intro": topic.intro,
        "permalink": base + page_url(topic_src(topic)),
        "worksheet": base + page_url(worksheet_src(topic)) if topic.questions else None,
        "questions": [_question(q, site_url) for q in topic.questions],
    }


def _question(q: Question, site_url: str | None) -> dict[str, Any]:
    return {
        "id": q.id,
        "title": q.title,
        "topic": q.topic,
        "order": q.order,
        "level": q.level,
        "kind": q.kind,
        "multiple": q.multiple,
        "concepts": q.concepts,
        "sources": q.sources,
        "text": q.text,
        "choices": [{"text": c.text, "correct": c.correct, "reason": c.reason} for c in q.choices],
        "value": _number(q.numeric.value) if q.numeric else None,
        "tolerance": _number(q.numeric.tolerance) if q.numeric else None,
        "unit": (q.numeric.unit or None) if q.numeric else None,
        "answer": q.answer,
        "explanation": q.explanation,
        "permalink": permalink(q, site_url),
        "path": str(q.path),
    }


def _number(number: Decimal) -> int | float:
    """A JSON number: whole numbers stay integers, others the nearest double."""
    return int(number) if number == number.to_integral_value() else float(number)


def _source(source: Source) -> dict[str, Any]:
    return {
        "key": source.key,
        "title": source.title,
        "authors": source.authors,
        "year": source.year,
        "url": source.url,
        "arxiv": source.arxiv,
        "venue": source.venue,
    }


def _concept(concept: Concept) -> dict[str, Any]:
    return {"id": concept.id, "name": concept.name, "summary": concept.summary}


def _term(term: GlossaryTerm) -> dict[str, Any]:
    return {
        "term": term.term,
        "expansion": term.expansion,
        "definition": term.definition,
        "sources": list(term.sources),
        "aliases": list(term.aliases),
    }


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "description": description}


def _nullable_text(description: str) -> dict[str, Any]:
    return {"type": ["string", "null"], "minLength": 1, "description": description}


def _object(properties: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "required": list(properties),
        "additionalProperties": False,
        "properties": properties,
    }


def questions_schema(*, site_url: str | None) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of `questions.json`, version SCHEMA_VERSION."""
    kebab = {"type": "string", "pattern": KEBAB}
    url = {"type": "string", "format": "uri-reference"}
    question = _object(
        {
            "id": {**kebab, "description": "Stable ID (the file name); unique across the bank."},
            "title": _text("A few words naming what the question is about, plain text; unique in its topic."),
            "topic": {**kebab, "description": "Slug of the topic that holds the question."},
            "order": {"type": "integer", "description": "Position in its topic (ascending)."},
            "level": {"enum": list(LEVELS)},
            "kind": {
                "enum": list(get_args(Kind)),
                "description": "Pick one choice, pick every correct choice, reveal the answer and self-rate, "
                "or type a number (numeric).",
            },
            "multiple": {"type": "boolean", "description": "Several choices may be correct."},
            "concepts": {
                "type": "array",
                "items": kebab,
                "description": "IDs of entries in the top-level 'concepts' (empty in a bank without concepts).",
            },
            "sources": {
                "type": "array",
                "minItems": 1,
                "items": {"type": "string"},
                "description": "Keys of entries in the top-level 'sources'.",
            },
            "text": _text("The question, Markdown."),
            "choices": {
                "type": "array",
                "description": "Choices in order (A, B, ...); empty for reveal and numeric questions.",
                "items": _object(
                    {
                        "text": _text("Markdown."),
                        "correct": {"type": "boolean"},
                        "reason": _text("Why the choice is right or wrong, Markdown."),
                    },
                    "One choice, whether it is correct, and why.",
                ),
            },
            "value": {
                "type": ["number", "null"],
                "description": "The value a numeric question expects; null for other kinds.",
            },
            "tolerance": {
                "type": ["number", "null"],
                "minimum": 0,
                "description": "How far from 'value' either way an answer may be and count as correct (absolute, "
                "bounds included); null for other kinds.",
            },
            "unit": _nullable_text(
                "The unit of 'value', plain text; null when it has none or the question is not numeric."
            ),
            "answer": _text("The answer (for a numeric question, the worked solution), Markdown."),
            "explanation": _nullable_text("Why the answer holds, Markdown; null if none."),
            "permalink": {**url, "description": "The question on the site."},
            "path": {"type": "string", "description": "Source file in the repository."},
        },
        "One question.",
    )
    topic = _object(
        {
            "slug": kebab,
            "title": _text("Topic title."),
            "order": {"type": "integer"},
            "summary": _text("One-line summary."),
            "intro": {"type": "string", "description": "Introduction, Markdown (may be empty)."},
            "permalink": {**url, "description": "The topic page."},
            "worksheet": {
                "type": ["string", "null"],
                "format": "uri-reference",
                "description": "Printable worksheet; null for a topic without questions.",
            },
            "questions": {"type": "array", "items": {"$ref": "#/$defs/question"}},
        },
        "One topic and its questions, in order.",
    )
    source = _object(
        {
            "key": {"type": "string"},
            "title": _text("Title of the work."),
            "authors": _text("Authors, e.g. 'Long Ouyang et al.'."),
            "year": {"type": "integer"},
            "url": {"type": "string", "format": "uri", "pattern": "^https://"},
            "arxiv": {"type": ["string", "null"], "description": "arXiv ID, if any."},
            "venue": {"type": ["string", "null"]},
        },
        "A work from the bibliography.",
    )
    term = _object(
        {
            "term": _text("The word or abbreviation as the questions write it."),
            "expansion": _nullable_text("What an abbreviation stands for; null for other terms."),
            "definition": _text("One or two sentences of plain text."),
            "sources": {"type": "array", "items": {"type": "string"}, "description": "Bibliography keys."},
            "aliases": {"type": "array", "items": {"type": "string"}, "description": "Other spellings."},
        },
        "A term of the glossary.",
    )
    concept = _object(
        {
            "id": kebab,
            "name": _text("The concept's name, plain text."),
            "summary": _text("One sentence of plain text."),
        },
        "A subject that questions across topics test.",
    )
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Post-training question bank, version {SCHEMA_VERSION}",
        **_object(
            {
                "$schema": {"type": "string"},
                "version": {"const": SCHEMA_VERSION},
                "site": {"type": ["string", "null"], "description": "URL of the site the bank was published on."},
                "topics": {"type": "array", "items": {"$ref": "#/$defs/topic"}},
                "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
                "glossary": {"type": "array", "items": {"$ref": "#/$defs/term"}},
                "concepts": {"type": "array", "items": {"$ref": "#/$defs/concept"}},
            },
            "Every topic, question, cited work, glossary term and concept of the bank.",
        ),
        "$defs": {"question": question, "topic": topic, "source": source, "term": term, "concept": concept},
    }
    if site_url:
        schema = {"$id": site_base(site_url) + SCHEMA_SRC, **schema}
    return schema
