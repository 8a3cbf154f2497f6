"""A sample site with every kind of question, served over HTTP, and headless Chromium to drive it.

Without Chromium the browser tests fail with the command that installs it (tests/browser.py); they never skip.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser import launch, serve
from conftest import BIBLIOGRAPHY, ROOT
from playwright.sync_api import Browser, Page, Playwright

from bank.build import read_config

HOST = "selfcheck.test"  # a reserved name: it never leaves this machine
PREFIX = urlsplit(read_config(ROOT / "mkdocs.yml")["site_url"]).path.strip("/")


def question(
    order: int, text: str, answer: str, *, choices: str = "", multiple: bool = False, explanation: str = ""
) -> str:
    """A sample question file; its title is its text, and each choice gets a reason on the line under it."""
    front = f"---\ntitle: {json.dumps(text)}\norder: {order}\nlevel: foundation\nsources: [ouyang2022instructgpt]\n"
    front += "multiple: true\n---\n" if multiple else "---\n"
    choices = "\n".join(
        f"{line}\n  Why {line[6:]} is {'right' if line.startswith('- [x]') else 'wrong'}."
        for line in choices.splitlines()
    )
    body = f"{text}\n\n{choices}\n\n## Answer\n\n{answer}\n"
    return front + body + (f"\n## Explanation\n\n{explanation}\n" if explanation else "")


# Alpha has a long introduction so that a deep link has somewhere to scroll to.
LONG_INTRO = "\n\n".join(f"Paragraph {n} of the introduction to alpha." for n in range(1, 41))
SAMPLE_BANK = {
    "references.yml": BIBLIOGRAPHY,
    "alpha/_topic.md": f"---\ntitle: Alpha topic\norder: 1\nsummary: The first sample topic.\n---\n{LONG_INTRO}\n",
    "alpha/alpha-single.md": question(
        10,
        "Which of these is a post-training method?",
        "Direct preference optimisation learns from pairs. The answer-only word is quokka.",
        choices="- [ ] Tokenisation\n- [x] Direct preference optimisation\n- [ ] Byte-pair merging",
        explanation="Tokenisation happens before any training; the explanation word is wombat.",
    ),
    "alpha/alpha-multi.md": question(
        20,
        "Which of these methods use a reward signal?",
        "PPO and GRPO optimise a reward.",
        choices="- [x] PPO\n- [ ] Supervised fine-tuning\n- [x] GRPO\n- [ ] Tokenisation",
        multiple=True,
    ),
    "alpha/alpha-reveal.md": question(30, "What does RLHF stand for?", "Reinforcement learning from human feedback."),
    "beta/_topic.md": "---\ntitle: Beta topic\norder: 2\nsummary: The second sample topic.\n---\nAbout beta.\n",
    "beta/beta-single.md": question(
        10,
        "Which stage comes first?",
        "Pre-training comes first.",
        choices="- [x] Pre-training\n- [ ] Post-training\n- [ ] Deployment",
    ),
    "beta/beta-reveal.md": question(20, "Name one use of a reward model.", "Scoring responses for RL."),
}
# The right letters, as the sample bank marks them.
CORRECT = {"alpha-single": "B", "alpha-multi": "A,C", "beta-single": "A"}


LEAVE_OUT = {"__pycache__", "site"}
BANK_AND_TESTS = {"questions", "tests", "bench"}


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project as it is (configuration, docs, hooks, theme overrides), with the sample bank instead of the real one."""
    project = tmp_path_factory.mktemp("sample") / "project"

    def leave_out(folder: str, names: list[str]) -> set[str]:
        return {
            n for n in names if n.startswith(".") or n in LEAVE_OUT or (Path(folder) == ROOT and n in BANK_AND_TESTS)
        }

    shutil.copytree(ROOT, project, ignore=leave_out)
    for rel, text in SAMPLE_BANK.items():
        path = project / "questions" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    # Not strict: hand-written pages may link to the real topics, which the sample does not have.
    # The real site is built strictly by `built_site`; a problem in the sample bank still stops the build.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=False))
    return project / "site"


@pytest.fixture(scope="session")
def server_port(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """The sample site over HTTP on 127.0.0.1 (a free port), under the path it will be published at."""
    served = tmp_path_factory.mktemp("served")
    (served / PREFIX).parent.mkdir(parents=True, exist_ok=True)
    (served / PREFIX).symlink_to(sample_site, target_is_directory=True)
    with serve(served) as port:
        yield port


@pytest.fixture(scope="session")
def site_url() -> str:
    return f"http://{HOST}/{PREFIX}/"


@pytest.fixture(scope="session")
def browser(server_port: int, playwright_driver: Playwright) -> Iterator[Browser]:
    """Chromium, with the sample host resolved to the local server.

    The site is reached on port 80 by name because Material's instant navigation compares links
    with its sitemap by scheme and host name only: on 127.0.0.1:<port> every link would load in full.
    """
    browser = launch(playwright_driver, f"--host-resolver-rules=MAP {HOST}:80 127.0.0.1:{server_port}")
    yield browser
    browser.close()


NewPage = Callable[..., Page]
KEY = "qb-selfcheck:v1"  # the script's localStorage key
TALL = {"width": 1280, "height": 3000}


def answer(page: Page, qid: str, label: str) -> None:
    """Pick the choice labelled `label` in question `qid` and check it."""
    q = page.locator(f"section.qb-question[data-qid={qid}]")
    q.get_by_label(label).check()
    q.get_by_role("button", name="Check").click()


@pytest.fixture
def page_errors() -> list[str]:
    """Script errors (with their stacks) and console errors of the pages a test opened."""
    return []


@pytest.fixture
def new_page(browser: Browser, site_url: str, page_errors: list[str]) -> Iterator[NewPage]:
    """Open a page in a fresh context (its own storage); `options` go to `Browser.new_context`.

    Choices keep their authored order unless `shuffle` is true, so that a test can name their letters.

    The window is tall unless a test says otherwise: the script enhances a question only once it comes
    near the window (test_selfcheck_lazy.py), and in this one every sample question is near from the start.

    A script error on any page fails the test (unless the test takes it out of `page_errors`), and
    so does any request that leaves the site.
    """
    contexts = []
    outside: list[str] = []

    def make(*, shuffle: bool = False, **options: Any) -> Page:
        context = browser.new_context(base_url=site_url, **{"viewport": TALL, **options})
        contexts.append(context)
        page = context.new_page()
        if not shuffle:  # choices in their authored order: Fisher-Yates with a random just below 1 swaps nothing
            page.add_init_script("Math.random = () => 0.9999")
        page.set_default_timeout(5000)
        page.on("pageerror", lambda error: page_errors.append(error.stack or str(error)))
        page.on("console", lambda message: page_errors.append(message.text) if message.type == "error" else None)
        page.on("request", lambda request: None if request.url.startswith(site_url) else outside.append(request.url))
        return page

    yield make
    for context in contexts:
        context.close()
    assert page_errors == [], "script errors on the page"
    assert outside == [], "requests that left the site"
