"""Term vectors of sentences: stemmed content words weighted by tf-idf."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, pairwise

import numpy as np
import Stemmer
from scipy import sparse

TOKEN = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own s same she
    should so some such t than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told according mr mrs ms one two new us
    like get got year years""".split()
)
_stemmer = Stemmer.Stemmer("porter")
# Below this many cells a sentence-term matrix is kept dense: scipy's fixed cost per sparse operation
# outweighs the arithmetic on small clusters.
DENSE_CELLS = 400_000
Matrix = sparse.csr_matrix | np.ndarray


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def content_words(text: str) -> list[str]:
    """Stemmed, lower-cased words of ``text`` without stop words."""
    return [stem(w) for w in surface_words(text)]


def surface_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` without stop words, unstemmed."""
    return [w for w in TOKEN.findall(text.lower()) if w not in STOPWORDS and len(w) > 1]


@lru_cache(maxsize=1)
def _english_frequencies() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en", wordlist="large")


def stem_frequencies(words: Iterable[str]) -> dict[str, float]:
    """How often each stem of ``words`` occurs in general English (wordfreq): the frequency of its most
    frequent surface form among ``words``, 1e-8 for words wordfreq does not know."""
    frequencies = _english_frequencies()
    result: dict[str, float] = {}
    for word in words:
        term = stem(word)
        result[term] = max(result.get(term, 1e-8), frequencies.get(word, 1e-8))
    return result


def background_frequency(vocabulary: dict[str, int], words: list[list[str]]) -> np.ndarray:
    """stem_frequencies of the sentences' surface ``words``, as an array over the ``vocabulary``."""
    frequencies = stem_frequencies(chain.from_iterable(words))
    result = np.full(len(vocabulary), 1e-8)
    for term, index in vocabulary.items():
        result[index] = frequencies.get(term, 1e-8)
    return result


class Vectorizer:
    """Fit a vocabulary and idf weights on a cluster's sentences; turn texts into unit tf-idf rows."""

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}
        self.idf = np.zeros(0)

    def fit_transform(self, texts: list[str] | None = None, tokens: list[list[str]] | None = None) -> Matrix:
        """Fit on ``texts`` (or on their ``content_words`` when already computed) and transform them."""
        counts = term_counts(tokens if tokens is not None else [content_words(t) for t in texts], self.vocabulary, grow=True)
        document_frequency = np.asarray((counts != 0).sum(axis=0)).ravel()
        self.idf = np.log((1 + counts.shape[0]) / (1 + document_frequency)) + 1.0
        return self._weigh(counts)

    def transform(self, texts: list[str]) -> Matrix:
        return self._weigh(term_counts([content_words(t) for t in texts], self.vocabulary, grow=False))

    def _weigh(self, counts: Matrix) -> Matrix:
        """Sublinear tf times idf, rows scaled to unit length."""
        if not sparse.issparse(counts):
            return normalize_rows((np.log(np.maximum(counts, 1.0)) + (counts > 0)) * self.idf)
        weights = (1.0 + np.log(counts.data)) * self.idf[counts.indices]
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
    if not sparse.issparse(matrix):
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
    return matrix.toarray() if sparse.issparse(matrix) else np.asarray(matrix)


def presence(matrix: Matrix) -> Matrix:
    """1.0 where the matrix is non-zero."""
    return (matrix != 0).astype(float)


def squared(matrix: Matrix) -> Matrix:
    """Element-wise square."""
    return matrix.multiply(matrix) if sparse.issparse(matrix) else matrix * matrix
