"""Benchmark: build time and peak memory of the hook against the same pages written by hand.

    .venv/bin/python bench/build.py [--sizes 1000 10000] [--per-topic 50]

For each size it writes a synthetic bank to a temporary folder, builds it through the hook, then writes
the Markdown the hook renders as plain pages into docs/ of a second project with no hook, builds that,
and prints both wall times, both peak memories and their ratios. Target: hook / hand-written <= 1.10.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from bank import load_bank  # noqa: E402
from bank.pages import generated_files  # noqa: E402
from bank.render import nav_entries  # noqa: E402

# The site's own Markdown settings, so both builds convert exactly as the real site does.
EXTENSIONS = yaml.safe_dump(
    {"markdown_extensions": yaml.safe_load((ROOT / "mkdocs.yml").read_text())["markdown_extensions"]}
)
BIBLIOGRAPHY = (ROOT / "questions" / "references.yml").read_text(encoding="utf-8")
LEVELS = ("foundation", "intermediate", "advanced")


def write_bank(root: Path, size: int, per_topic: int) -> None:
    bank = root / "questions"
    bank.mkdir(parents=True)
    (bank / "references.yml").write_text(BIBLIOGRAPHY, encoding="utf-8")
    for n in range(size):
        topic = bank / f"topic-{n // per_topic:04d}"
        if not topic.exists():
            topic.mkdir()
            order = n // per_topic + 1
            (topic / "_topic.md").write_text(
                f"---\ntitle: Topic {order}\norder: {order}\nsummary: Synthetic topic {order}.\n---\nAn introduction with **Markdown**.\n"
            )
        choices = "\n".join(
            f"- [{'x' if c == n % 4 else ' '}] Choice {c} of question {n}, with `code`" for c in range(4)
        )
        (topic / f"question-{n:05d}.md").write_text(
            f"---\norder: {n % per_topic + 1}\nlevel: {LEVELS[n % 3]}\ntags: [synthetic, t{n % 7}]\nsources: [ouyang2022instructgpt]\n---\n"
            f"Synthetic question {n}: which statement about *post-training* step {n} holds?\n\n{choices}\n\n"
            f"## Answer\n\nThe answer to question {n}, with a [link](#question-{(n + 1) % size:05d}).\n\n"
            f"## Explanation\n\nWhy question {n} has that answer, in a few words of explanation.\n"
        )


def config(nav: str, *, hook: bool) -> str:
    hooks = f"hooks: [{ROOT / 'hooks' / 'bank_hook.py'}]\n" if hook else ""
    return (
        "site_name: Bench\nsite_url: https://example.org/\nrepo_url: https://github.com/o/r\nedit_uri: edit/main/docs/\n"
        "theme: {name: material, font: false}\nplugins: [search]\n"
        f"{hooks}nav:\n  - Home: index.md\n{nav}{EXTENSIONS}"
    )


def measure(project: Path) -> tuple[float, float]:
    """Seconds and peak resident memory (MiB) of one `mkdocs build` in a fresh process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
        cwd=project,
        env=env,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        assert proc.stderr is not None
        sys.exit(f"build failed in {project}:\n{proc.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def prepare(work: Path, size: int, per_topic: int) -> tuple[Path, Path]:
    hooked, plain = work / "hooked", work / "plain"
    write_bank(hooked, size, per_topic)
    (hooked / "docs").mkdir()
    (hooked / "docs" / "index.md").write_text("# Home\n")
    (hooked / "mkdocs.yml").write_text(config("  - Topics: questions/\n", hook=True))

    bank, problems = load_bank(hooked, docs_dir=hooked / "docs")
    assert not problems, problems[:5]
    shutil.copytree(hooked / "docs", plain / "docs")
    for src_uri, generated in generated_files(bank, edit_root="https://github.com/o/r/edit/main/").items():
        path = plain / "docs" / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(generated.content, bytes):
            path.write_bytes(generated.content)
        else:
            path.write_text(generated.content, encoding="utf-8")
    nav = "  - Topics:\n" + "".join(
        f"    - {entry}\n" if isinstance(entry, str) else "".join(f"    - {k}: {v}\n" for k, v in entry.items())
        for entry in nav_entries(bank)
    )
    (plain / "mkdocs.yml").write_text(config(nav, hook=False))
    return hooked, plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--per-topic", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3, help="builds per variant; the fastest counts")
    args = parser.parse_args()
    print(
        f"{'questions':>9}  {'hook s':>7}  {'hand s':>7}  {'ratio':>5}  {'hook MiB':>8}  {'hand MiB':>8}  {'ratio':>5}"
    )
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            hooked, plain = prepare(Path(tmp), size, args.per_topic)
            # Alternate the two so drift in machine load hits both alike.
            runs: dict[Path, list[tuple[float, float]]] = {hooked: [], plain: []}
            for _ in range(args.repeat):
                for project in (plain, hooked):
                    runs[project].append(measure(project))
            hook_s, hand_s = min(s for s, _ in runs[hooked]), min(s for s, _ in runs[plain])
            hook_m, hand_m = max(m for _, m in runs[hooked]), max(m for _, m in runs[plain])
            print(
                f"{size:>9}  {hook_s:>7.2f}  {hand_s:>7.2f}  {hook_s / hand_s:>5.2f}  {hook_m:>8.0f}  {hand_m:>8.0f}  {hook_m / hand_m:>5.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
