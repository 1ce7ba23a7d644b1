"""Salience features of candidate sentences: position, centrality, support, topic signatures and form.

Each feature is registered once, with its name, in FEATURES or QUERY_FEATURES; a FeatureTable holds the
computed columns by name, and a model reads the columns it was trained on by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import numpy as np
from numpy.typing import ArrayLike

from ..errors import ConfigError
from ..text.patterns import CAPITALIZED, DANGLING
from ..text.vectors import (
    Matrix,
    background_frequency,
    bigram_presence,
    dense,
    normalize_rows,
    one_hot,
    presence,
    row_dots,
    row_max,
    scale_columns,
    sparse_like,
    squared,
)

FIRST_PERSON = re.compile(r"\b(I|we|my|our|me|us)\b")
ATTRIBUTION = re.compile(r"\b(said|says|told|according to|reported|announced)\b", re.IGNORECASE)
DIGIT = re.compile(r"\d")
# Dunning's log-likelihood ratio above which a term is a topic signature (p < 0.001; Lin and Hovy 2000).
SIGNATURE_RATIO = 10.83
WORD_PRIORS = "word-priors.npz"
# Up to this many cells, the sentence-document and document-document similarities (to_docs, gram) are
# built whole, and centrality and support read off them. A larger cluster (hundreds of articles: cells
# grow with the square of its size) gets the same sums from the centroid and from how many documents use
# each term, in time and memory linear in its size: the same numbers up to float rounding.
WHOLE_PRODUCT_CELLS = 1_000_000


@dataclass
class Candidates:
    """The sentences a summary may use, with their tf-idf rows and per-sentence facts.

    ``surface``: each sentence's content words; ``tokens``: the same stemmed, the terms of ``vocabulary``.
    """

    vectors: Matrix
    surface: list[list[str]]
    tokens: list[list[str]]
    vocabulary: dict[str, int]
    doc: np.ndarray
    position: np.ndarray
    paragraph: np.ndarray
    words: np.ndarray
    n_docs: int
    texts: list[str]

    @property
    def follows(self) -> np.ndarray:
        """Whether each candidate comes right after the one before it in its article (never the first)."""
        return np.r_[False, (self.doc[1:] == self.doc[:-1]) & (self.position[1:] == self.position[:-1] + 1)]


class Shared:
    """Quantities several features share, each computed once when first needed."""

    def __init__(self, candidates: Candidates):
        self.c = candidates
        self.n = len(candidates.doc)

    @cached_property
    def membership(self) -> Matrix:
        return one_hot(self.c.doc, self.c.n_docs)

    @cached_property
    def doc_vectors(self) -> Matrix:
        return normalize_rows(self.membership @ self.c.vectors)

    @cached_property
    def whole(self) -> bool:
        """Whether the sentence-document and document-document products are small enough to build whole."""
        return max(self.n, self.c.n_docs) * self.c.n_docs <= WHOLE_PRODUCT_CELLS

    # The centroid is the sum of the documents' unit vectors; in a small cluster centrality is read off two
    # small dense products: sentence-document and document-document similarities (to_docs and gram). In
    # a large one the sums are taken before the products: each is a product with the centroid.
    @cached_property
    def to_docs(self) -> np.ndarray:
        return dense(self.c.vectors @ self.doc_vectors.T)

    @cached_property
    def gram(self) -> np.ndarray:
        return dense(self.doc_vectors @ self.doc_vectors.T)

    @cached_property
    def centroid(self) -> np.ndarray:
        return np.asarray(self.doc_vectors.sum(axis=0)).ravel()

    @cached_property
    def toward_centroid(self) -> np.ndarray:
        """Each sentence's dot product with the centroid."""
        if self.whole:
            return self.to_docs.sum(axis=1)
        return np.asarray(self.c.vectors @ self.centroid).ravel()

    @cached_property
    def own(self) -> np.ndarray:
        """Each sentence's cosine to its own document."""
        if self.whole:
            return self.to_docs[np.arange(self.n), self.c.doc]
        return row_dots(self.c.vectors, self.doc_vectors, self.c.doc)

    @cached_property
    def doc_to_centroid(self) -> np.ndarray:
        if self.whole:
            return self.gram.sum(axis=1)
        return np.asarray(self.doc_vectors @ self.centroid).ravel()

    @cached_property
    def doc_norms(self) -> np.ndarray:
        """Each document vector's squared length (1, or 0 for a document without candidates)."""
        if self.whole:
            return np.diag(self.gram)
        return np.asarray(squared(self.doc_vectors).sum(axis=1)).ravel()

    @cached_property
    def centroid_norm(self) -> float:
        """The centroid's squared length."""
        return float(self.gram.sum() if self.whole else self.centroid @ self.centroid)

    @cached_property
    def others_norm(self) -> np.ndarray:
        """Length of the sum of the other documents' vectors, per document."""
        return np.sqrt(np.maximum(self.centroid_norm - 2 * self.doc_to_centroid + self.doc_norms, 1e-12))

    @cached_property
    def doc_sentences(self) -> np.ndarray:
        return np.bincount(self.c.doc, minlength=self.c.n_docs)[self.c.doc]

    @cached_property
    def present(self) -> Matrix:
        return presence(self.c.vectors)

    @cached_property
    def word_prior(self) -> np.ndarray:
        """Each vocabulary term's chance to be kept by an editor's summary when an article uses it (WORD_PRIORS)."""
        priors, default = word_priors()
        result = np.full(len(self.c.vocabulary), default)
        for term, column in self.c.vocabulary.items():
            result[column] = priors.get(term, default)
        return result

    @cached_property
    def signature_terms(self) -> tuple[np.ndarray, np.ndarray]:
        """Share and number of a sentence's terms that are topic signatures of the cluster: terms the
        cluster uses far more than general English does."""
        present = self.present
        observed = np.asarray(present.sum(axis=0)).ravel()
        expected = observed.sum() * background_frequency(self.c.vocabulary, self.c.surface)
        ratio = 2 * (observed * np.log(np.maximum(observed, 1e-12) / expected) - (observed - expected))
        signature = ((ratio > SIGNATURE_RATIO) & (observed > expected)).astype(float)
        count = present @ signature
        return count / np.maximum(np.asarray(present.sum(axis=1)).ravel(), 1.0), np.log1p(count)


