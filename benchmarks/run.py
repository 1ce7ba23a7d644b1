"""Benchmark storyline against its peers on real evaluation data, side by side in one run.

    python benchmarks/run.py                      # all suites; rewrites BENCHMARKS.md and the chart
    python benchmarks/run.py --suites multinews --limit 20 --no-stories

Reads the data from ../shared/data (or --data); nothing of it is written into the repository, only
aggregate scores and times.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import storyline  # noqa: I001  (first: it keeps BLAS to one thread, as the command line does, before numpy loads)
import numpy as np
from storyline.batch import run_batch
from storyline.eval import PEERS, System, SystemResult, evaluate, named_system, storyline_system
from storyline.io import iter_jsonl, read_clusters
from storyline.stories import TrackerConfig
from storyline.summarize import FeatureRanker, FeatureTable, Summarizer
from storyline.train import skip
from storyline.train import salience as train_salience

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
# Figures kept by benchmarks that run on their own (each with its command and date), shown in BENCHMARKS.md.
EXTRA_RESULTS = {
    "service": "The HTTP service under load (`python benchmarks/service.py --save`)",
    "scale": "Batch throughput: local and Dask engines (`python benchmarks/scale.py --save`)",
    "cluster_size": "Cost against cluster size (`python benchmarks/cluster_size.py --save`)",
}
# the counts of the last blind reading against each peer (benchmarks/blind.py score --save): blind.json against
# LexRank, blind-PEER.json against another (storyline at an earlier commit, say)
THRESHOLD = TrackerConfig().threshold


@dataclass
class Suite:
    name: str
    path: str
    words: int
    measure: str
    title: str
    short_title: str
    repeat: int = 1
    updates_only: bool = False
    cross_validated: bool = False  # the shipped query model was trained on this data


def fold_models(path: Path) -> dict[str, dict]:
    """For each cluster of ``path``, a model trained without that cluster's fold (folds as in
    storyline/train/salience.py): for the data the shipped query model learned from."""
    table, target, groups, clusters = train_salience.load_examples([path])
    settings_of = {}
    for held_out in train_salience.fold_masks(groups):
        model = train_salience.fit(table.rows(~held_out), target[~held_out], train_salience.ALPHA)
        settings_of |= {clusters[group].id: {"model": model} for group in np.unique(groups[held_out])}
    return settings_of


def held_out_settings(suite: Suite, path: Path, clusters: list) -> dict[str, dict] | None:
    """For data storyline's settings were chosen on, each cluster's settings chosen without it: the query
    model trained on the other folds (DUC 2006)."""
    if suite.cross_validated:
        return fold_models(path)
    return None


def with_held_out(settings_of: dict[str, dict], **settings) -> System:
    """storyline summarizing each cluster with its own held-out settings."""

    def run(cluster, words: int) -> list[str]:
        return storyline_system(**settings_of[cluster.id], **settings).summarize(cluster, words)

    return System(run)


def ablations(suite: Suite, settings_of: dict[str, dict] | None) -> dict[str, System]:
    """storyline with one component taken away at a time."""
    variants = {
        "storyline without redundancy control": (
            with_held_out(settings_of, redundancy=None) if settings_of else storyline_system(redundancy=None)
        ),
        "storyline, centroid similarity instead of the learned model": storyline_system(model=FeatureRanker("centrality")),
        "storyline, position instead of the learned model": storyline_system(model=FeatureRanker("inverse_position")),
    }
    if suite.name == "duc2006":
        variants["storyline without the query"] = storyline_system(use_query=False)
    if suite.updates_only:
        variants = {"storyline ignoring what was read": System(storyline_system().summarize, forget_previous)}
    return variants


def forget_previous(cluster):
    return dataclasses.replace(cluster, previous=[])


SUITES = {
    "multinews": Suite("multinews", "multi_news/dev.jsonl", 250, "f1", "Multi-News dev (139 clusters), F1 at 250 words",
                       "Multi-News dev, 250 words", repeat=3),
    "duc2006": Suite("duc2006", "duc2006/test.jsonl", 250, "recall",
                     "DUC 2006 (50 clusters, query-focused), recall over 4 references at 250 words",
                     "DUC 2006 (query-focused), 250 words", cross_validated=True),
    "duc2007": Suite("duc2007", "duc2007_update/test.jsonl", 100, "recall",
                     "DUC 2007 update, stages B and C (10 clusters), recall over 4 references at 100 words",
                     "DUC 2007 update (stages B, C), 100 words", updates_only=True),
}


def load(path: Path, limit: int | None, updates_only: bool = False):
    clusters = [c for c in iter_jsonl(str(path), on_error=skip) if c.previous or not updates_only]
    return clusters[:limit] if limit else clusters


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        cpu = names[0] if names else cpu
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def run_suite(suite: Suite, data: Path, systems: list[str], timeout: float, limit: int | None) -> dict:
    path = data / suite.path
    clusters = load(path, limit, suite.updates_only)
    settings_of = held_out_settings(suite, path, clusters)
    table = {name: named_system(name) for name in systems} | ablations(suite, settings_of)
    if settings_of and "storyline" in table:
        table["storyline"] = with_held_out(settings_of)
    results = evaluate(clusters, table, suite.words, suite.measure, timeout, repeat=suite.repeat)
    return {
        "suite": suite.name,
        "title": suite.title,
        "short_title": suite.short_title,
        "measure": suite.measure,
        "clusters": len(clusters),
        "rows": [r.summary_row() for r in results],
        "speed": speed_comparison(results),
    }


def speed_comparison(results: list[SystemResult]) -> dict:
    """storyline's time against each peer's on the same clusters: ratio of totals, clusters where slower."""
    ours = next(r for r in results if r.name == "storyline")
    comparison = {}
    for peer in results:
        if peer.name.startswith("storyline"):
            continue
        ids = [i for i in ours.seconds if i not in peer.timeouts]
        ratio = sum(peer.seconds[i] for i in ids) / max(sum(ours.seconds[i] for i in ids), 1e-9)
        slower = sum(ours.seconds[i] > peer.seconds[i] for i in ids)
        comparison[peer.name] = {"ratio": round(ratio, 2), "clusters_storyline_slower": int(slower)}
    return comparison


def batch_timing(data: Path, limit: int | None) -> dict:
    """`storyline batch` end to end on Multi-News dev at 250 words: in this process (reading JSONL, summarizing,
    writing), and as the whole command a user runs (start-up included), one worker."""
    source = data / SUITES["multinews"].path
    with tempfile.TemporaryDirectory() as tmp:
        if limit:
            subset = Path(tmp) / "subset.jsonl"
            subset.write_text("".join(source.read_text().splitlines(keepends=True)[:limit]))
            source = subset
        out = Path(tmp) / "out.jsonl"
        started = time.perf_counter()
        report = run_batch(str(source), str(out), Summarizer(words=250, fill=True), workers=1)
        total = time.perf_counter() - started
        records = [json.loads(line) for line in out.read_text().splitlines()]
        whole = Path(tmp) / "whole.jsonl"
        started = time.perf_counter()
        batch = subprocess.run([sys.executable, "-m", "storyline.cli", "batch", str(source), "-o", str(whole), "-w",
                                "250", "--fill"], capture_output=True)
        if batch.returncode and b"could not be read or summarized: see the" not in batch.stderr:
            raise RuntimeError(batch.stderr.decode())  # not clusters that failed, each an "error" line as in run_batch
        process = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import storyline.cli"], check=True)
        start_up = time.perf_counter() - started
    seconds = {r["id"]: r.get("seconds", 0.0) for r in records}
    return {
        "clusters": report.written,
        "failed": report.failed,
        "seconds_total": round(total, 2),
        "seconds_per_cluster": round(total / max(report.written, 1), 4),
        "process_seconds": round(process, 2),
        "start_up_seconds": round(start_up, 2),
        "largest_cluster_seconds": round(seconds.get("multinews-test-4403", float("nan")), 2),
    }


def wrapped_rouge(data: Path, limit: int | None, width: int = 72) -> dict:
    """storyline on Multi-News dev as it is and with every paragraph hard-wrapped at ``width`` columns."""
    clusters = load(data / SUITES["multinews"].path, limit)
    wrapped = [dataclasses.replace(c, documents=[dataclasses.replace(d, text=_wrap(d.text, width)) for d in c.documents])
               for c in clusters]
    system = {"storyline": storyline_system()}
    plain = evaluate(clusters, system, 250, "f1")[0].summary_row()
    folded = evaluate(wrapped, system, 250, "f1")[0].summary_row()
    return {"width": width, "plain": plain, "wrapped": folded}


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.fill(line, width) if line.strip() else line for line in text.split("\n"))


def readability_audit(data: Path, limit: int | None) -> dict:
    """The readability audit (benchmarks/readability.py) of dev summaries at 120 and 250 words and of the
    bundled example, and the audit's precision and recall against the hand labels."""
    import readability

    clusters = load(data / SUITES["multinews"].path, limit)
    example = read_clusters([str(ROOT / "examples" / "harbour-fire")])
    runs = [readability.audit_run("dev.jsonl", readability.summaries(clusters, words), words) for words in readability.LENGTHS]
    runs += [readability.audit_run("harbour-fire", readability.summaries(example, words), words)
             for words in readability.LENGTHS]
    labels = [json.loads(line) for line in readability.LABELS.read_text().splitlines() if line.strip()]
    matched, gone = readability.matched_labels(labels, readability.label_pool(data / "multi_news"))
    return {"runs": runs, "labels": len(labels), "matched": len(matched), "gone": gone,
            "check": readability.precision_recall(matched), "editor": readability.editor_shares(labels)}


