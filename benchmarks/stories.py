"""Benchmark story clustering: shuffle every article of a cluster file into one feed, cluster it, and
compare with the true grouping (B-cubed precision, recall, F1), all at once and in 10 batches; and
what following a dated feed month after month costs.

    python benchmarks/stories.py ../shared/data/multi_news/dev.jsonl ../shared/data/duc2006/test.jsonl
    python benchmarks/stories.py ../shared/data/multi_news/train.jsonl --thresholds 0.1 0.15 0.2 0.25 0.3
    python benchmarks/stories.py ../shared/data/multi_news/dev.jsonl ../shared/data/duc2006/test.jsonl --months 8
    python benchmarks/stories.py ../shared/data/multi_news/dev.jsonl ../shared/data/duc2006/test.jsonl --offline
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storyline.io import iter_jsonl
from storyline.model import Document
from storyline.stories import Store, StoryTracker, TrackerConfig
from storyline.stories.tracker import article_vectors, prose
from storyline.train import skip

THRESHOLD = TrackerConfig().threshold

OFFLINE_HEIGHTS = [round(0.04 + 0.02 * i, 2) for i in range(15)]  # 0.04 to 0.32
LINKAGES = ("single", "complete", "average", "weighted", "ward")


def feed(paths: list[str], seed: int = 0) -> tuple[list[Document], dict[str, str]]:
    """Every document of the clusters as an article, shuffled, and the true cluster of each."""
    articles, truth = [], {}
    for path in paths:
        for cluster in iter_jsonl(path, on_error=skip):
            cluster_id = cluster.id
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
                with Store(path, create=True) as store:
                    StoryTracker(store, threshold=threshold).add(articles[start:start + size])
            fastest = min(fastest, time.perf_counter() - started)
            with Store(path) as store:
                assignments = dict(store.assignments())
    refused = {a.id: f"refused {a.id}" for a in articles if a.id not in assignments}
    return assignments | refused, fastest


def follow(articles: list[Document], truth: dict[str, str], months: int, seed: int = 0) -> list[dict]:
    """Add a dated feed month after month to one store, a fresh tracker each month (as a daily job would
    start): each month every cluster again, on a day of its own with its articles over up to three days,
    in date order, its words shuffled within paragraphs (the same story vectors, but no copies); the
    tracker's start-up time, articles per second and stories in memory, month by month."""
    rng = random.Random(seed)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "stories.db", create=True)
        for month in range(months):
            start = dt.date(2030, 1, 1) + dt.timedelta(days=30 * month)
            day = {cluster: rng.randrange(25) for cluster in sorted(set(truth.values()))}
            dated = sorted((Document(text=_shuffled(a.text, rng) if month else a.text, id=f"{a.id}@{month}",
                                     published=(start + dt.timedelta(days=day[truth[a.id]] + rng.choice((0, 0, 1, 2)))).isoformat())
                            for a in articles), key=lambda a: a.published)
            started = time.perf_counter()
            tracker = StoryTracker(store)
            ready = time.perf_counter()
            tracker.add(dated)
            seconds = time.perf_counter() - ready
            rows.append({"month": month + 1, "fed": (month + 1) * len(articles), "start_seconds": round(ready - started, 3),
                         "articles_per_second": round(len(articles) / seconds, 1), "stories_in_memory": len(tracker.story_ids)})
        store.close()
    return rows


def offline(articles: list[Document], truth: dict[str, str]) -> dict[str, list[dict]]:
    """The whole feed clustered at once (scipy's hierarchical clustering) over the tracker's article vectors,
    which the incremental tracker approximates: average linkage cut at each of OFFLINE_HEIGHTS (where the
    mean similarity between two groups falls below it), and, for each of LINKAGES, the best cut into a given
    number of stories, that number chosen knowing the answer (an upper bound). Refused pages are singletons."""
    taken = [(article, text) for article in articles if (text := prose(article)).strip()]
    vectors, _ = article_vectors(taken, {})
    distances = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, None)
    np.fill_diagonal(distances, 0.0)
    condensed = squareform(distances, checks=False)

    def score(labels: np.ndarray) -> dict:
        predicted = {article.id: int(label) for (article, _), label in zip(taken, labels)}
        predicted |= {a.id: f"refused {a.id}" for a in articles if a.id not in predicted}
        precision, recall, f1 = b_cubed(predicted, truth)
        return {"stories": len(set(predicted.values())), "precision": round(precision, 4), "recall": round(recall, 4),
                "f1": round(f1, 4), "f1_with_prose": round(b_cubed(with_prose(predicted), truth)[2], 4)}

    average = linkage(condensed, method="average")
    heights = [{"height": h} | score(fcluster(average, t=1.0 - h, criterion="distance")) for h in OFFLINE_HEIGHTS]
    best = []
    for method in LINKAGES:  # ward needs Euclidean distances: sqrt(2 - 2 cos) between unit vectors
        tree = linkage(np.sqrt(2 * condensed) if method == "ward" else condensed, method=method)
        cuts = [score(fcluster(tree, t=k, criterion="maxclust")) for k in range(5, 2 * len(taken) // 3, 5)]
        best.append({"linkage": method} | max(cuts, key=lambda row: row["f1"]))
    return {"heights": heights, "best_cut": best}


def _shuffled(text: str, rng: random.Random) -> str:
    """The text with the words of each paragraph in a random order."""
    return "\n\n".join(" ".join(rng.sample(words, len(words))) for words in (p.split() for p in text.split("\n\n")))


def refused(predicted: dict[str, object]) -> int:
    """How many articles the tracker refused as pages without prose (each counted as a story of its own)."""
    return len(predicted) - len(with_prose(predicted))


def with_prose(predicted: dict[str, object]) -> dict[str, object]:
    """The assignments of the articles the tracker took (not refused as pages without prose)."""
    return {article: story for article, story in predicted.items() if not str(story).startswith("refused ")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="cluster files (each is benchmarked on its own)")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[THRESHOLD])
    parser.add_argument("--repeat", type=int, default=3, help="time this many runs, keep the fastest")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--months", type=int, help="instead: follow all the files' articles as a dated feed for this many months")
    parser.add_argument("--offline", action="store_true", help="instead: each file's feed clustered at once, cut at every height")
    args = parser.parse_args()
    if args.offline:
        for path in args.paths:
            articles, truth = feed([path])
            for kind, rows in offline(articles, truth).items():
                for row in rows:
                    print(json.dumps({"data": path, "measure": kind} | row), flush=True)
        return
    if args.months:
        articles, truth = feed(args.paths)
        for row in follow(articles, truth, args.months):
            print(json.dumps(row), flush=True)
        return
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
