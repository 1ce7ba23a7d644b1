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
from .score import Candidates, SalienceModel, features, relevance, score
from .segment import segment
from .select import select
from .vectors import Vectorizer, background_frequency, bigram_presence, compact, dense, stem, surface_words

MIN_WORDS = 6
MAX_WORDS = 80
PRONOUN_START = re.compile(r"^[\"“‘']?(he|she|it|they|both|this|these|those|his|her|its|their)\b", re.IGNORECASE)


@dataclass
class Summarizer:
    """Extractive multi-document summarizer.

    words: word budget (None for no limit); sentences: sentence budget (None for no limit);
    redundancy: cosine similarity above which a sentence repeats one already chosen;
    fill: let the last sentence cross the word budget (for evaluations that cut at the budget);
    model: the salience model (None for the one shipped with the package);
    query_weight: how much relevance to the query counts against salience, when there is a query.
    """

    words: int | None = 120
    sentences: int | None = None
    redundancy: float = 0.4
    fill: bool = False
    model: SalienceModel | None = None
    query_weight: float = 0.5

    def summarize(self, cluster: Cluster, query: str | None = None) -> Summary:
        analysis = analyze(cluster, cluster.query if query is None else query)
        candidates = analysis.candidates
        if self._everything_fits(candidates.words):
            scores = -candidates.position.astype(float)  # nothing to rank: keep each article's order
        else:
            scores = score(analysis.features, self.model, analysis.relevance, self.query_weight)
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


def analyze(cluster: Cluster, query: str | None = "") -> Analysis:
    """Clean, segment and vectorize a cluster's candidate sentences.

    With ``cluster.previous`` (articles the reader has read), ``seen`` holds each candidate's
    highest similarity to a sentence of them.
    """
    sentences = candidate_sentences(cluster.documents)
    if not sentences:
        raise InputError(f"cluster {cluster.id or '(unnamed)'}: no sentence of prose to summarize")
    texts = [s.text for s in sentences]
    words = [surface_words(t) for t in texts]
    tokens = [[stem(w) for w in sentence] for sentence in words]
    vectorizer = Vectorizer()
    vectors = compact(vectorizer.fit_transform(tokens=tokens))
    candidates = Candidates(
        vectors=vectors,
        background=background_frequency(vectorizer.vocabulary, words),
        bigrams=compact(bigram_presence(tokens)),
        doc=np.array([s.doc for s in sentences]),
        position=np.array([s.index for s in sentences]),
        paragraph=np.array([s.paragraph for s in sentences]),
        words=np.array([len(t.split()) for t in texts]),
        n_docs=len(cluster.documents),
        texts=texts,
    )
    query_relevance = relevance(candidates, vectorizer.transform([query])) if query and query.strip() else None
    return Analysis(sentences, candidates, query_relevance, _seen(cluster.previous, vectorizer, vectors))


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
    """Prose sentences of every document: junk, headings, pieces of quotes, fragments and run-ons left out.

    A sentence that is a whole paragraph was already checked for junk by the cleaner.
    """
    result = []
    for number, document in enumerate(documents):
        paragraphs = clean.clean_spans(document.text)
        for sentence in segment(number, document.text, paragraphs):
            text = sentence.text
            whole_paragraph = paragraphs[sentence.paragraph] == (sentence.start, sentence.end)
            if MIN_WORDS <= len(text.split()) <= MAX_WORDS and not (
                clean.has_open_quote(text) or clean.is_heading(text) or (not whole_paragraph and clean.is_junk(text))
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