def clustering(data: Path, limit: int | None) -> list[dict]:
    """Story clustering of the shuffled articles of Multi-News dev and of DUC 2006, at once and in 10 batches."""
    from stories import b_cubed, cluster, feed, refused, with_prose

    rows = []
    for suite in ("multinews", "duc2006"):
        articles, truth = feed([str(data / SUITES[suite].path)])
        articles = articles[:limit * 10] if limit else articles
        row = {"data": SUITES[suite].path, "articles": len(articles), "true_clusters": len({truth[a.id] for a in articles})}
        for key, batches in (("at_once", 1), ("in_10_batches", 10)):
            predicted, seconds = cluster(articles, batches, threshold=THRESHOLD, repeat=3)
            precision, recall, f1 = b_cubed(predicted, truth)
            row[key] = {"precision": precision, "recall": recall, "f1": f1, "stories": len(set(predicted.values())),
                        "refused": refused(predicted), "articles_per_second": len(articles) / seconds,
                        "f1_with_prose": b_cubed(with_prose(predicted), truth)[2],
                        "with_prose": b_cubed(with_prose(predicted), truth)}
        rows.append(row)
    return rows


LEARNING_CURVE = [(50, 0), (150, 0), (531, 0), (531, 1000), (531, 3000), (531, 10000), (531, 30000)]


