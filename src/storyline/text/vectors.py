"""Term vectors: stemmed content words weighted by tf-idf, and the sparse/dense matrix helpers around them."""

from __future__ import annotations

from itertools import chain, pairwise
from typing import TypeAlias

import numpy as np
from scipy import sparse

from .tokens import UNKNOWN_FREQUENCY, content_words, stem_frequencies

# Below this many cells a sentence-term matrix is kept dense: scipy's fixed cost per sparse operation
# outweighs the arithmetic on small clusters.
DENSE_CELLS = 400_000
Matrix: TypeAlias = sparse.csr_matrix | np.ndarray


def background_frequency(vocabulary: dict[str, int], words: list[list[str]]) -> np.ndarray:
    """stem_frequencies of the sentences' surface ``words``, as an array over the ``vocabulary``."""
    frequencies = stem_frequencies(chain.from_iterable(words))
    result = np.full(len(vocabulary), UNKNOWN_FREQUENCY)
    for term, index in vocabulary.items():
        result[index] = frequencies.get(term, UNKNOWN_FREQUENCY)
    return result


class Vectorizer:
    """Fit a vocabulary and idf weights on a cluster's sentences; turn texts into unit tf-idf rows."""

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}
        self.idf = np.zeros(0)

    def fit_transform(self, tokens: list[list[str]]) -> Matrix:
        """Fit on sentences given as their ``content_words`` and transform them."""
        counts = term_counts(tokens, self.vocabulary, grow=True)
        document_frequency = np.asarray((counts != 0).sum(axis=0)).ravel()
        self.idf = np.log((1 + counts.shape[0]) / (1 + document_frequency)) + 1.0
        return tfidf(counts, self.idf)

    def transform(self, texts: list[str]) -> Matrix:
        """Unit tf-idf rows of ``texts`` over the fitted vocabulary (words outside it are left out)."""
        return tfidf(term_counts([content_words(t) for t in texts], self.vocabulary, grow=False), self.idf)


def tfidf(counts: Matrix, idf: np.ndarray) -> Matrix:
    """Sublinear tf (1 + log count) times ``idf``, rows scaled to unit length."""
    if isinstance(counts, np.ndarray):
        return normalize_rows((np.log(np.maximum(counts, 1.0)) + (counts > 0)) * idf)
    weights = (1.0 + np.log(counts.data)) * idf[counts.indices]
    return normalize_rows(sparse.csr_matrix((weights, counts.indices, counts.indptr), shape=counts.shape))


def term_counts(token_lists: list[list], vocabulary: dict, grow: bool = True) -> Matrix:
    """Count matrix of token lists over ``vocabulary`` (extended with new tokens when ``grow``): a dense
    array when it has at most DENSE_CELLS cells (dense products are cheaper then, and building a sparse
    matrix costs more than a small cluster's whole summary), else sparse."""
    indices: list[int] = []
    lengths: list[int] = []
    for tokens in token_lists:
        before = len(indices)
        for token in tokens:
            index = vocabulary.get(token)
            if index is None and grow:
                index = vocabulary[token] = len(vocabulary)
            if index is not None:
                indices.append(index)
        lengths.append(len(indices) - before)
    rows, columns = len(token_lists), len(vocabulary)
    if rows * columns <= DENSE_CELLS:
        cells = np.repeat(np.arange(rows) * columns, lengths) + np.array(indices, dtype=int)
        return np.bincount(cells, minlength=rows * columns).reshape(rows, columns).astype(float)
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    matrix = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(rows, columns))
    matrix.sum_duplicates()
    return matrix


def bigram_presence(token_lists: list[list[str]]) -> Matrix:
    """Binary matrix of which adjacent content-word pairs each token list holds."""
    return presence(term_counts([list(pairwise(tokens)) for tokens in token_lists], {}))


def normalize_rows(matrix: Matrix) -> Matrix:
    """Rows scaled to unit length (empty rows stay empty)."""
    if isinstance(matrix, np.ndarray):
        norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix))
        return matrix / np.where(norms == 0, 1.0, norms)[:, None]
    matrix = matrix.tocsr()
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    norms = np.sqrt(np.bincount(rows, weights=matrix.data**2, minlength=matrix.shape[0]))
    norms[norms == 0] = 1.0
    return sparse.csr_matrix((matrix.data / norms[rows], matrix.indices, matrix.indptr), shape=matrix.shape)


def one_hot(labels: np.ndarray, n_labels: int) -> Matrix:
    """Matrix with a 1 at (label, i) for each position i of ``labels``: dense when small, like ``term_counts``."""
    if len(labels) * n_labels <= DENSE_CELLS:
        return (np.arange(n_labels)[:, None] == labels[None, :]).astype(float)
    return sparse.csr_matrix((np.ones(len(labels)), labels, np.arange(len(labels) + 1)), shape=(len(labels), n_labels)).T.tocsr()


def dense(matrix: Matrix) -> np.ndarray:
    """A sparse or dense matrix as a dense array."""
    return np.asarray(matrix) if isinstance(matrix, np.ndarray) else matrix.toarray()


def presence(matrix: Matrix) -> Matrix:
    """1.0 where the matrix is non-zero."""
    return (matrix != 0).astype(float)


def squared(matrix: Matrix) -> Matrix:
    """Element-wise square."""
    return matrix * matrix if isinstance(matrix, np.ndarray) else matrix.multiply(matrix)
