"""Benchmark: the bank's build against plain Material with the same questions written by hand.

    .venv/bin/python bench/build.py [--sizes 1000 10000] [--topics 11] [--per-topic 50] [--repeat 5]

For each size it writes a synthetic bank (the real bibliography and glossary, 20 concepts; every
question with a title, two concepts, four choices and their reasons, an answer, an explanation, a link,
and a formula in every fifth) to a temporary folder and builds it through the hook: topic pages,
worksheets, review and practice data and every export. The baseline is what a user would write
instead: one Markdown page per topic holding the same texts as hand-written `??? question` reveals
(pymdownx.details), the glossary's abbreviations appended to every page as the `abbr` extension wants
them, built by plain Material with the same extensions and no hook. Both builds run in fresh
processes, alternated, every size in every round, fastest of `--repeat` counted; the script prints
times, peak memory (RSS, a helper process included) and the ratios, the growth of each build from the
smallest to the largest size, and every run's time. Budgets (issue 8): time <= 1.3x, memory <= 1.5x,
growth no worse than the baseline's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from bank.build import read_config  # noqa: E402
from bank.glossary import abbreviations, load_glossary  # noqa: E402
from bank.load import load_bank  # noqa: E402

EXTENSIONS = read_config(ROOT / "mkdocs.yml")["markdown_extensions"]
BIBLIOGRAPHY = (ROOT / "questions" / "references.yml").read_text(encoding="utf-8")
GLOSSARY = (ROOT / "questions" / "glossary.yml").read_text(encoding="utf-8")
LEVELS = ("foundation", "intermediate", "advanced")
LETTERS = "ABCD"


@dataclass
class Synthetic:
    text: str
    choices: list[str]
    reasons: list[str]
    correct: int
    answer: str
    explanation: str


def question(n: int, size: int) -> Synthetic:
    """The texts of synthetic question `n`: the same for both builds."""
    formula = " Its reward is $r_\\phi(x, y) = \\log \\sigma(z_{n})$." if n % 5 == 0 else ""
    return Synthetic(
        text=f"Synthetic question {n}: which statement about *SFT* and DPO in step {n} holds?{formula}",
        choices=[f"Choice {c} of question {n}, with `code` and a KL penalty" for c in range(4)],
        reasons=[f"Reason {c}: why choice {c} of question {n} is right or wrong, for RLHF." for c in range(4)],
        correct=n % 4,
        answer=f"The answer to question {n}, with a [link](#question-{(n + 1) % size:05d}).",
        explanation=f"Why question {n} has that answer, in a few words of explanation about PPO.",
    )


def topic_of(n: int, size: int, topics: int) -> int:
    return n * topics // size


def write_bank(root: Path, size: int, topics: int) -> None:
    bank = root / "questions"
    bank.mkdir(parents=True)
    (bank / "references.yml").write_text(BIBLIOGRAPHY, encoding="utf-8")
    (bank / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    (bank / "concepts.yml").write_text(
        "".join(f"- id: concept-{c:02d}\n  name: Concept {c}\n  summary: Synthetic concept {c}.\n" for c in range(20))
    )
    for t in range(topics):
        folder = bank / f"topic-{t:03d}"
        folder.mkdir()
        (folder / "_topic.md").write_text(
            f"---\ntitle: Topic {t}\norder: {t + 1}\nsummary: Synthetic topic {t}.\n---\nAn introduction with **Markdown**.\n"
        )
    for n in range(size):
        q = question(n, size)
        choices = "\n".join(
            f"- [{'x' if c == q.correct else ' '}] {text}\n  {reason}"
            for c, (text, reason) in enumerate(zip(q.choices, q.reasons, strict=True))
        )
        (bank / f"topic-{topic_of(n, size, topics):03d}" / f"question-{n:05d}.md").write_text(
            f"---\ntitle: Synthetic question {n}\norder: {n + 1}\nlevel: {LEVELS[n % 3]}\n"
            f"concepts: [concept-{n % 20:02d}, concept-{(n * 7 + 3) % 20:02d}]\n"
            f"sources: [ouyang2022instructgpt]\n---\n{q.text}\n\n{choices}\n\n"
            f"## Answer\n\n{q.answer}\n\n## Explanation\n\n{q.explanation}\n"
        )


def write_baseline(root: Path, size: int, topics: int) -> None:
    """The same questions as a user would write them for plain Material: one page per topic."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    terms, _ = load_glossary(GLOSSARY, "glossary.yml", sources=_all_keys())
    tooltips = abbreviations(terms)
    (docs / "index.md").write_text("# Home\n" + tooltips)
    pages: dict[int, list[str]] = {t: [f"# Topic {t}\n\nAn introduction with **Markdown**.\n"] for t in range(topics)}
    for n in range(size):
        q = question(n, size)
        t = topic_of(n, size, topics)
        choices = "\n".join(f"{LETTERS[c]}. {text}  " for c, text in enumerate(q.choices))
        reasons = "\n".join(f"    - **{LETTERS[c]}.** {r}" for c, r in enumerate(q.reasons))
        correct = q.correct
        linked = (n + 1) % size
        if topic_of(linked, size, topics) != t:  # a question on another page: link to that page
            page = f"topic-{topic_of(linked, size, topics):03d}.md"
            q.answer = q.answer.replace(f"(#question-{linked:05d})", f"({page}#question-{linked:05d})")
        pages[t].append(
            f"## Synthetic question {n} {{ #question-{n:05d} }}\n\n{q.text}\n\n{choices}\n\n"
            f'??? question "Answer"\n\n    **Correct choice:** {LETTERS[correct]}. {q.choices[correct]}\n\n'
            f"    {q.answer}\n\n{reasons}\n\n    {q.explanation}\n\n"
            "    Sources: [Training language models to follow instructions with human feedback]"
            "(https://arxiv.org/abs/2203.02155) (2022)\n"
        )
    for t, parts in pages.items():
        (docs / f"topic-{t:03d}.md").write_text("\n".join(parts) + tooltips)
    nav = "".join(f"  - Topic {t}: topic-{t:03d}.md\n" for t in range(topics))
    extensions = [*EXTENSIONS, "pymdownx.details"]
    (root / "mkdocs.yml").write_text(
        _config() + f"nav:\n  - Home: index.md\n{nav}" + yaml.safe_dump({"markdown_extensions": extensions})
    )


