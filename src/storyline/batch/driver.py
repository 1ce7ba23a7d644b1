"""One batch run, whatever the engine and the output layout: stream the input, keep a bounded number of
tasks in flight, write each record as it comes back, and mark each shard done when all of it is written.

The input is read once, line by line; a line is decoded here only for its cluster id (to skip the clusters
already written and ids seen before in this run, as the local engine always has) and is made a cluster
where it is summarized. A shard that an earlier run finished is skipped without decoding its lines.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .engines import Engine, Failure, Outcome, Task
from .hygiene import raise_if_interrupted
from .inputs import fallback_id, line_id, numbered_lines
from .output import DEFAULT_SHARD_SIZE, FileSink, Shard, ShardSink
from .records import Item


@dataclass
class BatchReport:
    """What a run did: records written (``failed`` of them errors), clusters skipped (already written by an
    earlier run, ``failed_before`` of them as errors, or ``repeated``: an id seen before in the input), shards
    finished and skipped, and time."""

    written: int = 0
    failed: int = 0
    skipped: int = 0
    failed_before: int = 0
    repeated: int = 0
    shards_done: int = 0
    shards_skipped: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def already_done(self) -> int:
        return self.skipped - self.repeated


class Events(Protocol):
    """What a progress display is told."""

    def shard_started(self, shard: Shard) -> None: ...

    def advanced(self, shard: Shard | None, clusters: int) -> None: ...

    def shard_finished(self, shard: Shard) -> None: ...


class NoEvents:
    def shard_started(self, shard: Shard) -> None:
        pass

    def advanced(self, shard: Shard | None, clusters: int) -> None:
        pass

    def shard_finished(self, shard: Shard) -> None:
        pass


def run(
    inputs: Sequence[str],
    sink: FileSink | ShardSink,
    engine: Engine,
    shard_size: int = DEFAULT_SHARD_SIZE,
    chunk: int = 1,
    events: Events | None = None,
    on_done: Callable[[dict[str, Any]], None] | None = None,
    report: BatchReport | None = None,
) -> BatchReport:
    """Summarize every cluster of ``inputs`` not yet in ``sink`` on ``engine``, ``chunk`` clusters a task.

    On any exception, an interrupt above all, the records already finished are written, the engine ends
    what it started, and the exception goes on; ``report`` (when given) then tells how far the run got.
    The engine and the sink are closed either way.
    """
    report = report if report is not None else BatchReport()
    events = events or NoEvents()
    started = time.perf_counter()
    retry: list[Task] = []

    def deliver(outcomes: list[Outcome]) -> None:
        for task, result in outcomes:
            shard = task.shard
            if isinstance(result, Failure):
                if len(task.items) > 1:  # find the cluster at fault: each alone
                    retry.extend(Task(shard, [item]) for item in task.items)
                    shard.pending += len(task.items) - 1
                    continue
                result = [{"id": task.items[0][2], "error": result.message}]
            for record in result:
                sink.write(shard, record)
                failed = "error" in record
                shard.written += 1
                shard.failed += failed
                report.written += 1
                report.failed += failed
                if on_done:
                    on_done(record)
            events.advanced(shard, len(result))
            shard.pending -= 1
            finish(shard)

    def finish(shard: Shard) -> None:
        if shard.closed and shard.pending == 0 and not shard.done:
            shard.done = True
            sink.finish_shard(shard)
            report.shards_done += 1
            events.shard_finished(shard)

    def wait_for_slot() -> None:
        while engine.in_flight() >= max(1, engine.slots):
            raise_if_interrupted()
            deliver(engine.collect(block=True))

    try:
        for task in _tasks(inputs, sink, shard_size, chunk, report, events, finish):
            raise_if_interrupted()
            wait_for_slot()
            engine.submit(task)
            while retry:
                wait_for_slot()
                engine.submit(retry.pop())
        while engine.in_flight() or retry:
            raise_if_interrupted()
            deliver(engine.collect(block=True))
            while retry:
                wait_for_slot()
                engine.submit(retry.pop())
    except BaseException:
        report.interrupted = True
        try:
            deliver(engine.collect(block=False))  # keep what is finished
        except Exception:
            pass
        engine.close(interrupted=True)
        raise
    else:
        engine.close()
    finally:
        sink.close()
        report.seconds = time.perf_counter() - started
    return report


def _tasks(
    inputs: Sequence[str],
    sink: FileSink | ShardSink,
    shard_size: int,
    chunk: int,
    report: BatchReport,
    events: Events,
    finish: Callable[[Shard], None],
) -> Iterator[Task]:
    """The tasks of a run, in input order; shards are opened and closed on the way."""
    qualified = len(inputs) > 1
    done_before = sink.done_ids
    seen: set[str] = set()
    for input_index, path in enumerate(inputs):
        shard: Shard | None = None
        shard_index = 0
        skip_to = 0
        items: list[Item] = []

        def flush(shard: Shard) -> Iterator[Task]:
            if items:
                shard.pending += 1
                yield Task(shard, items.copy())
                items.clear()

        for number, line in numbered_lines(path):
            if number <= skip_to:
                continue
            if shard is None:
                finished = sink.shard_done(input_index, shard_index)
                if finished is not None:  # done by an earlier run: its lines are skipped unread
                    skip_to, clusters, failed = finished
                    report.skipped += clusters
                    report.failed_before += failed
                    report.shards_skipped += 1
                    events.advanced(None, clusters)
                    shard_index += 1
                    continue
                shard = Shard(input_index, shard_index, path, first_line=number)
                sink.open_shard(shard)
                events.shard_started(shard)
            shard.clusters += 1
            shard.last_line = number
            cluster_id = line_id(line, fallback := fallback_id(path, number, qualified))
            if cluster_id in done_before or cluster_id in seen:
                report.skipped += 1
                report.repeated += cluster_id in seen
                report.failed_before += cluster_id not in seen and cluster_id in sink.failed_ids
                shard.skipped += 1
                events.advanced(shard, 1)
            else:
                seen.add(cluster_id)
                items.append((path, number, cluster_id, fallback, line))
                if len(items) >= chunk:
                    yield from flush(shard)
            if shard.clusters >= shard_size:
                yield from flush(shard)
                shard.closed = True
                finish(shard)
                shard, shard_index = None, shard_index + 1
        if shard is not None:
            yield from flush(shard)
            shard.closed = True
            finish(shard)
