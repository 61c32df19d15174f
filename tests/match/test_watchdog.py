"""Pack regexes tried at anchors are stopped by one alarm (or a timeout per call) alike."""

from __future__ import annotations

import signal
import threading
import time

import pytest
from copydesk.match import watchdog
from copydesk.match.patterns import RuleTimeout, compile_user, finditer_at, matches_user_at

RUNAWAY = r"(a|aa)+$"  # exponential backtracking on a run of a's with no end in sight


def _quiet_alarm() -> bool:
    return (signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))


def test_one_alarm_stops_a_runaway_anchored_pattern_and_is_put_away() -> None:
    assert watchdog.available()
    compiled = compile_user(RUNAWAY)
    start = time.monotonic()
    with pytest.raises(RuleTimeout):
        matches_user_at(compiled, "a" * 40 + "!", [0])
    assert time.monotonic() - start < 5
    assert _quiet_alarm()  # the handler is back to the default and the timer disarmed


def test_someone_elses_alarm_handler_is_left_alone() -> None:
    calls: list[int] = []
    signal.signal(signal.SIGALRM, lambda signum, frame: calls.append(signum))
    try:
        assert not watchdog.available()
        start = time.monotonic()
        with pytest.raises(RuleTimeout):  # the per-call timeout still stops it
            matches_user_at(compile_user(RUNAWAY), "a" * 40 + "!", [0])
        assert time.monotonic() - start < 5
        assert signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, signal.SIG_IGN)
        assert calls == []
    finally:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def test_no_alarm_outside_the_main_thread() -> None:
    seen: list[bool] = []
    worker = threading.Thread(target=lambda: seen.append(watchdog.available()))
    worker.start()
    worker.join()
    assert seen == [False]


def test_both_ways_find_the_same_matches() -> None:
    compiled = compile_user(r"\bit (?:is|was) (?:said|thought)\b", ignorecase=True)
    text = "It is said so. it was thought; It Was Said. It isn't said."
    starts = [0, 3, 15, 18, 31, 44, 47]
    want = [m.span() for m in finditer_at(compiled, text, starts)]
    assert want == [(0, 10), (15, 29), (31, 42)]
    assert [m.span() for m in matches_user_at(compiled, text, starts)] == want
    signal.signal(signal.SIGALRM, lambda signum, frame: None)  # forces the per-call timeout
    try:
        assert [m.span() for m in matches_user_at(compiled, text, starts)] == want
    finally:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    assert _quiet_alarm()


def test_places_tried_by_patterns_of_their_own_merge_in_text_order() -> None:
    """matches_user_at with ``parts``: each part's places tried by its own pattern, the
    matches merged by start, and a match inside the last one kept dropped, as a scan would."""
    whole = compile_user(r"ab ab|ab|cd")
    text = "ab ab ab cd cd"
    assert [m.span() for m in finditer_at(whole, text, [0, 3, 6, 9, 12])] == [
        (0, 5), (6, 8), (9, 11), (12, 14)]
    parts = [(compile_user(r"cd"), [9, 12]), (compile_user(r"ab ab|ab"), [3, 6])]
    found = matches_user_at(whole, text, [0], parts)
    assert [m.span() for m in found] == [(0, 5), (6, 8), (9, 11), (12, 14)]
