"""Salience of candidate sentences: features of position, centrality, support and form, and a small learned model."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import numpy as np

from .vectors import (
    Matrix,
    background_frequency,
    bigram_presence,
    dense,
    normalize_rows,
    one_hot,
    presence,
    squared,
)

FEATURES = (
    "first", "inverse_position", "log_position", "relative_position", "inverse_paragraph",
    "log_doc_sentences", "log_docs", "log_words", "centrality", "own_doc_similarity",
    "other_docs_similarity", "doc_centrality", "support", "bigram_support", "word_probability", "signature_share", "signature_count", "quote", "digits",
    "capitals", "dangling", "first_person", "question", "attribution",
)
# Added for summaries focused on a query: cosine to the query, the same standardized within the cluster,
# the mean over the sentence's article, whether the sentence shares any query term, and the cosine times
# the salience features it should strengthen (centrality, support, an early position).
QUERY_FEATURES = (
    "relevance", "relevance_standardized", "document_relevance", "matches_query",
    "relevance_x_centrality", "relevance_x_support", "relevance_x_inverse_position",
)
# Openings that lean on a sentence the reader may not have seen.
DANGLING = re.compile(
    r"^[\"“‘']?(he|she|it|they|this|that|these|those|both|his|her|its|their|but|and|so|also|however|"
    r"meanwhile|still|yet|then|instead|there|here)\b",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"\b(I|we|my|our|me|us)\b")
ATTRIBUTION = re.compile(r"\b(said|says|told|according to|reported|announced)\b", re.IGNORECASE)
DIGIT = re.compile(r"\d")
CAPITALIZED = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")


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

    @cached_property
    def background(self) -> np.ndarray:
        """How often each vocabulary term occurs in general English."""
        return background_frequency(self.vocabulary, self.surface)

    @cached_property
    def bigrams(self) -> Matrix:
        """Which adjacent term pairs each sentence holds."""
        return bigram_presence(self.tokens)


def features(candidates: Candidates) -> np.ndarray:
    """One row per sentence, one column per name in FEATURES."""
    vectors, doc, position = candidates.vectors, candidates.doc, candidates.position
    n = len(doc)
    membership = one_hot(doc, candidates.n_docs)
    doc_vectors = normalize_rows(membership @ vectors)
    # The centroid is the sum of the documents' unit vectors; everything below is read off two small
    # dense products: sentence-document and document-document similarities.
    to_docs = dense(vectors @ doc_vectors.T)
    gram = dense(doc_vectors @ doc_vectors.T)
    toward_centroid = to_docs.sum(axis=1)
    own = to_docs[np.arange(n), doc]
    doc_to_centroid = gram.sum(axis=1)
    # similarity to the other documents: to the centroid minus the own document
    others_norm = np.sqrt(np.maximum(gram.sum() - 2 * doc_to_centroid + np.diag(gram), 1e-12))
    other_similarity = (toward_centroid - own) / others_norm[doc] if candidates.n_docs > 1 else np.zeros(n)
    doc_centrality = ((doc_to_centroid - np.diag(gram)) / others_norm)[doc] if candidates.n_docs > 1 else np.zeros(n)
    doc_sentences = np.bincount(doc, minlength=candidates.n_docs)[doc]
    present = presence(vectors)
    texts = candidates.texts
    return np.column_stack([
        position == 0,
        1.0 / (1.0 + position),
        np.log1p(position),
        position / np.maximum(doc_sentences, 1),
        1.0 / (1.0 + candidates.paragraph),
        np.log1p(doc_sentences),
        np.full(n, np.log(candidates.n_docs)),
        np.log(candidates.words),
        toward_centroid / np.sqrt(max(gram.sum(), 1e-12)),
        own,
        other_similarity,
        doc_centrality,
        _support(vectors, doc, doc_vectors),
        _bigram_support(candidates.bigrams, doc, membership),
        _word_probability(present),
        *_signature_terms(present, candidates.background),
        [('"' in t or "“" in t) for t in texts],
        [len(DIGIT.findall(t)) / len(t) for t in texts],
        [len(CAPITALIZED.findall(t)) / w for t, w in zip(texts, candidates.words)],
        [bool(DANGLING.match(t)) for t in texts],
        [bool(FIRST_PERSON.search(t)) for t in texts],
        [t.rstrip("\"”’' ").endswith("?") for t in texts],
        [bool(ATTRIBUTION.search(t)) for t in texts],
    ]).astype(float)


def _support(vectors: Matrix, doc: np.ndarray, doc_vectors: Matrix) -> np.ndarray:
    """Share of a sentence's weighted terms that the other documents also use, averaged over them."""
    n_docs = doc_vectors.shape[0]
    if n_docs < 2:
        return np.zeros(len(doc))
    covered = dense(squared(vectors) @ presence(doc_vectors).T)
    covered[np.arange(len(doc)), doc] = 0.0
    return covered.sum(axis=1) / (n_docs - 1)