def learning_curve(data: Path) -> list[dict]:
    """ROUGE F1 at 250 words on Multi-News validation_full_extra (held out) of the generic model learned from
    N full-length training clusters (train, validation, train_full_extra) and M preprocessed Multi-News+ ones."""
    news = data / "multi_news"
    full = train_salience.load_examples([news / "train.jsonl", news / "validation.jsonl", news / "train_full_extra.jsonl"])
    plus_path = data / "multi_news_plus" / "train.jsonl.gz"
    most = max(m for _, m in LEARNING_CURVE)
    plus = train_salience.load_examples([plus_path], {plus_path: most})
    held_out = [c for c in train_salience.load_examples([news / "validation_full_extra.jsonl"])[3]]
    rows = []
    for n, m in LEARNING_CURVE:
        rows_full = np.isin(full[2], np.arange(n))
        rows_plus = np.isin(plus[2], np.arange(m))
        table = FeatureTable(full[0].names, np.vstack([full[0].values[rows_full], plus[0].values[rows_plus]]))
        target = np.concatenate([full[1][rows_full], plus[1][rows_plus]])
        model = train_salience.fit(table, target, train_salience.ALPHA)
        scores = train_salience.summary_rouge(held_out, model, 250, "f1", train_salience.REDUNDANCY)
        rows.append({"full_length": min(n, len(full[3])), "multi_news_plus": min(m, len(plus[3])), **scores})
        print(rows[-1], flush=True)
    return rows


def threads(data: Path) -> dict:
    """The thread level: DUC 2006 and DUC 2007 update fed in date order in 10 batches, and DUC 2006 with the
    thread settings chosen on one half of its topics and scored on the other."""
    from stories import leave_topics_out, thread_run

    return {"runs": [{"data": SUITES[suite].path} | thread_run(str(data / SUITES[suite].path), None, repeat=3)
                     for suite in ("duc2006", "duc2007")],
            "leave_topics_out": leave_topics_out(str(data / SUITES["duc2006"].path))}


def offline_clustering(data: Path, limit: int | None) -> dict[str, list[dict]]:
    """Multi-News dev and DUC 2006 each clustered at once by average linkage, cut at every height."""
    from stories import feed, offline

    result = {}
    for suite in ("multinews", "duc2006"):
        articles, truth = feed([str(data / SUITES[suite].path)])
        result[SUITES[suite].path] = offline(articles[:limit * 10] if limit else articles, truth)
    return result


