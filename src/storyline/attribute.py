"""Find, for each summary sentence, the sentences of other documents that report the same content."""

from __future__ import annotations

import numpy as np

from .vectors import Matrix, dense


def supporting(chosen: list[int], vectors: Matrix, doc: np.ndarray, threshold: float = 0.4) -> list[list[int]]:
    """For each chosen sentence: itself, then the closest sentence of each other document above ``threshold``."""
    if not chosen:
        return []
    similarity = dense(vectors[chosen] @ vectors.T)
    in_doc = {other: np.flatnonzero(doc == other) for other in np.unique(doc)}
    result = []
    for row, index in zip(similarity, chosen):
        sources = [index]
        for other, members in in_doc.items():
            best = members[np.argmax(row[members])]
            if other != doc[index] and row[best] >= threshold:
                sources.append(int(best))
        result.append(sources)
    return result
