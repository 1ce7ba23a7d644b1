"""The Dask engine: tasks summarized by the workers of a Dask cluster, a real one or a LocalCluster here.

This process (the client) reads the input and writes the output; workers receive the lines of a task and
send back its records, so no file system needs to be shared, and the workers only need storyline installed.
At most ``slots`` tasks are in flight (by default four per worker thread, counted again as workers come and
go), so the client, the scheduler and each worker hold a bounded number of clusters whatever the input size.
A task whose worker died while running it (Dask gives up on it with ``KilledWorker`` after a few tries: say a
cluster too big for a worker's memory) comes back as a Failure, never failing the job.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

from ..errors import MissingExtraError, StorylineError
from ..summarize import Summarizer
from .engines import Failure, Outcome, Task
from .hygiene import sigint_ignored
from .records import summarize_lines

SLOTS_PER_THREAD = 4
RECOUNT_SECONDS = 10.0


class SchedulerError(StorylineError):
    """The Dask scheduler cannot be reached, or was lost during the run."""


class DaskEngine:
    """Summarize on Dask: at ``scheduler`` (an address tcp://HOST:PORT or a scheduler file), or without one on a
    LocalCluster of ``workers`` single-threaded worker processes of this machine."""

    def __init__(self, summarizer: Summarizer, scheduler: str | None = None, workers: int | None = None,
                 slots: int | None = None):
        try:
            import distributed
        except ImportError as err:
            raise MissingExtraError(f"the dask engine needs {err.name}: pip install 'storyline[dask]'") from None
        self._distributed = distributed
        self.summarizer = summarizer
        self._cluster: Any = None
        if scheduler:
            where = {"scheduler_file": scheduler} if os.path.isfile(scheduler) else {"address": scheduler}
            try:
                self.client = distributed.Client(**where, timeout="20s", set_as_default=False)
            except (OSError, TimeoutError) as err:
                raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler} ({err})") from None
            self.name = f"dask at {scheduler}"
        else:
            workers = workers or os.cpu_count() or 1
            with sigint_ignored():  # Ctrl-C is for this process, which then ends the cluster
                self._cluster = distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                    dashboard_address=None, silence_logs=logging.ERROR,
                )
            try:
                self.client = distributed.Client(self._cluster, set_as_default=False)
            except BaseException:
                self._cluster.close(timeout=10)
                raise
            self.name = f"dask LocalCluster, {workers} worker process{'es' if workers > 1 else ''}"
        self._fixed_slots = slots
        self._slots = slots or SLOTS_PER_THREAD
        self._counted = 0.0
        self._futures: dict[Any, tuple[Any, Task]] = {}  # by key
        self._done = distributed.as_completed(loop=self.client.loop)

    @property
    def slots(self) -> int:
        """Tasks in flight: as given, or four per worker thread of the cluster as it is now."""
        if self._fixed_slots:
            return self._fixed_slots
        if time.monotonic() - self._counted > RECOUNT_SECONDS:
            threads = sum(self.client.nthreads().values())
            self._slots = max(SLOTS_PER_THREAD, SLOTS_PER_THREAD * threads)
            self._counted = time.monotonic()
        return self._slots

    def submit(self, task: Task) -> None:
        future = self.client.submit(summarize_lines, self.summarizer, task.items, pure=False)
        self._futures[future.key] = (future, task)
        self._done.add(future)

    def in_flight(self) -> int:
        return len(self._futures)

    def collect(self, block: bool) -> list[Outcome]:
        if not self._futures:
            return []
        if block:
            finished = self._done.next_batch(block=True)
        else:
            finished = [future for future, _ in self._futures.values() if future.done()]
        outcomes: list[Outcome] = []
        for future in finished:
            entry = self._futures.pop(future.key, None)
            if entry is None:
                continue
            task = entry[1]
            if future.status == "finished":
                outcomes.append((task, future.result()))
            elif future.status == "error":
                error = future.exception()
                message = (f"{type(error).__name__}: every Dask worker that summarized this died (out of memory?)"
                           if type(error).__name__ == "KilledWorker" else f"{type(error).__name__}: {error}")
                outcomes.append((task, Failure(message)))
            else:  # cancelled or lost: the cluster, not the cluster of articles, is at fault
                raise SchedulerError(f"the Dask scheduler lost a task ({future.status}; was it stopped or restarted?): "
                                     "run the same command again to resume")
            future.release()
        return outcomes

    def close(self, interrupted: bool = False) -> None:
        """Cancel what is in flight (on an interrupt), disconnect, and end a LocalCluster's processes."""
        try:
            if self._futures:
                self.client.cancel([future for future, _ in self._futures.values()], force=True)
            self._futures.clear()
            self._done.clear()
            self.client.close(timeout=10)
        finally:
            if self._cluster is not None:
                self._cluster.close(timeout=10)
