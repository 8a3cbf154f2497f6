"""The page `mkdocs serve` shows instead of every page while the bank has problems. Pure: no MkDocs imports.

A contributor previewing a change sees what to fix where they are looking, each problem linked to the
file's edit page, and the preview comes back by itself on the next good save.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .model import Problem


def render_problems_page(problems: Sequence[Problem], *, edit_root: str | None) -> str:
    count = len(problems)
    items = []
    for problem in problems:
        where = f"<code>{escape(problem.path)}:{problem.line}</code>"
        if edit_root:
            where = f'<a href="{escape(edit_root + problem.path)}">{where}</a>'
        items.append(f"<li>{where}: {escape(problem.message)}</li>")
    return (
        f"# The question bank has {count} problem{'s' if count != 1 else ''}\n\n"
        "The preview shows this page instead of the site until they are fixed. Save a fix and it reloads by "
        "itself; `python hooks/bank_cli.py check` lists the same problems.\n\n"
        f'<ul class="qb-problems">\n{chr(10).join(items)}\n</ul>\n'
    )
