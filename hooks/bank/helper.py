"""A second process that takes work from the back of a list while this one works from the front.

Rendering a large bank is pure CPU work, item by item. `map_two_ended` hands the last items to one
helper process, a few at a time, and does the first ones itself; the two meet wherever the helper's
start-up and speed put the middle, so nothing is tuned to a machine. The helper is started with
`spawn`, never `fork`: it runs only the function it is given, shares no state with the build, and is
shut down and reaped before the call returns, whatever happens. If it cannot start or fails, the items
it held are done here: the result is the same either way, only slower.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import types
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

IN_FLIGHT = 2  # items the helper holds at once: it never waits for this process between two of them
_PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent)


def usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` can allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def map_two_ended(
    items: Sequence[Item],
    here: Callable[[Item], Result],
    there: Callable[[Item], Result],
    *,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
) -> list[Result]:
    """`[here(item) for item in items]`, with a helper process running `there` on items from the end.

    `there` and `initializer` are module-level functions (the helper imports them by name);
    `initializer(*initargs)` runs once in the helper, before its first item. `there(item)` must equal
    `here(item)`. The results come back in the order of `items`.
    """
    results: list[Any] = [None] * len(items)
    front, back = 0, len(items)
    pending: deque[tuple[int, Future[Result]]] = deque()
    with _helper(initializer, initargs) as pool:
        while front < back or pending:
            while pool is not None and len(pending) < IN_FLIGHT and front < back - 1:
                try:
                    pending.append((back - 1, _submit(pool, there, items[back - 1])))
                except Exception:  # the helper is broken already: work alone
                    pool = None
                    break
                back -= 1
            if pending and (pending[0][1].done() or front >= back):
                index, future = pending.popleft()
                try:
                    results[index] = future.result()
                except Exception:  # a helper that failed or died: its items are done here
                    pool = None
                    results[index] = here(items[index])
                    while pending:
                        index, _ = pending.popleft()
                        results[index] = here(items[index])
                continue
            results[front] = here(items[front])
            front += 1
    return results


@contextmanager
def _helper(initializer: Callable[..., None], initargs: tuple[Any, ...]) -> Iterator[ProcessPoolExecutor | None]:
    try:
        pool = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=initializer, initargs=initargs
        )
    except (ImportError, NotImplementedError, OSError):  # no processes or semaphores here: work alone
        yield None
        return
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, there: Callable[[Item], Result], item: Item) -> Future[Result]:
    """`pool.submit`, arranged for the helper process, which the first submit starts.

    A spawned process gets the parent's `sys.path` (MkDocs takes the hooks folder off it once the hook
    is loaded: put it back) and runs the parent's main script again, to find functions defined there.
    The helper needs none, and that script may be anything: `mkdocs`, a test runner, or `<stdin>`, which
    cannot be run again at all. So while the process starts, `__main__` is an empty module.
    """
    added = _PACKAGE_PARENT not in sys.path
    if added:
        sys.path.insert(0, _PACKAGE_PARENT)
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        return pool.submit(there, item)
    finally:
        sys.modules["__main__"] = main
        if added:
            sys.path.remove(_PACKAGE_PARENT)
