"""ROUGE as the benchmarks score it: rouge-score with Porter stemming, summaries cut at a word budget,
one sentence per line for ROUGE-Lsum, averaged over several references."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rouge_score import rouge_scorer

from ..errors import ConfigError
from ..text.segment import split_sentences

METRICS = ("rouge1", "rouge2", "rougeLsum")
MEASURES = {"f1": "fmeasure", "recall": "recall", "precision": "precision"}
_scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def cut(sentences: Iterable[str], words: int) -> list[str]:
    """The sentences cut at ``words`` words (the last one shortened), one sentence per item."""
    kept, left = [], words
    for sentence in sentences:
        tokens = sentence.split()
        if left <= 0:
            break
        if tokens:
            kept.append(" ".join(tokens[:left]))
            left -= len(tokens)
    return kept


def reference_sentences(reference: str) -> list[str]:
    """A reference split into sentences, without Multi-News' leading dash."""
    reference = re.sub(r"^\s*[–—-]\s*", "", reference)
    sentences: list[str] = []
    for line in reference.split("\n"):
        sentences.extend(line[a:b].strip() for a, b in split_sentences(line))
    return [s for s in sentences if s]


def rouge(summary: list[str], references: list[str], measure: str = "f1") -> dict[str, float]:
    """ROUGE-1/2/Lsum (stemmed) of a summary, averaged over references; ``measure`` is f1 or recall."""
    if not references:
        raise ConfigError("no reference summaries to score against")
    if measure not in MEASURES:
        raise ConfigError(f"measure: one of {', '.join(MEASURES)}, not {measure!r}")
    attribute = MEASURES[measure]
    candidate = "\n".join(summary)
    totals = dict.fromkeys(METRICS, 0.0)
    for reference in references:
        scores = _scorer.score("\n".join(reference_sentences(reference)), candidate)
        for metric in METRICS:
            totals[metric] += getattr(scores[metric], attribute)
    return {m: 100 * v / len(references) for m, v in totals.items()}
