"""Worker processes end when their parent does (a killed `ingest --workers N` leaves no orphans)."""
from __future__ import annotations

import os
import threading
import time

__all__ = ["exit_with_parent"]

CHECK_SECONDS = 1.0


def exit_with_parent(parent_pid: int | None = None, *, every: float = CHECK_SECONDS) -> threading.Thread:
    """Start a daemon thread that ends this process once its parent is gone (re-parented to init or a
    subreaper). A polled parent pid, not PR_SET_PDEATHSIG: that fires when the *thread* that started
    the process ends, which in a process pool need not be the parent's life."""
    parent = parent_pid or os.getppid()

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)  # nothing to flush: the parent, which held the store, is gone
            time.sleep(every)

    thread = threading.Thread(target=watch, name="tidings-exit-with-parent", daemon=True)
    thread.start()
    return thread
