"""Time and peak memory of one summary against the size of its cluster: 10 to 10,000 articles about "one story".

The clusters are made of real articles (Multi-News train, dev, train_full_extra and validation_full_extra, DUC
2006; articles of 50 to 5,000 words, each text once, in a fixed shuffled order): the first N of them for N up
to 1,000; beyond that the first N/5 with four copies of each whose paragraphs are shuffled (5,000 = 1,000 real
articles and 4,000 copies; 10,000 = 2,000 and 8,000). Each size runs in a fresh Python process with
single-threaded numerical libraries (as `storyline batch` workers run), so that its peak resident memory is
its own (read with ``os.wait4``). The summary is timed from the parsed cluster, end to end (cleaning,
splitting, scoring, selecting, attributing; after a first summary of three articles has loaded the word lists
and the model), at 250 words with fill, as ``storyline batch -w 250 --fill``.

    .venv/bin/python benchmarks/cluster_size.py                          # 10 100 1000 5000 10000
    .venv/bin/python benchmarks/cluster_size.py --sizes 10 100 1000 --runs 3
    .venv/bin/python benchmarks/cluster_size.py --src /tmp/old/src --memory-limit 12   # another copy of the code

Prints a Markdown table (words, seconds, CPU seconds, peak RSS, RSS before summarizing and what the summary
added) and the log-log exponents of time and memory against the number of words (least-squares fits over
the sizes of 1,000 articles and more, and over all sizes); draws benchmarks/results/cluster_size.png (--chart
PATH). The data are read where they are (--data DIR, by default ../shared/data); no text of them is written
anywhere. A size whose process needs more than --memory-limit GB of address space (default 8: an allocation
beyond it fails, so a run cannot exhaust a shared machine) or --timeout seconds is reported as such, and the
larger sizes are skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (
    "multi_news/train.jsonl",
    "multi_news/dev.jsonl",
    "multi_news/train_full_extra.jsonl",
    "multi_news/validation_full_extra.jsonl",
    "duc2006/test.jsonl",
)
MIN_WORDS, MAX_WORDS = 50, 5000  # an article of the pool: no stub, no book
COPIES = 4  # beyond REAL_UP_TO articles, each real article comes with this many paragraph-shuffled copies
REAL_UP_TO = 1000
SEED = 20261129


def article_pool(data: Path) -> list[str]:
    """Every article of SOURCES of MIN_WORDS to MAX_WORDS words, each text once, in a fixed shuffled order."""
    seen: set[str] = set()
    pool: list[str] = []
    for name in SOURCES:
        with (data / name).open(encoding="utf-8") as handle:
            for line in handle:
                for document in json.loads(line)["documents"]:
                    text = document if isinstance(document, str) else document.get("text", "")
                    if MIN_WORDS <= len(text.split()) <= MAX_WORDS and text not in seen:
                        seen.add(text)
                        pool.append(text)
    random.Random(SEED).shuffle(pool)
    return pool


def shuffled_paragraphs(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    rng.shuffle(paragraphs)
    return "\n\n".join(paragraphs)


def cluster_texts(size: int, data: Path) -> list[str]:
    """The article texts of the cluster of ``size`` articles (see the module's description)."""
    pool = article_pool(data)
    if size <= REAL_UP_TO:
        if size > len(pool):
            raise SystemExit(f"only {len(pool)} articles in the pool")
        return pool[:size]
    real = pool[: size // (COPIES + 1)]
    rng = random.Random(SEED + size)
    return real + [shuffled_paragraphs(text, rng) for _ in range(COPIES) for text in real][: size - len(real)]


def child(size: int, data: Path, words: int) -> None:
    """Build the cluster, summarize it once and print what was measured as one JSON line (run in a fresh process)."""
    from storyline import Cluster, Document, Summarizer

    texts = cluster_texts(size, data)
    cluster = Cluster([Document(text, id=str(i)) for i, text in enumerate(texts)])
    summarizer = Summarizer(words=words, fill=True)
    summarizer.summarize(Cluster([Document(text) for text in texts[:3]]))  # word lists and model loaded once
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started, cpu = time.perf_counter(), time.process_time()
    summary = summarizer.summarize(cluster)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"words": sum(len(text.split()) for text in texts), "seconds": seconds, "cpu": cpu,
                      "rss_before": before,
                      "summary_words": summary.words, "sources": sum(len(s.sources) for s in summary.sentences)}))


