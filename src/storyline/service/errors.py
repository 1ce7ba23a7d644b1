"""Errors the service answers with: an HTTP status, a short code and one clear message, as JSON.

Every error body is {"error": code, "message": text, "request_id": id} (validation errors add
"details": [{"loc", "msg"}]); never a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, InputError, MissingExtraError, StoreError, StorylineError

if TYPE_CHECKING:
    from starlette.responses import JSONResponse

REASONS = {
    400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 408: "request_timeout",
    413: "too_large", 415: "unsupported_media_type", 422: "invalid", 500: "internal", 502: "fetch_failed",
    503: "unavailable", 504: "timeout",
}


class ServiceError(Exception):
    """An answer other than success: ``status``, a short ``code`` and a ``message`` for the client."""

    def __init__(self, status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None,
                 extra: dict[str, Any] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or REASONS.get(status, "error")
        self.headers = headers or {}
        self.extra = extra or {}  # more fields of the answer ({"merged_into": 3})

    def __reduce__(self) -> tuple[Any, ...]:  # crosses from worker processes intact
        return (ServiceError, (self.status, self.message, self.code, self.headers, self.extra))


def too_large(message: str) -> ServiceError:
    return ServiceError(413, message, "too_large")


def timeout_error(seconds: float) -> ServiceError:
    return ServiceError(504, f"the request took longer than the time limit of {seconds:g} s", "timeout")


def from_storyline_error(error: StorylineError) -> ServiceError:
    """storyline's own errors as answers: bad input or settings 422, a store that cannot be used 503."""
    if isinstance(error, (InputError, ConfigError)):
        return ServiceError(422, str(error), "invalid_input" if isinstance(error, InputError) else "invalid_setting")
    if isinstance(error, StoreError):
        return ServiceError(503, "the story store cannot be used right now", "store_unavailable")
    if isinstance(error, MissingExtraError):
        return ServiceError(500, str(error), "missing_extra")
    return ServiceError(422, str(error), "invalid")


def error_response(error: ServiceError, request_id: str, details: list[dict[str, Any]] | None = None) -> JSONResponse:
    from starlette.responses import JSONResponse

    body: dict[str, Any] = {"error": error.code, "message": error.message, "request_id": request_id, **error.extra}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=error.status, headers=error.headers)
