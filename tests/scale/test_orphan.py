"""A worker whose parent is killed exits by itself (#22 item 12)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

CHILD = r"""
import subprocess, sys, time
import os
worker = subprocess.Popen([sys.executable, "-c",
    "import sys; from tidings.scale.orphan import exit_with_parent; exit_with_parent(int(sys.argv[1]), every=0.1); "
    "import time; time.sleep(60)", str(os.getpid())])
print(worker.pid, flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:  # a zombie waiting for init counts as gone
        return f.read().split(")")[-1].split()[0] != "Z"


def test_worker_exits_when_its_parent_is_killed():
    """Killed at once: the worker may not have started its watch yet, and must still notice."""
    parent = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    worker = int(parent.stdout.readline())
    assert _alive(worker)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(worker), "the worker outlived its parent"


def test_pool_workers_start_the_watch(monkeypatch):
    import tidings.pipeline
    from tidings.scale import orphan, work

    calls = []
    monkeypatch.setattr(orphan, "exit_with_parent", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(tidings.pipeline, "Pipeline", lambda *a, **k: object())
    previous = signal.getsignal(signal.SIGINT)
    try:
        work.init_worker(None, 8)
    finally:
        signal.signal(signal.SIGINT, previous)
        monkeypatch.setattr(work, "_PIPELINE", None)
    assert len(calls) == 1
