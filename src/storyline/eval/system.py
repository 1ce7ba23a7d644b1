"""A summarizer under evaluation, in the one shape the harness runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Cluster


def _unchanged(cluster: Cluster) -> Cluster:
    return cluster


@dataclass
class System:
    """A summarizer under test: ``summarize(prepared, words) -> sentences`` is timed, ``prepare`` is not.

    ``prepare`` is for work a peer is not charged for, such as the sentence splitting it is handed.
    """

    summarize: Callable[[Any, int], list[str]]
    prepare: Callable[[Cluster], Any] = _unchanged
