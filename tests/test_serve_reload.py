"""`mkdocs serve` rebuilds when a question file changes (questions/ is outside docs/, so only `watch:` sees it),
and while the bank has a problem it serves every page as the list of problems, until the next good save."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from conftest import ROOT
from project_copy import copy_project

from bank.build import read_config

QUESTION = Path("questions") / "lifecycle" / "what-is-post-training.md"
MARKER = "Freshly edited question text"


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, predicate: str | None, server: subprocess.Popen[str], seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, f"mkdocs serve stopped: {server.communicate()[0]}"
        page = fetch(url)
        if page is not None and (predicate is None or predicate in page):
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show {predicate!r} within {seconds} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_picks_up_an_edited_question(tmp_path: Path) -> None:
    copy_project(tmp_path)
    site_url = read_config(ROOT / "mkdocs.yml")["site_url"]
    address = f"127.0.0.1:{free_port()}"
    url = f"http://{address}{urlsplit(site_url).path}topics/lifecycle/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(tmp_path / "mkdocs.yml"), "-a", address],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        assert MARKER not in wait_for(url, None, server)
        path = tmp_path / QUESTION
        good = path.read_text(encoding="utf-8")
        front, body = good.split("\n---\n", 1)
        path.write_text(f"{front}\n---\n{MARKER}: {body}", encoding="utf-8")
        wait_for(url, MARKER, server)

        path.write_text(good.replace("## Answer", "## Answr"), encoding="utf-8")  # a misspelt heading
        broken = wait_for(url, "The question bank has", server)
        assert "questions/lifecycle/what-is-post-training.md:" in broken
        assert "unexpected heading &#x27;## Answr&#x27;" in broken or "unexpected heading '## Answr'" in broken
        assert "/edit/main/questions/lifecycle/what-is-post-training.md" in broken  # each problem links to its file
        home = f"http://{address}{urlsplit(site_url).path}"
        assert "The question bank has" in wait_for(home, None, server)  # every page, not just the edited one

        path.write_text(good, encoding="utf-8")  # fixed: the site comes back without a restart
        assert "The question bank has" not in wait_for(url, 'data-qid="what-is-post-training"', server)
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl+C: mkdocs serve then removes its temporary site
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