@dataclass
class Run:
    articles: int
    words: int = 0
    seconds: float = float("nan")
    cpu: float = float("nan")  # CPU seconds of the summary (less sensitive than seconds to a busy machine)
    peak: int = 0  # bytes: peak resident set of the child process
    before: int = 0  # bytes: peak resident set before summarizing (interpreter, libraries, the cluster's text)
    failure: str = ""

    @property
    def own(self) -> int:
        """Peak memory the summary itself added."""
        return max(self.peak - self.before, 0)


def measure(size: int, args: argparse.Namespace, src: Path | None) -> Run:
    """One summary of the cluster of ``size`` articles in a fresh process; its peak RSS is the child's own,
    read with ``os.wait4`` (resource usage of that one process)."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    if src:
        env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    limit = int(args.memory_limit * 2**30)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    command = [sys.executable, __file__, "--child", str(size), "--data", str(args.data), "--words", str(args.words)]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err, text=True, preexec_fn=limit_memory)
        timed_out = threading.Event()

        def stop() -> None:
            timed_out.set()
            process.kill()

        timer = threading.Timer(args.timeout, stop)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    peak = usage.ru_maxrss * 1024
    if process.returncode != 0:
        if timed_out.is_set():
            failure = f"over {args.timeout:.0f} s"
        elif "MemoryError" in stderr or process.returncode == -signal.SIGKILL:
            failure = f"over {args.memory_limit:g} GB"
        else:
            failure = f"exit {process.returncode}: {stderr.strip().splitlines()[-1] if stderr.strip() else ''}"
        return Run(size, peak=peak, failure=failure)
    record = json.loads(stdout.strip().splitlines()[-1])
    return Run(size, record["words"], record["seconds"], record["cpu"], peak, record["rss_before"])


def fit(runs: list[Run], value: str, least: int = 0) -> float:
    """Least-squares slope of log(value) against log(words) over the runs of at least ``least`` articles."""
    points = [(r.words, getattr(r, value)) for r in runs
              if not r.failure and r.articles >= least and getattr(r, value) > 0]
    if len(points) < 2:
        return float("nan")
    x, y = np.log([p[0] for p in points]), np.log([p[1] for p in points])
    return float(np.polyfit(x, y, 1)[0])


def table(runs: list[Run]) -> str:
    lines = ["| articles | words | seconds | CPU seconds | peak RSS (MB) | RSS before summarizing (MB) "
             "| added by the summary (MB) |", "|---|---|---|---|---|---|---|"]
    for r in runs:
        if r.failure:
            stopped = f"({r.peak / 2**20:,.0f} when stopped)"
            lines.append(f"| {r.articles:,} | {r.words:,} | {r.failure} | | {stopped} | | |")
        else:
            lines.append(f"| {r.articles:,} | {r.words:,} | {r.seconds:.2f} | {r.cpu:.2f} | {r.peak / 2**20:,.0f} | "
                         f"{r.before / 2**20:,.0f} | {r.own / 2**20:,.0f} |")
    lines += ["", "| log-log exponent against words | time | CPU time | peak RSS | added by the summary |",
              "|---|---|---|---|---|"]
    for label, least in (("sizes of 1,000 articles and more", 1000), ("all sizes", 0)):
        lines.append(f"| {label} | {fit(runs, 'seconds', least):.2f} | {fit(runs, 'cpu', least):.2f} | "
                     f"{fit(runs, 'peak', least):.2f} | {fit(runs, 'own', least):.2f} |")
    return "\n".join(lines)


def chart(series: dict[str, list[Run]], path: Path, memory_limit: float) -> None:
    """Time and peak memory against words, log-log, one line per series; a run that failed is an x."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    for (label, runs), colour in zip(series.items(), ("tab:blue", "tab:red", "tab:green")):
        done = [r for r in runs if not r.failure]
        words = [r.words for r in done]
        left.loglog(words, [r.seconds for r in done], "o-", color=colour, label=label)
        right.loglog(words, [r.peak / 2**20 for r in done], "o-", color=colour, label=f"{label}: peak RSS")
        right.loglog(words, [max(r.own, 2**20) / 2**20 for r in done], "s--", color=colour, alpha=0.6,
                     label=f"{label}: added by the summary")
        for r in done if label == list(series)[-1] else []:
            left.annotate(f"{r.articles:,}", (r.words, r.seconds), textcoords="offset points", xytext=(4, -10),
                          fontsize=8)
        for r in runs:
            if r.failure:
                right.loglog([r.words], [memory_limit * 1024], "x", color=colour, markersize=10, mew=2)
                right.annotate(f"{r.articles:,}: {r.failure}", (r.words, memory_limit * 1024),
                               textcoords="offset points", xytext=(-40, -16), fontsize=8, color=colour)
    last = list(series.values())[-1]
    done = [r for r in last if not r.failure]
    if len(done) > 1:
        ends = np.array([done[0].words, done[-1].words], dtype=float)
        left.loglog(ends, done[-1].seconds * ends / ends[-1], ":", color="grey", label="linear")
        right.loglog(ends, done[-1].own / 2**20 * ends / ends[-1], ":", color="grey", label="linear")
    for axis, unit in ((left, "seconds"), (right, "MB")):
        axis.set_xlabel("words in the cluster")
        axis.set_ylabel(unit)
        axis.grid(True, which="both", alpha=0.3)
        axis.legend(fontsize=8)
    left.set_title("time of one summary (labels: articles)")
    right.set_title("peak memory of the process")
    figure.suptitle("storyline: one story of 10 to 10,000 articles, 250-word summary")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=120)


