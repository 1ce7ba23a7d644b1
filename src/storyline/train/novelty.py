"""Choose how far sentences like what the reader already read fall in update summaries
(SummarizerConfig.novelty; needs the [eval] extra).

    python -m storyline.train.novelty                 # the grid, and the leave-one-topic-out choice

Data: the update stages (B, C) of DUC 2007's update pilot, the only update data there is; it is also
the data BENCHMARKS.md reports, so the figure that counts is the leave-one-topic-out one printed last:
each topic summarized with the weight chosen on the other topics.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from ..eval.rouge import cut, rouge
from ..io.ingest import iter_jsonl
from ..model import Cluster
from ..summarize import Summarizer
from . import DATA, skip

GRID = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.0)
WORDS = 100


def recall_2(clusters: list[Cluster], novelty: float) -> np.ndarray:
    """ROUGE-2 recall of each cluster's update summary with this ``novelty`` weight."""
    summarizer = Summarizer(words=WORDS, fill=True, novelty=novelty)
    return np.array([
        rouge(cut([s.text for s in summarizer.summarize(c).sentences], WORDS), c.references, "recall")["rouge2"]
        for c in clusters
    ])


def held_out_choices(clusters: list[Cluster]) -> tuple[dict[float, np.ndarray], dict[str, float]]:
    """Each weight's per-cluster scores, and for each cluster the weight best on the other topics."""
    topics = np.array([topic(c) for c in clusters])
    scores = {novelty: recall_2(clusters, novelty) for novelty in GRID}
    choice = {}
    for name in np.unique(topics):
        outside = topics != name
        choice[name] = max(GRID, key=lambda novelty: scores[novelty][outside].mean())
    return scores, {c.id: choice[topic(c)] for c in clusters}


def topic(cluster: Cluster) -> str:
    return cluster.id.split("-")[0]


def update_clusters(data: Path) -> list[Cluster]:
    return [c for c in iter_jsonl(str(data / "duc2007_update" / "test.jsonl"), on_error=skip) if c.previous]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the evaluation data (default: %(default)s)")
    args = parser.parse_args()
    clusters = update_clusters(args.data)
    scores, choice = held_out_choices(clusters)
    for novelty, values in scores.items():
        print(f"novelty {novelty:<5} R2 recall {values.mean():.2f}")
    for name in sorted({topic(c) for c in clusters}):
        print(f"{name}: chosen on the other topics {next(choice[c.id] for c in clusters if topic(c) == name)}")
    held_out = [scores[choice[c.id]][i] for i, c in enumerate(clusters)]
    print(f"leave-one-topic-out R2 recall {np.mean(held_out):.2f}")


if __name__ == "__main__":
    main()
