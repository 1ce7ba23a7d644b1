"""What every request goes through: a request id (X-Request-ID, the client's when it sends a sane one),
a deadline, the body size limit, security headers, one structured log line, and a JSON answer instead
of a traceback for anything that goes wrong."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import logs
from .errors import ServiceError, error_response, timeout_error

REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
GRACE = 1.0  # seconds past a request's deadline before it is cut off here (its handler answers 504 first)
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class Guard:
    """The ASGI middleware described in the module's doc. Sets ``request.state.request_id`` and
    ``request.state.deadline`` (on the event loop's clock) for the handlers."""

    def __init__(self, app: ASGIApp, max_body: int, timeout: float):
        self.app, self.max_body, self.timeout = app, max_body, timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        started = time.perf_counter()
        deadline = loop.time() + self.timeout
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        given = headers.get("x-request-id", "")
        request_id = given if REQUEST_ID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})
        scope["state"]["request_id"] = request_id
        scope["state"]["deadline"] = deadline
        response: dict[str, Any] = {"status": None, "bytes": 0}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                response["status"] = message["status"]
                out = MutableHeaders(scope=message)
                out["X-Request-ID"] = request_id
                for name, value in SECURITY_HEADERS.items():
                    if name not in out:
                        out[name] = value
            elif message["type"] == "http.response.body":
                response["bytes"] += len(message.get("body", b""))
            await send(message)

        async def answer(error: ServiceError) -> None:
            if response["status"] is None:
                await error_response(error, request_id)(scope, receive, send_with_headers)

        try:
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > self.max_body:
                await answer(self._too_big())
                return
            try:
                async with asyncio.timeout_at(deadline):
                    body = await self._read_body(receive)
            except TimeoutError:
                await answer(ServiceError(408, "the request body did not arrive in time", "request_timeout"))
                return
            if body is None:
                await answer(self._too_big())
                return
            replay = _replay(body, receive)
            try:
                async with asyncio.timeout_at(deadline + GRACE):
                    await self.app(scope, replay, send_with_headers)
            except TimeoutError:
                await answer(timeout_error(self.timeout))
        except _Disconnected:
            response["status"] = response["status"] or 499
        except Exception:
            logs.event("unhandled_error", level=logging.ERROR, exc_info=True, request_id=request_id)
            await answer(ServiceError(500, "internal error; the server log names it by the request id", "internal"))
        finally:
            status = response["status"] or 500
            logs.event("request", level=logging.WARNING if status >= 500 else logging.INFO, request_id=request_id,
                       method=scope.get("method"), path=scope.get("path"), status=status, bytes=response["bytes"],
                       ms=round((time.perf_counter() - started) * 1000, 1),
                       client=(scope.get("client") or ("", 0))[0])

    def _too_big(self) -> ServiceError:
        return ServiceError(413, f"the request body is larger than the limit of {self.max_body} bytes", "too_large")

    async def _read_body(self, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it passes max_body."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _Disconnected()
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


class _Disconnected(Exception):
    pass


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the body read already, then waits on the client (for its disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
