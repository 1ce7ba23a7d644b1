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


def sparse_like(matrix: Matrix, other: Matrix) -> Matrix:
    """``matrix`` made sparse when ``other`` is (so that their product stays sparse), else as it is."""
    return sparse.csr_matrix(matrix) if sparse.issparse(other) and isinstance(matrix, np.ndarray) else matrix


def dense(matrix: Matrix) -> np.ndarray:
    """A sparse or dense matrix as a dense array."""
    return np.asarray(matrix) if isinstance(matrix, np.ndarray) else matrix.toarray()


def presence(matrix: Matrix) -> Matrix:
    """1.0 where the matrix is non-zero."""
    return (matrix != 0).astype(float)


def squared(matrix: Matrix) -> Matrix:
    """Element-wise square."""
    return matrix * matrix if isinstance(matrix, np.ndarray) else matrix.multiply(matrix)


def row_dots(left: Matrix, right: Matrix, rows: np.ndarray) -> np.ndarray:
    """For each row i of ``left``, its dot product with row ``rows[i]`` of ``right``: the diagonal of
    ``left @ right[rows].T``, in time and memory linear in ``left``'s non-zeros when it is sparse (neither
    ``right[rows]`` nor the product is built)."""
    rows = np.asarray(rows, dtype=np.int64)
    if isinstance(left, np.ndarray):
        return np.einsum("ij,ij->i", left, dense(right)[rows])
    left = left.tocsr()
    at_row = np.repeat(np.arange(left.shape[0]), np.diff(left.indptr))
    if isinstance(right, np.ndarray):
        other = right[rows[at_row], left.indices]
    else:
        right = right.tocsr()
        if not right.has_canonical_format:  # sorted indices, each cell once: what the search below needs
            right = right.copy()
            right.sum_duplicates()
        columns = np.int64(right.shape[1])
        keys = np.repeat(np.arange(right.shape[0], dtype=np.int64), np.diff(right.indptr)) * columns + right.indices
        wanted = rows[at_row] * columns + left.indices
        found = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
        other = np.where(keys[found] == wanted, right.data[found], 0.0) if len(keys) else np.zeros(len(wanted))
    return np.bincount(at_row, weights=left.data * other, minlength=left.shape[0])


def row_max(matrix: Matrix, initial: float = 0.0) -> np.ndarray:
    """Each row's largest value, at least ``initial``, as ``dense(matrix).max(axis=1, initial=initial)``
    (a sparse row's cells left out are zeros) without making a sparse matrix dense."""
    if isinstance(matrix, np.ndarray):
        return matrix.max(axis=1, initial=initial)
    matrix = matrix.tocsr()
    if not matrix.has_canonical_format:
        matrix = matrix.copy()
        matrix.sum_duplicates()
    lengths = np.diff(matrix.indptr)
    result = np.full(matrix.shape[0], float(initial))
    filled = lengths > 0
    if filled.any():  # each non-empty row runs from its start to the next non-empty row's
        result[filled] = np.maximum(np.maximum.reduceat(matrix.data, matrix.indptr[:-1][filled]), initial)
    with_zeros = lengths < matrix.shape[1]
    result[with_zeros] = np.maximum(result[with_zeros], 0.0)
    return result


def scale_columns(matrix: Matrix, weights: np.ndarray) -> Matrix:
    """Each column multiplied by its weight (sparse stays sparse, with the same cells)."""
    if isinstance(matrix, np.ndarray):
        return matrix * weights
    matrix = matrix.tocsr()
    return sparse.csr_matrix((matrix.data * weights[matrix.indices], matrix.indices, matrix.indptr), shape=matrix.shape)


# Cells of one block of a product computed in blocks of rows (32 MB of floats).
BLOCK_CELLS = 4_000_000


def max_similarity(left: Matrix, right: Matrix, cells: int = BLOCK_CELLS) -> np.ndarray:
    """Each row's largest value in ``left @ right.T`` (``right`` has at least one row): the product whole when
    it has at most ``cells`` cells, else in blocks of rows of about that many, so that memory stays bounded
    whatever the number of rows (each row's values are computed alike either way)."""
    block = max(cells // max(right.shape[0], 1), 1)
    if left.shape[0] <= block:
        return dense(left @ right.T).max(axis=1)
    return np.concatenate([dense(left[start:start + block] @ right.T).max(axis=1)
                           for start in range(0, left.shape[0], block)])
