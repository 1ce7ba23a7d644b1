"""storyline stories add | list | show | export | thread."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections.abc import Iterator
from typing import IO

import click
from rich.console import Console
from rich.table import Table

from ..errors import InputError, StoreError
from ..io.ingest import iter_articles
from ..io.render import FORMATS, from_outlets, render_page
from ..model import Document, publication_day
from ..stories import MAX_ID, Store, StoryTracker, TrackerConfig, build_page, build_thread, outlets, thread_link
from ..stories.page import HEADLINE_CHARS, StoryPage, story_headline
from ..stories.store import StoredArticle
from ..summarize import DEFAULT_WORDS, Summarizer
from ..text.plural import counted
from .common import progress, warn, write

PIPED_WIDTH = 200  # columns of `stories list` piped into a file or another program
DEFAULTS = TrackerConfig()
DB_OPTION = click.option("--db", type=click.Path(dir_okay=False), help="Story store  [default: $STORYLINE_DB or storyline.db]")


@click.group()
def stories() -> None:
    """Group a feed of articles into stories and follow them (store: --db, or $STORYLINE_DB)."""


@stories.command(name="add")
@click.argument("feeds", nargs=-1, required=True)
@DB_OPTION
@click.option("--threshold", type=click.FloatRange(0, 1), default=DEFAULTS.threshold, show_default=True,
              help="Similarity an article needs to join a story.")
@click.option("--merge", type=click.FloatRange(0, 1), default=DEFAULTS.merge, show_default=True,
              help="Mean similarity of their articles at which two stories become one.")
@click.option("--window", type=click.FloatRange(0), default=DEFAULTS.window_days, show_default=True, metavar="DAYS",
              help="Days a story stays open after its last dated article.")
@click.option("--chunk", type=click.IntRange(1), default=DEFAULTS.chunk, show_default=True, metavar="N",
              help="Articles placed and stored per transaction (a killed run loses at most one chunk).")
@click.option("-v", "--verbose", is_flag=True, help="Name every refused page.")
def stories_add(feeds: tuple[str, ...], db: str | None, threshold: float, merge: float, window: float, chunk: int,
                verbose: bool) -> None:
    """Add articles (JSONL feed lines, RSS or Atom feeds, or text and HTML files) to their stories. Already stored
    ids are skipped, so a feed can be added again (by several processes at once, too); pages without prose are
    refused.

    Exits 2 when nothing in the feeds could be used (every article unreadable or refused for the first time)."""
    missing = [feed for feed in feeds if feed != "-" and "://" not in feed and not os.path.exists(feed)]
    if len(missing) == len(feeds):  # nothing to add: no store is made for it
        raise InputError(f"{', '.join(missing)}: no such file or directory")
    unreadable = 0
    with progress() as bar:
        task = bar.add_task("adding articles", total=None)

        def say(message: str) -> None:  # above the progress bar in a terminal
            if bar.live.is_started:
                bar.console.print(f"storyline: {message}", markup=False, highlight=False, soft_wrap=True)
            else:
                warn(message)

        def skip(name: str, error: InputError) -> None:
            nonlocal unreadable
            unreadable += 1
            say(f"skipped: {error}")

        def read() -> Iterator[Document]:
            for feed in feeds:  # a feed that cannot be read at all (missing, empty folder) is skipped too
                try:
                    for document in iter_articles([feed], on_error=skip):
                        yield document
                        bar.advance(task)
                except InputError as error:
                    skip(feed, error)

        with Store(db, create=True) as store:
            tracker = StoryTracker(store, threshold=threshold, merge=merge, window_days=window, chunk=chunk)
            try:
                report = tracker.add(read())
            except KeyboardInterrupt:
                bar.stop()
                warn("interrupted: the articles added so far are stored; run the same command to add the rest "
                     "(stored ones are skipped)")
                sys.exit(130)
    if verbose:
        for article_id in report.refused:
            warn(f"refused: article {article_id}: no prose (an error page or a widget?)")
        for article_id in report.refused_before:
            warn(f"refused again: article {article_id}: no prose")
    refused = len(report.refused) + len(report.refused_before)
    counts = [f"{counted(report.added, 'article')} added ({counted(report.duplicates, 'copy', 'copies')} of stored ones)",
              f"{counted(report.new_stories, 'new story', 'new stories')}", f"{report.merged} merged into others",
              counted(report.new_threads, "new thread"), f"{counted(report.merged_threads, 'thread')} merged",
              f"{report.skipped} already stored"]
    if unreadable:
        counts.append(f"{unreadable} unreadable")
    if refused:
        known = f", {len(report.refused_before)} of them refused before" if report.refused_before else ""
        counts.append(f"{refused} refused for having no prose{known}" + ("" if verbose else " (--verbose names them)"))
    click.echo(", ".join(counts), err=True)
    usable = report.added or report.skipped or report.refused_before
    if (unreadable or report.refused) and not usable:
        sys.exit(2)


@stories.command(name="list")
@DB_OPTION
@click.option("--limit", type=click.IntRange(0), default=50, show_default=True, help="Stories (or threads) to show (0: all).")
@click.option("--threads", "threads", is_flag=True, help="List the threads (topics followed over time) instead of the stories.")
@click.option("--thread", type=click.IntRange(0, MAX_ID), metavar="ID", help="Only the stories of this thread.")
def stories_list(db: str | None, limit: int, threads: bool, thread: int | None) -> None:
    """The stories, largest first: article count, outlets, first and last seen, thread and headline; with
    --threads, the threads: their stories, articles, outlets, first and last seen, and the headline of
    their largest story."""
    with Store(db) as store, store.snapshot():
        thread_of = store.story_threads()
        groups: dict[int, list[StoredArticle]] = {}
        for article in store.articles(text_chars=0):
            groups.setdefault(article.story, []).append(article)
        if thread is not None:
            groups = {story: articles for story, articles in groups.items() if thread_of.get(story) == thread}
            if not groups:
                merged = store.thread_merged_into(thread)
                raise StoreError(f"thread {thread} was merged into thread {merged}" if merged is not None
                                 else f"no thread {thread} in {store.path}")
        if threads:
            _list_threads(store, groups, thread_of, limit)
            return
        ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
        shown = ranked[:limit] if limit else ranked
        headlines = {story: _headline(store, story) for story, _ in shown}
    table = _table(("story", "articles", "outlets", "first", "last", "thread"), len(shown), len(ranked), "stories")
    for story, articles in shown:
        first, last = _span(articles)
        table.add_row(str(story), str(len(articles)), str(len(outlets([a.to_document() for a in articles]))),
                      first, last, str(thread_of.get(story) or ""), headlines[story])
    _print(table)


def _list_threads(store: Store, groups: dict[int, list[StoredArticle]], thread_of: dict[int, int | None], limit: int) -> None:
    """The threads of the stories in ``groups``, most articles first (inside the caller's snapshot)."""
    members: dict[int, list[int]] = {}
    for story in groups:
        if (thread := thread_of.get(story)) is not None:
            members.setdefault(thread, []).append(story)
    size = {thread: sum(len(groups[story]) for story in stories) for thread, stories in members.items()}
    ranked = sorted(members, key=lambda thread: (-size[thread], thread))
    shown = ranked[:limit] if limit else ranked
    table = _table(("thread", "stories", "articles", "outlets", "first", "last"), len(shown), len(ranked), "threads")
    for thread in shown:
        articles = [article for story in members[thread] for article in groups[story]]
        largest = min(members[thread], key=lambda story: (-len(groups[story]), story))
        first, last = _span(articles)
        table.add_row(str(thread), str(len(members[thread])), str(size[thread]),
                      str(len(outlets([a.to_document() for a in articles]))), first, last, _headline(store, largest))
    _print(table)


def _table(columns: tuple[str, ...], shown: int, total: int, noun: str) -> Table:
    """A table of ``columns`` (counts and days, never wrapped) and a headline, wrapped to the room left."""
    table = Table(caption=f"{shown} of {total} {noun}" if shown < total else None)
    for column in columns:
        table.add_column(column, no_wrap=True, justify="left" if column in ("first", "last") else "right")
    table.add_column("headline")
    return table


def _print(table: Table) -> None:
    """Print ``table`` to the width of the terminal; piped into a file or another program, unwrapped."""
    console = Console()
    if not console.is_terminal:
        console.width = PIPED_WIDTH
    console.print(table)


def _headline(store: Store, story: int) -> str:
    return story_headline(store.articles(story, text_chars=HEADLINE_CHARS))


def _span(articles: list[StoredArticle]) -> tuple[str, str]:
    """The first and last publication days of ``articles`` ('' when none is known)."""
    dates = sorted(day.isoformat() for a in articles if (day := publication_day(a.published)))
    return (dates[0], dates[-1]) if dates else ("", "")


@stories.command(name="show")
@click.argument("story", type=click.IntRange(0, MAX_ID))
@DB_OPTION
@click.option("--reader", help="Show what is new since this reader last looked, then remember this look.")
@click.option("--since", type=click.IntRange(0, MAX_ID), default=0, help="Show what was added after this article number (seq).")
@click.option("-w", "--words", type=click.IntRange(1), default=DEFAULT_WORDS, show_default=True)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
def stories_show(story: int, db: str | None, reader: str | None, since: int, words: int, fmt: str) -> None:
    """A story page: headline, coverage by outlet, summary (of what is new, with --reader or --since), quotes
    with their speakers, timeline, and the sources they cite."""
    with Store(db) as store:
        page = build_page(store, story, reader, since, Summarizer(words=words), unsummarized=True)
        write(with_thread(render_page(page, fmt), page, fmt), None)
        if reader:
            store.set_watermark(reader, story, page.last_seq)


def with_thread(rendered: str, page: StoryPage, fmt: str) -> str:
    """A rendered story page with its thread: "thread" and "thread_stories" in JSON, a line after the
    page's facts (its second paragraph) in text and Markdown."""
    if page.thread is None:
        return rendered
    if fmt == "json":
        data = json.loads(rendered)
        data["thread"], data["thread_stories"] = page.thread, page.thread_stories
        return json.dumps(data, ensure_ascii=False, indent=2) + ("\n" if rendered.endswith("\n") else "")
    parts = rendered.split("\n\n", 2)
    parts.insert(min(2, len(parts)), thread_link(page, fmt))
    return "\n\n".join(parts)


@stories.command(name="export")
@DB_OPTION
@click.option("-o", "--output", required=True, type=click.File("w", encoding="utf-8", lazy=False), metavar="ASSIGN.jsonl",
              help="the file to write ('-' for standard output)")
def stories_export(db: str | None, output: IO[str]) -> None:
    """Write {"id": article id, "story": story id, "thread": thread id} for every stored article."""
    with Store(db) as store, store.snapshot(), output as sink:
        for article_id, story, thread in store.thread_assignments():
            sink.write(json.dumps({"id": article_id, "story": story, "thread": thread}) + "\n")


@stories.command(name="thread")
@click.argument("thread", type=click.IntRange(0, MAX_ID))
@DB_OPTION
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stories_thread(thread: int, db: str | None, fmt: str) -> None:
    """A thread: its stories in the order they began, with their headlines, articles and dates."""
    with Store(db) as store:
        page = build_thread(store, thread)
    if fmt == "json":
        write(json.dumps(dataclasses.asdict(page), ensure_ascii=False, indent=2) + "\n", None)
        return
    title = f"Thread {page.thread}: {page.headline}"
    span = f"{page.first_seen} to {page.last_seen}" if page.first_seen else "undated"
    lines = [title, "=" * min(len(title), 78),
             f"{counted(len(page.stories), 'story', 'stories')}, {counted(page.articles, 'article')}"
             f"{from_outlets(page.outlets)}, {span}", ""]
    lines += [f"- story {entry.story} ({counted(entry.articles, 'article')}, {entry.first_seen or 'undated'}): {entry.headline}"
              for entry in page.stories]
    write("\n".join(lines) + "\n", None)
