"""Run a slow, pure function on the machine's other core while the build goes on.

The exports (Anki deck, GIFT, JSON) take about as long as a tenth of the site's Markdown, and
nothing in the build reads them until the files are copied. A forked child computes them from the
same bank in memory; the parent collects the bytes just before it writes files.

Forking is only safe while the process has one thread: `mkdocs serve` and test runners have more,
and there the function simply runs inline.

Everything alive at the fork (the bank, above all) is frozen out of the garbage collector until the
result is collected, as the `gc.freeze` documentation advises around a fork: the child's collections
then do not write to (and so copy) the memory it shares with the parent, and the parent's full
collections during the build skip objects that stay alive until the end anyway.
"""

from __future__ import annotations

import gc
import os
import pickle
import threading
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class BackgroundError(RuntimeError):
    """The function failed in the child; the message carries its traceback."""


class Background(Generic[T]):
    def __init__(self, function: Callable[[], T], *, fork: bool | None = None) -> None:
        if fork is None:
            fork = hasattr(os, "fork") and threading.active_count() == 1
        self._pid = 0
        self._read = -1
        self._value: T | None = None
        if not fork:
            self._value = function()
            return
        read, write = os.pipe()
        gc.freeze()
        pid = os.fork()
        if pid == 0:  # the child: compute, send, and leave without running the parent's cleanup
            os.close(read)
            try:
                payload = pickle.dumps((True, function()))
            except BaseException:
                payload = pickle.dumps((False, traceback.format_exc()))
            with os.fdopen(write, "wb") as pipe:
                pipe.write(payload)
            os._exit(0)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> T:
        """The function's value; waits for the child if it is still working."""
        if self._pid:
            with os.fdopen(self._read, "rb") as pipe:
                payload = pipe.read()
            os.waitpid(self._pid, 0)
            gc.unfreeze()
            self._pid = 0
            if not payload:
                raise BackgroundError("the background process ended without a result")
            ok, value = pickle.loads(payload)
            if not ok:
                raise BackgroundError(value)
            self._value = value
        return self._value  # type: ignore[return-value]
