import signal
import time

import pytest

from storyline.eval import System, Timeout, cut, evaluate, reference_sentences, rouge, time_limit
from storyline.model import Cluster, Document

# A busy loop that a working timer interrupts long before this; a broken one lets it end, so the test fails
# instead of hanging.
GIVE_UP = 3.0


def busy(seconds: float = GIVE_UP) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass


def test_cut_applies_the_word_budget():
    assert cut(["one two three", "four five six"], 4) == ["one two three", "four"]
    assert cut(["one two"], 10) == ["one two"]


def test_reference_loses_leading_dash_and_is_split():
    assert reference_sentences("– The fire is out. Residents returned.") == ["The fire is out.", "Residents returned."]


def test_rouge_identical_is_100_and_recall_averages_references():
    assert rouge(["The fire is out."], ["The fire is out."])["rouge2"] == 100.0
    recall = rouge(["the fire"], ["the fire", "a flood came"], measure="recall")
    assert recall["rouge1"] == 50.0


def test_time_limit_interrupts_a_busy_block_within_the_limit():
    started = time.monotonic()
    with pytest.raises(Timeout):
        with time_limit(0.05):
            busy()
    assert time.monotonic() - started < 1.0


def test_time_limit_lets_a_quick_block_finish_and_leaves_no_timer_behind():
    handler = signal.getsignal(signal.SIGALRM)
    with time_limit(5.0):
        value = sum(range(1000))
    left = signal.setitimer(signal.ITIMER_REAL, 0)  # cancels a timer left running, so a failure cannot kill pytest
    assert value == 499500
    assert left == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is handler


def test_no_time_limit_never_interrupts():
    with time_limit(None):
        busy(0.1)


def test_failures_and_timeouts_are_recorded_not_raised():
    cluster = Cluster([Document("The harbour fire is out now.")], id="c1", references=["The fire is out."])

    def broken(cluster, words):
        raise RuntimeError("boom")

    def slow(cluster, words):
        busy()
        return ["The fire is out."]

    started = time.monotonic()
    results = evaluate([cluster], {"broken": System(broken), "slow": System(slow)}, words=10, timeout=0.05)
    assert time.monotonic() - started < 1.0
    assert results[0].errors == {"c1": "RuntimeError: boom"}
    assert results[1].timeouts == ["c1"] and results[1].errors == {}
    assert results[1].scores["c1"]["rouge1"] == 0.0
