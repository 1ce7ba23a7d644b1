"""Choose the query coverage below which the articles do not answer a question
(SummarizerConfig.answer_threshold and answer_slope; needs the [eval] extra).

    python -m storyline.train.answerable      # the rule, and its cross-validated accuracy

Data: the 50 DUC 2006 topics, each asked as a short question (its title) and as a long one (title and
narrative). A cluster asked its own question is answered; asked the question of another topic (three
drawn per cluster) it is not. A short question must be covered more fully than a long one, so the
threshold falls with the log of the question's number of words: answered when
coverage >= threshold + slope * log(words). The rule is the one that best tells the pairs apart
(balanced accuracy), measured on held-out folds of topics.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import numpy as np

from ..io.ingest import iter_jsonl
from ..summarize import analyze
from . import DATA, skip

FOLDS = 5
OTHERS = 3  # other topics' questions asked of each cluster
THRESHOLDS = np.round(np.arange(0.0, 1.0, 0.01), 2)
SLOPES = np.round(np.arange(-0.3, 0.01, 0.01), 2)


def pairs(data: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Query coverage, log of the question's words, whether it is the cluster's own question, and the
    cluster's number, for each (cluster, question) pair."""
    path = data / "duc2006" / "test.jsonl"
    questions = [json.loads(line)["query"] for line in path.open(encoding="utf-8")]
    clusters = list(iter_jsonl(str(path), on_error=skip))
    rng = np.random.default_rng(0)
    rows = []
    for number, cluster in enumerate(clusters):
        others = (number + 1 + rng.choice(len(clusters) - 1, OTHERS, replace=False)) % len(clusters)
        for topic in (number, *others):
            for question in (questions[topic]["title"], f"{questions[topic]['title']} {questions[topic]['narrative']}"):
                analysis = analyze(cluster, question)
                rows.append((analysis.coverage, np.log(max(analysis.query_words, 1)), topic == number, number))
    coverage, log_words, own, group = map(np.array, zip(*rows))
    return coverage, log_words, own.astype(bool), group


def best_rule(coverage: np.ndarray, log_words: np.ndarray, own: np.ndarray) -> tuple[float, float]:
    """The (threshold, slope) with the best balanced accuracy."""
    return max(itertools.product(THRESHOLDS, SLOPES),
               key=lambda rule: balanced_accuracy(coverage, log_words, own, *rule))


def balanced_accuracy(coverage: np.ndarray, log_words: np.ndarray, own: np.ndarray, threshold: float,
                      slope: float) -> float:
    answered = coverage >= threshold + slope * log_words
    return float((answered[own].mean() + (~answered[~own]).mean()) / 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the evaluation data (default: %(default)s)")
    args = parser.parse_args()
    coverage, log_words, own, group = pairs(args.data)
    held_out = []
    for fold in range(FOLDS):
        test = group % FOLDS == fold
        rule = best_rule(coverage[~test], log_words[~test], own[~test])
        held_out.append(balanced_accuracy(coverage[test], log_words[test], own[test], *rule))
    threshold, slope = best_rule(coverage, log_words, own)
    print(f"held-out balanced accuracy {np.mean(held_out):.3f} ({FOLDS} folds of topics, {len(own)} pairs)")
    print(f"answer_threshold={threshold} answer_slope={slope}")


if __name__ == "__main__":
    main()
