"""Headless Chromium for the browser tests: Debian's /usr/bin/chromium, driven by PyPI's playwright.

Without Chromium the browser tests skip with a message saying how to get it; in CI (CI=true) they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_CHROMIUM = "Chromium not found: apt-get install -y chromium"


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(NO_CHROMIUM)
    pytest.skip(NO_CHROMIUM)


def launch(driver: Playwright, *extra_args: str) -> Browser:
    return driver.chromium.launch(executable_path=str(CHROMIUM), args=[*ARGS, *extra_args])
