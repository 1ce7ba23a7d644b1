"""storyline batch."""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path

import click
from rich.progress import Progress, TaskID

from ..batch import (
    DEFAULT_SHARD_SIZE, BatchReport, FileSink, ShardSink, count_lines, expand_inputs, local_engine, run,
)
from ..batch.engines import Engine
from ..batch.hygiene import Interrupted, signals_as_interrupt
from ..batch.output import Shard
from ..errors import InputError
from ..summarize import DEFAULT_WORDS, Summarizer
from ..text.plural import counted
from .common import progress, warn

DASK_CHUNK = 8  # clusters per Dask task: its CPU overhead per cluster falls from ~10 ms to ~3 (docs/scale.md)


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="IN...")
@click.option("-o", "--output", "out_path", required=True, metavar="OUT",
              help="OUT.jsonl (appended to; resumes), or a directory of shards with a manifest: always with the "
                   "dask engine, and with the local one for a directory that exists or a path ending in /.")
@click.option("-w", "--words", type=click.IntRange(1), default=DEFAULT_WORDS, show_default=True, help="Word budget.")
@click.option("-s", "--sentences", type=click.IntRange(1), help="Sentence budget.")
@click.option("--fill", is_flag=True, help="Let the last sentence cross the budget (for ROUGE at a cut-off).")
@click.option("-j", "--jobs", type=click.IntRange(1),
              help="Worker processes of this machine: the local engine's (default 1), or the dask engine's "
                   "LocalCluster when there is no --scheduler (default one per core).")
@click.option("--engine", type=click.Choice(["local", "dask"]),
              help="Where clusters are summarized: this machine (default), or a Dask cluster.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="The Dask scheduler's address, or its scheduler file (implies --engine dask; without it the "
                   "dask engine starts a LocalCluster here).")
@click.option("--shard-size", type=click.IntRange(1),
              help=f"Clusters of an input per output shard [default: {DEFAULT_SHARD_SIZE}; a resumed directory "
                   "keeps its own].")
@click.option("--chunk", type=click.IntRange(1),
              help="Clusters per task sent to a worker [default: 1 for the local engine, 8 for Dask, whose "
                   "overhead per task it spreads].")
@click.option("--in-flight", type=click.IntRange(1),
              help="Tasks in flight at most [default: 2 per local worker, 4 per Dask worker thread].")
def batch(inputs: tuple[str, ...], out_path: str, words: int, sentences: int | None, fill: bool, jobs: int | None,
          engine: str | None, scheduler: str | None, shard_size: int | None, chunk: int | None,
          in_flight: int | None) -> None:
    """Summarize every cluster of JSONL files into OUT, one line per cluster.

    IN... are JSONL files (gzip-compressed or not), directories of them, glob patterns ('data/*.jsonl.gz',
    quoted), or - for stdin (local engine). Clusters already in OUT are skipped, so an interrupted run
    (Ctrl-C, SIGTERM) resumes where it stopped, given the same settings (OUT keeps them; other ones are
    refused); a cluster that fails becomes a line with its "error" and the run goes on, to end with exit
    code 2, as does a run that skips clusters an earlier run wrote so (they are not tried again). Ctrl-C and
    SIGTERM write what is finished and end every worker process started here.
    """
    engine = engine or ("dask" if scheduler else "local")
    if scheduler and engine == "local":
        raise click.UsageError("--scheduler names a Dask scheduler: it goes with --engine dask")
    files = expand_inputs(inputs)
    summarizer = Summarizer(words=words, sentences=sentences, fill=fill)
    sharded = engine == "dask" or Path(out_path).is_dir() or out_path.endswith(("/", os.sep))
    if sharded and Path(out_path).is_file():
        raise click.UsageError(f"{out_path} is a file: the {engine} engine here writes a directory of shards")
    settings = {"words": words, "sentences": sentences, "fill": fill}
    sink: FileSink | ShardSink
    if sharded:
        sink = ShardSink(out_path, files, shard_size or DEFAULT_SHARD_SIZE, settings)
        if shard_size and shard_size != sink.shard_size:
            warn(f"{out_path} keeps the shard size it was started with, {sink.shard_size}")
    else:
        sink = FileSink(out_path, shard_size or DEFAULT_SHARD_SIZE, settings)
        if sink.unnoted:
            warn(f"{out_path} was started before its settings were kept: it goes on with "
                 f"{', '.join(f'{k}={v}' for k, v in settings.items())}, which it keeps from now on")
    report = BatchReport()
    with progress() as bar, signals_as_interrupt():
        events = BarEvents(bar, files, sink.shard_size)
        try:
            runner = _engine(engine, summarizer, jobs, scheduler, in_flight)
        except BaseException:
            sink.close()
            raise
        try:
            run(files, sink, runner, sink.shard_size, chunk or (DASK_CHUNK if engine == "dask" else 1),
                events if bar.live.is_started else None, report=report)
        except KeyboardInterrupt as err:
            bar.stop()
            why = f"interrupted ({signal.Signals(err.signal).name})" if isinstance(err, Interrupted) else "interrupted"
            click.echo(f"{why} after {report.seconds:.1f} s: {_summary(report, out_path, sharded)}; "
                       "run the same command to resume", err=True)
            sys.exit(130)
    click.echo(f"{_summary(report, out_path, sharded)}, in {report.seconds:.1f} s "
               f"({report.written / max(report.seconds, 1e-9):.1f} clusters/s, {runner.name})", err=True)
    if report.failed or report.failed_before:  # each is an "error" line of the output; the others are done
        earlier = f" ({report.failed_before} in an earlier run)" if report.failed_before else ""
        raise InputError(f"{counted(report.failed + report.failed_before, 'cluster')} could not be read or summarized"
                         f"{earlier}: see the \"error\" lines of {out_path}")


