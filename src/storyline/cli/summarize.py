"""storyline summarize."""

from __future__ import annotations

import json
from typing import Any

import click

from ..errors import InputError
from ..io.ingest import read_clusters
from ..io.render import FORMATS, heading, render
from ..model import Cluster, Summary
from ..summarize import DEFAULT_WORDS, NOTHING_NEW, Summarizer
from ..summarize.analysis import describe
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
    parts: list[Any] = []  # summaries (or errors) as dicts for JSON, else texts
    failures: list[str] = []  # the clusters that could not be read or summarized

    def failed(name: str, error: InputError) -> None:
        warn(f"error: {error}")
        if fmt == "json":
            parts.append({"id": name, "error": str(error)})
        failures.append(name)

    if "-" in inputs and "-" in read:
        raise InputError("- (stdin) is given both as an input and to --since: it can be read only once")
    clusters = read_clusters(inputs, on_error=failed)
    unreadable = len(failures)
    if not clusters and not unreadable:
        raise InputError(f"{', '.join(inputs)}: no articles found")
    if read:
        previous = [d for c in read_clusters(read) for d in c.documents]
        for cluster in clusters:
            cluster.previous = cluster.previous + previous
    summarizer = Summarizer(words=words or (None if sentences else DEFAULT_WORDS), sentences=sentences)
    if len(clusters) == 1 and not unreadable:
        summary = _summarize(summarizer, clusters[0], query)
        if summary.sentences or fmt == "json":
            write(render(summary, fmt) + "\n", output)
        return
    for cluster in clusters:  # each on its own: one that cannot be summarized is said so, the others shown
        try:
            summary = _summarize(summarizer, cluster, query)
        except InputError as err:
            failed(cluster.id, err)
            continue
        if fmt == "json":
            parts.append(summary.to_dict())
        elif summary.sentences:
            name = cluster.id or "T" + describe(cluster)[1:]  # "The articles a.txt, b.txt"
            parts.append(f"{heading(name, fmt)}\n{render(summary, fmt)}")
    if fmt == "json":
        write(json.dumps(parts, ensure_ascii=False, indent=2) + "\n", output)
    elif parts:
        write("\n\n".join(parts) + "\n", output)
    if failures:
        raise InputError(f"{len(failures)} of {len(clusters) + unreadable} clusters could not be read or summarized "
                         "(see above)")


def _summarize(summarizer: Summarizer, cluster: Cluster, query: str | None) -> Summary:
    """The summary of ``cluster``. InputError when no sentence fits the word budget; when every sentence was
    in the articles already read, an empty summary, said so on stderr."""
    summary = summarizer.summarize(cluster, query)
    if summary.sentences:
        return summary
    if summarizer.told_before(cluster, query):
        warn(f"{describe(cluster)}: {NOTHING_NEW}")
        return summary
    raise InputError(f"{describe(cluster)}: no sentence fits in {summarizer.config.words} words (raise --words)")
