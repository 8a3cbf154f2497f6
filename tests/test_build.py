"""bank.build: mkdocs.yml read without MkDocs resolves `!ENV` exactly as MkDocs does."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

from bank.build import read_config
from bank.paths import PLACEHOLDER_REPO_URL, PLACEHOLDER_SITE_URL, placeholder_notice

CONFIG = """\
plain: !ENV QB_TEST_A
listed: !ENV [QB_TEST_A, QB_TEST_B, fallback]
typed: !ENV [QB_TEST_B, 3]
alone: !ENV [QB_TEST_A]
"""


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, {"plain": None, "listed": "fallback", "typed": 3, "alone": None}),
        ({"QB_TEST_B": "yes"}, {"plain": None, "listed": True, "typed": True, "alone": None}),  # YAML 1.1 types
        ({"QB_TEST_A": "a", "QB_TEST_B": "b"}, {"plain": "a", "listed": "a", "typed": "b", "alone": "a"}),
        ({"QB_TEST_A": ""}, {"plain": None, "listed": None, "typed": 3, "alone": None}),  # set but empty: null
    ],
)
def test_env_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: dict[str, object]
) -> None:
    monkeypatch.delenv("QB_TEST_A", raising=False)
    monkeypatch.delenv("QB_TEST_B", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    (tmp_path / "mkdocs.yml").write_text(CONFIG)
    assert read_config(tmp_path / "mkdocs.yml") == expected == yaml_load(CONFIG)


@pytest.mark.parametrize("published", [False, True])
def test_the_project_config_reads_as_mkdocs_reads_it(monkeypatch: pytest.MonkeyPatch, published: bool) -> None:
    for name in ("SITE_URL", "REPO_URL", "REPO_NAME"):
        monkeypatch.delenv(name, raising=False)
    if published:
        monkeypatch.setenv("SITE_URL", "https://learn.example.net/pt/")
        monkeypatch.setenv("REPO_URL", "https://github.com/someone/pt")
        monkeypatch.setenv("REPO_NAME", "someone/pt")
    ours = read_config(ROOT / "mkdocs.yml")
    theirs = load_config(str(ROOT / "mkdocs.yml"))
    for key in ("site_url", "repo_url", "repo_name", "edit_uri"):
        assert ours[key] == theirs[key], key
    assert (ours["site_url"] == PLACEHOLDER_SITE_URL) is not published
    assert (ours["repo_url"] == PLACEHOLDER_REPO_URL) is not published


def test_placeholder_notice_names_what_is_still_a_placeholder() -> None:
    assert placeholder_notice("https://learn.example.net/pt/", "https://github.com/someone/pt") is None
    only_site = placeholder_notice(PLACEHOLDER_SITE_URL.rstrip("/"), "https://github.com/someone/pt")
    assert only_site is not None and only_site.startswith("site_url is still") and "Set SITE_URL in" in only_site
    both = placeholder_notice(PLACEHOLDER_SITE_URL, PLACEHOLDER_REPO_URL + "/")
    assert both is not None and "site_url and repo_url are still" in both and "SITE_URL and REPO_URL" in both
