"""Benchmark story clustering: shuffle every article of a cluster file into one feed, cluster it, and
compare with the true grouping (B-cubed precision, recall, F1), all at once and in 10 batches.

    python benchmarks/stories.py ../shared/data/multi_news/dev.jsonl ../shared/data/duc2006/test.jsonl
    python benchmarks/stories.py ../shared/data/multi_news/train.jsonl --thresholds 0.1 0.15 0.2 0.25 0.3
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from storyline.ingest import iter_jsonl
from storyline.model import Document
from storyline.store import Store
from storyline.stories import THRESHOLD, StoryTracker


def feed(paths: list[str], seed: int = 0) -> tuple[list[Document], dict[str, str]]:
    """Every document of the clusters as an article, shuffled, and the true cluster of each."""
    articles, truth = [], {}
    for path in paths:
        for cluster_id, cluster in iter_jsonl(path):
            for number, document in enumerate(cluster.documents):
                article_id = f"{cluster_id}#{number}"
                articles.append(Document(text=document.text, id=article_id))
                truth[article_id] = cluster_id
    random.Random(seed).shuffle(articles)
    return articles, truth


def b_cubed(predicted: dict[str, int], truth: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against the true grouping."""
    pairs = Counter((predicted[a], truth[a]) for a in predicted)
    story_sizes = Counter(predicted.values())
    true_sizes = Counter(truth[a] for a in predicted)
    precision = sum(n * n / story_sizes[s] for (s, _), n in pairs.items()) / len(predicted)
    recall = sum(n * n / true_sizes[t] for (_, t), n in pairs.items()) / len(predicted)
    return precision, recall, 2 * precision * recall / (precision + recall)


def cluster(articles: list[Document], batches: int, threshold: float, repeat: int = 1) -> tuple[dict[str, int], float]:
    """Assignments after adding the feed in ``batches`` calls (a fresh tracker each, as separate runs would),
    and the fastest time of ``repeat`` runs into fresh stores (the machine is shared and noisy); an article
    the tracker refused (no prose) is a story of its own, so it counts against recall."""
    fastest = float("inf")
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "stories.db"
            size = -(-len(articles) // batches)
            started = time.perf_counter()
            for start in range(0, len(articles), size):
                store = Store(path)
                StoryTracker(store, threshold=threshold).add(articles[start:start + size])
                store.close()
            fastest = min(fastest, time.perf_counter() - started)
            store = Store(path)
            assignments = dict(store.assignments())
            store.close()
    refused = {a.id: f"refused {a.id}" for a in articles if a.id not in assignments}
    return assignments | refused, fastest


def refused(predicted: dict[str, object]) -> int:
    """How many articles the tracker refused as pages without prose (each counted as a story of its own)."""
    return sum(str(story).startswith("refused ") for story in predicted.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="cluster files (each is benchmarked on its own)")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[THRESHOLD])
    parser.add_argument("--repeat", type=int, default=3, help="time this many runs, keep the fastest")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    results = []
    for path in args.paths:
        articles, truth = feed([path])
        for threshold in args.thresholds:
            row = {"data": path, "articles": len(articles), "threshold": threshold}
            for batches in (1, 10):
                predicted, seconds = cluster(articles, batches, threshold, args.repeat)
                precision, recall, f1 = b_cubed(predicted, truth)
                row[f"batches_{batches}"] = {
                    "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                    "stories": len(set(predicted.values())), "true_clusters": len(set(truth.values())),
                    "refused": refused(predicted),
                    "seconds": round(seconds, 2), "articles_per_second": round(len(articles) / seconds, 1),
                }
            print(json.dumps(row), flush=True)
            results.append(row)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
