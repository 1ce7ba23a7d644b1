"""Properties that hold for any articles: source offsets, the word budget, dense and sparse arithmetic."""

import numpy as np
import pytest
from helpers import assert_sources_point_at_their_sentences
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import sparse

from storyline import Cluster, Document, Summarizer
from storyline.summarize import analyze
from storyline.text import vectors
from storyline.text.clean import is_junk
from storyline.text.vectors import Vectorizer, dense, normalize_rows, term_counts, tfidf

MODEST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words of news prose, some outside ASCII (offsets count str characters, not bytes), none a junk trigger.
WORDS = (
    "harbour fire timber warehouse residents evacuated police council smoke engines night quay street town mayor "
    "families investigation shelter emergency boats island storm ferry engineers rebuilt opened closed reported "
    "café Ålesund naïve Zürich Tromsø señora fjord 300 2031 eighty"
).split()


@st.composite
def sentences(draw, min_words=6, max_words=14):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words))
    sentence = " ".join([words[0].capitalize(), *words[1:]]) + draw(st.sampled_from([".", ".", "!"]))
    assume(not is_junk(sentence))  # mostly figures ("Harbour 300 2031 2031 ...") is no prose
    return sentence


@st.composite
def articles(draw):
    """One to four articles drawn from a shared pool of sentences, so that outlets report the same facts."""
    pool = draw(st.lists(sentences(), min_size=2, max_size=8, unique=True))
    texts = []
    for _ in range(draw(st.integers(1, 4))):
        chosen = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=6))
        gaps = draw(st.lists(st.sampled_from([" ", "  ", "\n", "\n\n"]), min_size=len(chosen), max_size=len(chosen)))
        headline = draw(st.sampled_from(["", "Harbour fire latest\n\n", "\n  "]))
        texts.append(headline + "".join(sentence + gap for sentence, gap in zip(chosen, gaps)))
    return [Document(text) for text in texts]


@MODEST
@given(articles(), st.one_of(st.none(), st.integers(1, 80)))
def test_every_source_reference_spans_its_sentence_in_any_articles(documents, words):
    summary = Summarizer(words=words).summarize(Cluster(documents))
    assert_sources_point_at_their_sentences(summary, documents)


@MODEST
@given(articles(), st.integers(1, 60), st.one_of(st.none(), st.integers(1, 5)))
def test_a_summary_never_exceeds_its_budgets(documents, words, most):
    summary = Summarizer(words=words, sentences=most).summarize(Cluster(documents))
    assert summary.words <= words
    assert most is None or len(summary.sentences) <= most


@MODEST
@given(articles())
@example([Document("Harbour harbour harbour harbour harbour harbour! "),  # two sentences that lean on each other
          Document("Harbour Ålesund harbour harbour harbour Zürich! Harbour Zürich harbour harbour harbour Ålesund! ")])
def test_with_no_budget_and_no_repetition_control_every_candidate_is_used(documents):
    summary = Summarizer(words=None, redundancy=None).summarize(Cluster(documents))
    assert len(summary.sentences) == len(analyze(Cluster(documents)).sentences)


# Dense and sparse matrices: the same numbers either way (DENSE_CELLS = 0 makes every matrix sparse).

TOKENS = st.lists(st.lists(st.sampled_from(["fire", "harbour", "police", "ferry", "smoke", "café"]), max_size=8),
                  min_size=1, max_size=8)