def following(data: Path, limit: int | None, months: int = 12) -> list[dict]:
    """The cost of following the articles of Multi-News dev and DUC 2006 as a dated feed, month after month."""
    from stories import feed, follow

    articles, truth = feed([str(data / SUITES[suite].path) for suite in ("multinews", "duc2006")])
    return follow(articles[:limit * 10] if limit else articles, truth, months)


def chart(suites: list[dict], path: Path) -> None:
    """Quality (R2) against speed (mean seconds per cluster, log scale) of storyline and its peers, a panel per suite."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(suites), figsize=(5.5 * len(suites), 4.5), squeeze=False)
    for ax, suite in zip(axes[0], suites):
        for row in suite["rows"]:
            if row["system"].startswith("storyline") and row["system"] != "storyline":
                continue  # ablations are in the tables
            ours = row["system"] == "storyline"
            x = max(row["seconds_per_cluster"], 1e-4)
            ax.scatter(x, row["rouge2"], s=140 if ours else 60, color="crimson" if ours else "steelblue", zorder=3)
            ax.annotate(row["system"], (x, row["rouge2"]), textcoords="offset points", xytext=(7, 3), fontsize=9,
                        fontweight="bold" if ours else "normal")
        ax.set_xscale("log")
        ax.set_xlim(5e-5, 50)
        ax.set_xlabel("seconds per cluster (log scale)")
        ax.set_ylabel(f"ROUGE-2 {'F1' if suite['measure'] == 'f1' else 'recall'}")
        ax.set_title(suite["short_title"], fontsize=11)
        ax.grid(True, which="both", alpha=0.3)
    fig.suptitle("Quality against speed: up and to the left is better (lead baselines cost next to nothing)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def markdown(results: dict) -> str:
    suites, batch, stories = results["suites"], results["batch"], results["stories"]
    months = results.get("following", [])
    offline = results.get("offline", {})
    curve = results.get("learning_curve", [])
    lines = [
        "# Benchmarks",
        "",
        f"Command: `{results['command']}`  ",
        f"Date: {results['date']}  ",
        f"Machine: {results['machine']}",
        "",
        "ROUGE with `rouge-score` (Porter stemming), every system cut at the word budget, sentences on separate",
        "lines for ROUGE-Lsum (references split into sentences too, so Lsum runs higher than single-line ROUGE-L).",
        "Peers are handed storyline's sentence splits of the raw text (no cleaning; a quotation of up to four",
        "sentences is one unit, as for storyline) and only their summarizing step is timed; storyline is timed",
        "end to end (cleaning, splitting, scoring, selecting) from the parsed cluster. One core, one cluster at a",
        "time, every system on a cluster before the next cluster; on Multi-News",
        "each run is repeated three times and the fastest kept (the machine is shared and noisy). A system that",
        "exceeds the time limit on a cluster scores 0 there. Rows starting with 'storyline' below the peers are",
        "ablations: storyline with one component taken away. On DUC 2006, which the query model learned from,",
        "storyline summarizes each topic with a model trained on the other four fifths of the topics only.",
        "On DUC 2007 update, the only update data there is (10 clusters), storyline runs with its default",
        "weight for pushing down what was already read (`novelty` 0.5, not chosen per topic; per topic and",
        "per weight: `python -m storyline.train.novelty`); differences of ±10% there are within noise.",
        "",
    ]
    for suite in suites:
        lines += [f"## {suite['title']}", "", "| system | R1 | R2 | RLsum | s/cluster | max s | timeouts |",
                  "|---|---|---|---|---|---|---|"]
        for row in suite["rows"]:
            name = f"**{row['system']}**" if row["system"] == "storyline" else row["system"]
            lines.append(
                f"| {name} | {row['rouge1']:.2f} | {row['rouge2']:.2f} | {row['rougeLsum']:.2f} | "
                f"{row['seconds_per_cluster']:.4f} | {row['seconds_max']:.2f} | {row['timeouts']} |"
            )
        lines += ["", "Speed of storyline against each peer on the clusters the peer finished (peer time / storyline time):", ""]
        lines += [f"- {peer}: {v['ratio']}x; storyline slower on {v['clusters_storyline_slower']} clusters"
                  for peer, v in suite["speed"].items() if peer not in ("lead", "rr-lead")]
        lines.append("")
    if batch:
        lexrank = next((row for suite in suites if suite["suite"] == "multinews" for row in suite["rows"]
                        if row["system"] == "lexrank"), None)
        lines += [
            "## `storyline batch` end to end on Multi-News dev at 250 words (one worker)",
            "",
            f"{batch['clusters']} clusters ({batch['failed']} failed) in {batch['seconds_total']} s in process, "
            f"{batch['seconds_per_cluster']} s per cluster; the 145,000-word cluster `multinews-test-4403` took "
            f"{batch['largest_cluster_seconds']} s. The whole command below, as a user runs it (start-up, reading, "
            f"writing), took {batch['process_seconds']} s, of which {batch['start_up_seconds']} s start-up (importing "
            "the command).",
        ]
        if lexrank:
            total = lexrank["seconds_total"]
            lines += ["", f"Against sumy LexRank's summarizing step alone on the same clusters ({total:.1f} s in all, "
                      "measured above): in process "
                      f"{total / max(batch['seconds_total'], 1e-9):.1f}x faster, the whole process "
                      f"{total / max(batch['process_seconds'], 1e-9):.1f}x faster."]
        lines += [
            "",
            "```bash",
            "storyline batch ../shared/data/multi_news/dev.jsonl -o dev-summaries.jsonl -w 250 --fill",
            "storyline eval ../shared/data/multi_news/dev.jsonl --summaries dev-summaries.jsonl -w 250 \\",
            "    --systems storyline,lead,rr-lead,lexrank",
            "```",
            "",
        ]
    wrapped = results.get("wrapped")
    if wrapped:
        plain, folded = wrapped["plain"], wrapped["wrapped"]
        lines += [
            f"## Hard-wrapped text: Multi-News dev with every paragraph wrapped at {wrapped['width']} columns",
            "",
            "| input | R1 | R2 | RLsum |", "|---|---|---|---|",
            f"| as it is | {plain['rouge1']:.2f} | {plain['rouge2']:.2f} | {plain['rougeLsum']:.2f} |",
            f"| wrapped | {folded['rouge1']:.2f} | {folded['rouge2']:.2f} | {folded['rougeLsum']:.2f} |",
            "",
        ]
    lines += readability_lines(results.get("readability"), results.get("blind") or [], results.get("editor") or [],
                               results.get("names"))
    lines += opener_lines(opener_rows())
    if curve:
        lines += [
            "## How much more training data adds (held out: Multi-News validation_full_extra, 248 clusters)",
            "",
            "The generic model learned from the first N full-length training clusters (train, validation,",
            "train_full_extra) and the first M preprocessed Multi-News+ training clusters; ROUGE F1 at 250 words on",
            "validation_full_extra, which none of them holds. Multi-News dev is not used.",
            "",
            "| full-length N | Multi-News+ M | R1 | R2 | RLsum |",
            "|---|---|---|---|---|",
            *(f"| {row['full_length']} | {row['multi_news_plus']} | {row['rouge1']:.2f} | {row['rouge2']:.2f} | "
              f"{row['rougeLsum']:.2f} |" for row in curve),
            "",
        ]
    if stories:
        lines += [
            "## Story clustering: every article of a data set shuffled into one feed (`storyline stories add`)",
            "",
            "B-cubed against the true clusters; 10 batches = ten `add` runs on the same store, as a feed arrives.",
            "Pages without prose (error pages, social-media widgets) are refused by `stories add`; here each counts",
            "as a story of its own (against recall, and in the stories column); the next to last column leaves them out.",
            "",
            ("| feed | articles | refused | true clusters | stories | B-cubed P | R | F1 | F1 in 10 batches | "
             "F1 of the articles with prose | with prose, in 10 batches: P / R / F1 | articles/s |"),
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for row in stories:
            once, batched = row["at_once"], row["in_10_batches"]
            lines.append(
                f"| {row['data']} | {row['articles']} | {once['refused']} | {row['true_clusters']} | {once['stories']} | "
                f"{once['precision']:.3f} | {once['recall']:.3f} | {once['f1']:.3f} | {batched['f1']:.3f} | "
                f"{once.get('f1_with_prose', float('nan')):.3f} | "
                + " / ".join(f"{value:.3f}" for value in batched["with_prose"]) + " | "
                f"{once['articles_per_second']:.0f} (batched {batched['articles_per_second']:.0f}) |"
            )
        lines.append("")
    if results.get("threads"):
        runs, halves = results["threads"]["runs"], results["threads"]["leave_topics_out"]
        lines += [
            "## Threads: topics followed over months (`python benchmarks/stories.py --threads FILE`)",
            "",
            "Each topic's articles fed in date order (dates from the DUC document ids) in 10 batches; B-cubed of the",
            "threads against the topics. DUC 2006 is also the data the thread settings were chosen on: the last",
            "rows choose them on one half of the topics and score the other half (`--leave-topics-out`).",
            "",
            "| feed | articles | B-cubed P | R | F1 | articles/s |",
            "|---|---|---|---|---|---|",
            *(f"| {row['data']} | {row['articles']} | {row['threads']['precision']:.3f} | {row['threads']['recall']:.3f} | "
              f"{row['threads']['f1']:.3f} | {row['articles_per_second']:.0f} |" for row in runs),
            *(f"| duc2006, chosen on {row['chosen_on']}, scored on {row['scored_on']} | | | | {row['f1']:.3f} | |"
              for row in halves),
            "",
        ]
    if offline:
        feeds = list(offline)
        best = {feed: max(result["heights"], key=lambda r: r["f1"]) for feed, result in offline.items()}
        command = f"python benchmarks/stories.py {' '.join(feeds)} --offline"
        lines += [
            f"How far this kind of clustering can go (`{command}`, paths under ../shared/data): each feed clustered",
            "at once by scipy's hierarchical clustering over the same article vectors, which the tracker (adding",
            "articles one at a time, merging stories after each chunk) approximates. First average linkage cut at",
            "each height (the mean similarity below which two groups stay apart), the same height for both feeds;",
            "the best height for each: " + "; ".join(f"{feed} F1 {r['f1']:.3f} at {r['height']:.2f}" for feed, r in best.items()) + ".",
            "",
            "| height | " + " | ".join(f"{feed} P / R / F1 (F1 with prose)" for feed in feeds) + " |",
            "|---|" + "---|" * len(feeds),
            *(f"| {rows[0]['height']:.2f} | " + " | ".join(
                f"{r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f} ({r['f1_with_prose']:.3f})" for r in rows) + " |"
              for rows in zip(*(result["heights"] for result in offline.values()))),
            "",
            "Then each linkage cut into the number of stories that suits each feed best, chosen knowing the true",
            "clusters (an upper bound no tracker can use):",
            "",
            "| linkage | " + " | ".join(f"{feed} stories: P / R / F1 (F1 with prose)" for feed in feeds) + " |",
            "|---|" + "---|" * len(feeds),
            *(f"| {rows[0]['linkage']} | " + " | ".join(
                f"{r['stories']}: {r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f} ({r['f1_with_prose']:.3f})"
                for r in rows) + " |"
              for rows in zip(*(result["best_cut"] for result in offline.values()))),
            "",
        ]
    if months:
        first, last = months[0], months[-1]
        command = f"python benchmarks/stories.py {SUITES['multinews'].path} {SUITES['duc2006'].path} --months {len(months)}"
        lines += [
            f"Following a dated feed for {len(months)} months (`{command}`, paths under ../shared/data): every month",
            f"the {first['fed']} articles of both feeds again, each cluster on a day of its own, words shuffled within",
            "paragraphs (same vectors, no copies), one `add` a month into the same store. Only stories that can still",
            "take an article (last seen within the window of 3 days) are read into memory, so the cost stays flat:",
            "",
            "| month | articles fed so far | tracker start-up (s) | articles/s | stories in memory |",
            "|---|---|---|---|---|",
            *(f"| {m['month']} | {m['fed']} | {m['start_seconds']:.3f} | {m['articles_per_second']:.0f} | "
              f"{m['stories_in_memory']} |" for m in (first, months[len(months) // 2], last)),
            "",
        ]
    for name, title in EXTRA_RESULTS.items():
        if (RESULTS / f"{name}.md").exists():
            lines += [f"## {title}", "", (RESULTS / f"{name}.md").read_text(encoding="utf-8").rstrip(), ""]
    lines += ["![quality against speed](benchmarks/quality-speed.png)", ""]
    return "\n".join(lines)


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def editor_counts() -> list[dict]:
    """The saved blind editor's counts of two sets of summaries (benchmarks/editor.py score --save)."""
    return [json.loads(path.read_text()) for path in sorted(RESULTS.glob("editor-*.json"))]


