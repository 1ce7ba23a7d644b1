"""The `storyline` command: summarize, batch, eval."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
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
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def summarize(inputs, words, sentences, query, fmt, output) -> None:
    """Summarize articles about one story.

    INPUTS are text or HTML files, directories of them, URLs, or - for stdin (together one cluster),
    or JSONL files of clusters (each summarized on its own).
    """
    clusters = read_clusters(inputs)
    if not clusters:
        raise InputError("no articles given")
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
            stderr.print(f"interrupted; finished clusters are in {out_path}: run the same command to resume")
            sys.exit(130)
        progress.update(task, completed=report.written + report.skipped)
    stderr.print(
        f"{report.written} clusters written to {out_path} ({report.failed} failed), "
        f"{report.skipped} already done"
    )


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
        stderr.print("aborted")
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
