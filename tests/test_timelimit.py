import signal
import threading
import time

import pytest

from tidings.timelimit import ItemTimeout, time_limit


def _busy(seconds):
    """Burn `seconds` of CPU time (the limit counts CPU time)."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_limit_counts_cpu_time_not_waiting():
    with time_limit(0.2) as deadline:
        time.sleep(0.4)  # waiting (another process has the core) does not use the item's time
        assert not deadline.expired


def test_limit_interrupts_running_code_even_through_except_exception():
    started = time.monotonic()
    with pytest.raises(ItemTimeout):
        with time_limit(0.2):
            while True:
                try:
                    _busy(0.05)
                except Exception:  # an extractor's own handler must not swallow the timeout
                    pass
    assert time.monotonic() - started < 2


def test_no_limit_when_zero_and_timer_disarmed_after():
    before = signal.getitimer(signal.ITIMER_PROF)  # a harness may have a timer of its own running
    with time_limit(0) as deadline:
        assert not deadline.expired
    with time_limit(5):
        pass
    after = signal.getitimer(signal.ITIMER_PROF)
    assert after[1] == before[1] and (after[0] == 0.0) == (before[0] == 0.0) and after[0] <= before[0]


def test_outer_timer_survives_an_inner_limit():
    fired = []
    previous = signal.signal(signal.SIGPROF, lambda *a: fired.append(time.process_time()))
    try:
        started = time.process_time()
        signal.setitimer(signal.ITIMER_PROF, 0.6)
        with time_limit(5):
            _busy(0.1)
        assert signal.getitimer(signal.ITIMER_PROF)[0] > 0  # put back with the time it had left
        _busy(1.0)
        assert len(fired) == 1 and 0.4 < fired[0] - started < 1.0
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def test_outer_timer_due_first_keeps_its_moment():
    fired = []
    previous = signal.signal(signal.SIGPROF, lambda *a: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_PROF, 0.1)
        with time_limit(5):
            _busy(0.3)  # the outer timer fires inside, with its own handler
        assert fired == [1]
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def test_outside_the_main_thread_only_the_clock_is_given():
    out = {}

    def run():
        with time_limit(0.05) as deadline:
            _busy(0.1)
            out["expired"] = deadline.expired

    t = threading.Thread(target=run)
    t.start()
    t.join()
    assert out == {"expired": True}
