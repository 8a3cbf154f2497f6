"""Repairs to Material's markup (hooks/bank/theme.py)."""

from __future__ import annotations

from bank.theme import name_search_dialog

MATERIAL = '<div class="md-search" data-md-component="search" role="dialog">\n  <label class="md-search__overlay">'


def test_the_search_dialog_gets_a_name() -> None:
    assert name_search_dialog(MATERIAL) == MATERIAL.replace('role="dialog"', 'role="dialog" aria-label="Search"')


def test_a_named_dialog_and_other_markup_are_left_alone() -> None:
    named = MATERIAL.replace('role="dialog"', 'role="dialog" aria-label="Find"')
    assert name_search_dialog(named) == named
    assert name_search_dialog('<div role="dialog">') == '<div role="dialog">'
