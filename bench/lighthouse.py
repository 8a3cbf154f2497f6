"""Benchmark: what the self-check costs the heaviest topic page on a phone, measured with Lighthouse.

    .venv/bin/python bench/lighthouse.py [--runs 5] [--site DIR] [--page topics/SLUG/] [--keep DIR]

It builds the site into a temporary folder (or takes `--site`, an existing build) and picks the topic
page with the most glossary marks (`<abbr>`), then the most questions. Next to that page it writes the
baseline: the same HTML without the self-check's `<link>` and `<script>` (docs/assets/selfcheck/) and
without the markup written for the script (its progress box, hidden without it), every `<abbr>`
unwrapped to its text. One loopback server serves both, text gzip-compressed as any static host sends
it, and Lighthouse (mobile, its default, performance only) measures them in turns, `--runs` times each,
alternating which goes first.
It prints every run, the median Total Blocking Time and performance score of each page, the differences,
and whether the budget holds (issue 10: TBT at most 50 ms higher, score at most 3 points lower), then the
gzip size of selfcheck.js and selfcheck.css against their 10 KB budget. Exit status: 0 within budget,
1 over, 2 could not measure.

Lighthouse is pinned in bench/package.json and bench/package-lock.json, and installed by this script with
`npm ci` into bench/node_modules (git-ignored) when it is missing or at another version; it needs Node 18.16
or newer and npm. Chromium is /usr/bin/chromium (or $CHROME_PATH), started here for each run with a fresh
profile, in its own process group, stopped by its id, with every host name except loopback unresolvable,
so nothing leaves the machine. A benchmark, not a test: the figures depend on the machine's CPU, so compare
only the two pages of one run.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
SELFCHECK = ROOT / "docs" / "assets" / "selfcheck"
LIGHTHOUSE_CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = Path(os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
BASELINE_NAME = "lighthouse-baseline.html"

TBT_BUDGET_MS = 50  # the self-check may add at most this much Total Blocking Time
SCORE_BUDGET = 3  # and cost at most this many points of the performance score
ASSET_BUDGET = 10 * 1024  # bytes of gzip for selfcheck.js and selfcheck.css together

# The audit tool's flags (shared/tools/audit/lib/lighthouse.sh): headless, no first-run or background work,
# and no host but loopback resolvable.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
]

SELFCHECK_TAG = re.compile(
    r"<link\b[^>]*assets/selfcheck/[^>]*>\n?|<script\b[^>]*assets/selfcheck/[^>]*>\s*</script>\n?", re.IGNORECASE
)
ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.IGNORECASE | re.DOTALL)
QUESTION = re.compile(r'<section class="qb-question[ "]')
SCRIPT_PART = '<div class="qb-js">'
DIV_TAG = re.compile(r"<(/?)div\b", re.IGNORECASE)


class BenchError(Exception):
    """The benchmark cannot measure: the message says why."""


@dataclass
class Run:
    tbt_ms: float
    score: float  # 0 to 100
    benchmark_index: float  # Lighthouse's measure of this machine's CPU speed during the run
    selfcheck_ms: float  # main-thread script time of docs/assets/selfcheck/ files
    material_ms: float  # and of Material's bundle (its tooltips among the rest)


def _scripting(data: dict[str, Any], part: str) -> float:
    items = data["audits"]["bootup-time"].get("details", {}).get("items", [])
    return float(sum(item["scripting"] for item in items if part in item["url"]))


def without_script_parts(html: str) -> str:
    """`html` without the blocks written for the script (`<div class="qb-js">`, hidden without it)."""
    while (start := html.find(SCRIPT_PART)) >= 0:
        depth, at = 0, start
        for tag in DIV_TAG.finditer(html, start):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                at = tag.end()
                break
        else:
            raise BenchError('a <div class="qb-js"> is never closed')
        html = html[:start] + html[at:]
    return html


def strip_selfcheck(html: str) -> str:
    """The baseline page: no self-check stylesheet, script or markup for it; glossary marks unwrapped to their text."""
    stripped, removed = SELFCHECK_TAG.subn("", html)
    if removed == 0:
        raise BenchError("the page links no docs/assets/selfcheck/ file: nothing to compare")
    stripped = without_script_parts(ABBR.sub(r"\1", stripped))
    if "assets/selfcheck/" in stripped or "<abbr" in stripped.lower() or "qb-progress" in stripped:
        raise BenchError("the baseline still holds a self-check tag, its progress box or an <abbr>")
    return stripped


def heaviest_topic(site: Path) -> tuple[Path, int, int]:
    """The topic page with the most glossary marks, then the most questions: (path, marks, questions)."""
    pages = []
    for page in sorted(site.glob("topics/*/index.html")):
        html = page.read_text(encoding="utf-8")
        pages.append((len(ABBR.findall(html)), len(QUESTION.findall(html)), page))
    if not pages:
        raise BenchError(f"no topic page (topics/*/index.html) in {site}")
    marks, questions, page = max(pages, key=lambda entry: (entry[0], entry[1]))
    return page, marks, questions


def build_site(out: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-q",
        "-f",
        str(ROOT / "mkdocs.yml"),
        "-d",
        str(out),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise BenchError("mkdocs build failed:\n" + result.stdout + result.stderr)
    return out


def ensure_lighthouse() -> str:
    """Install the pinned Lighthouse with `npm ci` unless bench/node_modules already has it; its version."""
    lock = json.loads((BENCH / "package-lock.json").read_text(encoding="utf-8"))
    wanted = lock["packages"]["node_modules/lighthouse"]["version"]
    installed = BENCH / "node_modules" / "lighthouse" / "package.json"
    if installed.exists() and json.loads(installed.read_text(encoding="utf-8"))["version"] == wanted:
        return str(wanted)
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise BenchError(f"`{tool}` not found: Lighthouse needs Node.js 18.16 or newer and npm")
    print(f"installing lighthouse {wanted} with npm ci into {BENCH / 'node_modules'}", file=sys.stderr)
    command = ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"]
    result = subprocess.run(command, cwd=BENCH, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not LIGHTHOUSE_CLI.exists():
        raise BenchError("npm ci failed in bench/:\n" + result.stdout + result.stderr)
    return str(wanted)


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class _StaticHost(SimpleHTTPRequestHandler):
    """A static host as readers meet one (GitHub Pages, Netlify, nginx): text is sent gzip-compressed.

    Without it, Lighthouse's simulated phone network pays for every uncompressed byte of HTML, CSS and
    script, and the benchmark measures the server rather than the page.
    """

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not (path.suffix in COMPRESSED and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # redirects, errors and binary files as the stock handler sends them
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@functools.cache
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


@contextmanager
def serve(folder: Path) -> Iterator[int]:
    """Serve `folder` on 127.0.0.1 on a free port (yielded) until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StaticHost, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def chromium(work: Path) -> Iterator[int]:
    """A headless Chromium with a fresh profile, in its own process group; yields its DevTools port."""
    if not CHROMIUM.exists():
        raise BenchError(f"{CHROMIUM} not found: install Debian's chromium package, or set CHROME_PATH")
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=work))
    log = (work / "chromium.log").open("ab")
    process = subprocess.Popen(
        [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 20
        while not (port_file.exists() and port_file.read_text().strip()):
            if process.poll() is not None or time.monotonic() > deadline:
                raise BenchError(f"Chromium did not start (see {work / 'chromium.log'})")
            time.sleep(0.1)
        yield int(port_file.read_text().splitlines()[0])
    finally:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if process.poll() is not None:
                break
            os.killpg(process.pid, sig)  # the group this Popen started, by its id
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                continue
        log.close()
        shutil.rmtree(profile, ignore_errors=True)


def lighthouse(url: str, work: Path, name: str) -> Run:
    """One Lighthouse run, mobile (its default preset), performance only."""
    report = work / f"{name}.report.json"
    with chromium(work) as port:
        command = [
            "node",
            str(LIGHTHOUSE_CLI),
            url,
            f"--port={port}",
            "--hostname=127.0.0.1",
            "--only-categories=performance",
            "--output=json",
            f"--output-path={report}",
            "--max-wait-for-load=45000",
            "--quiet",
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=240)
        except subprocess.TimeoutExpired as error:
            raise BenchError(f"Lighthouse took over 240 s on {url}") from error
    if result.returncode != 0 or not report.exists():
        raise BenchError(f"Lighthouse failed on {url}:\n{result.stdout}{result.stderr}")
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise BenchError(f"Lighthouse could not load {url}: {data['runtimeError']}")
    score = data["categories"]["performance"]["score"]
    tbt = data["audits"]["total-blocking-time"]["numericValue"]
    if score is None or tbt is None:
        raise BenchError(f"Lighthouse gave no performance score on {url} (see {report})")
    return Run(
        tbt_ms=float(tbt),
        score=float(score) * 100,
        benchmark_index=data["environment"]["benchmarkIndex"],
        selfcheck_ms=_scripting(data, "/assets/selfcheck/"),
        material_ms=_scripting(data, "/assets/javascripts/bundle."),
    )


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def asset_budget() -> bool:
    total = 0
    for path in (SELFCHECK / "selfcheck.js", SELFCHECK / "selfcheck.css"):
        size = gzip_size(path)
        total += size
        print(f"{path.relative_to(ROOT)}: {size} B gzip")
    holds = total <= ASSET_BUDGET
    print(f"self-check assets: {total} B gzip; budget {ASSET_BUDGET} B: {'holds' if holds else 'OVER'}")
    return holds


def measure(site: Path, page_path: str | None, runs: int, work: Path) -> bool:
    if page_path:
        page = site / page_path.strip("/") / "index.html"
        if not page.exists():
            raise BenchError(f"no page {page}")
        html = page.read_text(encoding="utf-8")
        marks, questions = len(ABBR.findall(html)), len(QUESTION.findall(html))
    else:
        page, marks, questions = heaviest_topic(site)
    baseline = page.with_name(BASELINE_NAME)
    baseline.write_text(strip_selfcheck(page.read_text(encoding="utf-8")), encoding="utf-8")
    relative = page.parent.relative_to(site).as_posix()
    print(f"page: {relative}/ ({marks} glossary marks, {questions} questions); baseline: {relative}/{BASELINE_NAME}")
    version = ensure_lighthouse()
    print(f"Lighthouse {version}, mobile, performance only, {runs} runs of each page, alternated")
    results: dict[str, list[Run]] = {"self-check": [], "baseline": []}
    with serve(site) as port:
        urls = {
            "self-check": f"http://127.0.0.1:{port}/{relative}/",
            "baseline": f"http://127.0.0.1:{port}/{relative}/{BASELINE_NAME}",
        }
        for number in range(runs):
            order = ["self-check", "baseline"] if number % 2 == 0 else ["baseline", "self-check"]
            for name in order:
                run = lighthouse(urls[name], work, f"{name}-{number + 1}")
                results[name].append(run)
                print(
                    f"  run {number + 1} {name:>10}: TBT {run.tbt_ms:6.0f} ms, score {run.score:3.0f}, "
                    f"CPU benchmark index {run.benchmark_index:.0f}, load average {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
    tbt = {name: statistics.median(run.tbt_ms for run in found) for name, found in results.items()}
    score = {name: statistics.median(run.score for run in found) for name, found in results.items()}
    for name, found in results.items():
        selfcheck = statistics.median(run.selfcheck_ms for run in found)
        material = statistics.median(run.material_ms for run in found)
        print(
            f"median {name:>10}: TBT {tbt[name]:.0f} ms, performance score {score[name]:.0f} "
            f"(script time: selfcheck {selfcheck:.0f} ms, Material's bundle {material:.0f} ms)"
        )
    tbt_delta = tbt["self-check"] - tbt["baseline"]
    score_delta = score["self-check"] - score["baseline"]
    tbt_holds = tbt_delta <= TBT_BUDGET_MS
    score_holds = score_delta >= -SCORE_BUDGET
    print(f"difference: TBT {tbt_delta:+.0f} ms (budget +{TBT_BUDGET_MS} ms: {'holds' if tbt_holds else 'OVER'})")
    print(f"difference: score {score_delta:+.0f} points (budget -{SCORE_BUDGET}: {'holds' if score_holds else 'OVER'})")
    return tbt_holds and score_holds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs of each page (median counted)")
    parser.add_argument("--site", type=Path, help="an existing build to measure (default: build one)")
    parser.add_argument("--page", help="the page to measure, e.g. topics/lab-pipelines/ (default: the heaviest)")
    parser.add_argument("--keep", type=Path, help="keep the build and the Lighthouse reports in this folder")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as temporary:
        work = args.keep or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        try:
            if args.site:
                site = work / "site"
                shutil.copytree(args.site, site, dirs_exist_ok=True)  # the baseline is never written into it
            else:
                site = build_site(work / "site")
            pages_hold = measure(site, args.page, args.runs, work)
        except BenchError as error:
            print(f"bench/lighthouse.py: {error}", file=sys.stderr)
            return 2
    assets_hold = asset_budget()
    return 0 if pages_hold and assets_hold else 1


if __name__ == "__main__":
    sys.exit(main())