def _engine(engine: str, summarizer: Summarizer, jobs: int | None, scheduler: str | None,
            in_flight: int | None) -> Engine:
    if engine == "local":
        return local_engine(summarizer, jobs or 1, in_flight)
    from ..batch.dask_engine import DaskEngine

    if scheduler and jobs:
        warn("-j is for a LocalCluster: the workers of a Dask scheduler are its own")
    return DaskEngine(summarizer, scheduler, jobs, in_flight)


def _summary(report: BatchReport, out_path: str, sharded: bool) -> str:
    failed_before = f" ({report.failed_before} of them failed)" if report.failed_before else ""
    done_before = f"{report.already_done} already done{failed_before}"
    parts = [f"{counted(report.written, 'cluster')} written to {out_path} ({report.failed} failed)", done_before]
    if report.repeated:
        parts.append(f"{report.repeated} repeated ids skipped")
    if sharded:
        parts.append(f"{report.shards_done} shards finished, {report.shards_skipped} finished before")
    return ", ".join(parts)


class BarEvents:
    """Progress in a terminal: every cluster, and each shard in flight."""

    def __init__(self, bar: Progress, files: list[str], shard_size: int):
        self.bar = bar
        self.shard_size = shard_size
        self.overall = bar.add_task("all clusters", total=None)
        self.shards: dict[str, TaskID] = {}
        self.lines: dict[str, int] = {}
        if bar.live.is_started:  # the total is counted aside, and shown once known
            threading.Thread(target=self._count, args=(files,), daemon=True).start()

    def _count(self, files: list[str]) -> None:
        for file in files:
            count = count_lines(file)
            if count is None:
                return
            self.lines[file] = count
        self.bar.update(self.overall, total=sum(self.lines.values()))

    def shard_started(self, shard: Shard) -> None:
        left = self.lines.get(shard.path, self.shard_size * (shard.index + 1)) - self.shard_size * shard.index
        self.shards[shard.name] = self.bar.add_task(f"  {shard.label}", total=max(1, min(self.shard_size, left)))

    def advanced(self, shard: Shard | None, clusters: int) -> None:
        self.bar.advance(self.overall, clusters)
        if shard is not None and shard.name in self.shards:
            task = self.shards[shard.name]
            if shard.closed:
                self.bar.update(task, description=f"  {shard.label}", total=shard.clusters)
            self.bar.advance(task, clusters)

    def shard_finished(self, shard: Shard) -> None:
        task = self.shards.pop(shard.name, None)
        if task is not None:
            self.bar.remove_task(task)

