"""Repairs to Material's markup on every page, where its templates give no other way in."""

from __future__ import annotations

import re

# Material's search box is a `role="dialog"` without a name: screen readers announce a nameless dialog.
SEARCH_DIALOG = re.compile(r'<div class="md-search"(?![^>]*\baria-label=)([^>]*\brole="dialog")')


def name_search_dialog(html: str, *, name: str = "Search") -> str:
    return SEARCH_DIALOG.sub(rf'<div class="md-search"\1 aria-label="{name}"', html, count=1)
