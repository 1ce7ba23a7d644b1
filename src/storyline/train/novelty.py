"""How update summaries fare against the same summarizer ignoring what was read, for each weight of
SummarizerConfig.novelty (needs the [eval] extra).

    python -m storyline.train.novelty        # per topic: the default weight, ignoring, the grid, held out

Data: the update stages (B, C) of DUC 2007's update pilot, the only update data there is (5 topics,
10 clusters); it is also the data BENCHMARKS.md reports. The default weight is not chosen here (see
SummarizerConfig); the grid and the leave-one-topic-out choice (each topic summarized with the weight best
on the other topics) are printed to show how much of any difference is noise.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

import numpy as np

from ..eval.rouge import cut, rouge
from ..io.ingest import iter_jsonl
from ..model import Cluster
from ..summarize import Summarizer, SummarizerConfig
from . import DATA, skip

GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0)
WORDS = 100


def recall_2(clusters: list[Cluster], novelty: float) -> np.ndarray:
    """ROUGE-2 recall of each cluster's update summary with this ``novelty`` weight."""
    summarizer = Summarizer(words=WORDS, fill=True, novelty=novelty)
    return np.array([
        rouge(cut([s.text for s in summarizer.summarize(c).sentences], WORDS), c.references, "recall")["rouge2"]
        for c in clusters
    ])


def ignoring_previous(clusters: list[Cluster]) -> np.ndarray:
    """ROUGE-2 recall of each cluster's summary when the articles already read are left out."""
    return recall_2([dataclasses.replace(c, previous=[]) for c in clusters], 0.0)


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
    topics = np.array([topic(c) for c in clusters])
    default = SummarizerConfig().novelty
    ignored = ignoring_previous(clusters)
    scores, choice = held_out_choices(clusters)
    held_out = np.array([scores[choice[c.id]][i] for i, c in enumerate(clusters)])
    print(f"R2 recall at {WORDS} words  {'ignoring':>9} {f'novelty {default}':>12} {'held out':>9}")
    for name in np.unique(topics):
        at = topics == name
        print(f"{name:<22} {ignored[at].mean():9.2f} {scores[default][at].mean():12.2f} {held_out[at].mean():9.2f}"
              f"   (chosen on the other topics: {choice[clusters[int(np.argmax(at))].id]})")
    print(f"{'mean':<22} {ignored.mean():9.2f} {scores[default].mean():12.2f} {held_out.mean():9.2f}")
    for novelty, values in scores.items():
        print(f"novelty {novelty:<5} R2 recall {values.mean():.2f}")


if __name__ == "__main__":
    main()
