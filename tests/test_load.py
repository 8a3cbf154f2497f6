"""load_bank: every kind of problem is reported once, at the file and line to open, with all others."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import MakeBank

from bank import Problem, load_bank

Q = "questions/basics/"


def problems_of(root: Path) -> list[tuple[str, int, str]]:
    _, problems = load_bank(root, docs_dir=root / "docs")
    return [(p.path, p.line, p.message) for p in problems]


def question(
    body: str, *, front: str = "order: 20\nlevel: foundation\ntitle: A question\nsources: [ouyang2022instructgpt]\n"
) -> str:
    return f"---\n{front}---\n{body}"


def test_valid_bank_loads_with_no_problem(make_bank: MakeBank) -> None:
    root = make_bank()
    bank, problems = load_bank(root, docs_dir=root / "docs")
    assert problems == []
    [topic] = bank.topics
    assert (topic.slug, topic.title, topic.order, topic.summary, topic.intro) == (
        "basics",
        "Basics",
        1,
        "The basics.",
        "Intro to the basics.",
    )
    [q] = topic.questions
    assert (q.id, q.topic, str(q.path), q.level, q.concepts, q.sources) == (
        "what-is-post-training",
        "basics",
        Q + "what-is-post-training.md",
        "foundation",
        [],
        ["ouyang2022instructgpt"],
    )
    assert (q.text, q.answer, q.explanation, q.choices, q.kind) == (
        "What is post-training?",
        "Training after pre-training.",
        None,
        [],
        "reveal",
    )


def test_choices_explanation_and_order(make_bank: MakeBank) -> None:
    body = "Pick one.\n\n- [ ] Alpha\n  Reason: Alpha.\n- [x] Beta `code`\n  Reason: Beta `code`.\n- [ ] Gamma\n  Reason: Gamma.\n\n## Answer\n\nBeta.\n\n## Explanation\n\nBecause.\n"
    root = make_bank(
        {
            "basics/pick.md": question(
                body, front="order: 5\nlevel: advanced\ntitle: A question\nsources: [ouyang2022instructgpt]\n"
            )
        }
    )
    bank, problems = load_bank(root)
    assert problems == []
    first, second = bank.topics[0].questions
    assert first.id == "pick" and second.id == "what-is-post-training"
    assert [(c.text, c.correct, c.line) for c in first.choices] == [
        ("Alpha", False, 9),
        ("Beta `code`", True, 11),
        ("Gamma", False, 13),
    ]
    assert (first.text, first.answer, first.explanation, first.kind) == ("Pick one.", "Beta.", "Because.", "single")


def test_multiple_answer_question(make_bank: MakeBank) -> None:
    body = "Select all that apply.\n\n- [x] A\n  Reason: A.\n- [ ] B\n  Reason: B.\n- [x] C\n  Reason: C.\n\n## Answer\n\nA and C.\n"
    front = "order: 20\nlevel: foundation\ntitle: A question\nsources: [ouyang2022instructgpt]\nmultiple: true\n"
    bank, problems = load_bank(make_bank({"basics/multi.md": question(body, front=front)}))
    assert problems == []
    assert bank.topics[0].questions[1].kind == "multiple"


def test_fenced_code_is_not_parsed_as_sections_or_choices(make_bank: MakeBank) -> None:
    body = "What does this print?\n\n```text\n## Answer\n- [x] not a choice\n  Reason: not a choice.\n```\n\n## Answer\n\nNothing.\n"
    bank, problems = load_bank(make_bank({"basics/code.md": question(body)}))
    assert problems == []
    q = bank.topics[0].questions[1]
    assert q.choices == [] and "## Answer" in q.text and q.answer == "Nothing."


CASES = [
    pytest.param(
        "basics/x.md",
        question(
            "Q?\n\n## Answer\n\nA.\n",
            front="order: 20\nlevel: foundation\ntitle: A question\nsources: [ouyang2022instructgpt]\nsource: [x]\n",
        ),
        6,
        "unknown key 'source' (did you mean 'sources'?) (allowed: answer, concepts, level, multiple, order, sources, title, tolerance, unit)",
        id="unknown-key",
    ),
    pytest.param(
        "basics/x.md",
        question(
            "Q?\n\n## Answer\n\nA.\n",
            front="title: [a, b]\norder: 20\nlevel: foundation\nsources: [ouyang2022instructgpt]\n",
        ),
        2,
        "'title' must be a few words on one line",
        id="title-not-text",
    ),
    pytest.param(
        "basics/x.md",
        question(
            "Q?\n\n## Answer\n\nA.\n",
            front="title: " + "w" * 81 + "\norder: 20\nlevel: foundation\nsources: [ouyang2022instructgpt]\n",
        ),
        2,
        "'title' is 81 characters; keep it under 80",
        id="title-too-long",
    ),
    pytest.param(
        "basics/x.md",
        question("\n## Answer\n\nA.\n"),
        8,
        "missing question text (write the question before '## Answer')",
        id="missing-text",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\n"),
        7,
        "missing '## Answer' section (the text the reader reveals)",
        id="missing-answer",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\n\n## Answer\n\n## Explanation\n\nE.\n"),
        9,
        "empty '## Answer' section",
        id="empty-answer",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\n\n- [ ] A\n  Reason: A.\n- [ ] B\n  Reason: B.\n\n## Answer\n\nA.\n"),
        9,
        "no correct choice (mark it '- [x] ')",
        id="no-correct",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\n\n- [x] A\n  Reason: A.\n- [x] B\n  Reason: B.\n\n## Answer\n\nA.\n"),
        11,
        "several correct choices in a single-answer question (keep one '- [x]', or add 'multiple: true')",
        id="several-correct",
    ),
    pytest.param(
        "basics/x.md",
        question(
            "Q?\n\n- [x] Same text\n  Reason: Same text.\n- [ ] same  TEXT\n  Reason: same  TEXT.\n\n## Answer\n\nA.\n"
        ),
        11,
        "duplicate choice (same text as line 9)",
        id="duplicate-choice",
    ),
    pytest.param(
        "basics/x.md",
        question(
            "Q?\n\n- [x] A\n  Reason: A.\n- [ ] B\n  Reason: B.\nmore text\n- [ ] C\n  Reason: C.\n\n## Answer\n\nA.\n"
        ),
        13,
        "choices must be one task list at the end of the question text: one line per choice, "
        "its reason indented on the lines under it",
        id="choices-not-at-end",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\n\n## Answer\n\nA.\n", front="order: 20\nlevel: foundation\nsources: [ouyang2022instructgpt]\n"),
        2,
        "'title' is required: a few words naming what the question is about",
        id="no-title",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\n\n- [x] A\n  Right.\n- [ ] B\n\n## Answer\n\nA.\n"),
        11,
        "choice without a reason: on the line under it, indented by two spaces, say in a sentence or two why it "
        "is right or wrong",
        id="no-reason",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\n\n- [x] A\n  Right.\n- [ ] B\n  Wrong.\n\n## Answer\n\nA.\n\n## Explanation\n\nSo B is wrong.\n"),
        20,
        "'B is wrong' names a choice by its letter or place; choices are shown shuffled, so name it by what it says",
        id="letter-reference",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\n\n- [x] A\n  Unlike the second option, this holds.\n- [ ] B\n  Wrong.\n\n## Answer\n\nA.\n"),
        10,
        "'second option' names a choice by its letter or place; choices are shown shuffled, so name it by what it says",
        id="position-reference",
    ),
    pytest.param(
        "basics/Bad_ID.md",
        question("Q?\n\n## Answer\n\nA.\n"),
        1,
        "question ID 'Bad_ID' (the file name) must be lowercase kebab-case, e.g. 'dpo-reference-model'",
        id="bad-id",
    ),
    pytest.param(
        "basics/x.md",
        question("What is  POST-training?\n\n## Answer\n\nA.\n"),
        7,
        "same question text as questions/basics/what-is-post-training.md",
        id="same-text",
    ),
    pytest.param(
        "basics/x.md",
        question(
            "Q?\n\n## Answer\n\nA.\n",
            front="order: 20\nlevel: foundation\ntitle: A question\nsources: [ouyang2022instructgpt, nobody2099]\n",
        ),
        5,
        "unknown source 'nobody2099' (add it to questions/references.yml or fix the key)",
        id="unknown-source",
    ),
    pytest.param(
        "basics/x.md",
        question(
            "Q?\n\n## Answer\n\nA.\n",
            front="order: 20\nlevel: foundation\ntitle: A question\nsources: [ouyang2022instructgt]\n",
        ),
        5,
        "unknown source 'ouyang2022instructgt' (did you mean 'ouyang2022instructgpt'?) "
        "(add it to questions/references.yml or fix the key)",
        id="unknown-source-did-you-mean",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\n\n## Answer\n\nA.\n", front="title: A question\norder: 20\nlevel: foundation\nsources: 5\n"),
        5,
        "'sources' is required: a non-empty list, e.g. sources: [a, b]",
        id="sources-not-a-list",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\x00\n\n## Answer\n\nA.\n"),
        7,
        "NUL byte in the file (remove it; bank files are plain text)",
        id="nul-byte",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\n\n## Answer\n\nA.\n", front="order: 20\nlevel: &l foundation\ntitle: *l\nsources: [a]\n"),
        3,
        "YAML anchors and aliases (&name, *name) are not allowed: write the value out",
        id="yaml-alias",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\n\n## Answer\n\nA.\n", front="order: 20\nsources: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        2,
        "YAML nested more than 8 levels deep (bank files need no more)",
        id="yaml-too-deep",
    ),
    pytest.param(
        "basics/x.md",
        question(
            "Q?\n\n"
            + "".join(f"- [{'x' if i == 0 else ' '}] Choice {i}\n  Why {i}.\n" for i in range(27))
            + "\n## Answer\n\nA.\n"
        ),
        61,
        "more than 26 choices (one letter each, A to Z)",
        id="too-many-choices",
    ),
    pytest.param(
        "basics/x.md", b"---\norder: 20\n---\nQ\xff?\n", 4, "not valid UTF-8 (save the file as UTF-8)", id="not-utf8"
    ),
    pytest.param("basics/x.md", "  \n\n", 1, "file is empty", id="empty-file"),
    pytest.param(
        "basics/x.md",
        question("Q?\n\n## Answer\n\nA.\n\n## Notes\n\nN.\n"),
        13,
        "unexpected heading '## Notes' (the only sections are '## Answer' and '## Explanation')",
        id="unknown-section",
    ),
    pytest.param(
        "basics/x.md",
        question(
            "Q?\n\n## Answer\n\nA.\n",
            front="order: 10\nlevel: foundation\ntitle: A question\nsources: [ouyang2022instructgpt]\n",
        ),
        2,
        "order 10 is already used by questions/basics/what-is-post-training.md",
        id="duplicate-order",
    ),
    pytest.param(
        "basics/x.md",
        question(
            "Q?\n\n## Answer\n\nA.\n",
            front="order: 20\nlevel: expert\ntitle: A question\nsources: [ouyang2022instructgpt]\n",
        ),
        3,
        "'level' must be one of: foundation, intermediate, advanced",
        id="bad-level",
    ),
    pytest.param(
        "basics/x.md",
        question("Q?\n\n## Answer\n\nA.\n", front="order: 20\nlevel: foundation\ntitle: A question\nsources: []\n"),
        5,
        "'sources' is required: a non-empty list, e.g. sources: [a, b]",
        id="no-sources",
    ),
    pytest.param(
        "basics/x.md",
        "Q?\n\n## Answer\n\nA.\n",
        1,
        "missing front matter (start the file with a '---' line)",
        id="no-front-matter",
    ),
    pytest.param(
        "stray.md", "# Hi\n", 1, "file outside any topic (move it into questions/<topic>/)", id="outside-topic"
    ),
    pytest.param(
        "basics/deeper/x.md",
        "# Hi\n",
        1,
        "file outside any topic (questions live directly in questions/<topic>/)",
        id="nested-too-deep",
    ),
    pytest.param("basics/notes.txt", "hi\n", 1, "not a question file (question files end in .md)", id="not-markdown"),
]


@pytest.mark.parametrize(("rel", "content", "line", "message"), CASES)
def test_each_problem_is_reported_at_its_line(
    make_bank: MakeBank, rel: str, content: str | bytes, line: int, message: str
) -> None:
    root = make_bank({rel: content})
    assert problems_of(root) == [("questions/" + rel, line, message)]


def test_malformed_yaml_is_reported_inside_the_front_matter(make_bank: MakeBank) -> None:
    root = make_bank({"basics/x.md": "---\nlevel: foundation\norder: [1\n---\nQ?\n\n## Answer\n\nA.\n"})
    [(path, line, message)] = problems_of(root)
    assert (path, line) == ("questions/basics/x.md", 3)
    assert message.startswith("malformed YAML: ") and "']'" in message


def test_topic_folder_without_topic_file(make_bank: MakeBank) -> None:
    root = make_bank({"orphans/lost.md": question("Lost?\n\n## Answer\n\nA.\n")})
    assert problems_of(root) == [
        ("questions/orphans/_topic.md", 1, "topic folder has no topic file (create it with title, order and summary)")
    ]


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        pytest.param(
            "- key: a\n  authors: X\n  year: 2020\n  url: https://a.org\n",
            7,
            "bibliography entry 'a' has no title",
            id="no-title",
        ),
        pytest.param(
            "- key: a\n  title: T\n  authors: X\n  url: https://a.org\n",
            7,
            "bibliography entry 'a' has no year (a four-digit number)",
            id="no-year",
        ),
        pytest.param(
            "- key: a\n  title: T\n  authors: X\n  year: 2020\n", 7, "bibliography entry 'a' has no url", id="no-url"
        ),
        pytest.param(
            "- key: a\n  title: T\n  authors: X\n  year: 2020\n  url: https://a.org\n  arxiv: 2203.1\n",
            12,
            "bibliography entry 'a': malformed arXiv ID '2203.1' (e.g. '2203.02155', quoted)",
            id="bad-arxiv",
        ),
        pytest.param(
            "- key: a\n  title: T\n  authors: X\n  year: 2020\n  url: http://a.org\n",
            11,
            "bibliography entry 'a': url must start with https://",
            id="http-url",
        ),
        pytest.param(
            "- key: ouyang2022instructgpt\n  title: T\n  authors: X\n  year: 2020\n  url: https://a.org\n",
            7,
            "duplicate bibliography key 'ouyang2022instructgpt'",
            id="duplicate-key",
        ),
    ],
)
def test_bibliography_problems(make_bank: MakeBank, entry: str, line: int, message: str) -> None:
    from conftest import BIBLIOGRAPHY

    root = make_bank({"references.yml": BIBLIOGRAPHY + entry})
    assert problems_of(root) == [("questions/references.yml", line, message)]


def test_every_problem_is_reported_at_once_in_order(make_bank: MakeBank) -> None:
    root = make_bank(
        {
            "basics/a.md": question(
                "Q1?\n\n- [ ] A\n  Reason: A.\n- [ ] B\n  Reason: B.\n\n## Answer\n\nA.\n",
                front="order: 20\nlevel: foundation\ntitle: Another question\nsources: [nope]\nextra: 1\n",
            ),
            "basics/b.md": question("Q2?\n"),
            "stray.md": "x\n",
        }
    )
    assert problems_of(root) == [
        ("questions/basics/a.md", 5, "unknown source 'nope' (add it to questions/references.yml or fix the key)"),
        (
            "questions/basics/a.md",
            6,
            "unknown key 'extra' (allowed: answer, concepts, level, multiple, order, sources, title, tolerance, unit)",
        ),
        ("questions/basics/a.md", 10, "no correct choice (mark it '- [x] ')"),
        ("questions/basics/b.md", 2, "order 20 is already used by questions/basics/a.md"),
        ("questions/basics/b.md", 7, "missing '## Answer' section (the text the reader reveals)"),
        ("questions/stray.md", 1, "file outside any topic (move it into questions/<topic>/)"),
    ]


def test_no_question_disappears_when_its_file_has_problems(make_bank: MakeBank) -> None:
    root = make_bank(
        {
            "basics/broken.md": question(
                "Q?\n\n- [ ] A\n  Reason: A.\n\n## Answer\n\nA.\n",
                front="order: 30\nlevel: nope\ntitle: A question\nsources: [ouyang2022instructgpt]\n",
            )
        }
    )
    bank, problems = load_bank(root)
    assert {q.id for q in bank.questions} == {"what-is-post-training", "broken"}
    assert problems


def test_problem_formats_as_path_line_message() -> None:
    assert str(Problem("questions/a/b.md", 7, "no correct choice")) == "questions/a/b.md:7: no correct choice"


def test_real_bank_has_no_problem() -> None:
    root = Path(__file__).resolve().parent.parent
    bank, problems = load_bank(root, docs_dir=root / "docs")
    assert [str(p) for p in problems] == []
    assert len(bank.questions) >= 10


def test_editor_backups_and_system_files_are_ignored(make_bank: MakeBank) -> None:
    junk = {
        name: "junk\n" for name in ("basics/x.md~", "basics/.#x.md", "basics/#x.md#", "basics/.DS_Store", ".DS_Store")
    }
    root = make_bank(junk)
    bank, problems = load_bank(root, docs_dir=root / "docs")
    assert problems == []
    assert [q.id for q in bank.questions] == ["what-is-post-training"]


def test_a_symlink_out_of_the_bank_is_a_problem_and_is_not_read(make_bank: MakeBank, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(question("Secret?\n\n## Answer\n\nA.\n"))
    root = make_bank()
    (root / "questions" / "basics" / "leak.md").symlink_to(secret)
    bank, problems = load_bank(root, docs_dir=root / "docs")
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("questions/basics/leak.md", 1, "a link that leads out of questions/ (replace it with the file itself)")
    ]
    assert "leak" not in {q.id for q in bank.questions}


def test_a_duplicate_key_inside_a_bibliography_entry_is_a_problem(make_bank: MakeBank) -> None:
    root = make_bank()
    path = root / "questions" / "references.yml"
    text = path.read_text()
    path.write_text(text.replace("  year: ", "  year: 1999\n  year: ", 1))
    line = text[: text.index("  year: ")].count("\n") + 2
    assert problems_of(root) == [("questions/references.yml", line, f"duplicate key 'year' (first at line {line - 1})")]


def test_choices_that_differ_by_one_operator_are_not_duplicates(make_bank: MakeBank) -> None:
    body = "Which holds?\n\n- [x] $x<y$\n  Reason: $x<y$.\n- [ ] $x>y$\n  Reason: $x>y$.\n- [ ] $x=y$\n  Reason: $x=y$.\n\n## Answer\n\nThe first.\n"
    root = make_bank({"basics/x.md": question(body)})
    assert problems_of(root) == []


def test_text_about_letters_that_are_not_choices_is_no_reference(make_bank: MakeBank) -> None:
    body = (
        "Steps (a) to (c) and $P(A)$ hold; options are open, and a plan A is fine.\n\n- [x] A\n  Right: it "
        "beats the other options.\n- [ ] B\n  Wrong.\n\n## Answer\n\nA.\n"
    )
    assert problems_of(make_bank({"basics/x.md": question(body)})) == []


CONCEPTS = """\
- id: kl-penalty
  name: KL penalty
  summary: A charge for moving away from a reference model.
