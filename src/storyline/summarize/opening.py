"""How well a sentence opens a summary: the odds, learned from human summaries, that it is a summary's first
sentence rather than a later one (built by ``python -m storyline.train.openers``). A later sentence leans on
what came before it ("A spokesman said that no ships were moored at that quay ...", "The fisherman was ..."); a
first one tells the story from nothing ("A fire has destroyed a timber warehouse in the port of Lund ...")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import numpy as np

OPENERS = "openers.npz"
# Log-odds as learned from about one first sentence to five later ones (a prior of about -1.7), chosen on the tune
# clusters (LATER by two editors reading the summaries it changes blind: at -1.5 they preferred the lead that reads
# as a first in 23 of 28 readings, from -1.5 to -1.0 in about half):
LATER = -1.5  # below: a sentence reads as a later one, and a summary opens on a lead that reads as a first instead
FIRST = 0.0  # from: a sentence reads as a summary's first, even against five later ones
WORD = re.compile(r"[a-z0-9]+|[\"?!:;,]")
LENGTH_STEP = 5  # words a length feature stands for
LONGEST = 8  # length features: up to LONGEST * LENGTH_STEP words


def opening_features(sentence: str) -> set[str]:
    """What the odds are learned from: the sentence's words and word pairs, lower-cased and digits as 0 (human
    summaries in preprocessed form and articles as written give the same), its first word and first two after
    any quotation mark (split from preprocessed text, a quotation's opening mark ends the sentence before), and
    its length in steps of LENGTH_STEP tokens."""
    words = WORD.findall(re.sub(r"\d", "0", sentence.lower().replace("“", '"').replace("”", '"')))
    opening = words[1:] if words[:1] == ['"'] else words
    found = {"^" + " ".join(opening[:1]), "^^" + " ".join(opening[:2]), f"#{min(len(words) // LENGTH_STEP, LONGEST)}"}
    found.update(words)
    found.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return found


class OpeningModel:
    """A logistic model over ``opening_features``: a weight per known feature and a bias."""

    def __init__(self, features: Iterable[str], weights: np.ndarray, bias: float):
        self.weights = dict(zip(features, weights.tolist()))
        self.bias = bias

    def log_odds(self, sentence: str) -> float:
        """The log-odds that ``sentence`` opens a summary."""
        return self.bias + sum(self.weights.get(feature, 0.0) for feature in opening_features(sentence))


@lru_cache(maxsize=1)
def opening_model() -> OpeningModel:
    """The model shipped in storyline/data."""
    with resources.files("storyline").joinpath("data", OPENERS).open("rb") as file:
        stored = np.load(file)
        return OpeningModel(stored["features"].tolist(), stored["weights"], float(stored["bias"]))


def opening_odds(sentence: str) -> float:
    """The log-odds that ``sentence`` opens a summary rather than comes later in it."""
    return opening_model().log_odds(sentence)


def reads_as_first(sentence: str) -> bool:
    """True when ``sentence`` reads as a summary's first sentence (log-odds at least FIRST)."""
    return opening_odds(sentence) >= FIRST


def reads_as_later(sentence: str) -> bool:
    """True when ``sentence`` reads as a summary's later sentence rather than its first (log-odds below LATER)."""
    return opening_odds(sentence) < LATER
