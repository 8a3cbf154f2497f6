"""Headless Chromium for the browser tests: Debian's /usr/bin/chromium (or Playwright's own download),
driven by PyPI's playwright.

Without Chromium the browser tests fail with the command that installs it: they are never skipped.
`python3 run.py test` installs it when it can; `python3 run.py test --no-browser` leaves the browser
tests out on purpose and says how many.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Playwright

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_CHROMIUM = (
    "Chromium not found. Install it with `apt-get install -y chromium` (Debian, Ubuntu: as root), or "
    "`.venv/bin/python -m playwright install chromium`; or leave the browser tests out with "
    "`python3 run.py test --no-browser`"
)


def chromium_path(driver: Playwright | None = None) -> Path | None:
    """Debian's Chromium, else the one `playwright install chromium` downloaded, else None."""
    if DEBIAN_CHROMIUM.exists():
        return DEBIAN_CHROMIUM
    if driver is not None and Path(driver.chromium.executable_path).exists():
        return Path(driver.chromium.executable_path)
    return None


def require_chromium(driver: Playwright) -> Path:
    path = chromium_path(driver)
    if path is None:
        pytest.fail(NO_CHROMIUM, pytrace=False)
    return path


def launch(driver: Playwright, *extra_args: str) -> Browser:
    return driver.chromium.launch(executable_path=str(require_chromium(driver)), args=[*ARGS, *extra_args])


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[int]:
    """Serve `folder` over HTTP on 127.0.0.1, on a free port (yielded), until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
