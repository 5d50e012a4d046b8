"""A per-item time limit: no single article may hold a worker for ever.

``time_limit(seconds)`` arms a CPU-time interval timer (``ITIMER_PROF``, signal ``SIGPROF``) and
raises ``ItemTimeout`` in the code that is running when it fires. CPU time, not wall time: on a
loaded machine an article must not be cut short because other processes had the cores (the
same input gives the same record whatever the load); the stages do no I/O, so a stuck stage
is a busy one. ``ItemTimeout`` derives from
``BaseException`` so that an extractor's own ``except Exception`` cannot swallow it.
Timers nest: an outer CPU timer that is already armed is put back
with the time it has left when the inner one ends, and fires at once if that is gone.

The limit works in the main thread of a POSIX process (the inline ingest, each worker of
``--workers N``, the server's analysis process). Elsewhere (another thread, Windows)
``time_limit`` arms nothing and callers fall back to checking the CPU clock between steps.
A stage stuck inside one long C call is interrupted only when that call returns.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from . import settings

__all__ = ["ItemTimeout", "ITEM_SECONDS", "item_seconds", "time_limit"]

ITEM_SECONDS: float = settings.default_of("item_seconds")  # CPU seconds per article (setting item_seconds; 0: no limit)
_TIMER, _SIGNAL = getattr(signal, "ITIMER_PROF", None), getattr(signal, "SIGPROF", None)


class ItemTimeout(BaseException):
    """The item's time is up (raised by the timer in whatever code was running)."""


def item_seconds() -> float:
    """The per-item limit, the setting item_seconds (seconds; 0 or less: no limit; a bad value: ConfigError)."""
    return float(settings.value("item_seconds"))


def _can_arm() -> bool:
    return (_TIMER is not None and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread())


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.process_time() + seconds if seconds > 0 else float("inf")

    @property
    def expired(self) -> bool:
        return time.process_time() >= self.ends


@contextmanager
def time_limit(seconds: float) -> Iterator[_Deadline]:
    """Raise ``ItemTimeout`` in the running code after `seconds` of CPU time (no limit when `seconds` <= 0)."""
    deadline = _Deadline(seconds)
    if seconds <= 0 or not _can_arm():
        yield deadline
        return

    def _fire(signum, frame):
        raise ItemTimeout(f"time limit of {seconds:g} s reached")

    started = time.process_time()
    previous_handler = signal.signal(_SIGNAL, _fire)
    outer_delay, outer_interval = signal.setitimer(_TIMER, seconds)
    outer_first = bool(outer_delay) and outer_delay < seconds
    if outer_first:  # the outer timer is due first: keep its moment and its handler
        signal.setitimer(_TIMER, outer_delay)
        signal.signal(_SIGNAL, previous_handler)
    try:
        yield deadline
    finally:
        signal.setitimer(_TIMER, 0)
        signal.signal(_SIGNAL, previous_handler)
        if outer_delay:
            left = outer_delay - (time.process_time() - started)
            if left > 0:
                signal.setitimer(_TIMER, left, outer_interval)
            elif not outer_first:  # it fell due while ours was armed: let it fire now
                signal.setitimer(_TIMER, 1e-6, outer_interval)