def _other_docs_similarity(s: Shared) -> ArrayLike:
    """Cosine to the sum of the other documents: to the centroid minus the own document."""
    if s.c.n_docs < 2:
        return np.zeros(s.n)
    return (s.toward_centroid - s.own) / s.others_norm[s.c.doc]


def _doc_centrality(s: Shared) -> ArrayLike:
    if s.c.n_docs < 2:
        return np.zeros(s.n)
    return ((s.doc_to_centroid - s.doc_norms) / s.others_norm)[s.c.doc]


def _support(s: Shared) -> ArrayLike:
    """Share of a sentence's weighted terms that the other documents also use, averaged over them."""
    if s.c.n_docs < 2:
        return np.zeros(s.n)
    if s.whole:
        covered = dense(squared(s.c.vectors) @ presence(s.doc_vectors).T)
        covered[np.arange(s.n), s.c.doc] = 0.0
        return covered.sum(axis=1) / (s.c.n_docs - 1)
    # Summed over the documents before the product: each term weighed by how many documents use it,
    # less what the sentence's own document contributes.
    weights, used = squared(s.c.vectors), presence(s.doc_vectors)
    documents_using = np.asarray(used.sum(axis=0)).ravel()
    return (np.asarray(weights @ documents_using).ravel() - row_dots(weights, used, s.c.doc)) / (s.c.n_docs - 1)


