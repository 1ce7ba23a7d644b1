"""Load on the HTTP service: N concurrent clients on loopback, each sending R requests to a real
`storyline serve` (started here on 127.0.0.1, stopped at the end): summaries of Multi-News clusters
(read at run time from the data file, never copied) mixed with story reads over a store fed from the same
file. Bounded in count (clients x requests) and in time (--time-limit); prints a Markdown table of errors,
latency percentiles and requests per second, per worker count.

    python benchmarks/service.py                                   # 50 clients x 20 requests, CPU-count workers
    python benchmarks/service.py --workers 1 2 --clients 50 --requests 20 --reads 0.2
    python benchmarks/service.py --data ../shared/data/multi_news/dev.jsonl --clients 10 --requests 5
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import sys
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from storyline.service.launch import ServerProcess

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multi_news" / "dev.jsonl"
TOKEN = "benchmark-token"
MAX_DOCUMENTS, MAX_WORDS = 50, 50_000  # the service's default limits
OUTLETS = ["AP", "Reuters", "The Guardian", "NPR", "Politico", "BBC News", "CNN", "Fox News"]


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    statuses: dict[int, int] = field(default_factory=dict)

    def add(self, kind: str, seconds: float, status: int) -> None:
        self.latencies.setdefault(kind, []).append(seconds)
        self.errors.setdefault(kind, 0)
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status != 200:
            self.errors[kind] += 1


def clusters(path: Path, limit: int) -> list[list[str]]:
    """The document lists of the first ``limit`` clusters that the service's default limits take."""
    found = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            documents = [d if isinstance(d, str) else d.get("text", "") for d in json.loads(line)["documents"]]
            documents = [d for d in documents if d.strip()]
            if documents and len(documents) <= MAX_DOCUMENTS and all(len(d.split()) <= MAX_WORDS for d in documents):
                found.append(documents)
            if len(found) >= limit:
                break
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


async def client(number: int, http: httpx.AsyncClient, work: list[list[str]], stories: list[int], requests: int,
                 reads: float, deadline: float, results: Results) -> None:
    rng = random.Random(number)
    for step in range(requests):
        if time.monotonic() > deadline:
            return
        if stories and rng.random() < reads:
            kind, call = ("GET /stories", http.get("/stories?limit=30")) if step % 2 else \
                ("GET /stories/{id}", http.get(f"/stories/{rng.choice(stories)}"))
        else:
            documents = work[(number * requests + step) % len(work)]
            kind, call = "POST /summarize", http.post("/summarize", json={"documents": documents})
        started = time.monotonic()
        try:
            status = (await call).status_code
        except httpx.HTTPError:
            status = 0
        results.add(kind, time.monotonic() - started, status)


async def load(url: str, work: list[list[str]], stories: list[int], clients_: int, requests: int, reads: float,
               time_limit: float) -> tuple[Results, float]:
    results = Results()
    limits = httpx.Limits(max_connections=clients_, max_keepalive_connections=clients_)
    async with httpx.AsyncClient(base_url=url, timeout=httpx.Timeout(120.0), limits=limits) as http:
        started = time.monotonic()
        await asyncio.gather(*(client(n, http, work, stories, requests, reads, started + time_limit, results)
                               for n in range(clients_)))
        return results, time.monotonic() - started


