"""Salience of candidate sentences: centrality, position, cross-source support, query relevance."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .vectors import normalize_rows

FEATURES = ("centrality", "position", "support", "relevance", "length", "dangling")
# Openings that lean on a sentence the reader may not have seen.
DANGLING = re.compile(
    r"^[\"“‘']?(he|she|it|they|this|that|these|those|both|his|her|its|their|but|and|so|also|however|"
    r"meanwhile|still|yet|then|instead|there|here)\b",
    re.IGNORECASE,
)


@dataclass
class Candidates:
    """The sentences a summary may use, with their tf-idf rows and per-sentence facts."""

    vectors: sparse.csr_matrix
    doc: np.ndarray
    position: np.ndarray
    words: np.ndarray
    n_docs: int
    texts: list[str]


def features(candidates: Candidates, query: sparse.csr_matrix | None = None) -> np.ndarray:
    """One row per sentence, one column per name in FEATURES."""
    vectors, doc = candidates.vectors, candidates.doc
    membership = sparse.csr_matrix(
        (np.ones(len(doc)), (doc, np.arange(len(doc)))), shape=(candidates.n_docs, len(doc))
    )
    doc_vectors = normalize_rows(membership @ vectors)
    centroid = np.asarray(doc_vectors.sum(axis=0)).ravel()
    centroid /= np.linalg.norm(centroid) or 1.0
    centrality = vectors @ centroid
    relevance = (vectors @ query.T).toarray().ravel() if query is not None else np.zeros(len(doc))
    return np.column_stack([
        centrality,
        1.0 / np.sqrt(1.0 + candidates.position),
        _support(vectors, doc, doc_vectors),
        relevance,
        np.minimum(candidates.words, 40) / 40.0,
        np.array([bool(DANGLING.match(t)) for t in candidates.texts], dtype=float),
    ])


def _support(vectors: sparse.csr_matrix, doc: np.ndarray, doc_vectors: sparse.csr_matrix) -> np.ndarray:
    """Share of a sentence's weighted terms that the other documents also use, averaged over them."""
    n_docs = doc_vectors.shape[0]
    if n_docs < 2:
        return np.zeros(len(doc))
    present = doc_vectors.copy()
    present.data[:] = 1.0
    weights = vectors.copy()
    weights.data = weights.data**2
    covered = (weights @ present.T).toarray()
    covered[np.arange(len(doc)), doc] = 0.0
    return covered.sum(axis=1) / (n_docs - 1)


DEFAULT_WEIGHTS = np.array([1.0, 0.6, 1.2, 1.5, 0.15, -0.2])


def score(table: np.ndarray, weights: np.ndarray = DEFAULT_WEIGHTS) -> np.ndarray:
    """Linear salience score of each sentence's feature row."""
    return table @ weights