def _bigram_support(s: Shared) -> ArrayLike:
    """Share of a sentence's word pairs that also occur in the other documents, averaged over them.

    Counted per pair before the product (how many documents hold each pair, less the sentence's own one):
    whole numbers, so the same to the last bit as summing a sentence-document product, in linear memory."""
    if s.c.n_docs < 2:
        return np.zeros(s.n)
    bigrams = bigram_presence(s.c.tokens)
    held = presence(sparse_like(s.membership, bigrams) @ bigrams)  # which pairs each document holds
    documents_holding = np.asarray(held.sum(axis=0)).ravel()
    shared = np.asarray(bigrams @ documents_holding).ravel() - row_dots(bigrams, held, s.c.doc)
    pairs = np.maximum(np.asarray(bigrams.sum(axis=1)).ravel(), 1.0)
    return shared / pairs / (s.c.n_docs - 1)


def _word_probability(s: Shared) -> ArrayLike:
    """Mean cluster frequency of a sentence's terms (SumBasic's signal), scaled by the most frequent term."""
    frequency = np.asarray(s.present.sum(axis=0)).ravel()
    frequency /= frequency.max() or 1.0
    terms = np.maximum(np.asarray(s.present.sum(axis=1)).ravel(), 1.0)
    return (s.present @ frequency) / terms


def _word_prior_mean(s: Shared) -> ArrayLike:
    """Mean editors' prior of a sentence's terms."""
    terms = np.maximum(np.asarray(s.present.sum(axis=1)).ravel(), 1.0)
    return (s.present @ s.word_prior) / terms


def _word_prior_weighted(s: Shared) -> ArrayLike:
    """Editors' prior of a sentence's terms, weighed by their tf-idf weight in the sentence."""
    weights = squared(s.c.vectors)  # rows of unit vectors: squared weights sum to 1
    return weights @ s.word_prior


def _word_prior_max(s: Shared) -> ArrayLike:
    """The highest editors' prior among a sentence's terms."""
    return row_max(scale_columns(s.present, s.word_prior), initial=0.0)


@lru_cache(maxsize=1)
def word_priors() -> tuple[dict[str, float], float]:
    """term -> the share of Multi-News training clusters using the term in their articles whose editors'
    summary uses it too (smoothed toward the overall share, which is the default for unknown terms); built
    by ``python -m storyline.train.priors``."""
    with (resources.files("storyline") / "data" / WORD_PRIORS).open("rb") as handle, np.load(handle) as data:
        return dict(zip(data["terms"].tolist(), data["priors"].tolist())), float(data["default"])


def _per_text(function: Callable[[str], float | bool]) -> Callable[[Shared], ArrayLike]:
    return lambda s: [function(t) for t in s.c.texts]


# name -> column, in the order models were trained on (append new ones; a model picks its columns by name).
FEATURE_FUNCTIONS: dict[str, Callable[[Shared], ArrayLike]] = {
    "first": lambda s: s.c.position == 0,
    "inverse_position": lambda s: 1.0 / (1.0 + s.c.position),
    "log_position": lambda s: np.log1p(s.c.position),
    "relative_position": lambda s: s.c.position / np.maximum(s.doc_sentences, 1),
    "inverse_paragraph": lambda s: 1.0 / (1.0 + s.c.paragraph),
    "log_doc_sentences": lambda s: np.log1p(s.doc_sentences),
    "log_docs": lambda s: np.full(s.n, np.log(s.c.n_docs)),
    "log_words": lambda s: np.log(s.c.words),
    "centrality": lambda s: s.toward_centroid / np.sqrt(max(s.centroid_norm, 1e-12)),
    "own_doc_similarity": lambda s: s.own,
    "other_docs_similarity": _other_docs_similarity,
    "doc_centrality": _doc_centrality,
    "support": _support,
    "bigram_support": _bigram_support,
    "word_probability": _word_probability,
    "signature_share": lambda s: s.signature_terms[0],
    "signature_count": lambda s: s.signature_terms[1],
    "quote": _per_text(lambda t: '"' in t or "“" in t),
    "digits": _per_text(lambda t: len(DIGIT.findall(t)) / len(t)),
    "capitals": lambda s: [len(CAPITALIZED.findall(t)) / w for t, w in zip(s.c.texts, s.c.words)],
    "dangling": _per_text(lambda t: bool(DANGLING.match(t))),
    "first_person": _per_text(lambda t: bool(FIRST_PERSON.search(t))),
    "question": _per_text(lambda t: t.rstrip("\"”’' ").endswith("?")),
    "attribution": _per_text(lambda t: bool(ATTRIBUTION.search(t))),
    "word_prior_mean": _word_prior_mean,
    "word_prior_weighted": _word_prior_weighted,
    "word_prior_max": _word_prior_max,
}
FEATURES = tuple(FEATURE_FUNCTIONS)


