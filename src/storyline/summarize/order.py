"""Order chosen sentences so the summary reads as a story: each article's sentences together, in its order."""

from __future__ import annotations

import numpy as np

from ..text.patterns import ADDS_TO


def order(chosen: list[int], position: np.ndarray, doc: np.ndarray, antecedent: np.ndarray | None = None,
          scores: np.ndarray | None = None, texts: list[str] | None = None) -> list[int]:
    """Chosen sentences grouped by article, each article's in its own order; the articles in the order of
    their earliest chosen sentence (the one that leads with the top of its story first), ties to the best
    scored of those sentences (``scores``), then to the documents' order. A summary so never jumps back
    and forth between articles' accounts, and opens on its best lead, never on one that adds to something
    told before ("Police also said ...", given ``texts``). A sentence
    that leans on one of another article (``antecedent``, as for ``select``: the full name of a person
    it names by surname) comes right after it."""
    lead: dict[int, int] = {}  # each article's first chosen sentence
    for i in chosen:
        article = int(doc[i])
        if article not in lead or position[i] < position[lead[article]]:
            lead[article] = i
    score = (lambda i: -float(scores[i])) if scores is not None else (lambda i: 0.0)
    block = {article: (int(position[i]), score(i), article) for article, i in lead.items()}
    if texts is not None:  # a summary cannot open on "X also ...": such a lead goes after one that can open
        opener = min((a for a, i in lead.items() if not ADDS_TO.search(texts[i])), key=lambda a: block[a], default=None)
        if opener is not None:
            block[opener] = (-1, 0.0, opener)
    ordered = sorted(chosen, key=lambda i: (block[int(doc[i])], int(position[i])))
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