def names_check() -> dict | None:
    """The saved fact-check of the people named in full (benchmarks/names.py score --save)."""
    path = RESULTS / "names.json"
    return json.loads(path.read_text()) if path.exists() else None


def opener_rows() -> list[dict]:
    """The saved figures of how summaries open (benchmarks/openers.py --save), one row a commit."""
    path = RESULTS / "openers.json"
    return json.loads(path.read_text()) if path.exists() else []


def blind_readings() -> list[dict]:
    """The saved blind readings, the one against LexRank first."""
    return [json.loads(path.read_text()) for path in sorted(RESULTS.glob("blind*.json"), key=lambda p: (p.name != "blind.json", p.name))]


def readability_lines(audit: dict | None, readings: list[dict], counts: list[dict], names: dict | None) -> list[str]:
    """The readability sections: the audit of summary sentences, its check, the blind editor's counts, the
    check of the people named in full and the blind readings."""
    import readability  # benchmarks/readability.py

    lines: list[str] = []
    if audit:
        lines += [
            "## Readability: summary sentences a reader stumbles on (`python benchmarks/readability.py`)",
            "",
            "An audit of every summary sentence, in its place in the summary: dangling (leans on something the",
            "summary never said: a pronoun, connective, bare noun phrase, a person by surname never introduced, a",
            "quote without speaker, first person without speaker), captions and credits, glued sentences, bare",
            "questions, site furniture, fragments.",
            "",
            *readability.share_table(["summaries", "words", "sentences"],
                          [([run["name"], run["words"], run["sentences"]], run["shares"]) for run in audit["runs"]]),
            "",
            f"The audit against {audit['labels']} hand labels of train and validation summary sentences "
            f"({audit['matched']} still in today's summaries; `python benchmarks/readability.py --check-labels`):",
            "",
            "| flag | labelled | flagged | correct | precision | recall |",
            "|---|---|---|---|---|---|",
            *(f"| {flag} | {row['labelled']} | {row['flagged']} | {row['both']} | {_share(row['precision'])} | "
              f"{_share(row['recall'])} |" for flag, row in audit["check"].items()),
            "",
        ]
    if audit and audit.get("editor"):
        lines += [
            "The share of summary sentences an editor flags, on random samples of storyline's train and validation",
            "summary sentences at 120 and 250 words (`python benchmarks/readability.py --sample 100 --seed N`), each",
            "labelled by a fresh helper agent that never saw the audit; the commit is the code that made the summaries:",
            "",
            *readability.share_table(["summaries of commit", "sentences"],
                          [([row["commit"], row["sentences"]], row["shares"]) for row in audit["editor"]]),
            "",
        ]
    for count in counts:
        lines += [
            f"## A blind editor's count ({count['data']}, at {count['words']} words)",
            "",
            "The same number of sentences drawn at random from each set of summaries, shuffled together, each shown",
            "with the summary sentences before it, and flagged by an editor who cannot tell the sets apart",
            f"(`python benchmarks/editor.py`, protocol in the script); judged on {count['date']} by {count['judge']}:",
            "",
            *readability.share_table(["summaries", "sentences"], [([name, row["sentences"]], row["shares"])
                                                       for name, row in count["sets"].items()]),
            "",
        ]
    if names:
        lines += [
            f"## People named in full ({names['data']}, at {names['words']} words)",
            "",
            "Where a summary sentence names a person alone (\"Levy said\"), storyline gives their first mention in full,",
            "with a role when the articles give one. A checker saw each of a random sample of such sentences as written",
            "and as shown, with every passage of the articles naming the people (`python benchmarks/names.py`,",
            f"protocol in the script); checked on {names['date']} by {names['judge']}:",
            "",
            "| sentences | the person meant | someone else | unclear | with a role | role right | reads right |",
            "|---|---|---|---|---|---|---|",
            f"| {names['items']} | {names['same_person']} | {names['other_person']} | {names['unclear']} | "
            f"{names['with_role']} | {names['role_ok']} | {names['reads_ok']} |",
            "",
        ]
    for blind in readings:
        systems = list(blind["systems"])
        lines += [
            f"## Blind reading ({blind['clusters']} Multi-News dev clusters at {blind['words']} words, "
            f"storyline against {blind['peer']})",
            "",
            "`python benchmarks/blind.py prepare` then a judge who sees only the reference and the two summaries,",
            "labelled A and B at random, then `python benchmarks/blind.py score --save` (protocol in the script).",
            f"Judged on {blind['date']} by {blind['judge']}.",
            "",
            "| system | more informative | reads better | preferred overall | stumbles per summary |",
            "|---|---|---|---|---|",
            *(f"| {name} | {blind['systems'][name]['informative']} | {blind['systems'][name]['reads_better']} | "
              f"{blind['systems'][name]['overall']} | {blind['systems'][name]['stumbles_per_summary']} |" for name in systems),
            "",
        ]
    return lines


