"""Choose how far sentences like what the reader already read fall in update summaries (pipeline.NOVELTY).

    python training/tune_novelty.py                   # the grid, and the leave-one-topic-out choice

Data: the update stages (B, C) of DUC 2007's update pilot, the only update data there is; it is also
the data BENCHMARKS.md reports, so the figure that counts is the leave-one-topic-out one printed last:
each topic summarized with the weight chosen on the other topics.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from storyline.evaluate import cut, rouge
from storyline.ingest import iter_jsonl
from storyline.pipeline import Summarizer

ROOT = Path(__file__).resolve().parents[1]
GRID = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.0)
WORDS = 100


def recall_2(clusters, novelty: float) -> np.ndarray:
    """ROUGE-2 recall of each cluster's update summary with this ``novelty`` weight."""
    summarizer = Summarizer(words=WORDS, fill=True, novelty=novelty)
    return np.array([
        rouge(cut([s.text for s in summarizer.summarize(c).sentences], WORDS), c.references, "recall")["rouge2"]
        for c in clusters
    ])


def held_out_choices(clusters) -> tuple[dict[float, np.ndarray], dict[str, float]]:
    """Each weight's per-cluster scores, and for each cluster the weight best on the other topics."""
    topics = np.array([topic(c) for c in clusters])
    scores = {novelty: recall_2(clusters, novelty) for novelty in GRID}
    choice = {}
    for name in np.unique(topics):
        outside = topics != name
        choice[name] = max(GRID, key=lambda novelty: scores[novelty][outside].mean())
    return scores, {c.id: choice[topic(c)] for c in clusters}


def topic(cluster) -> str:
    return cluster.id.split("-")[0]


def update_clusters(data: Path) -> list:
    return [c for _, c in iter_jsonl(str(data / "duc2007_update" / "test.jsonl")) if c.previous]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
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
