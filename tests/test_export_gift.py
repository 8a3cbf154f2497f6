"""The Moodle GIFT file, read back the way Moodle's GIFT importer reads it.

No GIFT parser on PyPI reads our file right (pygiftparser 1.1 and pygiftparserrgmf 0.0.5 misread it;
gift-to-moodlexml needs Python 3.14), so `moodle_read` follows Moodle's own importer (qformat_gift in
question/format/gift/format.php, and question/format.php): its escapes, its pattern for an answer's
weight, how it splits a category path, and the grade list it holds every weight to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import QUESTION, ROOT, MakeBank, site_of
from sample_bank import FILES, SITE

from bank import load_bank
from bank.exports.gift import gift_escape, render_gift
from bank.fragments import for_export, for_export_inline
from bank.paths import GIFT_SRC
from bank.render import correct_value
from bank.site import SiteFiles

SPECIAL = "~=#{}:n"  # `\` + one of these is the character itself (`\n`: a newline)
HOLD = {char: chr(0xE000 + i) for i, char in enumerate(SPECIAL)}
# Moodle's pattern for an answer's weight: a weight that does not match it is no weight (the answer
# scores 0 and keeps the '%...%' in its text).
WEIGHT = re.compile(r"^%\-*([0-9]{1,2})\.?([0-9]*)%")
# Moodle's grade list (question_bank::fraction_options_full): an imported weight must be one of these,
# within 0.00001, or the import stops ("error if grade not listed", the import form's default).
GRADES = [1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2]
GRADES += [0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05]
GRADES += [0.0, *(-g for g in GRADES)]


@dataclass
class Read:
    """One GIFT question as Moodle sees it."""

    name: str
    text: str
    answers: list[tuple[str, float]] = field(default_factory=list)  # (text, fraction)
    reasons: list[str] = field(default_factory=list)  # each answer's feedback
    feedback: str = ""
    single: bool = True
    numerical: tuple[float, float] | None = None  # (answer, error margin) of a numerical question


def unescape_pre(text: str) -> str:
    text = text.replace("\\\\", "\x00")
    for char, hold in HOLD.items():
        text = text.replace("\\" + char, hold)
    return text.replace("\x00", "\\")


def unescape_post(text: str) -> str:
    for char, hold in HOLD.items():
        text = text.replace(hold, "\n" if char == "n" else char)
    return text.strip()


def split_category_path(path: str) -> list[str]:
    """A `$CATEGORY:` path as Moodle splits it into names: at a '/' that is not part of '//'."""
    return [name.replace("//", "/").strip() for name in re.split(r"(?<!/)/(?!/)", path)]


def moodle_read(gift: str) -> tuple[list[list[str]], list[Read]]:
    """Categories (as lists of names) and questions, parsed as Moodle's qformat_gift does for the types we write."""
    categories: list[list[str]] = []
    questions: list[Read] = []
    for block in gift.split("\n\n"):
        text = "\n".join(line for line in block.split("\n") if not line.strip().startswith("//")).strip()
        if not text:
            continue
        text = unescape_pre(text)
        if text.startswith("$CATEGORY:"):
            categories.append(split_category_path(text.removeprefix("$CATEGORY:").strip()))
            continue
        assert text.startswith("::")
        name, text = text[2:].split("::", 1)
        start, end = text.index("{"), text.index("}")
        assert end == len(text) - 1, "nothing may follow the answers"
        answer_text = text[start + 1 : end].strip()
        question = Read(unescape_post(name), text[:start].strip())
        if "####" in answer_text:
            answer_text, question.feedback = answer_text.rsplit("####", 1)
            question.feedback = unescape_post(question.feedback)
            answer_text = answer_text.strip()
        question.text = unescape_post(question.text)
        if answer_text.startswith("#"):  # numerical: '#answer:margin', both read with PHP's is_numeric
            value, _, margin = answer_text[1:].partition(":")
            question.numerical = (float(value), float(margin or 0))
            questions.append(question)
            continue
        question.single = "=" in answer_text
        for answer in answer_text.replace("=", "~=").split("~"):
            answer = answer.strip()
            if not answer:
                continue
            if answer.startswith("="):
                weight, answer = 1.0, answer[1:]
            elif WEIGHT.match(answer):
                percent, answer = answer[1:].split("%", 1)
                weight = float(percent) / 100
            else:
                weight = 0.0
            answer, _, reason = answer.partition("#")  # an unescaped '#' starts the answer's feedback
            question.answers.append((unescape_post(answer), weight))
            question.reasons.append(unescape_post(reason))
        questions.append(question)
    return categories, questions


