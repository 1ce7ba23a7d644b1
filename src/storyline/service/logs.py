"""Structured logs: one JSON object a line on stderr, with the request id of the request it is about.

    log.info("request", extra={"fields": {"request_id": ..., "status": 200, "ms": 12.5}})
    -> {"time": "2025-01-05T10:00:00.123Z", "level": "info", "logger": "storyline.service", "event": "request", ...}
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

LOGGER = "storyline.service"
log = logging.getLogger(LOGGER)


class JsonFormatter(logging.Formatter):
    """A log record as one JSON line: time, level, logger, event (the message), its fields, and the
    traceback (as text in "traceback") when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        moment = dt.datetime.fromtimestamp(record.created, dt.timezone.utc)
        data: dict[str, Any] = {
            "time": moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        data.update(getattr(record, "fields", {}) or {})
        if record.exc_info:
            data["traceback"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)


def log_config(level: str = "INFO") -> dict[str, Any]:
    """A logging.config dictionary for uvicorn.run: the service's and uvicorn's logs as JSON lines on
    stderr; uvicorn's access log is off (the service logs each request itself, with its id)."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {"stderr": handler},
        "loggers": {
            LOGGER: {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
    }


def setup(level: str = "INFO") -> None:
    """Log as log_config says (for worker processes and anything run outside uvicorn)."""
    import logging.config

    logging.config.dictConfig(log_config(level))


def event(name: str, level: int = logging.INFO, exc_info: bool = False, **fields: Any) -> None:
    log.log(level, name, extra={"fields": fields}, exc_info=exc_info)
