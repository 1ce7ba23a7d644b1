"""Order chosen sentences so the summary reads as a story: each article's sentences together, in its order."""

from __future__ import annotations

import numpy as np


def order(chosen: list[int], position: np.ndarray, doc: np.ndarray, antecedent: np.ndarray | None = None) -> list[int]:
    """Chosen sentences grouped by article, each article's in its own order; the articles in the order of
    their earliest chosen sentence (the one that leads with the top of its story first), ties in the
    documents' order. A summary so never jumps back and forth between articles' accounts. A sentence
    that leans on one of another article (``antecedent``, as for ``select``: the full name of a person
    it names by surname) comes right after it."""
    first: dict[int, int] = {}
    for i in chosen:
        article = int(doc[i])
        first[article] = min(first.get(article, int(position[i])), int(position[i]))
    ordered = sorted(chosen, key=lambda i: (first[int(doc[i])], int(doc[i]), int(position[i])))
    if antecedent is None:
        return ordered
    follows = {i: int(antecedent[i]) for i in ordered if int(antecedent[i]) in chosen and doc[antecedent[i]] != doc[i]}
    placed = [i for i in ordered if i not in follows]
    while follows:  # a chain (one leaning on one that leans on a third) is placed link by link
        ready = [i for i in ordered if follows.get(i, -1) in placed] or list(follows)[:1]  # [:1]: a cycle
        for i in ready:
            before = follows.pop(i)
            placed.insert(placed.index(before) + 1 if before in placed else len(placed), i)
    return placed
