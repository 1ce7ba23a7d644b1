"""Find, for each summary sentence, the sentences of other documents that report the same content."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..text.patterns import speaker_words
from ..text.vectors import Matrix, dense

SHARED_WORDS = 2  # the fewest content words, who speaks aside, a sentence shares with the one it is cited for
#                   (all of them, at least one, when the shorter of the two has fewer)


def supporting(chosen: list[int], vectors: Matrix, doc: np.ndarray, threshold: float,
               tokens: Sequence[Sequence[str]], texts: Sequence[str]) -> list[list[int]]:
    """For each chosen sentence: itself, then the closest sentence of each other document above ``threshold``
    (the first of equally close ones), in the documents' order, when it shares SHARED_WORDS content words
    (``tokens``) with it besides those that say who speaks in either (``texts``): an article that quotes the
    same "fire chief Rune Adler" on another fact does not report this one.

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
        result.append([index, *(j for j in cited.tolist() if _tells_the_same(index, j, tokens, texts))])
    return result


def _tells_the_same(one: int, other: int, tokens: Sequence[Sequence[str]], texts: Sequence[str]) -> bool:
    speakers = speaker_words(texts[one]) | speaker_words(texts[other])
    told, reported = set(tokens[one]) - speakers, set(tokens[other]) - speakers
    return len(told & reported) >= max(1, min(SHARED_WORDS, len(told), len(reported)))
