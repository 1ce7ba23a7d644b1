"""One story of hundreds of articles: memory linear in its size, and the same numbers either way.

A cluster's sentence-document and document-document products grow with the square of its size; above
features.WHOLE_PRODUCT_CELLS the features take their sums before the products instead. These tests run
an invented cluster of a few hundred articles within a memory bound that building those products (or any
sentence-by-vocabulary matrix) exceeds many times over, and check that both ways give the same features.
"""

import importlib
import random
import tracemalloc

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import sparse

from storyline import Cluster, Document, Summarizer
from storyline.summarize import analyze
from storyline.summarize.attribute import supporting
from storyline.text import vectors
from storyline.text.vectors import (
    bigram_presence,
    dense,
    max_similarity,
    presence,
    row_dots,
    row_max,
    scale_columns,
)

features_module = importlib.import_module("storyline.summarize.features")  # the package exports its function
MODEST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MB = 2**20


def invented_cluster(articles: int, sentences: int = 20, vocabulary: int = 4000, seed: int = 7) -> Cluster:
    """``articles`` invented articles of ``sentences`` sentences each, in paragraphs of two; four in ten
    sentences are facts that several articles report, the others the article's own."""
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < vocabulary:
        words.add("".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4))))
    lexicon = sorted(words)

    def sentence() -> str:
        text = " ".join(rng.choice(lexicon) for _ in range(rng.randint(8, 16)))
        return text[0].upper() + text[1:] + "."

    facts = [sentence() for _ in range(articles * 4)]
    documents = []
    for number in range(articles):
        lines = [rng.choice(facts) if rng.random() < 0.4 else sentence() for _ in range(sentences)]
        paragraphs = ["  ".join(lines[i:i + 2]) for i in range(0, sentences, 2)]
        documents.append(Document("\n\n".join(paragraphs), id=f"article-{number}"))
    return Cluster(documents)


@pytest.fixture(scope="module")
def large() -> Cluster:
    return invented_cluster(300)


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """Load what every summary loads once (word lists, priors, the model) before memory is counted."""
    Summarizer(words=250, fill=True).summarize(invented_cluster(4, seed=1))


def traced_peak(function, *args):
    """``function(*args)`` and the peak of the memory Python and NumPy allocated meanwhile, in bytes."""
    tracemalloc.start()
    try:
        result = function(*args)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# Memory: 300 articles, 6,000 sentences, 4,000 words. A sentence-document product is 14 MB, a
# sentence-vocabulary one 190 MB; the linear computation needs about 12 MB for the features, and the
# summary some 45 MB (32 of them select's similarities among the MAX_CONSIDERED best sentences).

def test_the_features_of_hundreds_of_articles_take_memory_linear_in_their_size(large):
    analysis = analyze(large)
    table, peak = traced_peak(features_module.features, analysis.candidates)
    assert peak < 24 * MB, f"features of {len(analysis.sentences)} sentences took {peak / MB:.0f} MB"
    assert table.values.shape == (len(analysis.sentences), len(features_module.FEATURES))
    assert np.isfinite(table.values).all()
    assert not features_module.Shared(analysis.candidates).whole  # the linear computation is the one tested


def test_a_cluster_of_hundreds_of_articles_is_summarized_in_bounded_memory(large):
    summary, peak = traced_peak(Summarizer(words=250, fill=True).summarize, large)
    assert peak < 96 * MB, f"the summary of {len(large.documents)} articles took {peak / MB:.0f} MB"
    assert summary.words >= 250 and len(summary.sentences) > 5
    assert max(len(sentence.sources) for sentence in summary.sentences) > 2  # facts reported by several


# The same numbers either way: whole products (small clusters) and sums taken first (large ones).

def _tables(cluster: Cluster, query: str, monkeypatch, dense_cells: int) -> tuple:
    with monkeypatch.context() as patch:
        patch.setattr(vectors, "DENSE_CELLS", dense_cells)
        whole = analyze(cluster, query).table
        patch.setattr(features_module, "WHOLE_PRODUCT_CELLS", 0)
        analysis = analyze(cluster, query)
        assert not features_module.Shared(analysis.candidates).whole
        return whole, analysis.table


