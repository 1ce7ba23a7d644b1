"""Process hygiene: worker processes that never outlive the run that started them, and SIGTERM read as Ctrl-C.

A worker process asks the kernel to kill it when its parent dies (``prctl(PR_SET_PDEATHSIG)`` on Linux)
and, on every system, keeps a watchdog thread that ends it once its parent is gone (its parent process id
changes when it is re-parented). It ignores SIGINT: Ctrl-C in a terminal reaches every process of the
foreground group, and it is the parent that decides, writes what is finished and ends its workers.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from types import FrameType
from typing import Any

PR_SET_PDEATHSIG = 1
WATCHDOG_SECONDS = 0.5


def worker_init(parent_pid: int) -> None:
    """Initializer of a worker process started by ``parent_pid``: exit with it, leave Ctrl-C to it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    if os.getppid() != parent_pid:  # the parent died before the kernel was told
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="storyline-watchdog", daemon=True).start()


def die_with_parent(sig: int = signal.SIGKILL) -> bool:
    """Ask Linux to send ``sig`` to this process when the thread that started it ends; False elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(WATCHDOG_SECONDS)
    os._exit(1)


@contextlib.contextmanager
def sigint_ignored() -> Iterator[None]:
    """Within the block, this process ignores SIGINT; so does every process it starts (a new interpreter
    keeps an ignored SIGINT ignored), which Ctrl-C in a terminal then leaves to this one. Meant for the
    moment workers are started; outside the main thread, the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class Interrupted(KeyboardInterrupt):
    """The run was asked to stop by a signal; ``signal`` names which."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signal = signum


_pending: list[int] = []  # signals whose Interrupted Python dropped, not yet raised again


@contextlib.contextmanager
def signals_as_interrupt() -> Iterator[None]:
    """Within the block, SIGINT, SIGTERM (and SIGHUP) stop the run: an ``Interrupted`` (a KeyboardInterrupt)
    is raised in the main thread, so that finished work is written and workers are ended; and again by
    ``raise_if_interrupted``, or as the block ends, when the first was raised where Python drops exceptions
    (a ``__del__`` method; it then prints no traceback). The handlers are set and put back with the signals
    held off, so none arrives half-way. Outside the main thread, where Python cannot handle signals, the
    block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    def unraisable(report: Any) -> None:  # an Interrupted Python dropped waits to be raised again, unprinted
        if isinstance(report.exc_value, Interrupted):
            _pending.append(report.exc_value.signal)
        else:
            hook(report)

    handled = {signal.SIGINT, signal.SIGTERM} | ({signal.SIGHUP} if hasattr(signal, "SIGHUP") else set())
    outer, hook = list(_pending), sys.unraisablehook  # a block within a block keeps the outer one's signals
    with _held_off(handled):
        previous = {signum: signal.signal(signum, interrupt) for signum in handled}
        sys.unraisablehook = unraisable
    try:
        yield
        raise_if_interrupted()  # one dropped after the run's last look
    finally:
        with _held_off(handled):
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            sys.unraisablehook = hook
            _pending[:] = outer


@contextlib.contextmanager
def _held_off(signals: set[signal.Signals]) -> Iterator[None]:
    """Within the block, ``signals`` wait (where the system can hold them off), then arrive as it ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def raise_if_interrupted() -> None:
    """Raise the ``Interrupted`` that Python dropped within signals_as_interrupt, if any, once: the place to call
    it is one where the run can stop cleanly."""
    if _pending:
        signum = _pending[-1]
        _pending.clear()
        raise Interrupted(signum)
