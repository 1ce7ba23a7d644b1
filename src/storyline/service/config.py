"""The service's settings: one validated object, built by `storyline serve` from its options."""

from __future__ import annotations

import dataclasses
import ipaddress
import os
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigError
from ..settings import Settings
from ..stories import TrackerConfig, default_path
from ..summarize import SummarizerConfig

MB = 1024 * 1024


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class ServiceConfig(Settings):
    """How the HTTP service runs and what it accepts; checked when built (ConfigError).

    host, port: where it listens; db: the story store (default: $STORYLINE_DB or storyline.db);
    workers: worker processes that summarize and read or write the store; token: the bearer token that
    POST /articles needs (None: no token needed); allow_fetch_from: host names or addresses fetched even
    though they are not public (loopback, private, ...), as written in the URL;
    max_body: bytes in a request body; max_documents: documents (texts and URLs) in one summary request,
    and in its "previous" list; max_articles: articles in one POST /articles batch; max_words: words in
    one document (its text or HTML); timeout: seconds a request may take, queueing and fetching included;
    fetch_timeout: seconds one URL may take; fetch_max_bytes: bytes of one fetched page; max_redirects:
    redirects followed per URL; max_pending: requests waiting for or held by a worker at once, beyond
    which the service answers 503 (0: 32 per worker, at least 128);
    summarizer: the summaries' settings (a request's "words"/"sentences" replace the budget);
    tracker: how POST /articles groups articles into stories.
    """

    host: str = "127.0.0.1"
    port: int = 8000
    db: str | None = None
    workers: int = field(default_factory=default_workers)
    token: str | None = None
    allow_fetch_from: tuple[str, ...] = ()
    max_body: int = 10 * MB
    max_documents: int = 50
    max_articles: int = 1000
    max_words: int = 50_000
    timeout: float = 30.0
    fetch_timeout: float = 10.0
    fetch_max_bytes: int = 5 * MB
    max_redirects: int = 5
    max_pending: int = 0
    summarizer: SummarizerConfig = field(default_factory=SummarizerConfig)
    tracker: TrackerConfig = field(default_factory=TrackerConfig)

    def __post_init__(self) -> None:
        if not isinstance(self.host, str) or not self.host:
            raise ConfigError(f"host: a host name or address, not {self.host!r}")
        if not _whole(self.port) or not 0 <= self.port <= 65535:
            raise ConfigError(f"port: a port number from 0 to 65535, not {self.port!r}")
        for name in ("workers", "max_body", "max_documents", "max_articles", "max_words", "fetch_max_bytes"):
            value = getattr(self, name)
            if not _whole(value) or value < 1:
                raise ConfigError(f"{name}: a whole number of at least 1, not {value!r}")
        for name in ("max_redirects", "max_pending"):
            value = getattr(self, name)
            if not _whole(value) or value < 0:
                raise ConfigError(f"{name}: a whole number of at least 0, not {value!r}")
        for name in ("timeout", "fetch_timeout"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise ConfigError(f"{name}: a number of seconds above 0, not {value!r}")
        if self.token is not None and (not isinstance(self.token, str) or len(self.token) < 8 or self.token != self.token.strip()):
            raise ConfigError("token: at least 8 characters, without surrounding spaces")
        if not isinstance(self.summarizer, SummarizerConfig):
            raise ConfigError(f"summarizer: a SummarizerConfig, not {self.summarizer!r}")
        if not isinstance(self.tracker, TrackerConfig):
            raise ConfigError(f"tracker: a TrackerConfig, not {self.tracker!r}")
        hosts = tuple(normal_host(host) for host in self.allow_fetch_from)
        if any(not host or "/" in host or ":" in host and not _is_ip(host) for host in hosts):
            raise ConfigError(f"allow_fetch_from: host names or addresses (no scheme, port or path), not {self.allow_fetch_from!r}")
        object.__setattr__(self, "allow_fetch_from", hosts)

    @property
    def store_path(self) -> str:
        return self.db or default_path()

    @property
    def pending_limit(self) -> int:
        return self.max_pending or max(128, 32 * self.workers)


    def describe(self) -> dict[str, Any]:
        """The settings as logged at start-up (the token only as whether there is one; limits as they apply)."""
        settings = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in ("summarizer", "tracker")}
        settings["token"] = self.token is not None
        settings["allow_fetch_from"] = list(self.allow_fetch_from)
        settings["db"] = self.store_path
        settings["max_pending"] = self.pending_limit
        return {**settings, "summarizer": self.summarizer.to_dict(), "tracker": dataclasses.asdict(self.tracker)}


def normal_host(host: str) -> str:
    """A host as URLs are compared with it: lower case, no trailing dot, IPv6 without brackets."""
    host = str(host).strip().lower().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return host


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
