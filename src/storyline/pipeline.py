"""The summarizer: ingest -> clean -> segment -> score -> select -> order -> render."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from . import clean
from .attribute import supporting
from .errors import InputError
from .model import Cluster, Document, Sentence, SourceRef, Summary, SummarySentence
from .order import order
from .score import Candidates, features, score
from .segment import segment
from .select import select
from .vectors import Vectorizer

MIN_WORDS = 6
MAX_WORDS = 80


@dataclass
class Summarizer:
    """Extractive multi-document summarizer.

    words: word budget (None for no limit); sentences: sentence budget (None for no limit);
    redundancy: cosine similarity above which a sentence repeats one already chosen;
    fill: let the last sentence cross the word budget (for evaluations that cut at the budget).
    """

    words: int | None = 120
    sentences: int | None = None
    redundancy: float = 0.35
    fill: bool = False

    def summarize(self, cluster: Cluster, query: str | None = None) -> Summary:
        query = cluster.query if query is None else query
        sentences = candidate_sentences(cluster.documents)
        if not sentences:
            raise InputError(f"cluster {cluster.id or '(unnamed)'}: no sentence of prose to summarize")
        vectorizer = Vectorizer()
        texts = [s.text for s in sentences]
        vectors = vectorizer.fit_transform(texts)
        candidates = Candidates(
            vectors=vectors,
            doc=np.array([s.doc for s in sentences]),
            position=np.array([s.index for s in sentences]),
            words=np.array([len(s.text.split()) for s in sentences]),
            n_docs=len(cluster.documents),
            texts=texts,
        )
        query_vector = vectorizer.transform([query]) if query else None
        scores = score(features(candidates, query_vector))
        chosen = select(scores, vectors, candidates.words, self.words, self.sentences, self.redundancy, self.fill)
        chosen = order(chosen, candidates.position, candidates.doc)
        return Summary(
            sentences=[
                SummarySentence(sentences[i].text, [_ref(sentences[j]) for j in group])
                for i, group in zip(chosen, supporting(chosen, vectors, candidates.doc))
            ],
            documents=cluster.documents,
            id=cluster.id,
        )


def candidate_sentences(documents: list[Document]) -> list[Sentence]:
    """Prose sentences of every document: junk, headings, pieces of quotes, fragments and run-ons left out."""
    result = []
    for number, document in enumerate(documents):
        for sentence in segment(number, document.text, clean.clean_spans(document.text)):
            words = len(sentence.text.split())
            text = sentence.text
            if MIN_WORDS <= words <= MAX_WORDS and not (
                clean.is_junk(text) or clean.is_heading(text) or clean.has_open_quote(text)
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