@MODEST
@given(TOKENS, st.lists(st.sampled_from(["fire", "police", "rain", "café", "snow"]), max_size=6))
def test_term_counts_are_the_same_dense_or_sparse(token_lists, unseen):
    dense_vocabulary: dict = {}
    dense_counts = term_counts(token_lists, dense_vocabulary)
    dense_query = term_counts([unseen], dense_vocabulary, grow=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vectors, "DENSE_CELLS", 0)
        sparse_vocabulary: dict = {}
        sparse_counts = term_counts(token_lists, sparse_vocabulary)
        sparse_query = term_counts([unseen], sparse_vocabulary, grow=False)
    assert isinstance(dense_counts, np.ndarray)
    assert sparse.issparse(sparse_counts) or sparse_counts.size == 0
    assert sparse_vocabulary == dense_vocabulary
    assert np.array_equal(dense(sparse_counts), dense_counts)
    assert np.array_equal(dense(sparse_query), dense_query)
    for counts in (sparse_counts, sparse_query):  # each cell stored once: sparse arithmetic on .data relies on it
        assert not sparse.issparse(counts) or counts.nnz == np.count_nonzero(dense(counts))
    assert dense_counts.sum() == sum(len(tokens) for tokens in token_lists)


@MODEST
@given(TOKENS, st.lists(st.lists(st.sampled_from(["fire", "fires", "police", "rain", "café"]), max_size=6), min_size=1, max_size=3))
def test_vectorizer_rows_are_the_same_dense_or_sparse(token_lists, queries):
    texts = [" ".join(words) for words in queries]
    fitted = Vectorizer()
    expected, expected_queries = fitted.fit_transform(token_lists), fitted.transform(texts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vectors, "DENSE_CELLS", 0)
        vectorizer = Vectorizer()
        rows, query_rows = vectorizer.fit_transform(token_lists), vectorizer.transform(texts)
    assert vectorizer.vocabulary == fitted.vocabulary and np.allclose(vectorizer.idf, fitted.idf)
    assert np.allclose(dense(rows), dense(expected))
    assert np.allclose(dense(query_rows), dense(expected_queries))


@MODEST
@given(TOKENS, st.data())
def test_tfidf_is_the_same_dense_or_sparse(token_lists, data):
    vocabulary: dict = {}
    counts = term_counts(token_lists, vocabulary)
    idf = data.draw(arrays(float, len(vocabulary), elements=st.floats(0.5, 5.0)))
    weighted = tfidf(counts, idf)
    from_sparse = tfidf(sparse.csr_matrix(counts), idf)
    assert sparse.issparse(from_sparse)
    assert np.allclose(dense(from_sparse), weighted)
    norms = np.linalg.norm(weighted, axis=1)
    assert np.allclose(norms[counts.sum(axis=1) > 0], 1.0) and np.all(norms[counts.sum(axis=1) == 0] == 0)


@MODEST
@given(arrays(float, st.tuples(st.integers(1, 6), st.integers(1, 6)),  # weights whose squares are normal floats
              elements=st.one_of(st.just(0.0), st.floats(1e-100, 10), st.floats(-10, -1e-100))))
def test_normalize_rows_is_the_same_dense_or_sparse(matrix):
    from_dense = normalize_rows(matrix)
    from_sparse = normalize_rows(sparse.csr_matrix(matrix))
    assert sparse.issparse(from_sparse)
    assert np.allclose(dense(from_sparse), from_dense)
    norms = np.linalg.norm(matrix, axis=1)
    assert np.allclose(np.linalg.norm(from_dense, axis=1), np.where(norms > 0, 1.0, 0.0))


@MODEST
@given(articles(), st.sampled_from(["", "police investigation"]))
@example([Document("Harbour fire timber warehouse residents evacuated council smoke engines investigation. " * 5)],
         "police investigation")  # equal relevances that differ by rounding only: no spread to scale by
def test_features_are_the_same_dense_or_sparse(documents, query):
    cluster = Cluster(documents)
    expected = analyze(cluster, query).table
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vectors, "DENSE_CELLS", 0)
        analysis = analyze(cluster, query)
        table = analysis.table
    assert sparse.issparse(analysis.candidates.vectors)
    assert table.names == expected.names
    assert np.allclose(table.values, expected.values), [
        name for name, a, b in zip(table.names, table.values.T, expected.values.T) if not np.allclose(a, b)
    ]
