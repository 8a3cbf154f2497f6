"""background: a function's value comes back the same whether it ran in a forked child or inline."""

from __future__ import annotations

import os

import pytest

from bank.background import Background, BackgroundError


@pytest.mark.parametrize("fork", [True, False])
def test_value_comes_back(fork: bool) -> None:
    parent = os.getpid()
    task = Background(lambda: {"pid": os.getpid(), "data": b"x" * 1_000_000}, fork=fork)
    value = task.result()
    assert value["data"] == b"x" * 1_000_000
    assert (value["pid"] != parent) is fork
    assert task.result() is value  # collected once, then remembered


def fail() -> None:
    raise ValueError("no deck today")


def test_failure_in_the_child_carries_its_traceback() -> None:
    task = Background(fail, fork=True)
    with pytest.raises(BackgroundError, match=r"(?s)Traceback.*ValueError: no deck today"):
        task.result()


def test_failure_inline_raises_at_once() -> None:
    with pytest.raises(ValueError, match="no deck today"):
        Background(fail, fork=False)
