"""Repairs to Material's markup (hooks/bank/theme.py)."""

from __future__ import annotations

from bank.theme import drop_empty_tabindex, keep_toggles_unrestored, name_search_dialog, repair_page, unlink_toc_title

MATERIAL = '<div class="md-search" data-md-component="search" role="dialog">\n  <label class="md-search__overlay">'


def test_the_search_dialog_gets_a_name() -> None:
    assert name_search_dialog(MATERIAL) == MATERIAL.replace('role="dialog"', 'role="dialog" aria-label="Search"')


def test_a_named_dialog_and_other_markup_are_left_alone() -> None:
    named = MATERIAL.replace('role="dialog"', 'role="dialog" aria-label="Find"')
    assert name_search_dialog(named) == named
    assert name_search_dialog('<div role="dialog">') == '<div role="dialog">'


TOGGLES = (
    '<body dir="ltr">\n'
    '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
)


def test_the_toggles_keep_autocomplete_off_through_a_form_owner() -> None:
    assert keep_toggles_unrestored(TOGGLES) == (
        '<body dir="ltr">\n'
        '    <form id="__toggles" autocomplete="off" hidden></form>\n'
        '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__toggles">\n'
        '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="__toggles">\n'
    )
    other = '<input type="text" class="md-search__input" autocomplete="off">'
    assert keep_toggles_unrestored(other) == other


def test_an_empty_tabindex_on_a_navigation_label_is_left_out() -> None:
    section = '<label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="">'
    assert drop_empty_tabindex(section) == '<label class="md-nav__link " for="__nav_2" id="__nav_2_label">'
    focusable = section.replace('tabindex=""', 'tabindex="0"')
    assert drop_empty_tabindex(focusable) == focusable


def test_the_toc_title_points_at_the_toc_toggle_only_where_there_is_one() -> None:
    title = '<label class="md-nav__title" for="__toc">'
    assert unlink_toc_title(title) == '<label class="md-nav__title">'
    with_toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + title
    assert unlink_toc_title(with_toggle) == with_toggle


def test_repair_page_does_every_repair() -> None:
    page = (
        TOGGLES
        + MATERIAL
        + '<label class="md-nav__link" for="__nav_2" tabindex=""><label class="md-nav__title" for="__toc">'
    )
    repaired = repair_page(page)
    assert 'autocomplete="off">' not in repaired.replace('<form id="__toggles" autocomplete="off" hidden>', "")
    assert 'tabindex=""' not in repaired and 'for="__toc"' not in repaired and 'aria-label="Search"' in repaired
