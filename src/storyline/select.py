"""Choose sentences under a word budget, skipping any that repeats what is already chosen."""

from __future__ import annotations

import numpy as np
from scipy import sparse

MAX_CONSIDERED = 2000


def select(
    scores: np.ndarray,
    vectors: sparse.csr_matrix,
    words: np.ndarray,
    max_words: int | None = None,
    max_sentences: int | None = None,
    redundancy: float = 0.4,
    fill: bool = False,
    seen: np.ndarray | None = None,
    novelty: float = 0.6,
) -> list[int]:
    """Greedy selection by score under a word and/or sentence budget.

    A sentence whose cosine similarity to an already chosen one exceeds ``redundancy`` is a
    repetition (the same fact from another outlet) and is skipped. With ``fill`` the last sentence
    may cross the word budget (for evaluations that cut every summary at the budget). ``seen`` gives
    each sentence's similarity to what the reader already read; above ``novelty`` it is old news and
    skipped. Only the
    MAX_CONSIDERED best sentences are considered, so the cost stays flat in the cluster's size.
    """
    ranked = np.argsort(-scores, kind="stable")[:MAX_CONSIDERED]
    similarity = (vectors[ranked] @ vectors[ranked].T).toarray()
    chosen: list[int] = []
    closest = np.zeros(len(ranked))
    if seen is not None:
        closest[seen[ranked] > novelty] = np.inf
    used = 0
    for rank, index in enumerate(ranked):
        if max_sentences is not None and len(chosen) >= max_sentences:
            break
        if max_words is not None and fill and used >= max_words:
            break
        if closest[rank] > redundancy or (max_words is not None and not fill and used + words[index] > max_words):
            continue
        chosen.append(int(index))
        used += int(words[index])
        closest = np.maximum(closest, similarity[rank])
    return chosen
