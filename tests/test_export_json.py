"""questions.json: valid against its published schema, and the bank comes back from it whole."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, MakeBank
from jsonschema import Draft202012Validator
from sample_bank import SITE, load_sample

from bank import Bank, load_bank
from bank.exports.questions_json import bank_to_json, questions_schema, render_questions_json, render_schema
from bank.paths import QUESTIONS_JSON_SRC, SCHEMA_SRC


def validator() -> Draft202012Validator:
    schema = questions_schema(site_url=SITE)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def assert_round_trip(data: dict[str, Any], bank: Bank) -> None:
    """Every topic, question, choice and source of `bank` is in `data`, field for field, and nothing else."""
    assert [t["slug"] for t in data["topics"]] == [t.slug for t in bank.topics]
    for topic, exported in zip(bank.topics, data["topics"], strict=True):
        assert (exported["title"], exported["order"], exported["summary"], exported["intro"]) == (
            topic.title,
            topic.order,
            topic.summary,
            topic.intro,
        )
        assert [q["id"] for q in exported["questions"]] == [q.id for q in topic.questions]
        for q, e in zip(topic.questions, exported["questions"], strict=True):
            assert e["topic"] == q.topic == topic.slug
            assert (e["order"], e["level"], e["kind"], e["multiple"]) == (q.order, q.level, q.kind, q.multiple)
            assert (e["concepts"], e["sources"], e["path"]) == (q.concepts, q.sources, str(q.path))
            assert (e["text"], e["answer"], e["explanation"]) == (q.text, q.answer, q.explanation)
            assert e["title"] == q.title
            assert e["choices"] == [{"text": c.text, "correct": c.correct, "reason": c.reason} for c in q.choices]
            n = q.numeric
            assert (e["value"], e["tolerance"], e["unit"]) == (
                (float(n.value), float(n.tolerance), n.unit or None) if n else (None, None, None)
            )
    assert {s["key"]: s for s in data["sources"]} == {
        key: {
            "key": s.key,
            "title": s.title,
            "authors": s.authors,
            "year": s.year,
            "url": s.url,
            "arxiv": s.arxiv,
            "venue": s.venue,
        }
        for key, s in bank.sources.items()
    }
    assert data["glossary"] == [
        {
            "term": g.term,
            "expansion": g.expansion,
            "definition": g.definition,
            "sources": list(g.sources),
            "aliases": list(g.aliases),
        }
        for g in bank.glossary
    ]
    exported_ids = [q["id"] for t in data["topics"] for q in t["questions"]]
    assert sorted(exported_ids) == sorted(q.id for q in bank.questions)


def test_schema_is_a_valid_draft_2020_12_schema_with_a_stable_id() -> None:
    schema = questions_schema(site_url=SITE)
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SITE + SCHEMA_SRC
    assert "$id" not in questions_schema(site_url=None)
    assert json.loads(render_schema(site_url=SITE)) == schema


def test_export_is_valid_and_round_trips(make_bank: MakeBank) -> None:
    _, bank = load_sample(make_bank)
    data = json.loads(render_questions_json(bank, site_url=SITE))
    validator().validate(data)
    assert_round_trip(data, bank)


def test_export_carries_permalinks_worksheets_and_correct_marks(make_bank: MakeBank) -> None:
    _, bank = load_sample(make_bank)
    data = bank_to_json(bank, site_url=SITE)
    assert data["version"] == 4
    assert data["$schema"] == "questions.schema.v4.json"
    assert data["concepts"] == [{"id": c.id, "name": c.name, "summary": c.summary} for c in bank.concepts]
    assert [c["id"] for c in data["concepts"]] == ["post-training-methods", "reward-models"]
    basics, later = data["topics"]
    assert basics["permalink"] == f"{SITE}topics/basics/"
    assert basics["worksheet"] == f"{SITE}worksheets/basics/"
    assert later["worksheet"] is None
    several = next(q for q in basics["questions"] if q["id"] == "pick-several")
    assert several["permalink"] == f"{SITE}topics/basics/#pick-several"
    assert [c["correct"] for c in several["choices"]] == [True, False, True, False]
    assert several["kind"] == "multiple"
    assert (several["value"], several["tolerance"], several["unit"]) == (None, None, None)
    numeric = next(q for q in basics["questions"] if q["id"] == "dpo-loss-value")
    assert (numeric["kind"], numeric["choices"], numeric["multiple"]) == ("numeric", [], False)
    # the tolerance is absolute: the author's 0.5% of 0.474
    assert (numeric["value"], numeric["tolerance"], numeric["unit"]) == (0.474, 0.00237, 'nats & "bits"')
    assert numeric["answer"].startswith("$-\\log \\sigma(0.5)")  # the worked solution


def test_whole_numbers_stay_integers_and_a_unit_is_optional(make_bank: MakeBank) -> None:
    front = "---\ntitle: Count\norder: 50\nlevel: foundation\nsources: [ouyang2022instructgpt]\n"
    body = "answer: 8388608\ntolerance: 0\n---\nHow many?\n\n## Answer\n\n$2^{23}$.\n"
    bank, problems = load_bank(make_bank({"basics/count.md": front + body}))
    assert problems == []
    data = bank_to_json(bank, site_url=SITE)
    validator().validate(data)
    count = next(q for q in data["topics"][0]["questions"] if q["id"] == "count")
    assert (count["value"], count["tolerance"], count["unit"]) == (8388608, 0, None)
    assert isinstance(count["value"], int) and isinstance(count["tolerance"], int)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("topics", 0, "questions", 0, "answer"), None),
        (("topics", 0, "questions", 1, "choices", 0, "correct"), "yes"),
        (("topics", 0, "questions", 0, "level"), "expert"),
        (("topics", 0, "questions", 0, "id"), "Not Kebab"),
        (("version",), 1),
        (("topics", 0, "questions", 3, "tolerance"), -0.1),
        (("topics", 0, "questions", 3, "value"), "0.474"),
        (("topics", 0, "questions", 3, "kind"), "number"),
    ],
)
def test_schema_rejects_a_broken_export(make_bank: MakeBank, path: tuple[str | int, ...], value: object) -> None:
    _, bank = load_sample(make_bank)
    data = copy.deepcopy(bank_to_json(bank, site_url=SITE))
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert not validator().is_valid(data)


def test_schema_rejects_unknown_fields(make_bank: MakeBank) -> None:
    _, bank = load_sample(make_bank)
    data = bank_to_json(bank, site_url=SITE)
    data["topics"][0]["questions"][0]["answer_html"] = "<p>x</p>"
    assert not validator().is_valid(data)


def test_built_site_publishes_the_real_bank_and_its_schema(built_site: Path) -> None:
    data = json.loads((built_site / QUESTIONS_JSON_SRC).read_text(encoding="utf-8"))
    schema = json.loads((built_site / SCHEMA_SRC).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    Draft202012Validator(schema).validate(data)
    bank, problems = load_bank(ROOT, docs_dir=ROOT / "docs")
    assert problems == []
    assert_round_trip(data, bank)
    assert data["site"] and schema["$id"] == data["site"] + SCHEMA_SRC
