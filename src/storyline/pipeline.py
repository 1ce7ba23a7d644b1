"""The summarizer: ingest -> clean -> segment -> score -> select -> order -> render."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from . import clean
from .attribute import supporting
from .errors import InputError
from .model import Cluster, Document, Sentence, SourceRef, Summary, SummarySentence
from .order import order
from .score import (
    Candidates,
    SalienceModel,
    default_model,
    features,
    query_features,
    relevance,
    standardize,
)
from .segment import has_open_quote, segment
from .select import REDUNDANCY, select
from .vectors import Vectorizer, dense, stem, surface_words

# How far a sentence like one the reader already read falls, in standard deviations of salience per
# standard deviation of likeness (chosen on DUC 2007 update by training/tune_novelty.py).
NOVELTY = 0.25
MIN_WORDS = 6
MAX_WORDS = 80
PRONOUN_START = re.compile(r"^[\"“‘']?(he|she|it|they|both|this|these|those|his|her|its|their)\b", re.IGNORECASE)


@dataclass
class Summarizer:
    """Extractive multi-document summarizer.

    words: word budget (None for no limit); sentences: sentence budget (None for no limit);
    redundancy: cosine similarity above which a sentence repeats one already chosen;
    fill: let the last sentence cross the word budget (for evaluations that cut at the budget);
    model: the salience model (None for the ones shipped with the package, generic or query-focused);
    novelty: with articles already read (``cluster.previous``), how far a sentence that resembles one of
    them falls (see NOVELTY; 0 keeps the ranking and only skips copies).
    """

    words: int | None = 120
    sentences: int | None = None
    redundancy: float = REDUNDANCY
    fill: bool = False
    model: SalienceModel | None = None
    novelty: float = NOVELTY

    def summarize(self, cluster: Cluster, query: str | None = None) -> Summary:
        analysis = analyze(cluster, query)
        candidates = analysis.candidates
        if self._everything_fits(candidates.words):
            scores = -candidates.position.astype(float)  # nothing to rank: keep each article's order
        else:
            scores = (self.model or default_model(query=analysis.relevance is not None)).predict(analysis.table)
            if analysis.seen is not None:
                scores = standardize(scores) - self.novelty * standardize(analysis.seen)
        chosen = select(
            scores, candidates.vectors, candidates.words, self.words, self.sentences, self.redundancy, self.fill,
            analysis.seen, antecedent=antecedents(analysis.sentences),
        )
        chosen = order(chosen, candidates.position, candidates.doc)
        sentences = analysis.sentences
        return Summary(
            sentences=[
                SummarySentence(sentences[i].text, [_ref(sentences[j]) for j in group])
                for i, group in zip(chosen, supporting(chosen, candidates.vectors, candidates.doc))
            ],
            documents=cluster.documents,
            id=cluster.id,
        )

    def _everything_fits(self, words: np.ndarray) -> bool:
        return (self.words is None or words.sum() <= self.words) and (self.sentences is None or len(words) <= self.sentences)


@dataclass
class Analysis:
    """A cluster read for summarizing: its candidate sentences, their vectors and features."""

    sentences: list[Sentence]
    candidates: Candidates
    relevance: np.ndarray | None
    seen: np.ndarray | None

    @cached_property
    def features(self) -> np.ndarray:
        """The salience features of the candidates (computed when first needed)."""
        return features(self.candidates)

    @property
    def table(self) -> np.ndarray:
        """What a salience model reads: the features, and the query features when there is a query."""
        if self.relevance is None:
            return self.features
        return np.hstack([self.features, query_features(self.candidates, self.features, self.relevance)])


def analyze(cluster: Cluster, query: str | None = None) -> Analysis:
    """Clean, segment and vectorize a cluster's candidate sentences (focused on ``query``, by default the
    cluster's own; "" for none).

    With ``cluster.previous`` (articles the reader has read), ``seen`` holds each candidate's
    highest similarity to a sentence of them.
    """
    sentences = candidate_sentences(cluster.documents)
    if not sentences:
        raise InputError(f"{_describe(cluster)}: no sentence of prose to summarize")
    texts = [s.text for s in sentences]
    words = [surface_words(t) for t in texts]
    tokens = [[stem(w) for w in sentence] for sentence in words]
    vectorizer = Vectorizer()
    vectors = vectorizer.fit_transform(tokens=tokens)
    candidates = Candidates(
        vectors=vectors,
        surface=words,
        tokens=tokens,
        vocabulary=vectorizer.vocabulary,
        doc=np.array([s.doc for s in sentences]),
        position=np.array([s.index for s in sentences]),
        paragraph=np.array([s.paragraph for s in sentences]),
        words=np.array([len(t.split()) for t in texts]),
        n_docs=len(cluster.documents),
        texts=texts,
    )
    query = cluster.query if query is None else query
    query_relevance = relevance(candidates, vectorizer.transform([query])) if query and query.strip() else None
    return Analysis(sentences, candidates, query_relevance, _seen(cluster.previous, vectorizer, vectors))


def _describe(cluster: Cluster) -> str:
    """The cluster and its articles by name, for messages."""
    names = [document.id for document in cluster.documents if document.id]
    listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"cluster {cluster.id or '(unnamed)'}" + (f" (articles: {listed})" if listed else "")


def _seen(previous: list[Document], vectorizer: Vectorizer, vectors) -> np.ndarray | None:
    """Each candidate's highest cosine similarity to a sentence of the previously read articles."""
    read = candidate_sentences(previous)
    if not read:
        return None
    return dense(vectors @ vectorizer.transform([s.text for s in read]).T).max(axis=1)


