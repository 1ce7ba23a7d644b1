"""Summarize JSONL files of clusters into a JSONL file of summaries on this machine: parallel, resumable,
fault-tolerant (the local engine; driver.py runs it, and the Dask engine, in general)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..summarize import Summarizer
from .driver import BatchReport, run
from .engines import Engine, ProcessEngine, SerialEngine
from .inputs import count_lines, expand_inputs
from .output import FileSink, finished_ids
from .records import summarize_record

__all__ = ["BatchReport", "count_lines", "finished_ids", "local_engine", "run_batch", "summarize_record"]


def local_engine(summarizer: Summarizer, workers: int = 1, slots: int | None = None) -> Engine:
    """This process for one worker, else ``workers`` worker processes that die with this one."""
    return SerialEngine(summarizer) if workers <= 1 else ProcessEngine(summarizer, workers, slots)


def run_batch(
    in_path: str | Sequence[str],
    out_path: str,
    summarizer: Summarizer,
    workers: int = 1,
    on_done: Callable[[dict], None] | None = None,
) -> BatchReport:
    """Summarize every cluster of ``in_path`` (a JSONL file, plain or gzip, ``-``, a glob or a directory;
    or several) not yet in ``out_path``, appending one line per cluster.

    Each line is written as soon as its cluster is done, so an interrupted run loses nothing already
    written and a new run resumes after it.
    """
    inputs = expand_inputs([in_path] if isinstance(in_path, str) else in_path)
    sink = FileSink(out_path)
    return run(inputs, sink, local_engine(summarizer, workers), on_done=on_done)
