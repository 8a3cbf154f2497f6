"""problems: the page the preview shows while the bank has problems."""

from __future__ import annotations

from bank.model import Problem
from bank.problems import render_problems_page


def test_each_problem_links_to_its_file_and_bank_text_stays_text() -> None:
    problems = [
        Problem("questions/a/x.md", 5, "not allowed in bank text: <script> element"),
        Problem("questions/concepts.yml", 2, "duplicate concept 'kl' (first at line 1)"),
    ]
    page = render_problems_page(problems, edit_root="https://github.com/o/r/edit/main/")
    assert page.startswith("# The question bank has 2 problems\n")
    assert (
        '<li><a href="https://github.com/o/r/edit/main/questions/a/x.md"><code>questions/a/x.md:5</code></a>: '
        "not allowed in bank text: &lt;script&gt; element</li>"
    ) in page
    assert "<script>" not in page
    assert "duplicate concept &#x27;kl&#x27; (first at line 1)" in page


def test_without_an_edit_root_the_places_are_plain_text() -> None:
    page = render_problems_page([Problem("questions/a/x.md", 1, "file is empty")], edit_root=None)
    assert page.startswith("# The question bank has 1 problem\n")
    assert "<li><code>questions/a/x.md:1</code>: file is empty</li>" in page and "href" not in page
