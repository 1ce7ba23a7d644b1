"""A worker process: runs tasks sent over a pipe, one at a time, and answers ("ok", result) or
("error", ServiceError). storyline's errors become their answers (see errors.from_storyline_error); any
other exception is logged with its traceback and the request id, and answered as a 500 without one.

The fork server imports storyline.service.preload, which runs warm() once, so that every worker forked
from it starts with everything a task needs loaded (modules, models, word lists).
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from ..errors import StorylineError
from ..model import Cluster, Document
from ..summarize import Summarizer
from . import logs, tasks  # noqa: F401  (loaded here, before the fork)
from .errors import ServiceError, from_storyline_error

WARM_UP = [
    "PORT ALDREN (Harbour Wire) -- A fire destroyed a timber warehouse in the harbour on March 11, 2031, the fire "
    "service said on Wednesday. About 300 residents were evacuated from nearby streets as a precaution. \"We saw the "
    "roof collapse and then the whole sky turned orange,\" said Inge Solberg, who lives nearby.",
    "Firefighters worked through the night to bring the blaze at the Halvard Timber warehouse under control. Police "
    "said on Wednesday they had opened an investigation into the cause of the fire in Port Aldren.",
]


def warm() -> None:
    """Load what tasks load on first use: the salience models, segmenter, word lists, HTML extraction, dates."""
    from ..stories import quotes, timeline
    from ..text.html import document_from_html

    documents = [Document(text, id=str(i)) for i, text in enumerate(WARM_UP)]
    for query in (None, "What caused the fire?"):
        Summarizer(sentences=1).summarize(Cluster(documents, previous=documents[:1]), query)
    quotes(documents)
    timeline(documents)
    document_from_html(f"<html><head><title>Fire</title></head><body><article><p>{WARM_UP[0]}</p></article></body></html>", "warm")


def main(conn: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    logs.setup()
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        request_id, fn, args = task
        conn.send(execute(fn, args, request_id))


def execute(fn: Callable[..., Any], args: tuple, request_id: str = "") -> tuple[str, Any]:
    try:
        return ("ok", fn(*args))
    except ServiceError as err:
        return ("error", err)
    except StorylineError as err:
        return ("error", from_storyline_error(err))
    except Exception:
        logs.event("task_failed", level=40, exc_info=True, request_id=request_id, task=getattr(fn, "__name__", str(fn)))
        return ("error", ServiceError(500, "internal error; the server log names it by the request id", "internal"))
