"""The HTTP API and the reader's page: create_app(ServiceConfig) -> a FastAPI application.

    POST /summarize              articles (texts, pages or URLs) -> what `storyline summarize -f json` prints
    POST /articles               a feed batch into the story store (bearer token when one is set)
    GET  /stories                the stories, largest first
    GET  /stories/{id}           a story page's data
    GET  /stories/{id}/new       what is new since a reader's last look (then remembered)
    GET  /threads/{id}           a thread: a topic followed over months, its stories
    GET  /healthz                liveness and the worker count
    GET  /, /story/{id}          the reader's page;  GET /docs: the API's documentation
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import StorylineError
from ..stories import MAX_ID
from ..summarize import SummarizerConfig
from . import logs, schemas, tasks
from .config import ServiceConfig
from .errors import REASONS, ServiceError, error_response, from_storyline_error, timeout_error, too_large
from .fetch import Fetcher
from .middleware import Guard
from .pool import WorkerPool
from .schemas import (AddReportOut, ArticleIn, ArticlesRequest, ErrorOut, StoriesOut, StoryPageOut, SummarizeRequest,
                      SummaryOut)

DESCRIPTION = """Short, sourced summaries of news articles, and stories followed as articles arrive.

Every summary sentence is taken from the articles and cites every article that reports it, with the
character offsets of the cited sentence in that article's text (Python characters: code points).
Errors are JSON: `{"error": code, "message": text, "request_id": id}`; every answer carries `X-Request-ID`.
"""
MODELS = frozenset(name for name, value in vars(schemas).items()  # the request's models, named in pydantic's errors
                   if isinstance(value, type) and issubclass(value, BaseModel))
MAX_DAYS = 100_000  # of a story list's window: about 270 years, within the dates Python holds


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorOut, "description": REASONS[status].replace("_", " ")} for status in statuses}


class Service:
    """What the handlers share: settings, worker pool and fetcher (made when the application starts)."""

    def __init__(self, config: ServiceConfig):
        self.config = config
        self.pool = WorkerPool(config.workers, config.pending_limit, config.timeout)
        self.fetcher: Fetcher | None = None

    async def start(self) -> None:
        self.fetcher = Fetcher(self.config.allow_fetch_from, self.config.fetch_timeout, self.config.fetch_max_bytes,
                               self.config.max_redirects)
        await self.pool.start()
        settings = self.config.describe()
        logs.event("started", workers=self.config.workers, settings=settings)
        if self.config.host not in ("127.0.0.1", "localhost", "::1") and self.config.token is None:
            logs.event("no_token", level=30, message="POST /articles is open to anyone who can reach this address: "
                       "set --token or STORYLINE_TOKEN")

    async def close(self) -> None:
        await self.pool.close()
        if self.fetcher:
            await self.fetcher.aclose()

    async def run(self, request: Request, fn: Any, *args: Any) -> Any:
        return await self.pool.run(fn, *args, deadline=request.state.deadline, request_id=request.state.request_id)


def create_app(config: ServiceConfig | None = None) -> FastAPI:
    config = config or ServiceConfig()
    service = Service(config)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await service.start()
        try:
            yield
        finally:
            await service.close()

    app = FastAPI(title="storyline", version=_version(), description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.service = service
    app.add_middleware(Guard, max_body=config.max_body, timeout=config.timeout)
    _add_error_handlers(app)

    @app.post("/summarize", tags=["summaries"], response_model=None,
              responses={200: {"model": SummaryOut, "description": "The summary"}, **_errors(400, 413, 415, 422, 502, 503, 504)})
    async def summarize(body: SummarizeRequest, request: Request,
                        texts: bool = Query(False, description="Add each document's text as 'texts'.")) -> JSONResponse:
        """Summarize articles about one story: given as `documents` (texts, web pages, or objects with
        `text` or `html` and `title`, `source`, `url`), as `urls` to fetch, or both. The answer is what
        `storyline summarize -f json` prints: each sentence with every document that reports it and the
        character offsets of that document's sentence."""
        count = len(body.documents) + len(body.urls)
        if not count:
            raise ServiceError(422, "give the articles as 'documents' or 'urls'", "invalid_input")
        limit = config.max_documents
        if count > limit or len(body.previous) > limit:
            raise too_large(f"{max(count, len(body.previous))} documents; the limit is {limit} per request")
        for where, items in (("documents", body.documents), ("previous", body.previous)):
            for number, item in enumerate(items):
                text = item if isinstance(item, str) else (item.text or item.html or "")
                if len(text.split()) > config.max_words:
                    raise too_large(f"{where}[{number}] has more than {config.max_words} words")
        settings = _budget(config.summarizer, body.words, body.sentences)
        record = body.model_dump(exclude={"urls", "words", "sentences"}, exclude_none=True)
        assert service.fetcher is not None
        pages = []
        if body.urls:
            try:
                async with asyncio.timeout_at(request.state.deadline):
                    pages = await service.fetcher.fetch_all(body.urls)
            except TimeoutError:
                raise timeout_error(config.timeout) from None
        result = await service.run(request, tasks.summarize, record, pages, settings, config.max_words, texts)
        return JSONResponse(result)

    def token(request: Request) -> None:
        """Checked before the body is read: without the token, nothing else is looked at."""
        _check_token(request, config.token)

    @app.post("/articles", tags=["stories"], response_model=None, dependencies=[Depends(token)],
              responses={200: {"model": AddReportOut, "description": "What was added"}, **_errors(400, 401, 413, 422, 503, 504)})
    async def add_articles(body: ArticlesRequest | list[ArticleIn], request: Request) -> JSONResponse:
        """Add a feed batch to the story store (`{"articles": [...]}` or a bare list): each article joins the
        story it resembles, or starts one; already stored ids are skipped. Needs `Authorization: Bearer TOKEN`
        when the service has a token."""
        articles = body.articles if isinstance(body, ArticlesRequest) else body
        if not articles:
            raise ServiceError(422, "no articles", "invalid_input")
        if len(articles) > config.max_articles:
            raise too_large(f"{len(articles)} articles; the limit is {config.max_articles} per request")
        seen: set[str] = set()
        for article in articles:
            if not str(article.id).strip():
                raise ServiceError(422, "an article's 'id' is blank", "invalid_input")
            if str(article.id) in seen:  # two articles of one id: which one to keep?
                raise ServiceError(422, f"article id {article.id!r} is given twice in this batch", "invalid_input")
            seen.add(str(article.id))
            if len((article.text or article.html or "").split()) > config.max_words:
                raise too_large(f"article {article.id} has more than {config.max_words} words")
        items = [article.model_dump(exclude_none=True) for article in articles]
        report = await service.run(request, tasks.add_articles, config.store_path, items, config.tracker)
        return JSONResponse(report)

    @app.get("/stories", tags=["stories"], response_model=None,
             responses={200: {"model": StoriesOut, "description": "The stories"}, **_errors(422, 503, 504)})
    async def list_stories(request: Request, limit: int = Query(50, ge=0, le=10_000, description="Stories to list (0: all)."),
                           days: float | None = Query(None, gt=0, le=MAX_DAYS, description="Only stories last seen at most this many "
                                                      "days before the newest article (and undated ones).")) -> JSONResponse:
        """The stories, largest first: article count, outlets, first and last seen, headline; `total` counts
        them all, `newest` is the date of the newest article."""
        return JSONResponse(await service.run(request, tasks.list_stories, config.store_path, limit, days))

    @app.get("/stories/{story}", tags=["stories"], response_model=None,
             responses={200: {"model": StoryPageOut, "description": "The story page"}, **_errors(404, 422, 503, 504)})
    async def story_page(request: Request, story: int = Path(ge=0, le=MAX_ID),
                         since: int = Query(0, ge=0, le=MAX_ID,
                                            description="Summarize what was added after this article number (last_seq)."),
                         words: int | None = Query(None, description="Word budget of the summary.")) -> JSONResponse:
        """A story's page: its summary (with citations), coverage, quotes, timeline and the cited articles."""
        settings = _budget(config.summarizer, words, None)
        return JSONResponse(await service.run(request, tasks.story_page, config.store_path, story, settings, None, since))

    @app.get("/stories/{story}/new", tags=["stories"], response_model=None,
             responses={200: {"model": StoryPageOut, "description": "What is new"}, **_errors(404, 422, 503, 504)})
    async def story_news(request: Request, story: int = Path(ge=0, le=MAX_ID),
                         reader: str = Query(..., min_length=1, max_length=100, pattern=r"\S",
                                             description="Who is reading (not blank)."),
                         words: int | None = Query(None, description="Word budget of the summary.")) -> JSONResponse:
        """What is new in a story since `reader` last looked (everything on a first look); this look is then
        remembered."""
        settings = _budget(config.summarizer, words, None)
        return JSONResponse(await service.run(request, tasks.story_page, config.store_path, story, settings, reader))

    @app.get("/threads/{thread}", tags=["stories"], response_model=None,
             responses={200: {"description": "The thread"}, **_errors(404, 422, 503, 504)})
    async def thread_page(request: Request, thread: int = Path(ge=0, le=MAX_ID)) -> JSONResponse:
        """A thread: a topic followed over months, made of stories (each story page names its "thread").
        Its headline (its largest story's), articles, outlets, first and last seen, and its stories in the
        order they began, each with its headline, articles, outlets and dates. A thread merged into another
        is a 404 that names it ("merged_into")."""
        return JSONResponse(await service.run(request, tasks.thread_page, config.store_path, thread))

    @app.get("/healthz", tags=["service"])
    async def health() -> dict[str, Any]:
        """The service is up; its worker processes, and how many are idle."""
        return {"status": "ok", "workers": config.workers, "idle": service.pool.idle}

    index = _static_text("index.html")
    docs = _static_text("docs.html")

    @app.get("/", include_in_schema=False)
    async def home() -> HTMLResponse:
        return HTMLResponse(index, headers={"Cache-Control": "no-cache"})

    @app.get("/story/{story}", include_in_schema=False)
    async def story_home(story: int = Path(ge=0, le=MAX_ID)) -> HTMLResponse:
        return HTMLResponse(index, headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    async def documentation() -> HTMLResponse:
        return HTMLResponse(docs, headers={"Cache-Control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(_static_text("favicon.svg"), media_type="image/svg+xml")

    app.mount("/static", StaticFiles(packages=[("storyline.service", "static")]), name="static")
    return app


def _budget(base: SummarizerConfig, words: int | None, sentences: int | None) -> SummarizerConfig:
    """The summarizer's settings for a request's budget, as the command line makes them: the words given,
    else no word limit when only sentences are given, else the service's default."""
    if words is None and sentences is None:
        return base
    return base.replace(words=words if words is not None else (None if sentences is not None else base.words),
                        sentences=sentences)


def _check_token(request: Request, token: str | None) -> None:
    if token is None:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ServiceError(401, "this needs the service's token: Authorization: Bearer TOKEN", "unauthorized",
                           {"WWW-Authenticate": "Bearer"})


def _add_error_handlers(app: FastAPI) -> None:
    def request_id(request: Request) -> str:
        return getattr(request.state, "request_id", "")

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, error: ServiceError) -> JSONResponse:
        return error_response(error, request_id(request))

    @app.exception_handler(StorylineError)
    async def storyline_error(request: Request, error: StorylineError) -> JSONResponse:
        return error_response(from_storyline_error(error), request_id(request))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = list(error.errors())
        malformed = next((p for p in problems if p.get("type") == "json_invalid"), None)
        if malformed is not None:
            reason = (malformed.get("ctx") or {}).get("error", "")
            return error_response(ServiceError(400, f"malformed JSON: {reason}".rstrip(": "), "malformed_json"), request_id(request))
        content_type = request.headers.get("content-type", "")
        if request.method == "POST" and "json" not in content_type.lower():
            return error_response(ServiceError(415, "send JSON, with Content-Type: application/json", "unsupported_media_type"),
                                  request_id(request))
        # A body that fits no member of a union: not also "should be a valid list" of the other member.
        whole = [str(p.get("type", "")).endswith("_type") and _problem(p)["loc"] in ([], ["body"]) for p in problems]
        problems = [p for p, body in zip(problems, whole) if not body] or problems
        details = [_problem(p) for p in problems]
        # The most telling problem first: one that says more than "not a string" (a union's other members).
        ranked = sorted(zip(problems, details), key=lambda pair: str(pair[0].get("type", "")).endswith("_type"))
        first = ranked[0][1] if ranked else {"loc": [], "msg": "invalid request"}
        where = ".".join(part for part in first["loc"] if part != "body")
        message = f"{where}: {first['msg']}" if where else str(first["msg"])
        return error_response(ServiceError(422, message, "invalid_request"), request_id(request), details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        message = str(error.detail) if isinstance(error.detail, str) else REASONS.get(error.status_code, "error")
        return error_response(ServiceError(error.status_code, message, headers=dict(error.headers or {})), request_id(request))


def _problem(problem: Any) -> dict[str, Any]:
    """A pydantic error as {"loc", "msg"}, its location without the names of union members ("str",
    "function-after[...]", "ArticlesRequest")."""
    loc = [str(part) for part in problem.get("loc", ()) if isinstance(part, int) or part.isidentifier()
           and part not in ("str", "int", "list", "dict") and part not in MODELS]  # nor "ArticlesRequest"
    message = str(problem.get("msg", "")).removeprefix("Value error, ")
    return {"loc": loc, "msg": message}


def _static_text(name: str) -> str:
    return resources.files("storyline.service").joinpath("static", name).read_text(encoding="utf-8")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("storyline")
    except PackageNotFoundError:
        return "0"