@pytest.fixture
def site(make_bank: MakeBank) -> SiteFiles:
    return site_of(make_bank(FILES))


def gift(site: SiteFiles) -> str:
    return render_gift(site.bank, site.fragments, site_url=SITE)


def test_escape_order_keeps_latex_backslashes() -> None:
    assert gift_escape("\\nabla {x} a=b ~ #1: c\nd") == "\\\\nabla \\{x\\} a\\=b \\~ \\#1\\: c\\nd"
    assert unescape_post(unescape_pre(gift_escape("\\nabla {x} a=b ~ #1: c\nd"))) == "\\nabla {x} a=b ~ #1: c\nd"


def test_every_question_is_named_by_its_title_in_its_topic_category(site: SiteFiles) -> None:
    categories, questions = moodle_read(gift(site))
    # The topic without questions has no category.
    assert categories == [["$course$", "top", "Post-training self-check", "Basics"]]
    assert [q.name for q in questions] == ["About basics", "Reward model loss", "About rlhf", "A DPO loss value"]
    assert [q.name for q in questions] == [q.title for q in site.bank.questions]


def test_text_choices_and_reasons_come_back_as_the_html_of_the_bank(site: SiteFiles) -> None:
    _, questions = moodle_read(gift(site))
    for read, question in zip(questions, site.bank.questions, strict=True):
        f = site.fragments.questions[question.id]
        assert read.text == "[html]" + for_export(f.text, question, SITE)
        assert [text for text, _ in read.answers] == [for_export_inline(c, question, SITE) for c in f.choices]
        assert read.reasons == [for_export_inline(r, question, SITE) if r else "" for r in f.reasons]
        assert read.feedback.startswith(correct_value(question) + for_export(f.answer, question, SITE))
        assert f'<a href="{SITE}topics/basics/#{question.id}">' in read.feedback
    one = questions[1]
    assert one.reasons[0] == "A squared error fits scores, not comparisons."
    assert one.reasons[1] == "Right: the {Bradley-Terry} likelihood, with \\(\\sigma\\) the logistic function."


def test_single_multiple_reveal_and_numeric_questions_get_moodle_types(site: SiteFiles) -> None:
    _, questions = moodle_read(gift(site))
    reveal, one, several, numeric = questions
    assert reveal.answers == [] and reveal.feedback  # an essay with the answer as general feedback
    assert one.single and [w for _, w in one.answers] == [0.0, 1.0, 0.0]
    assert not several.single
    assert [w for _, w in several.answers] == [0.5, -1.0, 0.5, -1.0]
    assert "$" not in one.text and "\\(r_\\phi(x, y)\\)" in one.text
    assert "It is the likelihood" in one.feedback  # the explanation
    assert numeric.answers == [] and numeric.numerical == (0.474, 0.00237)  # the 0.5% as an absolute margin
    assert numeric.feedback.startswith(
        "<p><strong>Correct value:</strong> 0.474 (± 0.00237) nats &amp; &quot;bits&quot;</p><p>\\(-\\log"
    )
    assert "The loss falls as the margin grows." in numeric.feedback


def test_a_numeric_question_is_written_in_gift_numerical_syntax(site: SiteFiles) -> None:
    block = gift(site).split("// dpo-loss-value ", 1)[1].split("\n\n", 1)[0]
    lines = block.split("\n")
    assert lines[1].startswith("::A DPO loss value::[html]") and lines[1].endswith("{")
    assert lines[2] == "#0.474:0.00237"
    assert lines[3].startswith("####") and lines[4] == "}"


