"""Find, for each summary sentence, the sentences of other documents that report the same content."""

from __future__ import annotations

import numpy as np

from ..text.vectors import Matrix, dense


def supporting(chosen: list[int], vectors: Matrix, doc: np.ndarray, threshold: float) -> list[list[int]]:
    """For each chosen sentence: itself, then the closest sentence of each other document above ``threshold``
    (the first of equally close ones), in the documents' order.

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
        cited = (best >= threshold) & (np.arange(len(starts)) != segment[index])
        result.append([index, *first[cited].tolist()])
    return result
