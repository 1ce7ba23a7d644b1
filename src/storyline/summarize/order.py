"""Order chosen sentences so the summary reads from the top of the story down."""

from __future__ import annotations

import numpy as np


def order(chosen: list[int], position: np.ndarray, doc: np.ndarray) -> list[int]:
    """Earlier-in-article sentences first, ties in the documents' order; a run of consecutive
    sentences of one document stays together, in its order."""
    chosen_at = {(doc[i], position[i]) for i in chosen}

    def run_start(i: int) -> int:
        start = position[i]
        while (doc[i], start - 1) in chosen_at:
            start -= 1
        return start

    return sorted(chosen, key=lambda i: (run_start(i), doc[i], position[i]))
