"""Benchmark story and thread tracking against true groupings (B-cubed precision, recall, F1), and its speed.

Stories (one event each): every article of a cluster file shuffled into one undated feed, added all at once
and in 10 batches (a fresh tracker each); "with_prose" leaves out the pages the tracker refused for having
no prose (else each counts as a story of its own):

    python benchmarks/stories.py ../shared/data/multi_news/dev.jsonl
    python benchmarks/stories.py ../shared/data/multi_news/dev.jsonl --thresholds 0.2 0.25 0.3

Threads (one topic followed over time, made of stories): a topic file (DUC layout: meta.doc_ids give each
article's agency and day, meta.headlines its title) fed in date order in 10 batches, the threads scored
against the topics, on all topics and on each half (the sorted topic ids taken alternately):

    python benchmarks/stories.py --threads ../shared/data/duc2006/test.jsonl
    python benchmarks/stories.py --threads ../shared/data/duc2006/test.jsonl --leave-topics-out   # how the thread settings were chosen
    python benchmarks/stories.py --threads ../shared/data/duc2007_update/test.jsonl   # dated, five topics in three stages

Choosing the story settings on the tuning files only, each split into five feeds of dev's size:

    python benchmarks/stories.py --tune ../shared/data/multi_news/{train,validation,train_full_extra,validation_full_extra}.jsonl

Following a dated feed month after month (articles per second of the whole add, stories and threads in
memory), and the offline bound (hierarchical clustering of the same vectors, cut knowing the answer):

    python benchmarks/stories.py ../shared/data/multi_news/dev.jsonl ../shared/data/duc2006/test.jsonl --months 12
    python benchmarks/stories.py ../shared/data/multi_news/dev.jsonl --offline
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import itertools
import json
import random
import re
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
AGENCIES = {"APW": "Associated Press", "NYT": "New York Times", "XIE": "Xinhua"}
THREAD_GRID = {"thread_threshold": [0.15, 0.2, 0.3, 1.0], "thread_merge": [0.09, 0.1, 0.11], "thread_window_days": [365, 730]}
STORY_GRID = {"threshold": [0.2, 0.25, 0.3], "merge": [0.17, 0.19, 0.21, 0.23, 0.25]}
TUNE_PRECISION = 0.97  # mean precision the chosen story settings must keep on the tuning feeds

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


def topic_feed(path: str, topics: set[str] | None = None) -> tuple[list[Document], dict[str, str]]:
    """Every document of a topic file (DUC layout) as a dated article, in date order (then by id), and the
    topic of each: its day and agency from its document id ("APW19990707.0181"), its title from the
    headlines; only ``topics``, when given. The stages of an update topic (DUC 2007: "D0703A-B") are one topic."""
    articles, truth = [], {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        topic = _topic(record)
        if topics is not None and topic not in topics:
            continue
        meta = record.get("meta") or {}
        ids, titles = (ast.literal_eval(value) if isinstance(value, str) else value
                       for value in (meta.get("doc_ids") or [], meta.get("headlines") or []))
        for number, (text, doc_id) in enumerate(zip(record["documents"], ids)):
            match = re.match(r"([A-Z]+)(\d{4})(\d{2})(\d{2})", doc_id)
            day = f"{match.group(2)}-{match.group(3)}-{match.group(4)}" if match else ""
            article_id = f"{topic}/{doc_id or number}"
            articles.append(Document(text=text if isinstance(text, str) else text["text"], id=article_id,
                                     title=titles[number] if number < len(titles) and titles[number] else "",
                                     source=AGENCIES.get(match.group(1), match.group(1)) if match else "", published=day))
            truth[article_id] = topic
    articles.sort(key=lambda article: (article.published, article.id))
    return articles, truth


def _topic(record: dict) -> str:
    """A record's topic: its id, without the stage of an update topic."""
    return record["id"].rsplit("-", 1)[0] if (record.get("meta") or {}).get("stage") else record["id"]


