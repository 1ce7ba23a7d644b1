"""storyline summarize."""

from __future__ import annotations

import json

import click

from ..errors import InputError
from ..io.ingest import read_clusters
from ..io.render import FORMATS, render
from ..summarize import DEFAULT_WORDS, Summarizer
from .common import write


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
    summaries = [summarizer.summarize(cluster, query) for cluster in clusters]
    if fmt == "json" and len(summaries) > 1:
        text = json.dumps([s.to_dict() for s in summaries], ensure_ascii=False, indent=2)
    else:
        text = "\n\n".join(render(s, fmt) for s in summaries)
    write(text + "\n", output)
