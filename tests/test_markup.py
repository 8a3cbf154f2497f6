"""markup: link targets outside code, and their rewriting."""

from __future__ import annotations

from bank.markup import link_targets, rewrite_links


def test_link_targets_skip_code_and_find_every_form() -> None:
    text = (
        "See [a](#q-one) and ![img](assets/x.svg 'title').\n"
        "`[not](#code)` and <https://example.org/a>\n"
        "```\n[fenced](#nope)\n```\n"
        '<a href="https://x.org">raw</a>'
    )
    assert [(line, target) for line, _, _, target in link_targets(text, 10)] == [
        (10, "#q-one"),
        (10, "assets/x.svg"),
        (11, "https://example.org/a"),
        (15, "https://x.org"),
    ]


def test_rewrite_links_changes_targets_only() -> None:
    text = "[a](#one) and [b [nested]](page.md#x) but `[c](#one)`\n```\n[d](#one)\n```"
    result = rewrite_links(text, lambda target: "../" + target)
    assert result == "[a](../#one) and [b [nested]](../page.md#x) but `[c](#one)`\n```\n[d](#one)\n```"
