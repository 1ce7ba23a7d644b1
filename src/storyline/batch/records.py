"""What a worker does with input lines: each becomes the output record of its cluster, a summary or an error.

Light to import and to pickle by reference, so that worker processes (local ones or Dask's) load it fast.
"""

from __future__ import annotations

import time
from typing import Any

from ..errors import StorylineError
from ..model import Cluster
from ..summarize import Summarizer
from .inputs import parse_line

Item = tuple[str, int, str, str, str]
"""One cluster line to summarize: (input path, line number, cluster id, id if the line has none, line)."""


def summarize_record(summarizer: Summarizer, cluster_id: str, item: Cluster | StorylineError) -> dict[str, Any]:
    """The output line for one cluster: its summary, or the error that stopped it."""
    if isinstance(item, StorylineError):
        return {"id": cluster_id, "error": str(item)}
    started = time.perf_counter()
    try:
        summary = summarizer.summarize(item)
    except StorylineError as err:
        return {"id": cluster_id, "error": str(err)}
    except Exception as err:  # one broken cluster must not end a run of millions
        return {"id": cluster_id, "error": f"{type(err).__name__}: {err}"}
    return {**summary.to_dict(), "id": cluster_id, "seconds": round(time.perf_counter() - started, 4)}


def summarize_lines(summarizer: Summarizer, items: list[Item]) -> list[dict[str, Any]]:
    """The output records of some cluster lines, in their order."""
    return [summarize_record(summarizer, cluster_id, parse_line(path, number, line, fallback))
            for path, number, cluster_id, fallback, line in items]