def run(workers: int, args: argparse.Namespace, work: list[list[str]], feed: list[list[str]]) -> list[list[str]]:
    rows = []
    with tempfile.TemporaryDirectory() as folder, \
            ServerProcess("--workers", str(workers), "--db", str(Path(folder) / "stories.db"), "--token", TOKEN,
                          log_path=Path(folder) / "server.log", start_timeout=60) as server:
        articles = [{"id": f"c{c}-d{d}", "text": text, "source": OUTLETS[(c + d) % len(OUTLETS)],
                     "published": f"2025-01-{1 + c % 28:02d}T{8 + d % 12:02d}:00:00Z"}
                    for c, documents in enumerate(feed) for d, text in enumerate(documents)]
        started = time.monotonic()
        report = httpx.post(server.url + "/articles", json={"articles": articles}, timeout=300,
                            headers={"Authorization": f"Bearer {TOKEN}"})
        report.raise_for_status()
        feed_seconds = time.monotonic() - started
        stories = [s["story"] for s in httpx.get(server.url + "/stories?limit=0", timeout=60).json()["stories"]]
        results, seconds = asyncio.run(load(server.url, work, stories, args.clients, args.requests, args.reads, args.time_limit))
        total = sum(len(v) for v in results.latencies.values())
        for kind in sorted(results.latencies):
            values = results.latencies[kind]
            rows.append([str(workers), str(args.clients), kind, str(len(values)), str(results.errors[kind]),
                         f"{percentile(values, 0.5) * 1000:.0f}", f"{percentile(values, 0.99) * 1000:.0f}",
                         f"{statistics.fmean(values) * 1000:.0f}", f"{len(values) / seconds:.1f}"])
        errors = sum(results.errors.values())
        every = [v for values in results.latencies.values() for v in values]
        rows.append([str(workers), str(args.clients), "**all**", str(total), str(errors),
                     f"{percentile(every, 0.5) * 1000:.0f}", f"{percentile(every, 0.99) * 1000:.0f}",
                     f"{statistics.fmean(every) * 1000:.0f}", f"**{total / seconds:.1f}**"])
        print(f"workers {workers}: {total} requests in {seconds:.1f} s; statuses {dict(sorted(results.statuses.items()))}; "
              f"feed of {len(articles)} articles stored in {feed_seconds:.1f} s ({report.json()['new_stories']} stories)",
              flush=True)
    return rows


RESULT = Path(__file__).resolve().parent / "results" / "service.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="Multi-News JSONL clusters  [default: %(default)s]")
    parser.add_argument("--workers", type=int, nargs="+", default=[os.cpu_count() or 1], help="Worker counts to try.")
    parser.add_argument("--clients", type=int, default=50, help="Concurrent clients  [default: %(default)s]")
    parser.add_argument("--requests", type=int, default=20, help="Requests per client  [default: %(default)s]")
    parser.add_argument("--reads", type=float, default=0.2, help="Share of requests that read stories  [default: %(default)s]")
    parser.add_argument("--clusters", type=int, default=100, help="Clusters to summarize  [default: %(default)s]")
    parser.add_argument("--feed", type=int, default=40, help="Clusters whose articles feed the story store  [default: %(default)s]")
    parser.add_argument("--save", action="store_true", help="keep the table for BENCHMARKS.md (benchmarks/results)")
    parser.add_argument("--time-limit", type=float, default=300.0, help="Seconds after which clients stop  [default: %(default)s]")
    args = parser.parse_args()
    if not args.data.is_file():
        parser.error(f"{args.data}: no such file (give the Multi-News dev file with --data)")
    if not (0 < args.clients <= 500 and 0 < args.requests <= 1000 and 0 <= args.reads <= 1):
        parser.error("--clients 1..500, --requests 1..1000, --reads 0..1")
    work = clusters(args.data, args.clusters)
    feed = work[: args.feed]
    words = statistics.fmean(sum(len(d.split()) for d in documents) for documents in work)
    print(f"{len(work)} clusters of {args.data.name} (mean {words:.0f} words, "
          f"{statistics.fmean(len(d) for d in work):.1f} documents); {args.clients} clients x {args.requests} requests, "
          f"{args.reads:.0%} story reads; {os.cpu_count()} CPUs\n", flush=True)
    rows = [row for workers in args.workers for row in run(workers, args, work, feed)]
    header = ["workers", "clients", "request", "count", "errors", "p50 ms", "p99 ms", "mean ms", "req/s"]
    table = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---:" if i not in (2,) else "---" for i in range(len(header))) + "|",
             *("| " + " | ".join(row) + " |" for row in rows)]
    print("\n" + "\n".join(table))
    if args.save:
        command = "python benchmarks/service.py " + " ".join(sys.argv[1:])
        RESULT.parent.mkdir(parents=True, exist_ok=True)
        RESULT.write_text(f"`{command.strip()}` on {dt.date.today().isoformat()}: {args.clients} clients x "
                          f"{args.requests} requests of {len(work)} Multi-News dev clusters (mean {words:.0f} words), "
                          f"{args.reads:.0%} story reads, loopback only.\n\n" + "\n".join(table) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
