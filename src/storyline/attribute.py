"""Find, for each summary sentence, the sentences of other documents that report the same content."""

from __future__ import annotations

import numpy as np
from scipy import sparse


def supporting(chosen: list[int], vectors: sparse.csr_matrix, doc: np.ndarray, threshold: float = 0.4) -> list[list[int]]:
    """For each chosen sentence: itself, then the closest sentence of each other document above ``threshold``."""
    if not chosen:
        return []
    similarity = (vectors[chosen] @ vectors.T).toarray()
    result = []
    for row, index in zip(similarity, chosen):
        sources = [index]
        for other in np.unique(doc):
            if other == doc[index]:
                continue
            in_doc = np.flatnonzero(doc == other)
            best = in_doc[np.argmax(row[in_doc])]
            if row[best] >= threshold:
                sources.append(int(best))
        result.append(sources)
    return result
