"""Worker processes for the service's heavy work (summaries, story pages, story writes), so that one long
request does not hold up the others and a request past its time limit can be stopped.

A fixed number of processes, forked from a fork server that has already imported storyline (so that a
new one starts in milliseconds). Each runs one task at a time; a task still running at its request's
deadline has its process killed and replaced, and the request gets 504. A process that dies is replaced
too. More than ``max_pending`` requests waiting for or holding a worker get 503 at once.
"""

from __future__ import annotations

import asyncio
import collections
import multiprocessing
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from . import logs
from .errors import ServiceError, timeout_error

START_TIMEOUT = 60.0  # seconds for a new worker to be ready
STOP_TIMEOUT = 2.0
PRELOAD = ["storyline.service.preload"]


def start_fork_server() -> None:
    """Start the fork server that workers are forked from (it imports and warms up storyline meanwhile),
    so that this happens while the caller goes on loading the web framework."""
    import multiprocessing.forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
    multiprocessing.forkserver.ensure_running()


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection


class WorkerPool:
    """``size`` worker processes; ``await pool.run(fn, *args, deadline=..., request_id=...)`` runs
    ``fn(*args)`` (a module-level function, picklable arguments) in one of them and returns its result,
    raising ServiceError for errors (see storyline.service.worker)."""

    def __init__(self, size: int, max_pending: int, timeout: float):
        self.size, self.max_pending, self.timeout = size, max_pending, timeout
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(PRELOAD)
        self._idle: collections.deque[_Worker] = collections.deque()
        self._free = asyncio.Semaphore(0)
        self._pending = 0
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="storyline-pool")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False

    async def start(self) -> None:
        """Start the workers and wait until each is ready."""
        self._loop = asyncio.get_running_loop()
        workers = await asyncio.gather(*(self._loop.run_in_executor(self._threads, self._spawn) for _ in range(self.size)))
        for worker in workers:
            self._give_back(worker)

    def _spawn(self) -> _Worker:
        from .worker import main

        parent, child = self._context.Pipe()
        process = self._context.Process(target=main, args=(child,), name="storyline-worker", daemon=True)
        process.start()
        child.close()
        if not parent.poll(START_TIMEOUT) or parent.recv() != "ready":
            process.kill()
            raise RuntimeError("a worker process did not start")
        return _Worker(process, parent)

    def _give_back(self, worker: _Worker | None) -> None:
        if worker is None:
            return
        if self._closed:
            _stop(worker)
            return
        self._idle.append(worker)
        self._free.release()

    async def run(self, fn: Callable[..., Any], *args: Any, deadline: float, request_id: str = "") -> Any:
        """``fn(*args)`` in a worker, by ``deadline`` (the event loop's clock); ServiceError 503 when too many
        requests wait, 504 past the deadline, and the task's own errors."""
        loop = asyncio.get_running_loop()
        if self._pending >= self.max_pending:
            raise ServiceError(503, "the service is busy; try again in a moment", "busy", {"Retry-After": "1"})
        self._pending += 1
        try:
            try:
                async with asyncio.timeout_at(deadline):
                    await self._free.acquire()
            except TimeoutError:
                raise timeout_error(self.timeout) from None
            worker = self._idle.popleft()
            # The thread hands the worker (or its replacement) back itself, even if this request is abandoned.
            reply = await loop.run_in_executor(self._threads, self._call, worker, (request_id, fn, args),
                                               time.monotonic() + (deadline - loop.time()))
        finally:
            self._pending -= 1
        if reply[0] == "ok":
            return reply[1]
        raise reply[1]

    def _call(self, worker: _Worker, task: tuple, deadline: float) -> tuple[str, Any]:
        """In a thread: send ``task`` to ``worker`` and wait for its answer until ``deadline`` (monotonic).
        The worker goes back to the pool, or is killed and replaced (in the background: the answer does
        not wait for the new process)."""
        try:
            if deadline - time.monotonic() <= 0:
                self._hand_back(worker)
                return ("error", timeout_error(self.timeout))
            worker.conn.send(task)
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                reply = worker.conn.recv()
                self._hand_back(worker)
                return reply
            logs.event("worker_killed", request_id=task[0], reason="time limit", pid=worker.process.pid)
            self._replace(worker)
            return ("error", timeout_error(self.timeout))
        except (EOFError, OSError) as err:
            logs.event("worker_died", level=40, request_id=task[0], pid=worker.process.pid, error=repr(err))
            self._replace(worker)
            return ("error", ServiceError(500, "a worker process died while working on the request", "internal"))

    def _hand_back(self, worker: _Worker | None) -> None:
        """From a thread: make ``worker`` idle again (or stop it, when the service is stopping)."""
        assert self._loop is not None
        try:
            self._loop.call_soon_threadsafe(self._give_back, worker)
        except RuntimeError:  # the loop is closed: the service is stopping
            if worker is not None:
                _stop(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in its place, in a background thread."""
        worker.process.kill()
        threading.Thread(target=self._respawn, args=(worker,), name="storyline-respawn", daemon=True).start()

    def _respawn(self, worker: _Worker) -> None:
        worker.process.join(STOP_TIMEOUT)
        worker.conn.close()
        if self._closed:
            return
        try:
            self._hand_back(self._spawn())
        except Exception:
            logs.event("worker_start_failed", level=40, exc_info=True)

    async def close(self) -> None:
        """Stop the workers (those busy when their task is done or abandoned)."""
        self._closed = True
        while self._idle:
            _stop(self._idle.popleft())
        self._threads.shutdown(wait=False, cancel_futures=True)

    @property
    def idle(self) -> int:
        return len(self._idle)


def _stop(worker: _Worker) -> None:
    try:
        worker.conn.send(None)
    except OSError:
        pass
    worker.process.join(STOP_TIMEOUT)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join(STOP_TIMEOUT)
    worker.conn.close()
