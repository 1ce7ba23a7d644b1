"""Where clusters are summarized: in this process, in local worker processes, or (dask_engine.py) on Dask.

An engine takes tasks (a few cluster lines each) and hands back, as they finish, the records of each task
or the failure that lost them. The run keeps at most ``slots`` tasks in flight, so memory stays flat however
long the input; an interrupted engine ends every process it started.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import StorylineError
from ..summarize import Summarizer
from .hygiene import sigint_ignored, worker_init
from .output import Shard
from .records import Item, summarize_lines

@dataclass
class Task:
    """Some consecutive clusters of one shard, summarized together."""

    shard: Shard
    items: list[Item]


@dataclass
class Failure:
    """Why a task came back without records (its worker died, its cluster was too big to hold...)."""

    message: str


Outcome = tuple[Task, list[dict[str, Any]] | Failure]
"""A task and its records (in the order of its clusters), or why it has none."""


class Engine(Protocol):
    name: str

    @property
    def slots(self) -> int:
        """How many tasks may be in flight."""

    def submit(self, task: Task) -> None: ...

    def collect(self, block: bool) -> list[Outcome]: ...

    def in_flight(self) -> int: ...

    def close(self, interrupted: bool = False) -> None: ...


class SerialEngine:
    """Every task summarized at once, in this process."""

    name = "local, 1 process"
    slots = 1

    def __init__(self, summarizer: Summarizer):
        self.summarizer = summarizer
        self._done: list[Outcome] = []

    def submit(self, task: Task) -> None:
        self._done.append((task, summarize_lines(self.summarizer, task.items)))

    def collect(self, block: bool) -> list[Outcome]:
        done, self._done = self._done, []
        return done

    def in_flight(self) -> int:
        return len(self._done)

    def close(self, interrupted: bool = False) -> None:
        self._done.clear()


ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")
"""Numerical libraries' thread pools, set to one thread in worker processes (as Dask's nanny does): a process
per core each with a pool of threads per core would fight over the cores."""


class WorkerError(StorylineError):
    """Worker processes cannot be started, or die as soon as they are."""


class _QuietSpawnProcess(multiprocessing.get_context("spawn").Process):  # type: ignore[misc]
    """A spawned process that ignores SIGINT from its first instruction (Ctrl-C is its parent's to handle),
    with single-threaded numerical libraries unless the environment says otherwise."""

    def start(self) -> None:
        unset = [name for name in ONE_THREAD if name not in os.environ]
        os.environ.update(dict.fromkeys(unset, "1"))
        try:
            with sigint_ignored():
                super().start()
        finally:
            for name in unset:
                os.environ.pop(name, None)


class _QuietSpawnContext(type(multiprocessing.get_context("spawn"))):  # type: ignore[misc]
    Process = _QuietSpawnProcess


class ProcessEngine:
    """Tasks summarized by ``workers`` worker processes of this machine.

    The workers are started with ``spawn`` (a fresh interpreter, never a fork of a process with threads)
    and die with this process (hygiene.worker_init). If one dies while summarizing (a crash in native code),
    the tasks that were in flight are run again one at a time in a new pool, so that the cluster that kills
    its worker is the only one recorded as failed.
    """

    def __init__(self, summarizer: Summarizer, workers: int, slots: int | None = None):
        self.summarizer = summarizer
        self.workers = workers
        self.slots = slots or 2 * workers
        self.name = f"local, {workers} worker processes"
        self._futures: dict[Future, Task] = {}
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=_QuietSpawnContext(), initializer=worker_init,
                                   initargs=(os.getpid(),))

    def submit(self, task: Task) -> None:
        self._futures[self._pool.submit(summarize_lines, self.summarizer, task.items)] = task

    def in_flight(self) -> int:
        return len(self._futures)

    def collect(self, block: bool) -> list[Outcome]:
        if not self._futures:
            return []
        finished, _ = wait(self._futures, timeout=None if block else 0, return_when=FIRST_COMPLETED)
        outcomes: list[Outcome] = []
        suspects: list[Task] = []
        for future in finished:
            task = self._futures.pop(future)
            try:
                outcomes.append((task, future.result()))
            except BrokenProcessPool:
                suspects.append(task)
        if suspects:  # every task in flight is lost with the pool
            suspects.extend(self._futures.values())
            self._futures.clear()
            self._restart()
            outcomes.extend(self._one_by_one(suspects))
        return outcomes

    def _one_by_one(self, suspects: list[Task]) -> list[Outcome]:
        """Each cluster of the tasks lost with a pool, alone in a new one: the one that kills its worker
        again is recorded as failed, and only it."""
        outcomes: list[Outcome] = []
        for task in suspects:
            records: list[dict[str, Any]] = []
            for item in task.items:
                try:
                    records.extend(self._pool.submit(summarize_lines, self.summarizer, [item]).result())
                except BrokenProcessPool:
                    records.append({"id": item[2], "error": "the worker process died while summarizing this cluster"})
                    self._restart()
            outcomes.append((task, records))
        return outcomes

    def _restart(self) -> None:
        """A new pool, once one of its processes is seen to run (or WorkerError)."""
        self._kill()
        self._pool = self._start()
        try:
            self._pool.submit(os.getpid).result(timeout=120)
        except (BrokenProcessPool, TimeoutError) as err:
            self._kill()
            raise WorkerError(f"worker processes cannot start ({type(err).__name__}; their error, if any, is "
                              "above)") from None

    def _kill(self) -> None:
        """End the pool's processes now, busy or not. The pool cancels what waits (a future cancelled here could be
        failed by its thread as the processes end: an InvalidStateError on Python 3.11)."""
        processes = list((self._pool._processes or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=2)
            if process.is_alive():
                process.kill()
                process.join(timeout=1)

    def close(self, interrupted: bool = False) -> None:
        if interrupted:
            self._kill()
            self._futures.clear()
        else:
            self._pool.shutdown(wait=True)