@pytest.mark.parametrize("dense_cells", [vectors.DENSE_CELLS, 0])
@pytest.mark.parametrize("with_query", [False, True])
def test_features_are_the_same_from_whole_products_or_from_sums(monkeypatch, dense_cells, with_query):
    cluster = invented_cluster(12, sentences=8, vocabulary=300, seed=3)
    query = " ".join(cluster.documents[0].text.split()[:3]) if with_query else ""
    whole, linear = _tables(cluster, query, monkeypatch, dense_cells)
    assert (whole.values.shape[1] > len(features_module.FEATURES)) == with_query
    assert linear.names == whole.names
    differ = [name for name, a, b in zip(whole.names, whole.values.T, linear.values.T)
              if not np.allclose(a, b, rtol=1e-9, atol=1e-9)]
    assert not differ
    # Counts of word pairs are whole numbers: the same to the last bit.
    assert np.array_equal(whole.column("bigram_support"), linear.column("bigram_support"))
    assert np.array_equal(whole.column("word_prior_max"), linear.column("word_prior_max"))


@MODEST
@given(st.integers(1, 6), st.integers(1, 6), st.integers(20, 200), st.integers(0, 10_000))
def test_features_agree_either_way_on_any_invented_cluster(articles, sentences, vocabulary, seed):
    cluster = invented_cluster(articles, sentences, vocabulary, seed)
    with pytest.MonkeyPatch.context() as patch:
        whole = analyze(cluster).table
        patch.setattr(features_module, "WHOLE_PRODUCT_CELLS", 0)
        linear = analyze(cluster).table
    assert np.allclose(whole.values, linear.values, rtol=1e-9, atol=1e-9)
    assert np.array_equal(whole.column("bigram_support"), linear.column("bigram_support"))


def test_bigram_support_is_the_sentence_document_product_summed(monkeypatch):
    """The share of a sentence's word pairs found in each other document, from the whole product (as it
    was computed before): exactly the same, on the linear path too."""
    cluster = invented_cluster(30, sentences=6, vocabulary=120, seed=11)
    candidates = analyze(cluster).candidates
    bigrams = dense(bigram_presence(candidates.tokens))
    membership = (np.arange(candidates.n_docs)[:, None] == candidates.doc[None, :]).astype(float)
    shared = bigrams @ presence(membership @ bigrams).T
    shared[np.arange(len(candidates.doc)), candidates.doc] = 0.0
    expected = shared.sum(axis=1) / np.maximum(bigrams.sum(axis=1), 1.0) / (candidates.n_docs - 1)
    monkeypatch.setattr(features_module, "WHOLE_PRODUCT_CELLS", 0)
    assert np.array_equal(features_module.features(candidates).column("bigram_support"), expected)


# The matrix helpers the linear computation uses: dense and sparse give the same.

MATRICES = arrays(float, st.tuples(st.integers(1, 7), st.integers(1, 7)),
                  elements=st.one_of(st.just(0.0), st.just(0.0), st.floats(-5, 5, allow_subnormal=False)))


@MODEST
@given(MATRICES, MATRICES, st.data())
def test_row_dots_is_the_diagonal_of_the_product_dense_or_sparse(left, right, data):
    right = np.resize(right, (right.shape[0], left.shape[1]))
    rows = np.array(data.draw(st.lists(st.integers(0, right.shape[0] - 1), min_size=left.shape[0],
                                       max_size=left.shape[0])))
    expected = np.diag(left @ right[rows].T)
    for a, b in [(left, right), (sparse.csr_matrix(left), sparse.csr_matrix(right)),
                 (sparse.csr_matrix(left), right), (left, sparse.csr_matrix(right))]:
        assert np.allclose(row_dots(a, b, rows), expected)


