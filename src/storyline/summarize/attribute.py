"""Find, for each summary sentence, the sentences of other documents that report the same content."""

from __future__ import annotations

import numpy as np

from ..text.vectors import Matrix, dense


def supporting(chosen: list[int], vectors: Matrix, doc: np.ndarray, threshold: float) -> list[list[int]]:
    """For each chosen sentence: itself, then the closest sentence of each other document above ``threshold``.

    ``doc`` is in reading order (each document's sentences together), as candidates are.
    """
    if not chosen:
        return []
    similarity = dense(vectors[chosen] @ vectors.T)
    starts = [0, *(np.flatnonzero(doc[1:] != doc[:-1]) + 1).tolist()]
    documents = list(zip(starts, [*starts[1:], len(doc)]))
    result = []
    for row, index in zip(similarity, chosen):
        sources = [index]
        for start, end in documents:
            best = start + int(row[start:end].argmax())
            if row[best] >= threshold and not start <= index < end:
                sources.append(best)
        result.append(sources)
    return result
