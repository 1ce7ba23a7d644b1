"""storyline summarize."""

from __future__ import annotations

import contextlib
import json
import sys
import textwrap
from collections.abc import Callable, Iterator
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
    unread: list[dict[str, str]] = []  # the clusters that could not be read, as JSON gives them
    failures: list[str] = []  # the clusters that could not be read or summarized

    def failed(name: str, error: InputError) -> dict[str, str]:
        warn(f"error: {error}")
        failures.append(name)
        return {"id": name, "error": str(error)}

    if "-" in inputs and "-" in read:
        raise InputError("- (stdin) is given both as an input and to --since: it can be read only once")
    clusters = read_clusters(inputs, on_error=lambda name, error: unread.append(failed(name, error)))
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
    with _streamed(output, fmt) as put:  # each on its own, shown when done: one that cannot be summarized is said so
        for error in unread if fmt == "json" else []:
            put(error)
        for cluster in clusters:
            try:
                summary = _summarize(summarizer, cluster, query)
            except InputError as err:
                error = failed(cluster.id, err)
                if fmt == "json":
                    put(error)
                continue
            if fmt == "json":
                put(summary.to_dict())
            elif summary.sentences:
                name = cluster.id or "T" + describe(cluster)[1:]  # "The articles a.txt, b.txt"
                put(f"{heading(name, fmt)}\n{render(summary, fmt)}")
    if failures:
        raise InputError(f"{len(failures)} of {len(clusters) + unreadable} clusters could not be read or summarized "
                         "(see above)")


@contextlib.contextmanager
def _streamed(output: str | None, fmt: str) -> Iterator[Callable[[Any], None]]:
    """A function that writes each summary of many as soon as it is done, to the file ``output`` (opened at the
    first, so a run with nothing to write leaves a file as it was) or stdout: the texts apart by a blank line, or
    (``fmt`` json) the items of one JSON array, closed even when the run is cut short, so that what was written
    stays valid JSON."""
    handle: Any = None
    written = 0

    def start() -> Any:
        nonlocal handle
        if handle is None:
            handle = open(output, "w", encoding="utf-8") if output else sys.stdout
            if fmt == "json":
                handle.write("[")
        return handle

    def put(part: Any) -> None:
        nonlocal written
        if fmt == "json":
            item = textwrap.indent(json.dumps(part, ensure_ascii=False, indent=2), "  ")
            start().write(("\n" if not written else ",\n") + item)
        else:
            start().write(("\n\n" if written else "") + part)
        handle.flush()
        written += 1

    try:
        yield put
    finally:
        if fmt == "json":
            start().write("\n]\n" if written else "]\n")
        elif written:
            handle.write("\n")
        if output and handle is not None:
            handle.close()


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