def opener_lines(rows: list[dict]) -> list[str]:
    """The section on how summaries open: a row of benchmarks/openers.py figures a commit."""
    if not rows:
        return []
    return [
        f"## How a summary opens ({rows[-1]['data']}, at {rows[-1]['words']} words; `python benchmarks/openers.py`)",
        "",
        "Of the clusters with two article leads or more (each article's first prose sentence), the share whose",
        "summary opens on a lead (its first sentence is one, or cites one as telling the same), and on the reference",
        "lead: the lead whose content words best match the first sentence of the human summary. For comparison,",
        "how often the reference lead is the first article's, and a lead drawn at random.",
        "",
        "| summaries of commit | date | clusters | opens on a lead | opens on the reference lead | first article's lead | random lead |",
        "|---|---|---|---|---|---|---|",
        *(f"| {row['commit']} | {row['date']} | {row['clusters']} | {row['opens_on_a_lead']:.3f} | "
          f"{row['opens_on_the_reference_lead']:.3f} | {row['first_article_lead_is_it']:.3f} | "
          f"{row['a_random_lead_is_it']:.3f} |" for row in rows),
        "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--suites", default=",".join(SUITES))
    parser.add_argument("--systems", default="storyline," + ",".join(PEERS))
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds a system gets per cluster")
    parser.add_argument("--limit", type=int, help="only the first N clusters of each suite (a quick look)")
    parser.add_argument("--no-stories", dest="stories", action="store_false", help="skip the story clustering benchmark")
    parser.add_argument("--render", action="store_true", help="only redraw BENCHMARKS.md and the chart from the last results")
    parser.add_argument("--stories-only", action="store_true",
                        help="measure only the story benchmarks, into the last results (after a --no-stories run)")
    args = parser.parse_args()
    if args.render:  # the blind reading is judged apart from the run: its last counts are read again
        results = json.loads((RESULTS / "latest.json").read_text())
        results["blind"], results["editor"], results["names"] = blind_readings(), editor_counts(), names_check()
        (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    elif args.stories_only:
        results = json.loads((RESULTS / "latest.json").read_text())
        results |= {"stories": clustering(args.data, None), "offline": offline_clustering(args.data, None),
                    "following": following(args.data, None), "threads": threads(args.data)}
        results["command"] = results["command"].replace(" --no-stories", "") + " (stories: --stories-only)"
        (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    else:
        results = measure(args)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    chart(results["suites"], ROOT / "benchmarks" / "quality-speed.png")
    (ROOT / "BENCHMARKS.md").write_text(markdown(results))
    print((ROOT / "BENCHMARKS.md").read_text())


def measure(args) -> dict:
    """Run every asked-for suite; the results with the command, date and machine that produced them."""
    if not args.data.is_dir():
        raise SystemExit(f"no evaluation data at {args.data} (give --data)")
    systems = args.systems.split(",")
    suites = []
    for name in args.suites.split(","):
        print(f"running {name} ...", flush=True)
        suites.append(run_suite(SUITES[name], args.data, systems, args.timeout, args.limit))
    command = "python benchmarks/run.py" + "".join(
        f" --{k} {v}" for k, v in (("suites", args.suites), ("limit", args.limit)) if v and v != ",".join(SUITES)
    )
    return {
        "command": command + ("" if args.stories else " --no-stories"),
        "date": dt.date.today().isoformat(),
        "machine": machine(),
        "suites": suites,
        "batch": batch_timing(args.data, args.limit) if "multinews" in args.suites else None,
        "wrapped": wrapped_rouge(args.data, args.limit) if "multinews" in args.suites else None,
        "readability": readability_audit(args.data, args.limit) if "multinews" in args.suites else None,
        "blind": blind_readings(),
        "editor": editor_counts(),
        "names": names_check(),
        "learning_curve": learning_curve(args.data) if "multinews" in args.suites and not args.limit else [],
        "stories": clustering(args.data, args.limit) if args.stories else [],
        "offline": offline_clustering(args.data, args.limit) if args.stories else {},
        "threads": threads(args.data) if args.stories and not args.limit else {},
        "following": following(args.data, args.limit) if args.stories else [],
    }


if __name__ == "__main__":
    main()
