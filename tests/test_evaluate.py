from storyline.eval import (
    Timeout,
    cut,
    evaluate,
    reference_sentences,
    rouge,
    time_limit,
)
from storyline.model import Cluster, Document
from storyline.eval import System


def test_cut_applies_the_word_budget():
    assert cut(["one two three", "four five six"], 4) == ["one two three", "four"]
    assert cut(["one two"], 10) == ["one two"]


def test_reference_loses_leading_dash_and_is_split():
    assert reference_sentences("– The fire is out. Residents returned.") == ["The fire is out.", "Residents returned."]


def test_rouge_identical_is_100_and_recall_averages_references():
    assert rouge(["The fire is out."], ["The fire is out."])["rouge2"] == 100.0
    recall = rouge(["the fire"], ["the fire", "a flood came"], measure="recall")
    assert recall["rouge1"] == 50.0


def test_time_limit_interrupts():
    try:
        with time_limit(0.05):
            while True:
                pass
    except Timeout:
        pass


def test_failures_and_timeouts_are_recorded_not_raised():
    cluster = Cluster([Document("The harbour fire is out now.")], id="c1", references=["The fire is out."])

    def broken(cluster, words):
        raise RuntimeError("boom")

    def slow(cluster, words):
        while True:
            pass

    results = evaluate([cluster], {"broken": System(broken), "slow": System(slow)}, words=10, timeout=0.05)
    assert results[0].errors == {"c1": "RuntimeError: boom"}
    assert results[1].timeouts == ["c1"]
    assert results[1].scores["c1"]["rouge1"] == 0.0
