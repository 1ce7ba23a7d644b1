"""Train the salience models shipped in storyline/data/ (needs the [eval] extra).

    python -m storyline.train.salience                 # generic model: cross-validate, fit on all, save
    python -m storyline.train.salience --no-save       # cross-validation only
    python -m storyline.train.salience --query --redundancy 0.2 0.25 0.3 0.4   # the query-focused model
    python -m storyline.train.salience --learning-curve 5 10 20 40 --no-save   # ROUGE against training clusters

Targets: for every candidate sentence, the share of its unigrams and bigrams that the human references
also use (stemmed, as ROUGE counts them): what a sentence contributes per word to a budgeted summary.
Data: the generic model (salience.npz) learns from the full-length Multi-News train and validation
clusters (train, validation, train_full_extra, validation_full_extra: 779) and the first --plus N of the
preprocessed Multi-News+ training clusters (dev is for reporting only), scored by F1; the query model
(salience-query.npz, features plus query features) from the 50 DUC 2006 topics, scored by recall; its
DUC 2006 figures are only ever reported cross-validated. The model is ridge regression on standardized
features: deterministic, and as good as gradient boosting or a small MLP on the same features (tried on
validation_full_extra held out: 46.41 / 16.35 boosting, 46.42 / 16.53 MLP, 46.56 / 16.61 ridge with the
word priors).
"""

from __future__ import annotations

import argparse
import time
import gzip
import itertools
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from rouge_score.tokenizers import DefaultTokenizer

from ..eval.rouge import cut, reference_sentences, rouge
from ..errors import InputError
from ..io.ingest import cluster_from_record, iter_jsonl
from ..model import Cluster
from ..summarize import FeatureTable, SalienceModel, Summarizer, SummarizerConfig, analyze
from . import DATA, MODELS, skip

REDUNDANCY = SummarizerConfig().redundancy
ALPHA = 10.0  # chosen on Multi-News validation_full_extra held out (ridge 10 vs 100 vs 1000)
QUERY_ALPHA = 100.0
PLUS = 3000  # preprocessed Multi-News+ training clusters added to the full-length ones
FOLDS = 5
_tokenizer = DefaultTokenizer(use_stemmer=True)


def ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(zip(*(tokens[i:] for i in range(n))))


def overlap_share(sentence: str, reference: dict[int, Counter]) -> float:
    """Mean over n = 1, 2 of the share of the sentence's n-grams found in the reference (clipped counts)."""
    tokens = _tokenizer.tokenize(sentence)
    shares = []
    for n in (1, 2):
        grams = ngrams(tokens, n)
        total = sum(grams.values())
        shares.append(sum(min(c, reference[n][g]) for g, c in grams.items()) / total if total else 0.0)
    return float(np.mean(shares))


def read_clusters(path: Path, limit: int | None = None) -> Iterator[Cluster]:
    """The clusters of a JSONL file, gzip-compressed or not (the first ``limit`` of them)."""
    if path.suffix != ".gz":
        yield from itertools.islice(iter_jsonl(str(path), on_error=skip), limit)
        return
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(itertools.islice(lines, limit), 1):
            try:
                yield cluster_from_record(json.loads(line), default_id=f"{path.name}:{number}")
            except (json.JSONDecodeError, InputError) as error:
                skip(f"{path}:{number}", InputError(str(error)))


def load_examples(paths: list[Path], limits: dict[Path, int] | None = None
                  ) -> tuple[FeatureTable, np.ndarray, np.ndarray, list[Cluster]]:
    """Features, targets and cluster groups of every candidate sentence, and the clusters themselves
    (``limits``: read only the first N clusters of some paths; unreadable lines, clusters without
    references or prose are left out)."""
    tables: list[np.ndarray] = []
    targets: list[np.ndarray] = []
    groups: list[np.ndarray] = []
    clusters: list[Cluster] = []
    for path in paths:
        for cluster in read_clusters(path, (limits or {}).get(path)):
            if not cluster.references:
                continue
            try:
                analysis = analyze(cluster)
            except InputError as error:
                skip(cluster.id, error)
                continue
            references = [_tokenizer.tokenize(" ".join(reference_sentences(r))) for r in cluster.references]
            counts = [{n: ngrams(t, n) for n in (1, 2)} for t in references]
            target = [np.mean([overlap_share(s.text, c) for c in counts]) for s in analysis.sentences]
            tables.append(analysis.table.values)
            targets.append(np.array(target))
            groups.append(np.full(len(target), len(clusters)))
            clusters.append(cluster)
    names = analysis.table.names
    return FeatureTable(names, np.vstack(tables)), np.concatenate(targets), np.concatenate(groups), clusters


def fit(features: FeatureTable, target: np.ndarray, alpha: float, **trained_with: Any) -> SalienceModel:
    """Ridge regression (closed form) on standardized features; ``trained_with`` records the settings."""
    table = features.values
    mean, scale = table.mean(axis=0), table.std(axis=0)
    scale[scale == 0] = 1.0
    standard = (table - mean) / scale
    centred = target - target.mean()
    weights = np.linalg.solve(standard.T @ standard + alpha * np.eye(standard.shape[1]), standard.T @ centred)
    return SalienceModel(features.names, mean, scale, weights, float(target.mean()), {"alpha": alpha, **trained_with})


