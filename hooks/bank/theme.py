"""Repairs to Material's markup on every page, where its templates give no other way in.

Each repair matches Material's exact output and leaves any other markup alone; tests/test_nu.py runs the
Nu HTML checker over the built site, so a repair that stops matching after an upgrade shows up there.
"""

from __future__ import annotations

import re

# Material's search box is a `role="dialog"` without a name: screen readers announce a nameless dialog.
SEARCH_DIALOG = re.compile(r'<div class="md-search"(?![^>]*\baria-label=)([^>]*\brole="dialog")')

# The drawer and search toggles are checkboxes with `autocomplete="off"`, which HTML allows on text-like
# inputs only (base.html, outside any block an override could replace). The attribute is there so that
# the browser does not restore a checked toggle (an open drawer or search) when the reader comes back to
# the page. A form owner with `autocomplete="off"` does the same, validly: the toggles name an empty
# form through their `form` attribute, so they stay where Material's `~` selectors expect them.
TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" [^>]*?) autocomplete="off">')
TOGGLES_FORM = '<form id="__toggles" autocomplete="off" hidden></form>'

# Material writes `tabindex=""` on a section's label in the navigation (nav-item.html leaves the value
# empty for sections): not a number. Browsers ignore it, so leaving it out keeps the label unfocusable,
# as it is now.
EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')

# The table of contents' title is a label for the `__toc` toggle, which the navigation holds only for a
# page listed there by itself (not a section's index page, not a page outside the navigation). Without
# the toggle, the label points at nothing: it keeps its text and loses the `for`.
TOC_TITLE = re.compile(r'(<label class="md-nav__title") for="__toc"')


def name_search_dialog(html: str, *, name: str = "Search") -> str:
    return SEARCH_DIALOG.sub(rf'<div class="md-search"\1 aria-label="{name}"', html, count=1)


def keep_toggles_unrestored(html: str) -> str:
    first = TOGGLE.search(html)
    if first is None:
        return html
    html = html[: first.start()] + TOGGLES_FORM + "\n    " + html[first.start() :]
    return TOGGLE.sub(r'\1 form="__toggles">', html)


def drop_empty_tabindex(html: str) -> str:
    return EMPTY_TABINDEX.sub(r"\1", html)


def unlink_toc_title(html: str) -> str:
    return html if 'id="__toc"' in html else TOC_TITLE.sub(r"\1", html)


def repair_page(html: str) -> str:
    """Every repair above, for a whole page as Material renders it."""
    html = keep_toggles_unrestored(html)
    html = drop_empty_tabindex(html)
    html = unlink_toc_title(html)
    return name_search_dialog(html)
