"""The `storyline` command: summarize, batch, eval."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from .batch import count_lines, run_batch
from .errors import InputError, StorylineError
from .ingest import iter_jsonl, read_clusters
from .model import Cluster
from .pipeline import Summarizer
from .render import FORMATS, render
from .systems import PEERS, named_system, stored_summaries

stderr = Console(stderr=True)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=stderr, disable=not stderr.is_terminal,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def cli() -> None:
    """Short, sourced summaries of news clusters."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-w", "--words", type=click.IntRange(1), help="Word budget  [default: 120 unless --sentences]")
@click.option("-s", "--sentences", type=click.IntRange(1), help="Sentence budget (instead of or with --words).")
@click.option("-q", "--query", help="Focus the summary on this question or topic.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--since", "read", multiple=True, metavar="PATH",
              help="Articles already read (files, directories, URLs): summarize only what is new. Repeatable.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def summarize(inputs, words, sentences, query, read, fmt, output) -> None:
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
    summarizer = Summarizer(words=words or (None if sentences else 120), sentences=sentences)
    summaries = [summarizer.summarize(cluster, query) for cluster in clusters]
    if fmt == "json" and len(summaries) > 1:
        text = json.dumps([s.to_dict() for s in summaries], ensure_ascii=False, indent=2)
    else:
        text = "\n\n".join(render(s, fmt) for s in summaries)
    _write(text + "\n", output)


@cli.command()
@click.argument("in_path", metavar="IN.jsonl")
@click.option("-o", "--output", "out_path", required=True, metavar="OUT.jsonl", help="Output (appended to; resumes).")
@click.option("-w", "--words", type=click.IntRange(1), default=120, show_default=True, help="Word budget.")
@click.option("-s", "--sentences", type=click.IntRange(1), help="Sentence budget.")
@click.option("--fill", is_flag=True, help="Let the last sentence cross the budget (for ROUGE at a cut-off).")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True, help="Worker processes.")
def batch(in_path, out_path, words, sentences, fill, jobs) -> None:
    """Summarize every cluster of a JSONL file into OUT.jsonl, one line per cluster.

    Clusters already in OUT.jsonl are skipped, so an interrupted run resumes where it stopped;
    a cluster that fails becomes a line with its "error" and the run goes on.
    """
    if in_path != "-" and not Path(in_path).is_file():
        raise InputError(f"{in_path}: no such file")
    summarizer = Summarizer(words=words, sentences=sentences, fill=fill)
    with _progress() as progress:
        task = progress.add_task("summarizing", total=count_lines(in_path))
        try:
            report = run_batch(in_path, out_path, summarizer, jobs, lambda record: progress.advance(task))
        except KeyboardInterrupt:
            click.echo(f"interrupted; finished clusters are in {out_path}: run the same command to resume", err=True)
            sys.exit(130)
        progress.update(task, completed=report.written + report.skipped)
    click.echo(f"{report.written} clusters written to {out_path} ({report.failed} failed), "
               f"{report.skipped} already done", err=True)