def summary_rouge(clusters, model: SalienceModel, words: int, measure: str, redundancy: float | None) -> dict[str, float]:
    summarizer = Summarizer(words=words, fill=True, model=model, redundancy=redundancy)
    scores = [rouge(cut([s.text for s in summarizer.summarize(c).sentences], words), c.references, measure)
              for c in clusters]
    return {k: round(float(np.mean([s[k] for s in scores])), 2) for k in scores[0]}


def fold_masks(groups: np.ndarray, folds: int = FOLDS) -> list[np.ndarray]:
    """Which rows each fold holds out: cluster i is in fold i mod ``folds``."""
    return [groups % folds == k for k in range(folds)]


def cross_validate(table, target, groups, clusters, args) -> None:
    """ROUGE of whole summaries on held-out folds of clusters (cluster i in fold i mod k), per setting."""
    folds = fold_masks(groups, args.folds)
    for alpha in args.alpha:
        models = [fit(table.rows(~held_out), target[~held_out], alpha) for held_out in folds]
        for redundancy in args.redundancy:
            scores = []
            for model, held_out in zip(models, folds):
                fold_clusters = [clusters[g] for g in np.unique(groups[held_out])]
                scores.append((len(fold_clusters), summary_rouge(fold_clusters, model, args.words, args.measure, redundancy)))
            total = sum(n for n, _ in scores)
            mean = {k: round(sum(n * s[k] for n, s in scores) / total, 2) for k in scores[0][1]}
            print(f"alpha={alpha} redundancy={redundancy}: {mean}", flush=True)


def learning_curve(table, target, groups, clusters, sizes: list[int], folds: int = FOLDS, alpha: float = ALPHA,
                   redundancy: float | None = REDUNDANCY, repeats: int = 3) -> list[dict]:
    """Held-out ROUGE (F1 at 250 words) when each fold's model learns from only N of the training clusters
    (for each N of ``sizes``, then all of them), the mean over ``repeats`` random fold assignments and
    subsets: how much more data of this kind would add."""
    rng = np.random.default_rng(0)
    rows = []
    for size in [*sizes, None]:
        runs, counts = [], set()
        for _ in range(repeats):
            fold_of = rng.permutation(groups.max() + 1) % folds
            scores = []
            for fold in range(folds):
                held_out = fold_of[groups] == fold
                training = np.unique(groups[~held_out])
                chosen = rng.choice(training, size=min(size or len(training), len(training)), replace=False)
                counts.add(len(chosen))
                model = fit(table.rows(np.isin(groups, chosen)), target[np.isin(groups, chosen)], alpha)
                fold_clusters = [clusters[g] for g in np.unique(groups[held_out])]
                scores.append((len(fold_clusters), summary_rouge(fold_clusters, model, 250, "f1", redundancy)))
            runs.append({k: sum(n * s[k] for n, s in scores) / len(clusters) for k in scores[0][1]})
        label = "-".join(str(n) for n in sorted({min(counts), max(counts)}))
        rows.append({"training_clusters": label} | {k: round(float(np.mean([run[k] for run in runs])), 2) for k in runs[0]})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the evaluation data (default: %(default)s)")
    parser.add_argument("--query", action="store_true", help="train the query-focused model on DUC 2006")
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--alpha", type=float, nargs="+", help=f"ridge penalty (default: {ALPHA}, {QUERY_ALPHA} with --query)")
    parser.add_argument("--plus", type=int, default=PLUS, metavar="N",
                        help="also learn from the first N preprocessed Multi-News+ training clusters (default: %(default)s)")
    parser.add_argument("--redundancy", type=float, nargs="+", default=[REDUNDANCY])
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--no-cv", action="store_true")
    parser.add_argument("--learning-curve", type=int, nargs="+", metavar="N",
                        help="instead of cross-validating: held-out ROUGE when learning from N clusters per fold (generic model)")
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    if args.learning_curve and args.query:
        parser.error("--learning-curve measures the generic model")

    args.measure = "recall" if args.query else "f1"
    args.alpha = args.alpha or [QUERY_ALPHA if args.query else ALPHA]
    limits = {}
    if args.query:
        paths = [args.data / "duc2006" / "test.jsonl"]
    else:
        names = ("train.jsonl", "validation.jsonl", "train_full_extra.jsonl", "validation_full_extra.jsonl")
        paths = [args.data / "multi_news" / name for name in names]
        if args.plus:
            plus = args.data / "multi_news_plus" / "train.jsonl.gz"
            paths.append(plus)
            limits[plus] = args.plus
    started = time.perf_counter()
    table, target, groups, clusters = load_examples(paths, limits)
    print(f"{len(clusters)} clusters, {len(target)} sentences, {len(table.names)} features", flush=True)
    if args.learning_curve:
        for row in learning_curve(table, target, groups, clusters, args.learning_curve, args.folds, args.alpha[0], args.redundancy[0]):
            print(row, flush=True)
    elif not args.no_cv:
        cross_validate(table, target, groups, clusters, args)
    if not args.no_save:
        path = MODELS / ("salience-query.npz" if args.query else "salience.npz")
        data = [str(p.relative_to(args.data)) + (f" (first {limits[p]})" if p in limits else "") for p in paths]
        fit(table, target, args.alpha[0], redundancy=args.redundancy[0], words=args.words, data=data).save(path)
        print(f"saved {path} ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
