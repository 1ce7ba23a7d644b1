"""storyline summarize."""

from __future__ import annotations

import json
from typing import Any

import click

from ..errors import InputError
from ..io.ingest import read_clusters
from ..io.render import FORMATS, render
from ..summarize import DEFAULT_WORDS, Summarizer
from .common import warn, write


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-w", "--words", type=click.IntRange(1), help=f"Word budget  [default: {DEFAULT_WORDS} unless --sentences]")
@click.option("-s", "--sentences", type=click.IntRange(1), help="Sentence budget (instead of or with --words).")
@click.option("-q", "--query", help="Focus the summary on this question or topic.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--since", "read", multiple=True, metavar="PATH",
              help="Articles already read (files, directories, URLs): summarize only what is new. Repeatable.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def summarize(inputs: tuple[str, ...], words: int | None, sentences: int | None, query: str | None,
              read: tuple[str, ...], fmt: str, output: str | None) -> None:
    """Summarize articles about one story.

    INPUTS are text or HTML files, directories of them, URLs, or - for stdin (together one cluster),
    or JSONL files of clusters (each summarized on its own, with their "previous" articles as read).
    """
    clusters = read_clusters(inputs)
    if not clusters:
        raise InputError(f"{', '.join(inputs)}: no articles found")
    if read:
        previous = [d for c in read_clusters(read) for d in c.documents]
        for cluster in clusters:
            cluster.previous = cluster.previous + previous
    summarizer = Summarizer(words=words or (None if sentences else DEFAULT_WORDS), sentences=sentences)
    if len(clusters) == 1:
        write(render(summarizer.summarize(clusters[0], query), fmt) + "\n", output)
        return
    parts: list[Any] = []  # summaries (or errors) as dicts for JSON, else texts (None for an error)
    failed = 0
    for cluster in clusters:  # each on its own: one that cannot be summarized is said so, the others shown
        try:
            summary = summarizer.summarize(cluster, query)
        except InputError as err:
            warn(f"error: {err}")
            parts.append({"id": cluster.id, "error": str(err)} if fmt == "json" else None)
            failed += 1
            continue
        parts.append(summary.to_dict() if fmt == "json" else _titled(cluster.id, render(summary, fmt), fmt))
    if fmt == "json":
        write(json.dumps(parts, ensure_ascii=False, indent=2) + "\n", output)
    else:
        write("\n\n".join(part for part in parts if part) + "\n", output)
    if failed:
        raise InputError(f"{failed} of {len(clusters)} clusters could not be summarized (see above)")


def _titled(title: str, text: str, fmt: str) -> str:
    """A cluster's summary under its id, as a heading of ``fmt``."""
    return f"## {title}\n\n{text}" if fmt == "markdown" else f"{title}\n{'=' * len(title)}\n{text}"