@cli.command(name="eval")
@click.argument("data_path", metavar="DATA.jsonl")
@click.option("--summaries", type=click.Path(exists=True, dir_okay=False), help="Score this batch output too.")
@click.option(
    "--systems", default="storyline,lead,rr-lead,lexrank", show_default=True,
    help=f"Comma-separated: storyline, {', '.join(PEERS)}.",
)
@click.option("-w", "--words", type=click.IntRange(1), default=250, show_default=True, help="Cut every summary here.")
@click.option("--measure", type=click.Choice(["f1", "recall"]), default="f1", show_default=True)
@click.option("--query/--no-query", default=True, show_default=True, help="Use the clusters' queries (storyline).")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds a system gets per cluster.")
@click.option("--limit", type=click.IntRange(1), help="Only the first N clusters.")
@click.option("--per-cluster", type=click.Path(dir_okay=False, writable=True), help="Write per-cluster scores (JSONL).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, writable=True), help="Write the table as JSON.")
def eval_command(data_path, summaries, systems, words, measure, query, timeout, limit, per_cluster, json_path) -> None:
    """Score summarizers with ROUGE-1/2/Lsum (stemmed) against the references in DATA.jsonl."""
    from .evaluate import evaluate

    clusters = _load_references(data_path, limit)
    table = {name: named_system(name, query) for name in filter(None, systems.split(","))}
    if summaries:
        table["file:" + Path(summaries).name] = stored_summaries(summaries)
    with _progress() as progress:
        task = progress.add_task("evaluating", total=len(clusters))
        results = evaluate(clusters, table, words, measure, timeout, lambda c: progress.advance(task))
    rows = [r.summary_row() for r in results]
    _print_table(rows, f"ROUGE {measure} at {words} words on {len(clusters)} clusters of {data_path}")
    if json_path:
        Path(json_path).write_text(json.dumps(rows, indent=2) + "\n")
    if per_cluster:
        with open(per_cluster, "w", encoding="utf-8") as sink:
            for result in results:
                for cluster_id, scores in result.scores.items():
                    record = {"system": result.name, "id": cluster_id, **scores, "seconds": result.seconds[cluster_id]}
                    sink.write(json.dumps(record) + "\n")


@cli.group()
def stories() -> None:
    """Group a feed of articles into stories and follow them (store: --db, or $STORYLINE_DB)."""


HEADLINE_CHARS = 80  # of an article's text, as its headline when it has no title
DB_OPTION = click.option("--db", type=click.Path(dir_okay=False), help="Story store  [default: $STORYLINE_DB or storyline.db]")


@stories.command(name="add")
@click.argument("feeds", nargs=-1, required=True)
@DB_OPTION
@click.option("--threshold", type=click.FloatRange(0, 1),
              help="Similarity an article needs to join a story (default: storyline.stories.THRESHOLD).")
@click.option("--window", type=click.FloatRange(0), metavar="DAYS",
              help="Days a story stays open after its last dated article (default: storyline.stories.WINDOW_DAYS).")
def stories_add(feeds, db, threshold, window) -> None:
    """Add articles (JSONL feed lines, or text and HTML files) to their stories; already stored ids are skipped."""
    from .ingest import iter_articles
    from .store import Store
    from .stories import StoryTracker

    bad = 0

    def readable():
        nonlocal bad
        for item in iter_articles(feeds):
            if isinstance(item, StorylineError):
                bad += 1
                click.echo(f"storyline: skipped: {item}", err=True)
            else:
                yield item

    store = Store(db)
    try:
        settings = {name: value for name, value in (("threshold", threshold), ("window_days", window)) if value is not None}
        report = StoryTracker(store, **settings).add(readable())
    finally:
        store.close()
    for article_id in report.refused:
        click.echo(f"storyline: skipped: article {article_id}: no prose (an error page or a widget?)", err=True)
    click.echo(f"{report.added} articles added ({report.duplicates} copies of stored ones), "
               f"{report.new_stories} new stories, {report.merged} merged into others, {report.skipped} already stored, "
               f"{bad + len(report.refused)} unreadable", err=True)
    if (bad or report.refused) and not report.added:
        sys.exit(2)


@stories.command(name="list")
@DB_OPTION
@click.option("--limit", type=click.IntRange(0), default=50, show_default=True, help="Stories to show (0: all).")
def stories_list(db, limit) -> None:
    """The stories, largest first: article count, outlets, first and last seen, and headline."""
    from .store import Store
    from .storypage import outlet

    store = Store(db)
    groups: dict[int, list] = {}
    for article in store.articles(text_chars=HEADLINE_CHARS):
        groups.setdefault(article.story, []).append(article)
    store.close()
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    shown = ranked[:limit] if limit else ranked
    table = Table(caption=f"{len(shown)} of {len(ranked)} stories" if len(shown) < len(ranked) else None)
    for column in ("story", "articles", "outlets", "first seen", "last seen", "headline"):
        table.add_column(column)
    for story, articles in shown:
        dates = sorted(a.published for a in articles if a.published)
        headline = next((a.title for a in articles if a.title), articles[0].text)
        table.add_row(str(story), str(len(articles)), str(len({outlet(a) for a in articles})),
                      dates[0] if dates else "", dates[-1] if dates else "", headline)
    Console().print(table)


@stories.command(name="show")
@click.argument("story", type=int)
@DB_OPTION
@click.option("--reader", help="Show what is new since this reader last looked, then remember this look.")
@click.option("--since", type=int, help="Show what was added after this article number (seq).")
@click.option("-w", "--words", type=click.IntRange(1), default=120, show_default=True)
def stories_show(story, db, reader, since, words) -> None:
    """A story page: coverage, summary (of what is new, with --reader or --since), quotes and timeline."""
    from .store import Store
    from .storypage import coverage, quotes, timeline

    store = Store(db)
    articles = store.articles(story)
    if not articles:
        store.close()
        raise InputError(f"no story {story} in {store.path}")
    watermark = store.watermark(reader, story) if reader else (since or 0)
    originals = [a for a in articles if a.duplicate_of is None]
    new = [a.to_document() for a in originals if a.seq > watermark]
    read = [a.to_document() for a in originals if a.seq <= watermark]
    console = Console()
    console.print(f"[bold]Story {story}[/bold]: {len(articles)} articles, {coverage([a.to_document() for a in articles])}")
    if new:
        summary = Summarizer(words=words).summarize(Cluster(documents=new, previous=read, id=str(story)))
        console.print(("\nWhat is new:\n" if read else "\n") + render(summary, "markdown"), markup=False, highlight=False)
    else:
        console.print("\nNothing new since the last look.")
    documents = new + read
    for quote in quotes(documents):
        console.print(f"“{quote.text}” — {quote.speaker}", markup=False, highlight=False)
    for event in timeline(documents):
        console.print(f"{event.date}: {event.sentence}", markup=False, highlight=False)
    if reader:
        store.set_watermark(reader, story, max(a.seq for a in articles))
    store.close()


@stories.command(name="export")
@DB_OPTION
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True), metavar="ASSIGN.jsonl")
def stories_export(db, output) -> None:
    """Write {"id": article id, "story": story id} for every stored article."""
    from .store import Store

    store = Store(db)
    with open(output, "w", encoding="utf-8") as sink:
        for article_id, story in store.assignments():
            sink.write(json.dumps({"id": article_id, "story": story}) + "\n")
    store.close()


