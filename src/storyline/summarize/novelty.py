"""What the reader already read: how much of each candidate sentence the previously read articles tell,
and how far that pushes it down."""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from ..model import Document
from ..text.tokens import content_words
from ..text.vectors import presence, term_counts
from .features import standardize


def pushed_down(scores: np.ndarray, read: np.ndarray, weight: float) -> np.ndarray:
    """``scores`` standardized, each lowered by ``weight`` times its ``read`` share times the distance from
    the median score to the best: with weight 1 the best sentence, wholly read, falls to the middle."""
    standard = standardize(scores)
    result: np.ndarray = standard - weight * read * (standard.max() - np.median(standard))
    return result


def read_share(tokens: list[list[str]], previous: list[Document], seen: np.ndarray) -> np.ndarray:
    """How much of each candidate (given by its stems) the reader has read, from 0 to 1: its cosine to the
    closest read sentence (``seen``: the same words) or the share of its word pairs that the read articles
    hold (the same phrases, anywhere), whichever is larger."""
    return np.maximum(seen, pair_share(tokens, previous))


def pair_share(tokens: list[list[str]], previous: list[Document]) -> np.ndarray:
    """The share of each sentence's distinct adjacent content-word pairs that occur in ``previous`` (0 for a
    sentence without a pair)."""
    vocabulary: dict[tuple[str, ...], int] = {}
    pairs = presence(term_counts([list(pairwise(t)) for t in tokens], vocabulary))
    read = term_counts([list(pairwise(content_words(d.text))) for d in previous], vocabulary, grow=False)
    known = (np.asarray(read.sum(axis=0)).ravel() > 0).astype(float)
    held = np.asarray(pairs @ known).ravel()
    total = np.asarray(pairs.sum(axis=1)).ravel()
    result: np.ndarray = held / np.maximum(total, 1.0)
    return result


def read_words(previous: list[Document]) -> frozenset[str]:
    """The content words (stems) of the articles the reader already read: things they were told of."""
    return frozenset(word for document in previous for word in content_words(document.text))