def test_three_correct_choices_share_the_grade_in_moodle_precision(make_bank: MakeBank) -> None:
    root = make_bank(
        {
            "basics/three.md": "---\norder: 40\nlevel: foundation\ntitle: A question\nsources: [ouyang2022instructgpt]\n"
            "multiple: true\n---\nPick three.\n\n- [x] one\n  Reason: one.\n- [x] two\n  Reason: two.\n- [x] three\n  Reason: three.\n- [ ] four\n  Reason: four.\n\n## Answer\n\nThe first three.\n"
        }
    )
    assert "~%33.33333%one" in gift(site_of(root))


def several(count: int, wrong: int = 1) -> str:
    """A question with `count` correct choices of `count + wrong`."""
    choices = [f"- [x] right {i}\n  Reason: right {i}." for i in range(count)]
    choices += [f"- [ ] wrong {i}\n  Reason: wrong {i}." for i in range(wrong)]
    return (
        f"---\norder: {40 + count}\nlevel: foundation\ntitle: Pick {count}\nsources: [ouyang2022instructgpt]\n"
        f"multiple: true\n---\nPick the {count} right ones.\n\n"
        + "\n".join(choices)
        + "\n\n## Answer\n\nThe right ones.\n"
    )


def test_every_share_of_the_grade_is_one_moodle_accepts(make_bank: MakeBank) -> None:
    root = make_bank({f"basics/pick-{n}.md": several(n) for n in range(2, 11)})
    _, questions = moodle_read(gift(site_of(root)))
    shared = [q for q in questions if q.name.startswith("Pick ")]
    assert [sum(w > 0 for _, w in q.answers) for q in shared] == list(range(2, 11))
    for question in shared:
        for _, weight in question.answers:
            assert any(abs(weight - grade) < 0.00001 for grade in GRADES), (question.name, weight)
        # A question with several answers must give 100% in all, to two decimals (qtype_multichoice).
        assert round(sum(w for _, w in question.answers if w > 0), 2) == 1.0, question.name
        assert {w for _, w in question.answers if w <= 0} == {-1.0}


def test_a_weight_outside_moodles_pattern_scores_nothing() -> None:
    _, [read] = moodle_read("::Q::Pick.{\n~%50%a\n~%5O%b\n~%50%c\n}")
    assert read.answers == [("a", 0.5), ("%5O%b", 0.0), ("c", 0.5)]


def test_a_title_with_gifts_special_characters_is_the_name_moodle_shows(make_bank: MakeBank) -> None:
    title = "Loss :: {y_w} = ~best~ #1: a\\b"
    question = str(FILES["basics/pick-one.md"]).replace("title: Reward model loss", f"title: '{title}'")
    _, questions = moodle_read(gift(site_of(make_bank({**FILES, "basics/pick-one.md": question}))))
    assert questions[1].name == title
    assert questions[1].text.startswith("[html]<p>A reward model")


def test_topic_titles_with_slashes_stay_one_category_each(make_bank: MakeBank) -> None:
    topics = {"a": "Input/output", "b": "/ leading slash", "c": "trailing slash /"}
    files: dict[str, str | bytes] = {}
    for order, (slug, title) in enumerate(topics.items(), start=3):
        files[f"{slug}/_topic.md"] = f"---\ntitle: '{title}'\norder: {order}\nsummary: A topic.\n---\nIntro.\n"
        question = QUESTION.replace("title: About basics", f"title: About {slug}")
        files[f"{slug}/about-{slug}.md"] = question.replace("What is post-training?", f"What is {slug}?")
    categories, _ = moodle_read(gift(site_of(make_bank(files))))
    assert categories == [
        ["$course$", "top", "Post-training self-check", name] for name in ["Basics", *topics.values()]
    ]


def test_built_site_has_every_question_of_the_real_bank(built_site: Path) -> None:
    bank, _ = load_bank(ROOT, docs_dir=ROOT / "docs")
    _, questions = moodle_read((built_site / GIFT_SRC).read_text(encoding="utf-8"))
    assert [q.name for q in questions] == [q.title or q.id for q in bank.questions]