def _load_references(path: str, limit: int | None) -> list[Cluster]:
    clusters = []
    for cluster_id, item in iter_jsonl(path):
        if isinstance(item, StorylineError):
            raise item
        if not item.references:
            raise InputError(f"{path}: cluster {cluster_id} has no reference summaries")
        clusters.append(item)
        if limit and len(clusters) >= limit:
            break
    if not clusters:
        raise InputError(f"{path}: no clusters")
    return clusters


def _print_table(rows: list[dict], title: str) -> None:
    from .evaluate import METRICS

    table = Table(title=title)
    for column in ("system", "R1", "R2", "RLsum", "s/cluster", "max s", "timeouts", "errors"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for row in rows:
        table.add_row(
            row["system"], *(f"{row[m]:.2f}" for m in METRICS), f"{row['seconds_per_cluster']:.4f}",
            f"{row['seconds_max']:.2f}", str(row["timeouts"]), str(row["errors"]),
        )
    Console().print(table)


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def main() -> None:
    """Entry point: storyline's errors become one message and exit code 2, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except StorylineError as err:
        click.echo(f"storyline: error: {err}", err=True)
        sys.exit(2)
    except (OSError, KeyboardInterrupt) as err:
        message = "interrupted" if isinstance(err, KeyboardInterrupt) else f"{err.filename or ''}: {err.strerror}"
        click.echo(f"storyline: error: {message}", err=True)
        sys.exit(130 if isinstance(err, KeyboardInterrupt) else 2)


if __name__ == "__main__":
    main()
