"""A cluster read for summarizing: candidate sentences, their vectors and features."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..errors import InputError
from ..model import Cluster, Document, Sentence
from ..text.patterns import ALONE, BARE_QUOTE, CAPITALIZED_WORD, FULL_NAME, NAMES_A_SPEAKER, leans_on_previous
from ..text.prose import MAX_WORDS, MIN_WORDS, prose_sentences
from ..text.tokens import stem, stem_frequencies, surface_words, word_frequency
from ..text.vectors import Matrix, Vectorizer, max_similarity
from .features import Candidates, FeatureTable, features, query_features, relevance


KNOWN_NAME_FREQUENCY = 3e-6  # a name at least this frequent in general English is known to readers


@dataclass
class Analysis:
    """A cluster's candidate sentences, their vectors and features.

    ``relevance``: each candidate's cosine to the query (None without one); ``seen``: each candidate's
    highest cosine to a sentence of the articles already read (None without them); ``coverage``: how much
    of the query the sentence that covers most of it holds (see ``query_coverage``; None without a query).
    """

    sentences: list[Sentence]
    candidates: Candidates
    relevance: np.ndarray | None
    seen: np.ndarray | None
    coverage: float | None = None
    query_words: int = 0

    def answers(self, threshold: float, slope: float) -> bool | None:
        """Whether the articles answer the query (None without one): some sentence covers at least
        ``threshold + slope * log(words of the query)`` of it."""
        if self.coverage is None:
            return None
        return bool(self.coverage >= threshold + slope * np.log(max(self.query_words, 1)))

    @cached_property
    def features(self) -> FeatureTable:
        """The generic salience features of the candidates (computed when first needed)."""
        return features(self.candidates)

    @cached_property
    def table(self) -> FeatureTable:
        """What a salience model reads: the features, and the query features when there is a query."""
        if self.relevance is None:
            return self.features
        return self.features.join(query_features(self.candidates, self.features, self.relevance))


def analyze(cluster: Cluster, query: str | None = None, min_words: int = MIN_WORDS, max_words: int = MAX_WORDS) -> Analysis:
    """Clean, segment and vectorize a cluster's candidate sentences (focused on ``query``, by default the
    cluster's own; "" for none). Raises InputError when the cluster has no sentence of prose. A cluster
    whose every sentence needs its article (all in the first person, say) is summarized from them all."""
    sentences = (prose_sentences(cluster.documents, min_words, max_words)
                 or prose_sentences(cluster.documents, min_words, max_words, standalone=False))
    if not sentences:
        raise InputError(f"{describe(cluster)}: no sentence of prose to summarize")
    texts = [s.text for s in sentences]
    words = [surface_words(t) for t in texts]
    tokens = [[stem(w) for w in sentence] for sentence in words]
    vectorizer = Vectorizer()
    vectors = vectorizer.fit_transform(tokens)
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
    seen = _seen(cluster.previous, vectorizer, vectors, min_words, max_words)
    if not (query and query.strip()):
        return Analysis(sentences, candidates, None, seen)
    query_relevance = relevance(candidates, vectorizer.transform([query]))
    coverage = query_coverage(query, candidates.tokens)
    return Analysis(sentences, candidates, query_relevance, seen, coverage, len(set(surface_words(query))))


def query_coverage(query: str, tokens: list[list[str]]) -> float:
    """The largest share of the query's words that one sentence (given by its stems) holds, each word weighed
    by its rarity in general English: near 1 when a sentence speaks to the whole question, near 0 when
    the articles never touch its distinctive words."""
    weights = {term: -np.log(frequency) for term, frequency in stem_frequencies(surface_words(query)).items()}
    total = sum(weights.values())
    if not total:
        return 0.0
    return max((sum(weights[t] for t in set(sentence) & weights.keys()) for sentence in tokens), default=0.0) / total


def describe(cluster: Cluster) -> str:
    """The cluster and its articles by name, for messages."""
    names = [document.id for document in cluster.documents if document.id]
    listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"cluster {cluster.id or '(unnamed)'}" + (f" (articles: {listed})" if listed else "")


def _seen(previous: list[Document], vectorizer: Vectorizer, vectors: Matrix, min_words: int, max_words: int) -> np.ndarray | None:
    """Each candidate's highest cosine similarity to a sentence of the previously read articles."""
    read = prose_sentences(previous, min_words, max_words)
    if not read:
        return None
    return max_similarity(vectors, vectorizer.transform([s.text for s in read]))


def antecedents(sentences: list[Sentence]) -> np.ndarray:
    """The sentence each candidate needs before it: for one that leans on the one before it ("She said ...",
    "But ...", a bare quotation after the sentence that names its speaker), the candidate just before it in
    its document; for one that names a person
    by surname alone ("..., Adler said"), the earlier candidate of its document that introduces them by full
    name. -2 when that sentence is not a candidate (the sentence cannot be used), -1 for none needed."""
    at = {(s.doc, s.index): number for number, s in enumerate(sentences)}
    introductions, surnames = _introductions(sentences)
    result = np.full(len(sentences), -1)
    for number, sentence in enumerate(sentences):
        if leans_on_previous(sentence.text):
            before = at.get((sentence.doc, sentence.index - 1), -2)
            quote_without_speaker = BARE_QUOTE.match(sentence.text) and not (
                before >= 0 and (NAMES_A_SPEAKER.search(sentences[before].text) or BARE_QUOTE.match(sentences[before].text)))
            result[number] = -2 if quote_without_speaker else before
            continue
        if not surnames.intersection(CAPITALIZED_WORD.findall(sentence.text)):
            continue
        named = {match.group(1) for match in FULL_NAME.finditer(sentence.text)}
        alone = [match.group(1) for match in ALONE.finditer(sentence.text)]
        for surname in [name for name in dict.fromkeys(alone) if name in surnames and name not in named]:
            introduction = introductions.get((sentence.doc, surname), number)
            result[number] = introduction if introduction < number else -2
            break
    return result


def _introductions(sentences: list[Sentence]) -> tuple[dict[tuple[int, str], int], set[str]]:
    """(document, surname) -> the first candidate of that document that gives the person's full name; and
    the surnames a reader needs introduced: those of the cluster's full names that general English does not
    know well (a household name such as Obama needs no introduction)."""
    first: dict[tuple[int, str], int] = {}
    for number, sentence in enumerate(sentences):
        for match in FULL_NAME.finditer(sentence.text):
            first.setdefault((sentence.doc, match.group(1)), number)
    surnames = {surname for _, surname in first}
    return first, {name for name in surnames if word_frequency(name.lower()) < KNOWN_NAME_FREQUENCY}
