"""Order chosen sentences so the summary reads from the top of the story down."""

from __future__ import annotations

import numpy as np


def order(chosen: list[int], position: np.ndarray, doc: np.ndarray) -> list[int]:
    """Earlier-in-article sentences first; ties keep the documents' order."""
    return sorted(chosen, key=lambda i: (position[i], doc[i]))