def _all_keys() -> set[str]:
    return {entry["key"] for entry in yaml.safe_load(BIBLIOGRAPHY)}


def _config(*, hook: bool = False) -> str:
    hooks = f"hooks: [{ROOT / 'hooks' / 'bank_hook.py'}]\n" if hook else ""
    return (
        "site_name: Bench\nsite_url: https://example.org/\nrepo_url: https://github.com/o/r\nedit_uri: edit/main/docs/\n"
        f"theme: {{name: material, font: false, custom_dir: {ROOT / 'overrides'}}}\nplugins: [search]\n{hooks}"
    )


def write_hooked(root: Path, size: int, topics: int) -> None:
    write_bank(root, size, topics)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n")
    (root / "mkdocs.yml").write_text(
        _config(hook=True)
        + "nav:\n  - Home: index.md\n  - Topics: questions/\n"
        + yaml.safe_dump({"markdown_extensions": EXTENSIONS})
    )
    _, problems = load_bank(root, docs_dir=root / "docs")
    assert not problems, problems[:5]


def measure(project: Path) -> tuple[float, float]:
    """Seconds and peak resident memory (MiB) of one `mkdocs build` in a fresh process.

    The memory is that of the build and every process it starts, together: sampled as their summed RSS
    every 10 ms (a helper process counts), and never less than the build's own peak as the kernel kept it.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
        cwd=project,
        env=env,
        stderr=subprocess.PIPE,
    )
    together = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        together = max(together, _tree_rss(proc.pid))
        time.sleep(0.01)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        assert proc.stderr is not None
        sys.exit(f"build failed in {project}:\n{proc.stderr.read().decode()[-3000:]}")
    return seconds, max(together, usage.ru_maxrss) / 1024


def _tree_rss(pid: int) -> int:
    """KiB resident in `pid` and all its descendants now (0 for a process that has just ended)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        stack += [int(child) for child in children]
    return total


Case = tuple[int, int]  # questions, topics


def run(cases: list[Case], repeat: int) -> dict[Case, tuple[float, float, float, float, list[float], list[float]]]:
    """Bank and baseline seconds (fastest) and MiB (largest) for each case, and every run's seconds.

    Every round builds every case, bank and baseline in turn, so that a drift in the machine's speed
    over the run hits both builds and all sizes alike (the growth compares sizes)."""
    with tempfile.TemporaryDirectory() as tmp:
        projects = {}
        for size, topics in cases:
            folder = Path(tmp) / f"{size}-{topics}"
            write_hooked(folder / "bank", size, topics)
            write_baseline(folder / "baseline", size, topics)
            projects[size, topics] = (folder / "bank", folder / "baseline")
        runs: dict[Path, list[tuple[float, float]]] = {p: [] for pair in projects.values() for p in pair}
        for _ in range(repeat):
            for hooked, plain in projects.values():
                for project in (plain, hooked):
                    runs[project].append(measure(project))
        return {
            case: (
                min(s for s, _ in runs[hooked]),
                min(s for s, _ in runs[plain]),
                max(m for _, m in runs[hooked]),
                max(m for _, m in runs[plain]),
                [s for s, _ in runs[hooked]],
                [s for s, _ in runs[plain]],
            )
            for case, (hooked, plain) in projects.items()
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--topics", type=int, default=11, help="topics the bank's questions spread over")
    parser.add_argument("--per-topic", type=int, default=50, help="also build the smallest size at this many per topic")
    parser.add_argument("--repeat", type=int, default=5, help="builds per variant; the fastest counts")
    args = parser.parse_args()
    head = f"{'questions':>9}  {'topics':>6}  {'bank s':>7}  {'base s':>7}  {'ratio':>5}  {'bank MiB':>8}  {'base MiB':>8}  {'ratio':>5}"
    print(head)
    cases = [(size, args.topics) for size in args.sizes]
    if args.per_topic:
        cases.append((min(args.sizes), max(1, min(args.sizes) // args.per_topic)))
    results = run(cases, args.repeat)
    for (size, topics), (bank_s, base_s, bank_m, base_m, *_) in results.items():
        print(
            f"{size:>9}  {topics:>6}  {bank_s:>7.2f}  {base_s:>7.2f}  {bank_s / base_s:>5.2f}  "
            f"{bank_m:>8.0f}  {base_m:>8.0f}  {bank_m / base_m:>5.2f}",
            flush=True,
        )
    small, large = (min(args.sizes), args.topics), (max(args.sizes), args.topics)
    if small != large:
        bank_growth = results[large][0] / results[small][0]
        base_growth = results[large][1] / results[small][1]
        print(f"growth {small[0]} -> {large[0]}: bank x{bank_growth:.2f}, baseline x{base_growth:.2f}")
    print("every run, in seconds (the spread is the machine's noise):")
    for (size, topics), (*_, bank_runs, base_runs) in results.items():
        bank_list, base_list = (" ".join(f"{s:.2f}" for s in runs) for runs in (bank_runs, base_runs))
        print(f"  {size} in {topics} topics: bank {bank_list}; baseline {base_list}")


if __name__ == "__main__":
    main()
