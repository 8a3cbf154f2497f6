"""paths: where the bank's pages live, their URLs, and links between them."""

from __future__ import annotations

from bank.paths import page_url, relative, topic_src


def test_page_url_follows_directory_urls() -> None:
    assert page_url("topics/sft/index.md") == "topics/sft/"
    assert page_url("topics/index.md") == "topics/"
    assert page_url("worksheets/sft/index.md") == "worksheets/sft/"
    assert page_url("contributing.md") == "contributing/"
    assert page_url("index.md") == ""
    assert page_url("reindex.md") == "reindex/"  # a page whose name only ends in "index"


def test_files_that_are_not_pages_keep_their_path() -> None:
    assert page_url("exports/questions.json") == "exports/questions.json"


def test_relative_links_between_docs_paths() -> None:
    assert relative("topics/sft/index.md", topic_src("peft")) == "../peft/index.md"
    assert relative("index.md", "topics/index.md") == "topics/index.md"
