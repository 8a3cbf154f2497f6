"""helper: a spawned process takes items from the back of the list, and whatever happens to it, every
item's result comes back once, in order, and no process is left behind.

The functions the helper runs are defined here at module level: a spawned process imports them by name.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bank.helper import map_two_ended

TESTS = Path(__file__).resolve().parent
HOOKS = TESTS.parent / "hooks"
ITEMS = list(range(40))
SLOW = 0.05  # seconds per item: 2 s alone, so the helper is up (about 0.4 s) long before the end


def _here(item: int) -> tuple[int, str]:
    time.sleep(SLOW)
    return item * item, "here"


def _there(item: int) -> tuple[int, str]:
    time.sleep(SLOW)
    return item * item, "there"


def _there_fails(item: int) -> tuple[int, str]:
    raise ValueError(f"item {item}")


def _there_dies(item: int) -> tuple[int, str]:
    os._exit(3)


def _nothing() -> None:
    pass


def _start_fails() -> None:
    raise RuntimeError("cannot start")


Work = Callable[[int], tuple[int, str]]


def _run(there: Work, initializer: Callable[[], None] = _nothing) -> list[tuple[int, str]]:
    return map_two_ended(ITEMS, _here, there, initializer=initializer)


def test_the_helper_takes_items_from_the_back_and_the_results_keep_their_order() -> None:
    results = _run(_there)
    assert [value for value, _ in results] == [i * i for i in ITEMS]
    where = [side for _, side in results]
    taken = where.count("there")
    assert taken >= 5, where  # a real share of the work, not a token item
    assert where == ["here"] * (len(ITEMS) - taken) + ["there"] * taken  # the two ends met in one place
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(
    ("there", "initializer"),
    [
        pytest.param(_there_fails, _nothing, id="its-function-raises"),
        pytest.param(_there_dies, _nothing, id="it-dies"),
        pytest.param(_there, _start_fails, id="it-cannot-start"),
    ],
)
def test_a_helper_that_fails_leaves_its_items_to_this_process(there: Work, initializer: Callable[[], None]) -> None:
    results = _run(there, initializer)
    assert results == [(i * i, "here") for i in ITEMS]
    assert multiprocessing.active_children() == []


def test_an_error_here_ends_the_helper_too() -> None:
    def here(item: int) -> tuple[int, str]:
        if item == 10:
            raise KeyError("a bug in the work itself")
        return _here(item)

    with pytest.raises(KeyError, match="a bug"):
        map_two_ended(ITEMS, here, _there, initializer=_nothing)
    assert multiprocessing.active_children() == []


def test_a_list_too_short_to_share_is_done_here() -> None:
    assert map_two_ended([7], _here, _there, initializer=_nothing) == [(49, "here")]
    assert map_two_ended([], _here, _there, initializer=_nothing) == []


def test_the_helper_starts_whatever_the_main_script_is() -> None:
    """Spawned processes run the parent's main script again; a script read from stdin cannot be, and the
    helper needs none: it starts, works, and prints nothing."""
    script = (
        f"import sys; sys.path[:0] = [{str(HOOKS)!r}, {str(TESTS)!r}]\n"
        "from bank.helper import map_two_ended\n"
        "from test_helper import ITEMS, _here, _there, _nothing\n"
        "results = map_two_ended(ITEMS, _here, _there, initializer=_nothing)\n"
        "print(sum(side == 'there' for _, side in results))\n"
    )
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert int(done.stdout) >= 5
