#!/usr/bin/env python3
"""Set up and run the project with nothing but Python 3.10+.

python3 run.py serve                  create .venv, install pinned requirements, serve on http://127.0.0.1:8000
python3 run.py test [PYTEST ARGS]     same setup, Chromium and Java if missing, then ruff, mypy, the bank check, pytest
python3 run.py test --no-browser      the same without the browser tests (it says how many it leaves out)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / "requirements.sha256"
CHROMIUM = Path("/usr/bin/chromium")
MINIMUM = (3, 10)


def setup() -> None:
    """Create the virtual environment and install the pinned requirements when they changed."""
    if sys.version_info < MINIMUM:
        sys.exit(f"Python {'.'.join(map(str, MINIMUM))} or newer is needed; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        print("Creating .venv", flush=True)
        try:
            venv.create(VENV, with_pip=True)
        except subprocess.CalledProcessError:
            shutil.rmtree(VENV, ignore_errors=True)
            sys.exit(
                "This Python cannot make a virtual environment with pip (ensurepip is missing). On Debian or Ubuntu: "
                f"apt-get install -y python3-venv (or python{sys.version_info.major}.{sys.version_info.minor}-venv)"
            )
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if not STAMP.is_file() or STAMP.read_text().strip() != digest:
        print("Installing requirements.txt into .venv", flush=True)
        run("python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(REQUIREMENTS))
        STAMP.write_text(digest + "\n")


def run(tool: str, *args: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(BIN / tool), *args], cwd=ROOT, env=env)
    if result.returncode:
        sys.exit(result.returncode)


def has_chromium() -> bool:
    """Debian's Chromium, or the one Playwright downloads (the browser tests use either)."""
    if CHROMIUM.exists():
        return True
    probe = "from playwright.sync_api import sync_playwright as p\nwith p() as d: print(d.chromium.executable_path)"
    found = subprocess.run([str(BIN / "python"), "-c", probe], capture_output=True, text=True, check=False)
    return found.returncode == 0 and Path(found.stdout.strip()).exists()


def apt_install(package: str) -> bool:
    """Install a Debian or Ubuntu package when running as root with apt; False when that is not possible."""
    apt = shutil.which("apt-get")
    if not (apt and hasattr(os, "geteuid") and os.geteuid() == 0):
        return False
    print(f"Installing Debian's {package} package", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    Path("/usr/share/man/man1").mkdir(parents=True, exist_ok=True)  # slim images lack it; the JRE needs it
    subprocess.run([apt, "update", "-qq"], env=env, check=False)
    subprocess.run([apt, "install", "-y", "-qq", package], env=env, check=False)
    return True


def ensure_java() -> None:
    """The Nu HTML checker (tests/test_nu.py) runs on Java: Debian's or Ubuntu's JRE as root when missing."""
    if shutil.which("java") or (apt_install("default-jre-headless") and shutil.which("java")):
        return
    sys.exit(
        "Java is needed for the Nu HTML checker test and could not be installed. Run:\n"
        "  sudo apt-get install -y default-jre-headless      (Debian, Ubuntu; or any Java 11 or newer)"
    )


def ensure_chromium() -> None:
    """Install Chromium when it is missing: Debian's or Ubuntu's package as root, else Playwright's download."""
    if has_chromium():
        return
    print("Chromium is missing", flush=True)
    if not apt_install("chromium"):
        print("No apt as root: trying Playwright's own download", flush=True)
        subprocess.run([str(BIN / "python"), "-m", "playwright", "install", "chromium"], check=False)
    if not has_chromium():
        sys.exit(
            "Chromium is needed for the browser tests and could not be installed. Run one of:\n"
            "  sudo apt-get install -y chromium                  (Debian, Ubuntu)\n"
            "  .venv/bin/python -m playwright install chromium   (elsewhere)\n"
            "or leave the browser tests out: python3 run.py test --no-browser"
        )


def main() -> None:
    command, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command not in ("serve", "test"):
        sys.exit(__doc__)
    setup()
    if command == "serve":
        run("mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *args)
        return
    pytest_args = [a for a in args if a != "--no-browser"]
    if "--no-browser" in args:
        print("--no-browser: the browser tests are left out (pytest reports them as deselected)", flush=True)
        pytest_args = ["-m", "not browser", *pytest_args]
    else:
        ensure_chromium()
    ensure_java()
    run("ruff", "check", ".")
    run("ruff", "format", "--check", ".")
    run("mypy")
    run("python", "hooks/bank_cli.py", "check")
    run("pytest", *pytest_args)


if __name__ == "__main__":
    main()