def antecedents(sentences: list[Sentence]) -> np.ndarray:
    """For a sentence opening with a pronoun ("She", "They", "Both"), the candidate just before it in its
    document (-2 when that sentence is not a candidate); -1 for every other sentence."""
    at = {(s.doc, s.index): number for number, s in enumerate(sentences)}
    return np.array([
        at.get((s.doc, s.index - 1), -2) if PRONOUN_START.match(s.text) else -1 for s in sentences
    ])


def candidate_sentences(documents: list[Document]) -> list[Sentence]:
    """Prose sentences of every document: junk, headings, pieces of quotes, cut-off teasers, fragments and
    run-ons left out.

    A sentence that is a whole paragraph was already checked for junk by the cleaner.
    """
    result = []
    for number, document in enumerate(documents):
        paragraphs = clean.clean_spans(document.text)
        for sentence in segment(number, document.text, paragraphs):
            text = sentence.text
            whole_paragraph = paragraphs[sentence.paragraph] == (sentence.start, sentence.end)
            if MIN_WORDS <= len(text.split()) <= MAX_WORDS and not (
                has_open_quote(text) or clean.is_heading(text) or clean.is_truncated(text)
                or (not whole_paragraph and clean.is_junk(text))
            ):
                result.append(sentence)
    return result


def _ref(sentence: Sentence) -> SourceRef:
    return SourceRef(sentence.doc, sentence.index, sentence.start, sentence.end)


def as_cluster(documents: Cluster | Iterable[str | Document], query: str = "") -> Cluster:
    """A Cluster from a Cluster or from article texts / Documents."""
    if isinstance(documents, Cluster):
        return documents
    docs = [d if isinstance(d, Document) else Document(text=str(d), id=str(i + 1)) for i, d in enumerate(documents)]
    return Cluster(documents=docs, query=query)


def summarize(
    documents: Cluster | Iterable[str | Document],
    words: int | None = 120,
    sentences: int | None = None,
    query: str | None = None,
) -> Summary:
    """Summarize articles about one story; every summary sentence lists the documents that report it."""
    return Summarizer(words=words, sentences=sentences).summarize(as_cluster(documents), query)