def _bigram_support(bigrams: Matrix, doc: np.ndarray, membership: Matrix) -> np.ndarray:
    """Share of a sentence's word pairs that also occur in the other documents, averaged over them."""
    n_docs = membership.shape[0]
    if n_docs < 2:
        return np.zeros(len(doc))
    shared = dense(bigrams @ presence(membership @ bigrams).T)
    shared[np.arange(len(doc)), doc] = 0.0
    pairs = np.maximum(np.asarray(bigrams.sum(axis=1)).ravel(), 1.0)
    return shared.sum(axis=1) / pairs / (n_docs - 1)


def _signature_terms(present: Matrix, background: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Share and number of a sentence's terms (``present``: which terms each sentence has) that are topic
    signatures of the cluster.

    A term is a topic signature when the cluster uses it far more than general English does
    (Dunning's log-likelihood ratio above 10.83, p < 0.001; Lin and Hovy 2000).
    """
    observed = np.asarray(present.sum(axis=0)).ravel()
    expected = observed.sum() * background
    ratio = 2 * (observed * np.log(np.maximum(observed, 1e-12) / expected) - (observed - expected))
    signature = ((ratio > 10.83) & (observed > expected)).astype(float)
    count = present @ signature
    return count / np.maximum(np.asarray(present.sum(axis=1)).ravel(), 1.0), np.log1p(count)


def _word_probability(present: Matrix) -> np.ndarray:
    """Mean cluster frequency of a sentence's terms (SumBasic's signal), scaled by the most frequent term."""
    frequency = np.asarray(present.sum(axis=0)).ravel()
    frequency /= frequency.max() or 1.0
    terms = np.maximum(np.asarray(present.sum(axis=1)).ravel(), 1.0)
    return (present @ frequency) / terms


@dataclass(frozen=True)
class SalienceModel:
    """A linear model over standardized features, trained by training/train_salience.py.

    ``names`` are the feature columns it reads: FEATURES, or FEATURES + QUERY_FEATURES for a query model.
    """

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    names: tuple[str, ...] = FEATURES

    def predict(self, table: np.ndarray) -> np.ndarray:
        """Scores of the rows of ``table``; a generic model reads only the leading FEATURES columns of a
        table that also has the query features."""
        return ((table[:, : len(self.weights)] - self.mean) / self.scale) @ self.weights + self.bias

    def save(self, path) -> None:
        np.savez(path, features=np.array(self.names), mean=self.mean, scale=self.scale, weights=self.weights,
                 bias=np.array(self.bias))

    @classmethod
    def load(cls, path, names: tuple[str, ...] = FEATURES) -> SalienceModel:
        with np.load(path) as data:
            if tuple(data["features"]) != names:
                raise ValueError(f"{path}: trained on other features; retrain with training/train_salience.py")
            return cls(data["mean"], data["scale"], data["weights"], float(data["bias"]), names)


@lru_cache(maxsize=2)
def default_model(query: bool = False) -> SalienceModel:
    """A model shipped with the package: for generic summaries, or for summaries focused on a query."""
    if query:
        return SalienceModel.load(resources.files("storyline") / "data" / "salience-query.npz", FEATURES + QUERY_FEATURES)
    return SalienceModel.load(resources.files("storyline") / "data" / "salience.npz")


def query_features(candidates: Candidates, table: np.ndarray, query_relevance: np.ndarray) -> np.ndarray:
    """One row per sentence, one column per name in QUERY_FEATURES (``table``: the FEATURES of the sentences)."""
    doc = candidates.doc
    doc_relevance = np.bincount(doc, weights=query_relevance) / np.maximum(np.bincount(doc), 1)
    return np.column_stack([
        query_relevance,
        standardize(query_relevance),
        doc_relevance[doc],
        query_relevance > 0,
        *(query_relevance * table[:, FEATURES.index(name)] for name in ("centrality", "support", "inverse_position")),
    ]).astype(float)


def relevance(candidates: Candidates, query: Matrix) -> np.ndarray:
    """Cosine similarity of each sentence to the query."""
    return dense(candidates.vectors @ query.T).ravel()


def standardize(values: np.ndarray) -> np.ndarray:
    """Values shifted and scaled to mean 0 and standard deviation 1 (unscaled when all are equal)."""
    return (values - values.mean()) / (values.std() or 1.0)
