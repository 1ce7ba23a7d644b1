"""Run the service with uvicorn: one event loop for HTTP, the heavy work in the worker pool."""

from __future__ import annotations

from .config import ServiceConfig
from .logs import log_config
from .pool import start_fork_server

GRACEFUL_SHUTDOWN = 10  # seconds for requests under way to finish when stopped


def serve(config: ServiceConfig) -> None:
    """Serve until stopped (Ctrl-C or SIGTERM), logging JSON lines to stderr."""
    start_fork_server()  # the workers' fork server warms up while the web framework loads
    import uvicorn

    from .app import create_app

    uvicorn.run(
        create_app(config), host=config.host, port=config.port, log_config=log_config(), access_log=False,
        server_header=False, timeout_graceful_shutdown=GRACEFUL_SHUTDOWN, limit_concurrency=None,
    )