@dataclass(frozen=True)
class FeatureTable:
    """Feature columns by name: one row per candidate sentence."""

    names: tuple[str, ...]
    values: np.ndarray

    def columns(self, names: Sequence[str]) -> np.ndarray:
        """The columns of ``names``, in that order; a name the table lacks is a ConfigError."""
        missing = [name for name in names if name not in self.names]
        if missing:
            raise ConfigError(f"no feature {', '.join(missing)} in this table (it has {', '.join(self.names)})")
        index = {name: i for i, name in enumerate(self.names)}
        return self.values[:, [index[name] for name in names]]

    def column(self, name: str) -> np.ndarray:
        return self.columns([name])[:, 0]

    def rows(self, selection: np.ndarray) -> FeatureTable:
        """The rows picked by ``selection`` (a mask or indices)."""
        return FeatureTable(self.names, self.values[selection])

    def join(self, other: FeatureTable) -> FeatureTable:
        return FeatureTable(self.names + other.names, np.hstack([self.values, other.values]))


def features(candidates: Candidates) -> FeatureTable:
    """Every feature of FEATURES for each candidate sentence."""
    shared = Shared(candidates)
    return FeatureTable(FEATURES, _stack([FEATURE_FUNCTIONS[name](shared) for name in FEATURES], len(candidates.doc)))


# Added for summaries focused on a query: cosine to the query, the same standardized within the cluster,
# the mean over the sentence's article, whether the sentence shares any query term, and the cosine times
# the salience features it should strengthen (centrality, support, an early position).
QUERY_FEATURES = (
    "relevance", "relevance_standardized", "document_relevance", "matches_query",
    "relevance_x_centrality", "relevance_x_support", "relevance_x_inverse_position",
)


def query_features(candidates: Candidates, generic: FeatureTable, query_relevance: np.ndarray) -> FeatureTable:
    """The QUERY_FEATURES of each candidate, from its cosine to the query and its ``generic`` features."""
    doc = candidates.doc
    doc_relevance = np.bincount(doc, weights=query_relevance) / np.maximum(np.bincount(doc), 1)
    columns = [
        query_relevance,
        standardize(query_relevance),
        doc_relevance[doc],
        query_relevance > 0,
        *(query_relevance * generic.column(name) for name in ("centrality", "support", "inverse_position")),
    ]
    return FeatureTable(QUERY_FEATURES, _stack(columns, len(doc)))


def relevance(candidates: Candidates, query: Matrix) -> np.ndarray:
    """Cosine similarity of each sentence to the query."""
    return dense(candidates.vectors @ query.T).ravel()


def standardize(values: np.ndarray) -> np.ndarray:
    """Values shifted and scaled to mean 0 and standard deviation 1 (unscaled when all are equal, give or take
    rounding: five copies of one sentence differ by 1e-17 in one float order and not in another)."""
    spread = values.std()
    return (values - values.mean()) / (spread if spread > 1e-9 * max(1.0, float(np.abs(values).max(initial=0.0))) else 1.0)


def _stack(columns: list[ArrayLike], rows: int) -> np.ndarray:
    return np.column_stack(columns).astype(float) if columns else np.zeros((rows, 0))