def test_row_dots_reads_a_sparse_matrix_with_unsorted_or_repeated_cells():
    right = sparse.csr_matrix((np.array([1.0, 2.0, 3.0]), np.array([2, 0, 2]), np.array([0, 3])), shape=(1, 3))
    left = sparse.csr_matrix(np.array([[1.0, 1.0, 1.0], [0.0, 0.0, 2.0]]))
    assert np.allclose(row_dots(left, right, np.array([0, 0])), [6.0, 8.0])
    assert right.nnz == 3  # the caller's matrix is left as it was


@MODEST
@given(MATRICES, st.floats(-1, 1))
def test_row_max_is_the_same_dense_or_sparse(matrix, initial):
    expected = matrix.max(axis=1, initial=initial)
    assert np.array_equal(row_max(matrix, initial), expected)
    assert np.array_equal(row_max(sparse.csr_matrix(matrix), initial), expected)
    assert np.array_equal(row_max(sparse.coo_matrix(matrix), initial), expected)


@MODEST
@given(MATRICES, st.data())
def test_scale_columns_is_the_same_dense_or_sparse(matrix, data):
    weights = data.draw(arrays(float, matrix.shape[1], elements=st.floats(0, 3)))
    assert np.array_equal(dense(scale_columns(sparse.csr_matrix(matrix), weights)), scale_columns(matrix, weights))


# attribute: one similarity row per chosen sentence, the best of each document taken at once.

def _supporting_one_by_one(chosen, vectors_, doc, threshold):
    """The closest sentence of each other document, document by document (the plain definition)."""
    similarity = dense(vectors_[chosen] @ vectors_.T)
    starts = [0, *(np.flatnonzero(doc[1:] != doc[:-1]) + 1).tolist()]
    result = []
    for row, index in zip(similarity, chosen):
        sources = [index]
        for start, end in zip(starts, [*starts[1:], len(doc)]):
            best = start + int(row[start:end].argmax())
            if row[best] >= threshold and not start <= index < end:
                sources.append(best)
        result.append(sources)
    return result


@MODEST
@given(st.integers(1, 25), st.integers(1, 5), st.integers(0, 2**32 - 1), st.sampled_from([0.0, 0.3, 0.5, 1.0]))
def test_supporting_cites_the_first_closest_sentence_of_each_other_document(sentences, terms, seed, threshold):
    rng = np.random.default_rng(seed)
    counts = (rng.random((sentences, terms)) < 0.5) * rng.integers(0, 3, (sentences, terms)).astype(float)
    norms = np.linalg.norm(counts, axis=1)
    rows = counts / np.where(norms == 0, 1.0, norms)[:, None]  # ties and empty rows included
    doc = np.sort(rng.integers(0, rng.integers(1, 6), sentences)) if seed % 3 else rng.integers(0, 4, sentences)
    chosen = [int(i) for i in rng.permutation(sentences)[: rng.integers(0, sentences + 1)]]
    for matrix in (rows, sparse.csr_matrix(rows)):
        alike = [["flame"]] * sentences, ["The flames."] * sentences  # the same words: only vectors decide
        assert supporting(chosen, matrix, doc, threshold, *alike) == _supporting_one_by_one(chosen, matrix, doc, threshold)


@MODEST
@given(MATRICES, MATRICES, st.integers(1, 12))
def test_max_similarity_in_blocks_is_the_row_maximum_of_the_whole_product(left, right, cells):
    right = np.resize(right, (right.shape[0], left.shape[1]))
    expected = (left @ right.T).max(axis=1)
    for a, b in [(left, right), (sparse.csr_matrix(left), sparse.csr_matrix(right))]:
        assert np.array_equal(max_similarity(a, b), dense(a @ b.T).max(axis=1))  # small: the same computation
        assert np.allclose(max_similarity(a, b, cells), expected)  # in blocks of rows
    blocked = max_similarity(sparse.csr_matrix(left), sparse.csr_matrix(right), cells)
    assert np.array_equal(blocked, dense(sparse.csr_matrix(left) @ sparse.csr_matrix(right).T).max(axis=1))
