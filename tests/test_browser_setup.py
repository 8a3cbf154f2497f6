"""browser: a missing Chromium fails the browser tests with the command that installs it, never skips them."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import browser
import pytest


def fake_driver(executable: Path) -> Any:
    return SimpleNamespace(chromium=SimpleNamespace(executable_path=str(executable)))


def test_missing_chromium_fails_with_the_install_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(browser, "DEBIAN_CHROMIUM", tmp_path / "no-chromium")
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y chromium"):
        browser.require_chromium(fake_driver(tmp_path / "no-download"))


def test_playwrights_own_chromium_is_used_when_debians_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    downloaded = tmp_path / "chrome"
    downloaded.write_text("")
    monkeypatch.setattr(browser, "DEBIAN_CHROMIUM", tmp_path / "no-chromium")
    assert browser.require_chromium(fake_driver(downloaded)) == downloaded
