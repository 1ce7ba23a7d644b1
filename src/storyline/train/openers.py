"""Build the model of how a summary opens (storyline/data/openers.npz, see summarize.opening) from the human
summaries of all Multi-News training clusters (reads multi_news_plus/train.jsonl.gz, and validation.jsonl.gz
to choose the regularization).

    python -m storyline.train.openers          # ~2 min

Each summary's first sentence is an example of an opening, its next ones (up to MAX_LATER) of what is not;
sentences under MIN_WORDS words are left out (a short first sentence gives no example of an opening). Features
seen fewer than MIN_COUNT times are dropped; the logistic regression is fit by L-BFGS with an L2 penalty, the one
of PENALTIES with the least log-loss on the validation summaries. The examples are read as they stream, twice
(to count the features, then to build the matrix); the model keeps these settings and its validation log-loss.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import blingfire
import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize
from scipy.special import expit

from ..summarize.opening import OPENERS, opening_features
from . import DATA, MODELS

MIN_WORDS = 5
MAX_LATER = 7
MIN_COUNT = 30
PENALTIES = (1.0, 3.0, 10.0, 30.0)
MAX_ITERATIONS = 1000


def examples(path: Path) -> Iterator[tuple[set[str], float]]:
    """(features, 1 for a summary's first sentence and 0 for a later one) of each summary of a gzipped JSONL."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            for summary in json.loads(line)["summaries"]:
                sentences = blingfire.text_to_sentences(summary.lstrip("–- ")).split("\n")[:MAX_LATER + 1]
                for k, sentence in enumerate(sentences):
                    if len(sentence.split()) >= MIN_WORDS:
                        yield opening_features(sentence), float(k == 0)


def matrix(rows: Iterable[tuple[set[str], float]], index: dict[str, int]) -> tuple[sp.csr_matrix, np.ndarray]:
    """The known features of ``rows`` (features, label) as a 0/1 sparse matrix, and their labels: read as they
    stream, one row's column numbers at a time (in order, so that the fit is the same whatever the hash seed)."""
    columns, labels = [], []
    for row, label in rows:
        columns.append(np.sort(np.fromiter((index[f] for f in row if f in index), dtype=np.int32)))
        labels.append(label)
    indptr = np.cumsum([0] + [len(c) for c in columns])
    flat = np.concatenate(columns) if columns else np.zeros(0, dtype=np.int32)
    return sp.csr_matrix((np.ones(len(flat)), flat, indptr), shape=(len(columns), len(index))), np.array(labels)


def fit(x: sp.csr_matrix, y: np.ndarray, penalty: float) -> np.ndarray:
    """Weights and, last, the bias of an L2-penalized logistic regression."""
    def loss(wb: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ wb[:-1] + wb[-1]
        residual = expit(z) - y
        value = np.sum(np.logaddexp(0, z) - y * z) + penalty / 2 * wb[:-1] @ wb[:-1]
        return float(value), np.append(x.T @ residual + penalty * wb[:-1], residual.sum())
    result = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": MAX_ITERATIONS})
    if not result.success:
        raise RuntimeError(f"the fit with penalty {penalty} did not converge: {result.message}")
    return np.asarray(result.x)


def log_loss(x: sp.csr_matrix, y: np.ndarray, wb: np.ndarray) -> float:
    """Mean log-loss of the model ``wb`` on ``x``, ``y``."""
    z = x @ wb[:-1] + wb[-1]
    return float(np.mean(np.logaddexp(0, z) - y * z))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the evaluation data (default: %(default)s)")
    args = parser.parse_args()
    started = time.perf_counter()
    train, held = (args.data / "multi_news_plus" / name for name in ("train.jsonl.gz", "validation.jsonl.gz"))
    counts = Counter(f for row, _ in examples(train) for f in row)
    index = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    del counts
    (x, y), (x_held, y_held) = matrix(examples(train), index), matrix(examples(held), index)
    fits = {penalty: fit(x, y, penalty) for penalty in PENALTIES}
    losses = {penalty: log_loss(x_held, y_held, wb) for penalty, wb in fits.items()}
    best = min(losses, key=losses.__getitem__)
    wb = fits[best]
    settings = {"min_words": MIN_WORDS, "max_later": MAX_LATER, "min_count": MIN_COUNT, "penalty": best,
                "validation_log_loss": round(losses[best], 4), "sentences": x.shape[0]}
    np.savez_compressed(MODELS / OPENERS, features=np.array(list(index)), weights=wb[:-1].astype(np.float32),
                        bias=np.float32(wb[-1]), settings=json.dumps(settings))
    print(f"{x.shape[0]} sentences, {len(index)} features; validation log-loss by penalty "
          f"{ {p: round(v, 4) for p, v in losses.items()} }, kept {best}; in {time.perf_counter() - started:.0f} s "
          f"-> {MODELS / OPENERS}")


if __name__ == "__main__":
    main()
