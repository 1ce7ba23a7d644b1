"""Summarizers run side by side on the same clusters: ROUGE against human references, and run times."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model import Cluster
from .rouge import METRICS, cut, rouge
from .system import System


class Timeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float | None):
    """Raise Timeout in the main thread when the block runs longer than ``seconds``."""
    if not seconds:
        yield
        return

    def expire(signum, frame):
        raise Timeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class SystemResult:
    """Per-cluster scores and times of one system."""

    name: str
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    timeouts: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    def mean(self, metric: str) -> float:
        return float(np.mean([s[metric] for s in self.scores.values()])) if self.scores else 0.0

    def summary_row(self) -> dict:
        times = list(self.seconds.values())
        return {
            "system": self.name,
            "clusters": len(self.scores),
            **{m: round(self.mean(m), 2) for m in METRICS},
            "seconds_total": round(sum(times), 3),
            "seconds_per_cluster": round(float(np.mean(times)), 4) if times else 0.0,
            "seconds_max": round(max(times), 3) if times else 0.0,
            "timeouts": len(self.timeouts),
            "errors": len(self.errors),
        }


def evaluate(
    clusters: Iterable[Cluster],
    systems: dict[str, System],
    words: int,
    measure: str = "f1",
    timeout: float | None = None,
    progress: Callable[[Cluster], None] | None = None,
    repeat: int = 1,
) -> list[SystemResult]:
    """Run every system on every cluster; score each summary cut at ``words`` words.

    A system that fails or exceeds ``timeout`` seconds on a cluster is scored as an empty summary
    there and the cluster is recorded in its errors or timeouts. With ``repeat`` > 1 each run is
    repeated and the fastest time kept, which steadies timings on a busy machine.
    """
    results = {name: SystemResult(name) for name in systems}
    for cluster in clusters:
        for name, system in systems.items():
            result = results[name]
            summary: list[str] = []
            try:
                summary, result.seconds[cluster.id] = _timed_run(system, cluster, words, timeout, repeat)
            except Timeout:
                result.timeouts.append(cluster.id)
                result.seconds[cluster.id] = timeout or 0.0
            except Exception as err:  # a failing cluster must not stop the comparison
                result.errors[cluster.id] = f"{type(err).__name__}: {err}"
                result.seconds[cluster.id] = 0.0
            result.scores[cluster.id] = rouge(cut(summary, words), cluster.references, measure)
        if progress:
            progress(cluster)
    return list(results.values())


def _timed_run(system: System, cluster: Cluster, words: int, timeout: float | None, repeat: int) -> tuple[list[str], float]:
    """The system's summary and its fastest time over ``repeat`` runs (preparation not timed)."""
    prepared = system.prepare(cluster)
    fastest = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        with time_limit(timeout):
            summary = system.summarize(prepared, words)
        fastest = min(fastest, time.perf_counter() - started)
    return summary, fastest