- id: reward-models
  name: Reward models
  summary: Models that score responses.
"""


def with_concepts(concepts: str, *, names: list[str], concepts_file: str = CONCEPTS) -> dict[str, str]:
    """Four questions (the base one and three more) naming `names[i]` each, and a concept list."""
    front = (
        "order: {order}\nlevel: foundation\ntitle: Q{order}\nconcepts: {concepts}\nsources: [ouyang2022instructgpt]\n"
    )
    files = {"concepts.yml": concepts_file}
    for i, named in enumerate(names):
        files[f"basics/q{i}.md"] = question(
            f"Q{i}?\n\n## Answer\n\nA.\n", front=front.format(order=20 + i, concepts=named)
        )
    files["basics/what-is-post-training.md"] = question(
        "What is post-training?\n\n## Answer\n\nA.\n", front=front.format(order=10, concepts=concepts)
    )
    return files


def test_concepts_load_in_order_and_each_question_names_its_own(make_bank: MakeBank) -> None:
    names = ["[kl-penalty]", "[kl-penalty, reward-models]", "[reward-models]"]
    bank, problems = load_bank(make_bank(with_concepts("[kl-penalty, reward-models]", names=names)))
    assert problems == []
    assert [(c.id, c.name, c.line) for c in bank.concepts] == [
        ("kl-penalty", "KL penalty", 1),
        ("reward-models", "Reward models", 4),
    ]
    assert [q.concepts for q in bank.questions] == [
        ["kl-penalty", "reward-models"],
        ["kl-penalty"],
        ["kl-penalty", "reward-models"],
        ["reward-models"],
    ]


CONCEPT_CASES = [
    pytest.param(
        "[kl-penalty, reward-model]",
        [
            (
                "questions/basics/what-is-post-training.md",
                5,
                "unknown concept 'reward-model' (did you mean 'reward-models'?) "
                "(add it to questions/concepts.yml or fix the ID)",
            )
        ],
        id="unknown-did-you-mean",
    ),
    pytest.param(
        "[]",
        [
            (
                "questions/basics/what-is-post-training.md",
                5,
                "'concepts' is required: 1 to 3 IDs from questions/concepts.yml, e.g. concepts: [a, b]",
            )
        ],
        id="empty",
    ),
    pytest.param(
        "[kl-penalty, reward-models, kl-penalty]",
        [("questions/basics/what-is-post-training.md", 5, "a concept is named twice")],
        id="twice",
    ),
]


@pytest.mark.parametrize(("named", "expected"), CONCEPT_CASES)
def test_concept_problems_in_a_question(make_bank: MakeBank, named: str, expected: list[tuple[str, int, str]]) -> None:
    names = ["[kl-penalty, reward-models]"] * 3
    assert problems_of(make_bank(with_concepts(named, names=names))) == expected


def test_a_concept_named_by_fewer_than_three_questions_is_a_problem_at_its_entry(make_bank: MakeBank) -> None:
    names = ["[kl-penalty]", "[kl-penalty]", "[kl-penalty, reward-models]"]
    assert problems_of(make_bank(with_concepts("[kl-penalty]", names=names))) == [
        (
            "questions/concepts.yml",
            4,
            "concept 'reward-models' is named by 1 question; a concept groups at least 3 "
            "(name it in more questions, merge it or remove it)",
        ),
    ]


def test_concepts_without_a_concept_list_are_a_problem(make_bank: MakeBank) -> None:
    front = "order: 20\nlevel: foundation\ntitle: Q\nconcepts: [kl-penalty]\nsources: [ouyang2022instructgpt]\n"
    assert problems_of(make_bank({"basics/x.md": question("Q?\n\n## Answer\n\nA.\n", front=front)})) == [
        ("questions/basics/x.md", 5, "'concepts' needs the concept list questions/concepts.yml (create it)"),
    ]


CONCEPT_LIST_CASES = [
    pytest.param(
        "- id: Bad Id\n  name: N\n  summary: S.\n",
        1,
        "'id' is required: lowercase kebab-case, e.g. 'kl-penalty'",
        id="bad-id",
    ),
    pytest.param("- id: x\n  name: N <b>\n  summary: S.\n", 2, "concept 'x', name: ", id="markup-in-name"),
    pytest.param("- id: x\n  name: N\n", 1, "concept 'x': 'summary' is required, on one line", id="no-summary"),
    pytest.param(
        "- id: x\n  name: N\n  summary: S.\n  tags: [a]\n",
        4,
        "unknown key 'tags' (allowed: id, name, summary)",
        id="unknown-key",
    ),
    pytest.param(
        "- id: kl-penalty\n  name: Other\n  summary: S.\n",
        1,
        "duplicate concept 'kl-penalty' (first at line 1)",
        id="duplicate-id",
    ),
    pytest.param(
        "- id: other\n  name: kl PENALTY\n  summary: S.\n",
        1,
        "concept name 'kl PENALTY' is already used at line 1",
        id="duplicate-name",
    ),
    pytest.param("id: x\n", 1, "the concept list must be a YAML list of concepts", id="not-a-list"),
]


@pytest.mark.parametrize(("entry", "line", "message"), CONCEPT_LIST_CASES)
def test_concept_list_problems(make_bank: MakeBank, entry: str, line: int, message: str) -> None:
    """Each mistake in the list is reported at its line (an entry that still loads may also be unused)."""
    first = "- id: kl-penalty\n  name: KL penalty\n  summary: S.\n"
    concepts, offset = (first + entry, 3) if entry.startswith("- ") else (entry, 0)
    found = problems_of(make_bank(with_concepts("[kl-penalty]", names=["[kl-penalty]"] * 3, concepts_file=concepts)))
    at = [(n, m) for path, n, m in found if path == "questions/concepts.yml" and message in m]
    assert [n for n, _ in at] == [line + offset], found
    assert all(
        "unused" in m or "is named by 0" in m
        for path, n, m in found
        if (n, m) not in at and path.endswith("concepts.yml")
    )


def test_a_misspelt_section_is_one_problem_with_a_did_you_mean(make_bank: MakeBank) -> None:
    body = "Q?\n\n- [x] A\n  Right.\n- [ ] B\n  Wrong.\n\n## Answr\n\nA.\n"
    assert problems_of(make_bank({"basics/x.md": question(body)})) == [
        ("questions/basics/x.md", 14, "unexpected heading '## Answr' (did you mean '## Answer'?)"),
    ]


def test_a_missing_answer_is_one_problem_not_also_one_about_the_choices(make_bank: MakeBank) -> None:
    body = "Q?\n\n- [x] A\n  Right.\n- [ ] B\n  Wrong.\n\nThe answer, without its heading.\n"
    assert problems_of(make_bank({"basics/x.md": question(body)})) == [
        ("questions/basics/x.md", 7, "missing '## Answer' section (the text the reader reveals)"),
    ]


NUMERIC_FRONT = "order: 20\nlevel: foundation\ntitle: A number\nsources: [ouyang2022instructgpt]\n"
NUMERIC_BODY = "How many?\n\n## Answer\n\nTwo, since one and one make two.\n"


def numeric(keys: str, body: str = NUMERIC_BODY) -> str:
    """A question file whose front matter ends with `keys` (from line 6 on)."""
    return question(body, front=NUMERIC_FRONT + keys)


@pytest.mark.parametrize(
    ("keys", "value", "tolerance", "unit", "percent"),
    [
        pytest.param("answer: 0.5\ntolerance: 0.01\n", "0.5", "0.01", "", None, id="absolute"),
        pytest.param(
            "answer: 8388608\ntolerance: 0\nunit: parameters\n", "8388608", "0", "parameters", None, id="exact"
        ),
        pytest.param("answer: -1.22\ntolerance: 1%\n", "-1.22", "0.0122", "", "1", id="percent-of-negative"),
        pytest.param("answer: '1e-3'\ntolerance: 0.5 %\n", "0.001", "0.000005", "", "0.5", id="quoted-exponent"),
        pytest.param("answer: 1.0e+3\ntolerance: 2.50\nunit: tokens\n", "1000", "2.5", "tokens", None, id="float"),
    ],
)
def test_a_numeric_question_loads_with_its_value_and_absolute_tolerance(
    make_bank: MakeBank, keys: str, value: str, tolerance: str, unit: str, percent: str | None
) -> None:
    bank, problems = load_bank(make_bank({"basics/n.md": numeric(keys)}))
    assert problems == []
    q = bank.question("n")
    assert q is not None and q.kind == "numeric" and q.numeric is not None
    assert (q.numeric.value_text, q.numeric.tolerance_text, q.numeric.unit, q.numeric.line) == (
        value,
        tolerance,
        unit,
        6,
    )
    assert q.numeric.percent == (None if percent is None else Decimal(percent))
    assert q.answer == "Two, since one and one make two." and q.choices == []


def test_a_numeric_answer_accepts_exactly_the_tolerance_either_side(make_bank: MakeBank) -> None:
    bank, _ = load_bank(make_bank({"basics/n.md": numeric("answer: 0.5\ntolerance: 0.01\n")}))
    q = bank.question("n")
    assert q is not None and q.numeric is not None
    assert [q.numeric.accepts(Decimal(x)) for x in ("0.49", "0.51", "0.5", "0.489", "0.5101")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert q.numeric.summary == "0.5 (± 0.01)"


NUMERIC_CASES = [
    pytest.param(
        numeric("answer: 0.5\n"),
        6,
        "'tolerance' is required with 'answer': how far from the value a reader's number may be, "
        "e.g. tolerance: 0.01, or tolerance: 1% of the value",
        id="no-tolerance",
    ),
    pytest.param(
        numeric("answer:\ntolerance: 0.1\n"),
        6,
        "'answer' must be a number, e.g. answer: 0.5 (digits and a decimal point; no unit, no thousands separator)",
        id="empty-answer-value",
    ),
    pytest.param(
        numeric("answer: 1,024\ntolerance: 0\n"),
        6,
        "'answer' must be a number, e.g. answer: 0.5 (digits and a decimal point; no unit, no thousands separator)",
        id="thousands-separator",
    ),
    pytest.param(
        numeric("answer: 12 tokens\ntolerance: 0\n"),
        6,
        "'answer' must be a number, e.g. answer: 0.5 (digits and a decimal point; no unit, no thousands separator)",
        id="unit-in-answer",
    ),
    pytest.param(
        numeric("answer: .inf\ntolerance: 0\n"),
        6,
        "'answer' must be a number, e.g. answer: 0.5 (digits and a decimal point; no unit, no thousands separator)",
        id="infinite",
    ),
    pytest.param(
        numeric("answer: '1e999999999'\ntolerance: 0\n"),
        6,
        "'answer' must be a number, e.g. answer: 0.5 (digits and a decimal point; no unit, no thousands separator)",
        id="huge-exponent",
    ),
    pytest.param(
        numeric("answer: 1\ntolerance: 1.0e-40\n"),
        7,
        "'tolerance' must be a number or a percentage of the value, e.g. tolerance: 0.01 or tolerance: 1%",
        id="tiny-tolerance",
    ),
    pytest.param(
        numeric("answer: true\ntolerance: 0\n"),
        6,
        "'answer' must be a number, e.g. answer: 0.5 (digits and a decimal point; no unit, no thousands separator)",
        id="boolean",
    ),
    pytest.param(
        numeric("answer: 0.5\ntolerance: small\n"),
        7,
        "'tolerance' must be a number or a percentage of the value, e.g. tolerance: 0.01 or tolerance: 1%",
        id="malformed-tolerance",
    ),
    pytest.param(
        numeric("answer: 0.5\ntolerance: x%\n"),
        7,
        "'tolerance' must be a number or a percentage of the value, e.g. tolerance: 0.01 or tolerance: 1%",
        id="malformed-percent",
    ),
    pytest.param(
        numeric("answer: 0.5\ntolerance: -0.01\n"),
        7,
        "'tolerance' must not be negative: it is how far either side of the value an answer may be",
        id="negative-tolerance",
    ),
    pytest.param(
        numeric("answer: 0.5\ntolerance: -2%\n"),
        7,
        "'tolerance' must not be negative: it is how far either side of the value an answer may be",
        id="negative-percent",
    ),
    pytest.param(
        numeric("answer: 0\ntolerance: 5%\n"),
        7,
        "a percentage of a value of 0 is 0: give the tolerance as a number, e.g. tolerance: 0.01",
        id="percent-of-zero",
    ),
    pytest.param(
        numeric("tolerance: 0.01\n"),
        6,
        "'tolerance' goes with 'answer', the value of a numeric question (add it, or remove 'tolerance')",
        id="tolerance-without-answer",
    ),
    pytest.param(
        numeric("unit: tokens\n"),
        6,
        "'unit' goes with 'answer', the value of a numeric question (add it, or remove 'unit')",
        id="unit-without-answer",
    ),
    pytest.param(
        numeric("answer: 2\ntolerance: 0\nunit: [a, b]\n"),
        8,
        "'unit' must be a short line of plain text (at most 30 characters), e.g. unit: tokens",
        id="unit-not-text",
    ),
    pytest.param(
        numeric("answer: 2\ntolerance: 0\nunit: <b>tokens</b>\n"),
        8,
        "'unit': ",
        id="unit-with-markup",
    ),
    pytest.param(
        numeric("answer: 2\ntolerance: 0\nmultiple: true\n"),
        8,
        "'multiple' is for choice questions, not numeric ones (remove it)",
        id="multiple",
    ),
    pytest.param(
        numeric(
            "answer: 2\ntolerance: 0\n",
            body="How many?\n\n- [x] Two\n  Right.\n- [ ] Three\n  Wrong.\n\n## Answer\n\nTwo.\n",
        ),
        11,
        "a numeric question has no choices: the reader types the number "
        "(remove the task list, or remove 'answer' from the front matter for a choice question)",
        id="choices",
    ),
]


@pytest.mark.parametrize(("content", "line", "message"), NUMERIC_CASES)
def test_each_numeric_problem_is_reported_at_its_line(
    make_bank: MakeBank, content: str, line: int, message: str
) -> None:
    [(path, at, said)] = problems_of(make_bank({"basics/x.md": content}))
    assert (path, at) == ("questions/basics/x.md", line)
    assert said.startswith(message) if message.endswith(": ") else said == message


def test_a_numeric_question_still_needs_its_worked_answer(make_bank: MakeBank) -> None:
    assert problems_of(make_bank({"basics/x.md": numeric("answer: 2\ntolerance: 0\n", body="How many?\n")})) == [
        ("questions/basics/x.md", 9, "missing '## Answer' section (the text the reader reveals)"),
    ]
