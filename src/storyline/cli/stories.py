"""storyline stories add | list | show | export."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.table import Table

from ..errors import InputError
from ..io.ingest import iter_articles
from ..io.render import FORMATS, render_page
from ..stories import Store, StoryTracker, TrackerConfig, build_page, outlet
from ..summarize import DEFAULT_WORDS, Summarizer
from .common import warn, write

HEADLINE_CHARS = 80  # of an article's text, as its headline when it has no title
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
@click.option("--window", type=click.FloatRange(0), default=DEFAULTS.window_days, show_default=True, metavar="DAYS",
              help="Days a story stays open after its last dated article.")
def stories_add(feeds: tuple[str, ...], db: str | None, threshold: float, window: float) -> None:
    """Add articles (JSONL feed lines, or text and HTML files) to their stories; already stored ids are skipped."""
    unreadable = 0

    def skip(name: str, error: InputError) -> None:
        nonlocal unreadable
        unreadable += 1
        warn(f"skipped: {error}")

    with Store(db, create=True) as store:
        tracker = StoryTracker(store, threshold=threshold, window_days=window)
        report = tracker.add(iter_articles(feeds, on_error=skip))
    for article_id in report.refused:
        warn(f"skipped: article {article_id}: no prose (an error page or a widget?)")
    click.echo(f"{report.added} articles added ({report.duplicates} copies of stored ones), "
               f"{report.new_stories} new stories, {report.merged} merged into others, {report.skipped} already stored, "
               f"{unreadable + len(report.refused)} unreadable", err=True)
    if (unreadable or report.refused) and not report.added:
        sys.exit(2)


@stories.command(name="list")
@DB_OPTION
@click.option("--limit", type=click.IntRange(0), default=50, show_default=True, help="Stories to show (0: all).")
def stories_list(db: str | None, limit: int) -> None:
    """The stories, largest first: article count, outlets, first and last seen, and headline."""
    with Store(db) as store:
        groups: dict[int, list] = {}
        for article in store.articles(text_chars=HEADLINE_CHARS):
            groups.setdefault(article.story, []).append(article)
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    shown = ranked[:limit] if limit else ranked
    table = Table(caption=f"{len(shown)} of {len(ranked)} stories" if len(shown) < len(ranked) else None)
    for column in ("story", "articles", "outlets", "first seen", "last seen", "headline"):
        table.add_column(column)
    for story, articles in shown:
        dates = sorted(a.published for a in articles if a.published)
        headline = next((a.title for a in articles if a.title), articles[0].text)
        table.add_row(str(story), str(len(articles)), str(len({outlet(a.to_document()) for a in articles})),
                      dates[0] if dates else "", dates[-1] if dates else "", headline)
    Console().print(table)


@stories.command(name="show")
@click.argument("story", type=int)
@DB_OPTION
@click.option("--reader", help="Show what is new since this reader last looked, then remember this look.")
@click.option("--since", type=click.IntRange(0), default=0, help="Show what was added after this article number (seq).")
@click.option("-w", "--words", type=click.IntRange(1), default=DEFAULT_WORDS, show_default=True)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
def stories_show(story: int, db: str | None, reader: str | None, since: int, words: int, fmt: str) -> None:
    """A story page: coverage, summary (of what is new, with --reader or --since), quotes and timeline."""
    with Store(db) as store:
        page = build_page(store, story, reader, since, Summarizer(words=words))
        write(render_page(page, fmt), None)
        if reader:
            store.set_watermark(reader, story, page.last_seq)


@stories.command(name="export")
@DB_OPTION
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True), metavar="ASSIGN.jsonl")
def stories_export(db: str | None, output: str) -> None:
    """Write {"id": article id, "story": story id} for every stored article."""
    with Store(db) as store, open(output, "w", encoding="utf-8") as sink:
        for article_id, story in store.assignments():
            sink.write(json.dumps({"id": article_id, "story": story}) + "\n")
