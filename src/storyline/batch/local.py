"""Summarize a JSONL file of clusters into a JSONL file of summaries: parallel, resumable, fault-tolerant."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, StorylineError
from ..io.ingest import iter_jsonl
from ..model import Cluster
from ..summarize import Summarizer


@dataclass
class BatchReport:
    written: int = 0
    failed: int = 0
    skipped: int = 0


def finished_ids(out_path: Path) -> set[str]:
    """Ids already in an output file; a last line cut short by an interrupt is removed first."""
    if not out_path.exists():
        return set()
    data = out_path.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    if len(complete) != len(data):
        out_path.write_bytes(complete)
    ids = set()
    for line in complete.decode("utf-8", "replace").splitlines():
        try:
            ids.add(str(json.loads(line)["id"]))
        except (json.JSONDecodeError, KeyError, TypeError):
            continue
    return ids


def summarize_record(summarizer: Summarizer, cluster_id: str, item: Cluster | StorylineError) -> dict:
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


def run_batch(
    in_path: str,
    out_path: str,
    summarizer: Summarizer,
    workers: int = 1,
    on_done: Callable[[dict], None] | None = None,
) -> BatchReport:
    """Summarize every cluster of ``in_path`` not yet in ``out_path``, appending one line per cluster.

    Each line is written and flushed as soon as its cluster is done, so an interrupted run loses
    nothing already written and a new run resumes after it.
    """
    out = Path(out_path)
    done = finished_ids(out)
    report = BatchReport()
    todo = _pending(in_path, done, report)
    with out.open("a", encoding="utf-8") as sink:

        def write(record: dict) -> None:
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            sink.flush()
            report.failed += "error" in record
            report.written += 1
            if on_done:
                on_done(record)

        if workers <= 1:
            for cluster_id, item in todo:
                write(summarize_record(summarizer, cluster_id, item))
        else:
            _run_parallel(todo, summarizer, workers, write)
    return report


def _pending(in_path: str, done: set[str], report: BatchReport) -> Iterator[tuple[str, Cluster | InputError]]:
    """(id, cluster) of each cluster not done yet, and (id, error) of each unreadable line, in file order."""
    seen = set(done)
    unreadable: list[tuple[str, Cluster | InputError]] = []

    def fresh(items: list[tuple[str, Cluster | InputError]]) -> Iterator[tuple[str, Cluster | InputError]]:
        for cluster_id, item in items:
            if cluster_id in seen:
                report.skipped += 1
                continue
            seen.add(cluster_id)
            yield cluster_id, item

    for cluster in iter_jsonl(in_path, on_error=lambda name, error: unreadable.append((name, error))):
        yield from fresh(unreadable)
        unreadable.clear()
        yield from fresh([(cluster.id, cluster)])
    yield from fresh(unreadable)


def _run_parallel(todo, summarizer: Summarizer, workers: int, write: Callable[[dict], None]) -> None:
    """Keep at most two clusters per worker in flight, so memory stays flat however long the input."""
    pending: set[Future] = set()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        try:
            for cluster_id, item in todo:
                pending.add(pool.submit(summarize_record, summarizer, cluster_id, item))
                if len(pending) >= 2 * workers:
                    finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in finished:
                        write(future.result())
            for future in pending:
                write(future.result())
        except KeyboardInterrupt:
            for future in pending:
                future.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def count_lines(path: str) -> int | None:
    """Number of lines in a file (for a progress bar), or None for stdin."""
    if path == "-" or not os.path.isfile(path):
        return None
    with open(path, "rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
