"""Order chosen sentences so the summary reads as a story: each article's sentences together, in its order."""

from __future__ import annotations

import numpy as np


def order(chosen: list[int], position: np.ndarray, doc: np.ndarray) -> list[int]:
    """Chosen sentences grouped by article, each article's in its own order; the articles in the order of
    their earliest chosen sentence (the one that leads with the top of its story first), ties in the
    documents' order. A summary so never jumps back and forth between articles' accounts."""
    first: dict[int, int] = {}
    for i in chosen:
        article = int(doc[i])
        first[article] = min(first.get(article, int(position[i])), int(position[i]))
    return sorted(chosen, key=lambda i: (first[int(doc[i])], int(doc[i]), int(position[i])))
