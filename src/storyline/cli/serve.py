"""storyline serve."""

from __future__ import annotations

import importlib.util

import click

from ..errors import MissingExtraError
from ..stories import TrackerConfig
from ..summarize import DEFAULT_WORDS, SummarizerConfig

TRACKER = TrackerConfig()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--db", type=click.Path(dir_okay=False), help="Story store  [default: $STORYLINE_DB or storyline.db]")
@click.option("--workers", type=click.IntRange(1), help="Worker processes for summaries and the store  [default: CPU count]")
@click.option("--token", envvar="STORYLINE_TOKEN", help="Bearer token POST /articles needs  [default: $STORYLINE_TOKEN; none]")
@click.option("--allow-fetch-from", "allow", multiple=True, metavar="HOST",
              help="Fetch URLs of this host even though it is not public (loopback, private...). Repeatable.")
@click.option("-w", "--words", type=click.IntRange(1), default=DEFAULT_WORDS, show_default=True,
              help="Word budget of a summary when a request names none.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=TRACKER.threshold, show_default=True,
              help="Similarity an article needs to join a story.")
@click.option("--window", type=click.FloatRange(0), default=TRACKER.window_days, show_default=True, metavar="DAYS",
              help="Days a story stays open after its last dated article.")
@click.option("--timeout", type=click.FloatRange(0, min_open=True), default=30.0, show_default=True, metavar="SECONDS",
              help="Time limit of a request (queueing, fetching and summarizing).")
@click.option("--max-body-mb", type=click.FloatRange(0, min_open=True), default=10.0, show_default=True,
              help="Largest request body, in MiB.")
@click.option("--max-documents", type=click.IntRange(1), default=50, show_default=True, help="Documents per summary request.")
@click.option("--max-words", type=click.IntRange(1), default=50_000, show_default=True, help="Words per document.")
@click.option("--max-pending", type=click.IntRange(0), default=0, metavar="N",
              help="Requests waiting for or held by a worker beyond which the answer is 503  [default: 32 per worker, at least 128]")
def serve(host: str, port: int, db: str | None, workers: int | None, token: str | None, allow: tuple[str, ...],
          words: int, threshold: float, window: float, timeout: float, max_body_mb: float, max_documents: int,
          max_words: int, max_pending: int) -> None:
    """Serve the HTTP API (docs at /docs) and the reader's page (at /).

    Summaries, story pages and story writes run in worker processes; URLs are fetched only from public
    addresses (checked after resolving the name, and on every redirect) unless --allow-fetch-from names
    the host.
    """
    missing = [name for name in ("fastapi", "uvicorn") if importlib.util.find_spec(name) is None]
    if missing:
        raise MissingExtraError(f"serve needs the service extra ({', '.join(missing)} missing): "
                                "pip install 'storyline[service]'")
    from ..service import ServiceConfig
    from ..service.server import serve as run
    config = ServiceConfig(
        host=host, port=port, db=db, token=token or None, allow_fetch_from=allow,
        summarizer=SummarizerConfig(words=words), tracker=TRACKER.replace(threshold=threshold, window_days=window),
        timeout=timeout, max_body=int(max_body_mb * 1024 * 1024), max_documents=max_documents, max_words=max_words,
        max_pending=max_pending,
    )
    run(config if workers is None else config.replace(workers=workers))
