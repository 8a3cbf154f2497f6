"""Contributor tooling that runs elsewhere (pre-commit, GitHub Actions): it parses, and says what we mean."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from conftest import ROOT


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_pre_commit_runs_the_bank_check_and_ruff_locally() -> None:
    config = load(ROOT / ".pre-commit-config.yaml")
    [repo] = config["repos"]
    assert repo["repo"] == "local"
    hooks = {hook["id"]: hook for hook in repo["hooks"]}
    assert hooks["bank-check"]["entry"] == "python hooks/bank_cli.py check"
    assert hooks["bank-check"]["pass_filenames"] is False
    assert hooks["ruff"]["entry"].startswith("ruff check")
    assert hooks["ruff-format"]["entry"].startswith("ruff format --check")
    assert {hook["language"] for hook in hooks.values()} == {"system"}


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job["steps"])


def test_workflow_tests_pull_requests_and_publishes_main_to_pages() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "site.yml")
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    test, deploy = workflow["jobs"]["test"], workflow["jobs"]["deploy"]

    assert "pull_request" in test["if"]
    uses = [step.get("uses", "") for step in steps(test)]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    setup = next(s for s in steps(test) if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "3.11"
    runs = " && ".join(step.get("run", "") for step in steps(test))
    assert "apt-get install -y chromium" in runs
    assert "bash .ci/run" in runs

    assert "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    uses = [step.get("uses", "") for step in steps(deploy)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert uses[-1].startswith("actions/deploy-pages@")
    runs = " && ".join(step.get("run", "") for step in steps(deploy))
    assert "pip install -r requirements.txt" in runs and "mkdocs build --strict" in runs


def test_the_published_build_sets_the_site_and_repository_addresses() -> None:
    deploy = load(ROOT / ".github" / "workflows" / "site.yml")["jobs"]["deploy"]
    pages = next(s for s in steps(deploy) if s.get("uses", "").startswith("actions/configure-pages@"))
    build = next(s for s in steps(deploy) if "mkdocs build" in s.get("run", ""))
    assert build["env"]["SITE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}/"
    assert build["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key, name in (("site_url", "SITE_URL"), ("repo_url", "REPO_URL"), ("repo_name", "REPO_NAME")):
        assert f"{key}: !ENV [{name}, " in config, key  # what the workflow sets is what mkdocs.yml reads