def topic_halves(path: str) -> list[set[str]]:
    """The topics of a file in two halves: the sorted ids taken alternately."""
    ids = sorted({_topic(json.loads(line)) for line in Path(path).read_text(encoding="utf-8").splitlines()})
    return [set(ids[0::2]), set(ids[1::2])]


def b_cubed(predicted: dict[str, int], truth: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against the true grouping."""
    pairs = Counter((predicted[a], truth[a]) for a in predicted)
    story_sizes = Counter(predicted.values())
    true_sizes = Counter(truth[a] for a in predicted)
    precision = sum(n * n / story_sizes[s] for (s, _), n in pairs.items()) / len(predicted)
    recall = sum(n * n / true_sizes[t] for (_, t), n in pairs.items()) / len(predicted)
    return precision, recall, 2 * precision * recall / (precision + recall)


def cluster(articles: list[Document], batches: int, threshold: float, repeat: int = 1,
            **settings: float) -> tuple[dict[str, int], float]:
    """Assignments after adding the feed in ``batches`` calls (a fresh tracker each, as separate runs would),
    and the fastest time of ``repeat`` runs into fresh stores (the machine is shared and noisy); an article
    the tracker refused (no prose) is a story of its own, so it counts against recall."""
    stories, _, seconds = track(articles, batches, repeat, threshold=threshold, **settings)
    return stories, seconds


def track(articles: list[Document], batches: int, repeat: int = 1,
          **settings: float) -> tuple[dict[str, object], dict[str, object], float]:
    """Story and thread of each article after adding the feed in ``batches`` calls (a fresh tracker each),
    and the fastest time of ``repeat`` runs; a refused article is a story and a thread of its own."""
    fastest = float("inf")
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "stories.db"
            size = -(-len(articles) // batches)
            started = time.perf_counter()
            for start in range(0, len(articles), size):
                with Store(path, create=True) as store:
                    StoryTracker(store, **settings).add(articles[start:start + size])
            fastest = min(fastest, time.perf_counter() - started)
            with Store(path) as store:
                rows = list(store.thread_assignments())
    refused = {a.id: f"refused {a.id}" for a in articles}
    stories: dict[str, object] = refused | {article: story for article, story, _ in rows}
    threads: dict[str, object] = refused | {article: thread for article, _, thread in rows}
    return stories, threads, fastest


def scores(predicted: dict[str, object], truth: dict[str, str]) -> dict:
    """B-cubed precision, recall and F1, with every article and with the refused ones left out."""
    precision, recall, f1 = b_cubed(predicted, truth)
    taken = with_prose(predicted)
    p, r, f = b_cubed(taken, truth)
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "with_prose": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)},
            "groups": len(set(taken.values())), "true": len(set(truth.values())), "refused": refused(predicted)}


def thread_run(path: str, topics: set[str] | None, repeat: int = 1, **settings: float) -> dict:
    """The thread level of a topic file (or of some of its ``topics``) fed in date order in 10 batches."""
    articles, truth = topic_feed(path, topics)
    _, threads, seconds = track(articles, 10, repeat, **settings)
    return {"articles": len(articles), "threads": scores(threads, truth),
            "articles_per_second": round(len(articles) / seconds, 1)}


def leave_topics_out(path: str) -> list[dict]:
    """Thread settings chosen on one half of the topics (the best thread F1 over THREAD_GRID) and scored
    on the other, both ways."""
    halves = topic_halves(path)
    grid = [dict(zip(THREAD_GRID, values)) for values in itertools.product(*THREAD_GRID.values())]
    f1s = [[thread_run(path, half, **settings)["threads"]["f1"] for settings in grid] for half in halves]
    rows = []
    for chosen_on, scored_on in ((0, 1), (1, 0)):
        best = int(np.argmax(f1s[chosen_on]))
        rows.append({"chosen_on": f"half {chosen_on}", "settings": grid[best], "f1_there": f1s[chosen_on][best],
                     "scored_on": f"half {scored_on}", "f1": f1s[scored_on][best]})
    return rows


def tune(paths: list[str], parts: int = 5, seed: int = 0) -> list[dict]:
    """Story settings over STORY_GRID on the tuning files, their clusters split into ``parts`` feeds of about
    dev's size, each added in 10 batches: mean B-cubed of the articles taken (refused ones left out)."""
    clusters = [cluster for path in paths for cluster in iter_jsonl(path, on_error=skip)]
    random.Random(seed).shuffle(clusters)
    feeds = []
    for part in range(parts):
        articles, truth = [], {}
        for one in clusters[part::parts]:
            for number, document in enumerate(one.documents):
                articles.append(Document(text=document.text, id=f"{one.id}#{number}"))
                truth[f"{one.id}#{number}"] = one.id
        random.Random(part).shuffle(articles)
        feeds.append((articles, truth))
    rows = []
    for values in itertools.product(*STORY_GRID.values()):
        settings = dict(zip(STORY_GRID, values))
        found = [b_cubed(with_prose(track(articles, 10, **settings)[0]), truth) for articles, truth in feeds]
        mean = np.mean(found, axis=0)
        rows.append(settings | {"precision": round(mean[0], 4), "recall": round(mean[1], 4), "f1": round(mean[2], 4),
                                "lowest_precision": round(min(p for p, _, _ in found), 4)})
    kept = [row for row in rows if row["precision"] >= TUNE_PRECISION] or rows
    best = max(kept, key=lambda row: row["f1"])
    return rows + [{"chosen": best}]


def follow(articles: list[Document], truth: dict[str, str], months: int, seed: int = 0) -> list[dict]:
    """Add a dated feed month after month to one store, a fresh tracker each month (as a daily job would
    start): each month every cluster again, on a day of its own with its articles over up to three days,
    in date order, its words shuffled within paragraphs (the same story vectors, but no copies); the
    tracker's start-up time, articles per second (of the whole add: stories and threads) and stories and threads
    in memory, month by month."""
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
                         "articles_per_second": round(len(articles) / seconds, 1), "stories_in_memory": len(tracker.story_ids),
                         "threads_in_memory": len(tracker.threads)})
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
    parser.add_argument("--threads", action="store_true", help="instead: topic files fed in date order, scored at the thread level")
    parser.add_argument("--leave-topics-out", action="store_true", help="with --threads: choose thread settings on one half "
                        "of the topics, score them on the other, both ways")
    parser.add_argument("--tune", action="store_true", help="instead: choose the story settings on these (tuning) files")
    args = parser.parse_args()
    results: list[dict] = []

    def emit(row: dict) -> None:
        print(json.dumps(row), flush=True)
        results.append(row)

    if args.offline:
        for path in args.paths:
            articles, truth = feed([path])
            for kind, rows in offline(articles, truth).items():
                for row in rows:
                    emit({"data": path, "measure": kind} | row)
    elif args.months:
        articles, truth = feed(args.paths)
        for row in follow(articles, truth, args.months):
            emit(row)
    elif args.tune:
        for row in tune(args.paths):
            emit(row)
    elif args.threads:
        for path in args.paths:
            if args.leave_topics_out:
                for row in leave_topics_out(path):
                    emit({"data": path} | row)
                continue
            for name, topics in [("all topics", None)] + [(f"half {n}", half) for n, half in enumerate(topic_halves(path))]:
                emit({"data": path, "topics": name} | thread_run(path, topics, args.repeat))
    else:
        for path in args.paths:
            articles, truth = feed([path])
            for threshold in args.thresholds:
                row = {"data": path, "articles": len(articles), "threshold": threshold}
                for batches in (1, 10):
                    predicted, seconds = cluster(articles, batches, threshold, args.repeat)
                    found = scores(predicted, truth)
                    row[f"batches_{batches}"] = {
                        "precision": found["precision"], "recall": found["recall"], "f1": found["f1"],
                        "with_prose": found["with_prose"], "stories": len(set(predicted.values())),
                        "true_clusters": found["true"], "refused": found["refused"],
                        "seconds": round(seconds, 2), "articles_per_second": round(len(articles) / seconds, 1),
                    }
                emit(row)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
