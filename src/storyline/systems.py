"""Summarizers by name, in the form the evaluation runs them: storyline, its peers, stored summaries."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import StorylineError
from .model import Cluster
from .pipeline import Summarizer

PEERS = ("lead", "rr-lead", "lexrank", "textrank", "lsa", "sumbasic")


def _unchanged(cluster: Cluster) -> Cluster:
    return cluster


@dataclass
class System:
    """A summarizer under test: ``summarize(prepared, words) -> sentences`` is timed, ``prepare`` is not.

    ``prepare`` is for work a peer is not charged for, such as the sentence splitting it is handed.
    """

    summarize: Callable[[Any, int], list[str]]
    prepare: Callable[[Cluster], Any] = _unchanged


def storyline_system(use_query: bool = True, **settings) -> System:
    """storyline end to end (cleaning, splitting, summarizing), filling the budget as every peer does."""

    def run(cluster: Cluster, words: int) -> list[str]:
        summary = Summarizer(words=words, fill=True, **settings).summarize(cluster, None if use_query else "")
        return [s.text for s in summary.sentences]

    return System(run)


def named_system(name: str, use_query: bool = True) -> System:
    """storyline or one of PEERS."""
    from . import peers

    if name == "storyline":
        return storyline_system(use_query)
    if name == "lead":
        return peers.lead
    if name == "rr-lead":
        return peers.round_robin_lead
    if name in peers.SUMY_METHODS:
        try:
            return peers.sumy_method(name)
        except ImportError:
            raise StorylineError(f"system {name!r} needs sumy: pip install 'storyline[peers]'") from None
    raise StorylineError(f"unknown system {name!r}; choose from storyline, {', '.join(PEERS)}")


def stored_summaries(path: str) -> System:
    """A 'system' that returns the summaries of a batch output file, by cluster id."""
    stored = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if "sentences" in record:
                stored[str(record["id"])] = [s["text"] for s in record["sentences"]]
            elif "summary" in record:
                stored[str(record["id"])] = [record["summary"]]

    def run(cluster: Cluster, words: int) -> list[str]:
        if cluster.id not in stored:
            raise KeyError(f"no summary for cluster {cluster.id}")
        return stored[cluster.id]

    return System(run)
