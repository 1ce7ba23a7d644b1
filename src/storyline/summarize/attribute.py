"""Find, for each summary sentence, the sentences of other documents that report the same content."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..text.patterns import BODIES, PLACE_PREPOSITIONS, speaker_words
from ..text.vectors import Matrix, dense

SHARED_WORDS = 2  # the fewest content words, who speaks aside, a sentence shares with the one it is cited for
#                   (all of them, at least one, when the shorter of the two has fewer)
FIGURE = re.compile(r"(?<![\d.,])(?!(?:1[89]|20)\d\d\b)\d+(?:[.,]\d+)*")  # "120", "1,500"; no year ("2014")
PLACE = re.compile(rf"\b(?:{'|'.join(sorted(PLACE_PREPOSITIONS))}) ((?:[A-Z][a-z][\w'’-]* ?)+)")  # "in Port Aldren"


def supporting(chosen: list[int], vectors: Matrix, doc: np.ndarray, threshold: float,
               tokens: Sequence[Sequence[str]], texts: Sequence[str]) -> list[list[int]]:
    """For each chosen sentence: itself, then the closest sentence of each other document above ``threshold``
    (the first of equally close ones), in the documents' order, when it shares SHARED_WORDS content words
    (``tokens``) with it besides those that say who speaks in either (``texts``): an article that quotes the
    same "fire chief Rune Adler" on another fact does not report this one; nor does one that gives other
    figures or another place (``disagree``).

    ``doc`` is in reading order (each document's sentences together), as candidates are. Time and memory are
    linear in the number of sentences (one row of similarities per chosen sentence, maxima per document
    taken at once).
    """
    if not chosen:
        return []
    similarity = dense(vectors[chosen] @ vectors.T)
    doc = np.asarray(doc)
    starts = np.flatnonzero(np.concatenate([[True], doc[1:] != doc[:-1]]))
    segment = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(doc))))  # a document's run
    result = []
    for row, index in zip(similarity, chosen):
        best = np.maximum.reduceat(row, starts)
        at_best = np.flatnonzero(row == best[segment])
        first = at_best[np.concatenate([[True], segment[at_best][1:] != segment[at_best][:-1]])]
        cited = first[(best >= threshold) & (np.arange(len(starts)) != segment[index])]
        result.append([index, *(j for j in cited.tolist() if _tells_the_same(index, j, tokens, texts)
                                and not disagree(texts[index], texts[j]))])
    return result


def _tells_the_same(one: int, other: int, tokens: Sequence[Sequence[str]], texts: Sequence[str]) -> bool:
    speakers = speaker_words(texts[one]) | speaker_words(texts[other])
    told, reported = set(tokens[one]) - speakers, set(tokens[other]) - speakers
    return len(told & reported) >= max(1, min(SHARED_WORDS, len(told), len(reported)))


def disagree(one: str, other: str) -> bool:
    """True when two sentences tell a story apart: each gives a figure the other lacks and they share none
    ("120 residents were evacuated" and "40 residents were evacuated"), or each names a place or a month,
    after "in", "at", "near" ..., the other never names ("in Bergen" and "in Molde")."""
    figures, other_figures = FIGURE.findall(one), FIGURE.findall(other)
    return (_each_lacks(figures, other_figures, one, other) and not set(figures) & set(other_figures)) or \
        _each_lacks(_places(one), _places(other), one, other)


def _places(sentence: str) -> list[str]:
    """The places (and months) ``sentence`` names after a preposition of place, institutions aside ("at Lund
    University")."""
    return [place for place in PLACE.findall(sentence) if BODIES.isdisjoint(place.split())]


def _each_lacks(found_in_one: list[str], found_in_other: list[str], one: str, other: str) -> bool:
    """True when each sentence holds an item (of ``found_in_one``, ``found_in_other``) none of whose words the
    other sentence holds."""
    def lacks(items: list[str], sentence: str) -> bool:
        return any(all(word not in sentence for word in item.split()) for item in items)
    return lacks(found_in_one, other) and lacks(found_in_other, one)
