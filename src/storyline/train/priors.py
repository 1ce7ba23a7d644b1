"""Build the editors' word priors (storyline/data/word-priors.npz) from all Multi-News training clusters
(needs the [eval] extra only for the data layout; reads multi_news_plus/train.jsonl.gz).

    python -m storyline.train.priors          # ~20 s

For every stem used in at least MIN_CLUSTERS clusters' articles: the share of those clusters whose editors'
summary uses it too, smoothed toward the overall share by SMOOTHING pseudo-clusters. The articles are the
preprocessed (lower-cased, truncated) Multi-News+ form; stems do not care about case.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ..summarize.features import WORD_PRIORS
from ..text.tokens import stem, surface_words
from . import DATA, MODELS

MIN_CLUSTERS = 5
SMOOTHING = 10.0


def count(path: Path) -> tuple[Counter[str], Counter[str], int]:
    """For each stem: the clusters whose articles use it, and those whose summary uses it too."""
    used: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    clusters = 0
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            clusters += 1
            source = {stem(word) for document in record["documents"] for word in surface_words(document)}
            summary = {stem(word) for word in surface_words(" ".join(record["summaries"]))}
            used.update(source)
            kept.update(source & summary)
    return used, kept, clusters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the evaluation data (default: %(default)s)")
    args = parser.parse_args()
    started = time.perf_counter()
    used, kept, clusters = count(args.data / "multi_news_plus" / "train.jsonl.gz")
    terms = sorted(term for term, n in used.items() if n >= MIN_CLUSTERS)
    default = sum(kept.values()) / sum(used.values())
    priors = np.array([(kept[t] + SMOOTHING * default) / (used[t] + SMOOTHING) for t in terms], dtype=np.float32)
    np.savez_compressed(MODELS / WORD_PRIORS, terms=np.array(terms), priors=priors, default=np.array(default))
    print(f"{len(terms)} stems from {clusters} clusters in {time.perf_counter() - started:.0f} s -> {MODELS / WORD_PRIORS}")


if __name__ == "__main__":
    main()
