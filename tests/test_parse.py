"""parse: front matter and sections keep their source lines."""

from __future__ import annotations

from bank.parse import load_yaml, parse_question_body, split_front_matter


def test_front_matter_key_and_item_lines() -> None:
    meta, body, body_line, problems = split_front_matter("---\norder: 1\nsources:\n  - a\n  - b\n---\nText\n", "f.md")
    assert problems == [] and meta is not None
    assert meta.data == {"order": 1, "sources": ["a", "b"]}
    assert meta.key_lines == {"order": 2, "sources": 3}
    assert meta.item_lines == {"sources": [4, 5]}
    assert (body, body_line) == ("Text\n", 7)


def test_duplicate_yaml_key_is_a_problem() -> None:
    _, problems = load_yaml("a: 1\nb: 2\na: 3\n", "f.yml", first_line=2)
    assert [str(p) for p in problems] == ["f.yml:4: duplicate key 'a' (first at line 2)"]


def test_unclosed_front_matter() -> None:
    meta, _, _, problems = split_front_matter("---\norder: 1\nText\n", "f.md")
    assert meta is None
    assert [str(p) for p in problems] == ["f.md:1: front matter is not closed (add a '---' line after it)"]


def test_front_matter_that_is_not_a_mapping() -> None:
    meta, _, _, problems = split_front_matter("---\n- a\n---\nText\n", "f.md")
    assert meta is None
    assert [str(p) for p in problems] == ["f.md:2: front matter must be a mapping of 'key: value' lines"]


def test_sections_and_choices_with_lines() -> None:
    body, problems = parse_question_body(
        "Q?\n\n* [X] Yes\n+ [ ] No\n\n## Answer\nYes.\n\n## Explanation\n\nWhy.", 7, "f.md"
    )
    assert problems == []
    assert (body.text, body.text_line) == ("Q?", 7)
    assert [(c.text, c.correct, c.line) for c in body.choices] == [("Yes", True, 9), ("No", False, 10)]
    assert (body.answer, body.answer_line, body.explanation, body.explanation_line) == ("Yes.", 12, "Why.", 15)


def test_explanation_before_answer_and_duplicate_section() -> None:
    _, problems = parse_question_body("Q?\n## Explanation\nE\n## Answer\nA\n## Answer\nB", 1, "f.md")
    assert [str(p) for p in problems] == [
        "f.md:6: duplicate '## Answer' section",
        "f.md:2: '## Explanation' must come after '## Answer'",
    ]


def test_indented_lines_under_a_choice_are_its_reason() -> None:
    body, problems = parse_question_body(
        "Q?\n\n- [x] Yes\n  Because it is.\n  Really.\n- [ ] No\n\n  Wrong way round.\n\n## Answer\nYes.", 1, "f.md"
    )
    assert problems == []
    assert [(c.text, c.reason) for c in body.choices] == [("Yes", "Because it is. Really."), ("No", "Wrong way round.")]


def test_an_unindented_line_after_the_choices_is_still_a_problem() -> None:
    _, problems = parse_question_body("Q?\n\n- [x] Yes\nStray.\n\n## Answer\nYes.", 1, "f.md")
    assert [p.line for p in problems] == [4]


def test_a_yaml_error_points_at_where_the_broken_construct_starts() -> None:
    from bank.parse import load_yaml

    _, problems = load_yaml("title: T\nsources: [a, b\nlevel: foundation\norder: 20\n", "q.md", first_line=2)
    [problem] = problems
    assert problem.line == 3  # the line that opens the list, not the one where the parser gave up
    assert problem.message == (
        "malformed YAML parsing a flow sequence: did not find expected ',' or ']' (noticed at line 4)"
    )
