"""storyline eval (needs the [eval] extra)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from ..errors import InputError, MissingExtraError
from ..io.ingest import iter_jsonl
from ..model import Cluster
from .common import progress, warn

DEFAULT_SYSTEMS = "storyline,lead,rr-lead,lexrank"
NAMED = 5  # clusters named in the message of a system that failed on some


@click.command(name="eval")
@click.argument("data_path", metavar="DATA.jsonl")
@click.option("--summaries", type=click.Path(exists=True, dir_okay=False), help="Score this batch output too.")
@click.option("--systems", default=DEFAULT_SYSTEMS, show_default=True,
              help="Comma-separated: storyline, lead, rr-lead, lexrank, textrank, lsa, sumbasic.")
@click.option("-w", "--words", type=click.IntRange(1), default=250, show_default=True, help="Cut every summary here.")
@click.option("--measure", type=click.Choice(["f1", "recall"]), default="f1", show_default=True)
@click.option("--query/--no-query", default=True, show_default=True, help="Use the clusters' queries (storyline).")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds a system gets per cluster.")
@click.option("--limit", type=click.IntRange(1), help="Only the first N clusters.")
@click.option("--per-cluster", type=click.Path(dir_okay=False, writable=True), help="Write per-cluster scores (JSONL).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, writable=True), help="Write the table as JSON.")
def eval_command(data_path: str, summaries: str | None, systems: str, words: int, measure: str, query: bool,
                 timeout: float, limit: int | None, per_cluster: str | None, json_path: str | None) -> None:
    """Score summarizers with ROUGE-1/2/Lsum (stemmed) against the references in DATA.jsonl."""
    try:
        from ..eval import METRICS, evaluate, named_system, stored_summaries
    except ImportError as err:
        raise MissingExtraError(f"storyline eval needs {err.name}: pip install 'storyline[eval]'") from None

    clusters = _load_references(data_path, limit)
    table = {name: named_system(name, query) for name in filter(None, systems.split(","))}
    if summaries:
        table["file:" + Path(summaries).name] = stored_summaries(summaries)
    with progress() as bar:
        task = bar.add_task("evaluating", total=len(clusters))
        results = evaluate(clusters, table, words, measure, timeout, lambda c: bar.advance(task))
    rows = [r.summary_row() for r in results]
    _print_table(rows, METRICS, f"ROUGE {measure} at {words} words on {len(clusters)} clusters of {data_path}")
    for result in results:
        if result.errors:
            named = "; ".join(f"{cluster_id}: {message}" for cluster_id, message in list(result.errors.items())[:NAMED])
            more = f"; and {len(result.errors) - NAMED} more" if len(result.errors) > NAMED else ""
            warn(f"{result.name} scored 0 on {len(result.errors)} cluster(s) it gave no summary for ({named}{more})")
    if json_path:
        Path(json_path).write_text(json.dumps(rows, indent=2) + "\n")
    if per_cluster:
        with open(per_cluster, "w", encoding="utf-8") as sink:
            for result in results:
                for cluster_id, scores in result.scores.items():
                    record = {"system": result.name, "id": cluster_id, **scores, "seconds": result.seconds[cluster_id]}
                    sink.write(json.dumps(record) + "\n")


def _load_references(path: str, limit: int | None) -> list[Cluster]:
    """The clusters of ``path`` with reference summaries; a line that is no cluster and a cluster without
    references are named and left out."""
    clusters = []
    for cluster in iter_jsonl(path, on_error=lambda _, error: warn(f"skipped {error}")):
        if not cluster.references:
            warn(f"skipped {path}: cluster {cluster.id} has no reference summaries")
            continue
        clusters.append(cluster)
        if limit and len(clusters) >= limit:
            break
    if not clusters:
        raise InputError(f"{path}: no cluster with reference summaries")
    return clusters


def _print_table(rows: list[dict[str, Any]], metrics: tuple[str, ...], title: str) -> None:
    table = Table(title=title)
    for column in ("system", "R1", "R2", "RLsum", "s/cluster", "max s", "timeouts", "errors"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for row in rows:
        table.add_row(
            row["system"], *(f"{row[m]:.2f}" for m in metrics), f"{row['seconds_per_cluster']:.4f}",
            f"{row['seconds_max']:.2f}", str(row["timeouts"]), str(row["errors"]),
        )
    Console().print(table)
