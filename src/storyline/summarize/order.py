"""Order chosen sentences so the summary reads as a story: each article's sentences together, in its order."""

from __future__ import annotations

import numpy as np


def order(chosen: list[int], position: np.ndarray, doc: np.ndarray) -> list[int]:
    """Chosen sentences grouped by article, each article's in its own order; the articles in the order of
    their earliest chosen sentence (the one that leads with the top of its story first), ties in the
    documents' order. A summary so never jumps back and forth between articles' accounts."""
    first = {}
    for i in chosen:
        first[doc[i]] = min(first.get(doc[i], position[i]), position[i])
    return sorted(chosen, key=lambda i: (first[doc[i]], doc[i], position[i]))
