"""How much the self-check adds to a page: its own script and stylesheet, gzipped, against the budget.

    python bench/assets.py     one line per file, then the total, the budget and the ratio; exit 1 when over

The files are measured as they are served (no build step), gzipped at level 6, the usual server default.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets" / "selfcheck"
BUDGET = 10 * 1024  # bytes of gzip for the script and the stylesheet together


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def main() -> int:
    files = sorted(p for p in ASSETS.iterdir() if p.is_file())
    total = 0
    for path in files:
        size = gzip_size(path)
        total += size
        print(f"{path.relative_to(ROOT)}: {size} B gzip, {path.stat().st_size} B raw")
    print(f"total: {total} B gzip; budget: {BUDGET} B; ratio: {total / BUDGET:.2f}")
    return 0 if total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
