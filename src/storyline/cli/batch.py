"""storyline batch."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..batch import count_lines, run_batch
from ..errors import InputError
from ..summarize import DEFAULT_WORDS, Summarizer
from .common import progress


@click.command()
@click.argument("in_path", metavar="IN.jsonl")
@click.option("-o", "--output", "out_path", required=True, metavar="OUT.jsonl", help="Output (appended to; resumes).")
@click.option("-w", "--words", type=click.IntRange(1), default=DEFAULT_WORDS, show_default=True, help="Word budget.")
@click.option("-s", "--sentences", type=click.IntRange(1), help="Sentence budget.")
@click.option("--fill", is_flag=True, help="Let the last sentence cross the budget (for ROUGE at a cut-off).")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True, help="Worker processes.")
def batch(in_path: str, out_path: str, words: int, sentences: int | None, fill: bool, jobs: int) -> None:
    """Summarize every cluster of a JSONL file into OUT.jsonl, one line per cluster.

    Clusters already in OUT.jsonl are skipped, so an interrupted run resumes where it stopped;
    a cluster that fails becomes a line with its "error" and the run goes on.
    """
    if in_path != "-" and not Path(in_path).is_file():
        raise InputError(f"{in_path}: no such file")
    summarizer = Summarizer(words=words, sentences=sentences, fill=fill)
    with progress() as bar:
        task = bar.add_task("summarizing", total=count_lines(in_path))
        try:
            report = run_batch(in_path, out_path, summarizer, jobs, lambda record: bar.advance(task))
        except KeyboardInterrupt:
            click.echo(f"interrupted; finished clusters are in {out_path}: run the same command to resume", err=True)
            sys.exit(130)
        bar.update(task, completed=report.written + report.skipped)
    click.echo(f"{report.written} clusters written to {out_path} ({report.failed} failed), "
               f"{report.skipped} already done", err=True)
