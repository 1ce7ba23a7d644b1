"""Throughput of `storyline batch` on Multi-News clusters: the local engine with 1 and 2 worker processes, and
the Dask engine on a real scheduler with 2 single-threaded worker processes (started here, on 127.0.0.1, as on
any machine: `dask scheduler`, `dask worker`). Prints a Markdown table: clusters per second (over the whole
run, and once the first cluster is back, i.e. without start-up), scaling efficiency, and the CPU time per
cluster of every process of a run (workers, client, Dask's scheduler), which a machine shared with other work
changes much less than the wall clock; Dask's overhead per cluster is its CPU per cluster less the local pool's.

    .venv/bin/python benchmarks/scale.py --runs 3               # every cluster of ../shared/data/multi_news/*.jsonl
    .venv/bin/python benchmarks/scale.py --limit 400 --chunk 1 8

Numerical libraries run single-threaded everywhere (as in the worker processes of both engines; in one
process, OpenBLAS's threads cost more than they bring on these small matrices). The local worker processes
are timed from their start (interpreter, imports, models: about a second of CPU each); the Dask workers are
long-lived, started and warmed up before timing. The data are read where they are (--data DIR, by default
../shared/data/multi_news); outputs go to a temporary directory; nothing is written into the repository.
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # before NumPy is loaded: the one
    os.environ.setdefault(_name, "1")  # process of the local engine single-threaded, as its workers and Dask's are

import argparse
import datetime as dt
import json
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storyline.batch import FileSink, ProcessEngine, SerialEngine, ShardSink, expand_inputs, run
from storyline.batch.engines import Engine
from storyline.summarize import Summarizer

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@dataclass
class Result:
    name: str
    workers: int
    chunk: int
    clusters: int
    seconds: float
    steady: float  # clusters/s from the first record back to the last
    client_cpu: float  # CPU seconds over the run: this process (the client; the whole run for one process)
    worker_cpu: float  # the worker processes
    scheduler_cpu: float  # Dask's scheduler

    @property
    def rate(self) -> float:
        return self.clusters / self.seconds

    @property
    def cpu(self) -> float:
        """CPU seconds per cluster, every process of the run counted."""
        return (self.client_cpu + self.worker_cpu + self.scheduler_cpu) / self.clusters


def measure(name: str, workers: int, chunk: int, inputs: list[str], engine: Engine, out: Path,
            sharded: bool, words: int, dask: DaskCluster | None = None) -> Result:
    """One run; CPU time of this process, of its reaped children (local worker processes, counted once
    they have ended, at the end of the run), and of the Dask scheduler and workers."""
    first: list[float] = []
    sink = ShardSink(out, inputs, 1000, {"words": words}) if sharded else FileSink(out)
    before = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN), dask.cpu() if dask else (0.0, 0.0)
    started = time.perf_counter()
    report = run(inputs, sink, engine, chunk=chunk,
                 on_done=lambda record: first or first.append(time.perf_counter()))
    ended = time.perf_counter()
    after = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN), dask.cpu() if dask else (0.0, 0.0)
    steady = (report.written - 1) / max(ended - first[0], 1e-9) if first else 0.0
    return Result(name, workers, chunk, report.written, ended - started, steady, after[0] - before[0],
                  after[1] - before[1] + after[2][1] - before[2][1], after[2][0] - before[2][0])


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DaskCluster:
    """`dask scheduler` and `dask worker --nworkers N --nthreads 1` on 127.0.0.1, ended on exit."""

    def __init__(self, workers: int, where: Path):
        self.address = f"tcp://127.0.0.1:{free_port()}"
        quiet = {"cwd": where, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "start_new_session": True}
        self.processes = [subprocess.Popen([BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port",
                                            self.address.rsplit(":", 1)[1], "--no-dashboard"], **quiet)]
        self.processes.append(subprocess.Popen([BIN / "dask", "worker", self.address, "--nworkers", str(workers),
                                                "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1",
                                                "--local-directory", where], **quiet))
        import distributed

        with distributed.Client(self.address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=60)

    def cpu(self) -> tuple[float, float]:
        """CPU seconds so far of the scheduler, and of the worker processes (with their nannies)."""
        import psutil

        def used(process: psutil.Process) -> float:
            try:
                times = process.cpu_times()
                return times.user + times.system
            except psutil.NoSuchProcess:
                return 0.0

        scheduler, workers = (psutil.Process(p.pid) for p in self.processes)
        return used(scheduler), sum(used(p) for p in [workers, *workers.children(recursive=True)])

    def __enter__(self) -> DaskCluster:
        return self

    def __exit__(self, *exc: object) -> None:
        for process in reversed(self.processes):
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(process.pid, sig)
                    process.wait(timeout=10)
                    break
                except ProcessLookupError:
                    break
                except subprocess.TimeoutExpired:
                    continue


def limited(inputs: list[str], limit: int | None, where: Path) -> list[str]:
    """The inputs, or a file of their first ``limit`` clusters (in the temporary directory)."""
    if not limit:
        return inputs
    path = where / "input.jsonl"
    taken = 0
    with path.open("w", encoding="utf-8") as out:
        for name in inputs:
            with open(name, encoding="utf-8") as handle:
                for line in handle:
                    if taken >= limit:
                        return [str(path)]
                    if line.strip():
                        out.write(line)
                        taken += 1
    return [str(path)]


def _warm_up() -> None:
    """Import storyline and load its models in a worker."""
    from storyline.batch.records import summarize_lines

    text = (ROOT / "examples" / "harbour-fire" / "coastal-courier.txt").read_text(encoding="utf-8")
    summarize_lines(Summarizer(), [("warm-up", 1, "warm-up", "warm-up", '{"documents": %s}' % json.dumps([text]))])


def table(results: list[Result]) -> str:
    """Wall clock: clusters/s, and after start-up (from the first record back); scaling efficiency is that
    per worker against one process. CPU: seconds per cluster of every process of the run, which a busy machine
    changes much less than the wall clock. Dask's overhead per cluster: its CPU per cluster less the local
    pool's with as many workers and clusters per task."""
    serial = next((r for r in results if r.workers == 1), None)
    pools = {r.chunk: r for r in results if r.name == "local" and r.workers > 1}
    rows = ["| engine | worker processes | clusters per task | clusters | wall s | clusters/s | clusters/s after "
            "start-up | scaling efficiency | CPU ms per cluster: workers | client | scheduler | all | Dask's "
            "overhead per cluster (CPU) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        efficiency = f"{r.steady / (r.workers * serial.steady):.0%}" if serial else "-"
        pool = pools.get(r.chunk)
        overhead = f"{(r.cpu - pool.cpu) * 1000:+.2f} ms" if r.name == "dask" and pool else "-"
        each = [value / r.clusters * 1000 for value in (r.worker_cpu, r.client_cpu, r.scheduler_cpu)]
        rows.append(f"| {r.name} | {r.workers} | {r.chunk} | {r.clusters} | {r.seconds:.1f} | {r.rate:.1f} | "
                    f"{r.steady:.1f} | {efficiency} | {each[0]:.2f} | {each[1]:.2f} | {each[2]:.2f} | "
                    f"{r.cpu * 1000:.2f} | {overhead} |")
    return "\n".join(rows)


RESULT = Path(__file__).resolve().parent / "results" / "scale.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "multi_news")
    parser.add_argument("--limit", type=int, help="Only the first N clusters.")
    parser.add_argument("--words", type=int, default=250, help="Word budget (250, as Multi-News is evaluated).")
    parser.add_argument("--chunk", type=int, nargs="+", default=[1, 8], help="Clusters per task to try.")
    parser.add_argument("--runs", type=int, default=1, help="Rounds of every configuration; the fastest is kept.")
    parser.add_argument("--save", action="store_true", help="keep the table for BENCHMARKS.md (benchmarks/results)")
    args = parser.parse_args()
    files = sorted(str(p) for p in args.data.glob("*.jsonl"))
    if not files:
        raise SystemExit(f"no Multi-News data at {args.data} (give --data)")
    summarizer = Summarizer(words=args.words)
    from storyline.batch.dask_engine import DaskEngine

    with tempfile.TemporaryDirectory(prefix="storyline-scale-") as temporary, DaskCluster(2, Path(temporary)) as dask:
        where = Path(temporary)
        inputs = expand_inputs(limited(files, args.limit, where))
        warm = DaskEngine(summarizer, dask.address)  # long-lived workers: their start-up is not timed
        warm.client.run(_warm_up)
        warm.close()
        _warm_up()  # and this process, for the local engine with one process (worker processes are timed cold)
        configurations: list[tuple[str, int, int, Callable[[], Engine], bool]] = [
            ("local", 1, 1, lambda: SerialEngine(summarizer), False),
            *[("local", 2, chunk, lambda: ProcessEngine(summarizer, 2), False) for chunk in args.chunk],
            *[("dask", 2, chunk, lambda: DaskEngine(summarizer, dask.address), True) for chunk in args.chunk],
        ]
        best: dict[int, Result] = {}
        load = os.getloadavg()[0]
        for attempt in range(args.runs):  # round after round, so that a machine busy for a while hurts all alike
            for number, (name, workers, chunk, make, sharded) in enumerate(configurations):
                result = measure(name, workers, chunk, inputs, make(), where / f"out-{attempt}-{number}", sharded,
                                 args.words, dask if name == "dask" else None)
                load = max(load, os.getloadavg()[0])
                print(f"{name}, {workers} workers, chunk {chunk}: {result.clusters} clusters in "
                      f"{result.seconds:.1f} s", file=sys.stderr)
                if number not in best or result.steady > best[number].steady:
                    best[number] = result
        results = [best[number] for number in sorted(best)]
    report = "\n".join([
        f"Multi-News: {', '.join(Path(f).name for f in files)}{f' (first {args.limit})' if args.limit else ''}, "
        f"-w {args.words}; {os.cpu_count()} cores; fastest of {args.runs} round(s); 1-minute load average up to "
        f"{load:.1f}", "", table(results), "",
        *(f"- {r.name}, {r.workers} worker process(es), {r.chunk} per task: {r.cpu * 1000:.1f} CPU ms a cluster, "
          f"a million clusters in {1e6 * r.cpu / 3600:.1f} core-hours" for r in results)])
    print(report)
    if args.save:
        RESULT.parent.mkdir(parents=True, exist_ok=True)
        command = "python benchmarks/scale.py " + " ".join(sys.argv[1:])
        RESULT.write_text(f"`{command.strip()}` on {dt.date.today().isoformat()}. {report}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
