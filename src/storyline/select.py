"""Choose sentences under a word budget, skipping any that repeats what is already chosen."""

from __future__ import annotations

import numpy as np
from scipy import sparse


def select(
    scores: np.ndarray,
    vectors: sparse.csr_matrix,
    words: np.ndarray,
    max_words: int | None = None,
    max_sentences: int | None = None,
    redundancy: float = 0.4,
    fill: bool = False,
) -> list[int]:
    """Greedy selection by score under a word and/or sentence budget.

    A sentence whose cosine similarity to an already chosen one exceeds ``redundancy`` is a
    repetition (the same fact from another outlet) and is skipped. With ``fill`` the last sentence
    may cross the word budget (for evaluations that cut every summary at the budget).
    """
    chosen: list[int] = []
    used = 0
    closest = np.zeros(len(scores))
    for index in np.argsort(-scores, kind="stable"):
        if max_sentences is not None and len(chosen) >= max_sentences:
            break
        if max_words is not None and fill and used >= max_words:
            break
        if closest[index] > redundancy or (max_words is not None and not fill and used + words[index] > max_words):
            continue
        chosen.append(int(index))
        used += int(words[index])
        closest = np.maximum(closest, (vectors @ vectors[index].T).toarray().ravel())
    return chosen