RESULT = Path(__file__).resolve().parent / "results" / "cluster_size.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 5000, 10000])
    parser.add_argument("--words", type=int, default=250, help="Word budget (250, with fill).")
    parser.add_argument("--runs", type=int, default=1, help="Runs of each size; the fastest is kept.")
    parser.add_argument("--memory-limit", type=float, default=8.0, help="GB of address space a run may use.")
    parser.add_argument("--timeout", type=float, default=600.0, help="Seconds a run may take.")
    parser.add_argument("--src", type=Path, help="Import storyline from this directory (to measure another copy).")
    parser.add_argument("--before", type=Path, help="Measure the copy of storyline in this directory too, first "
                        "(say `git archive REV src | tar -x -C /tmp/before`, then --before /tmp/before/src).")
    parser.add_argument("--chart", type=Path, default=ROOT / "benchmarks" / "results" / "cluster_size.png")
    parser.add_argument("--no-chart", action="store_true")
    parser.add_argument("--save", action="store_true", help="keep the table for BENCHMARKS.md (benchmarks/results)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.data, args.words)
        return
    if not (args.data / SOURCES[0]).exists():
        raise SystemExit(f"no evaluation data at {args.data} (give --data)")
    sizes = sorted(args.sizes)
    words = {size: sum(len(text.split()) for text in cluster_texts(size, args.data)) for size in sizes}
    copies = {"before": args.before, "now": args.src} if args.before else {"storyline": args.src}
    series: dict[str, list[Run]] = {}
    for label, src in copies.items():
        runs = series[label] = []
        for size in sizes:
            trials = []
            for _ in range(args.runs):
                trials.append(measure(size, args, src))
                run = trials[-1]
                run.words = run.words or words[size]
                done = f"{run.words:,} words, {run.seconds:.2f} s, peak {run.peak / 2**20:,.0f} MB"
                print(f"{label}: {size:>6} articles: {run.failure or done}", file=sys.stderr)
                if run.failure:
                    break
            runs.append(trials[-1] if trials[-1].failure else min(trials, key=lambda r: r.seconds))
            if runs[-1].failure:
                break  # a larger cluster would fail too
    report = "\n".join((f"\n### {label}" + (f" ({copies[label]})" if copies[label] else " (this checkout)") + "\n\n"
                        if len(series) > 1 else "") + table(runs) for label, runs in series.items())
    print(report)
    if args.save:
        command = "python benchmarks/cluster_size.py " + " ".join(sys.argv[1:])
        RESULT.write_text(f"`{command.strip()}` on {dt.date.today().isoformat()}, each size in a fresh process:\n\n"
                          f"{report.strip()}\n\n![cost against cluster size](benchmarks/results/cluster_size.png)\n", encoding="utf-8")
    if not args.no_chart:
        chart(series, args.chart, args.memory_limit)
        print(f"\nChart: {args.chart.relative_to(ROOT) if args.chart.is_relative_to(ROOT) else args.chart}")


if __name__ == "__main__":
    main()
