"""The HTTP service: a JSON API over the summarizer and the story store, and a reader's web page.

    from storyline.service import ServiceConfig, create_app, serve
    serve(ServiceConfig(port=8000, workers=2, token="..."))        # what `storyline serve` runs

Needs the ``service`` extra (fastapi, uvicorn). The web framework is imported only when the
application is made, so that worker processes (storyline.service.worker) load none of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import ServiceConfig

if TYPE_CHECKING:
    from .app import create_app
    from .server import serve

__all__ = ["ServiceConfig", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    if name == "serve":
        from .server import serve

        return serve
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
