"""The summarizer: analyze (clean, segment, vectorize) -> score -> select -> order -> attribute, people named in
full at their first mention."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

import numpy as np

from ..model import Cluster, Document, Sentence, SourceRef, Summary, SummarySentence, publication_day
from ..text.html import document_from_html, document_from_text, looks_like_html
from ..text.patterns import Person, leans_on_previous
from ..text.prose import with_full_stop
from ..text.reflow import unmarked
from ..text.tokens import content_words
from .analysis import SHORT_QUESTION, Analysis, analyze, dependencies, rare_names_in_full
from .attribute import supporting
from .config import DEFAULT_WORDS, SummarizerConfig
from .features import QUERY_FEATURES, Candidates
from .mentions import first_mentions, later_mentions, roles_given
from .novelty import pushed_down, read_share, read_words
from .opening import reads_as_first, reads_as_later
from .order import live_entries, openers, order, reading_positions, summary_opener
from .salience import Scorer, default_model
from .select import select, tellers
from .stale import overtaken, repeated_denials

NOTHING_NEW = "nothing new: every sentence was told by the articles already read"


class Summarizer:
    """Extractive multi-document summarizer.

    ``config`` holds every setting (see SummarizerConfig); keyword ``settings`` change some of them,
    as in ``Summarizer(words=250)``. ``model`` ranks the sentences (by default the model shipped with the
    package: the generic one, or the query-focused one when there is a query). Raises ConfigError for a
    setting out of range.
    """

    def __init__(self, config: SummarizerConfig | None = None, *, model: Scorer | None = None, **settings: Any):
        self.config = (config or SummarizerConfig()).replace(**settings)
        self.model = model

    def __repr__(self) -> str:
        return f"Summarizer({self.config!r}, model={self.model!r})"

    def summarize(self, cluster: Cluster, query: str | None = None) -> Summary:
        """The summary of ``cluster``, focused on ``query`` (by default the cluster's own; "" for none).

        With a short question (at most SHORT_QUESTION words that say what it asks about, see
        analysis.question_words), the sentence most like it is chosen first and opens the summary when it
        leans on none and none on it (unless a model of one's own ranks the sentences); a longer query (a topic
        to describe) steers the ranking. With a query the
        articles do not answer (no sentence holds enough of it), the summary is the generic one and
        ``answered`` is False. Raises InputError when the cluster has no sentence of prose. A document whose
        text is a web page is read as the page's article: source offsets count Python ``str`` characters of
        the texts of the summary's ``documents``.
        """
        config = self.config
        cluster = dataclasses.replace(cluster, documents=[_as_text(d) for d in cluster.documents],
                                      previous=[_as_text(d) for d in cluster.previous])
        analysis = analyze(cluster, query, config.min_words, config.max_words)
        answered = analysis.answers(config.answer_threshold, config.answer_slope)
        if answered is False:  # nothing speaks to the question: summarize the articles, and say so
            analysis = dataclasses.replace(analysis, relevance=None)
        candidates = analysis.candidates
        dated = known_days(cluster.documents)  # each article's day, 0 when not known
        days = publication_days(cluster.documents, dated)  # one of no known day: the earliest
        known_day = dated[candidates.doc]
        answer = -1  # the sentence that answers a short question
        # ranked even when every sentence fits: of two that repeat each other, the better one is kept
        scores = self._scorer(analysis, answered).predict(analysis.table)
        # never told: "No one was hurt" of Monday after Tuesday's "A firefighter died"; a denial told twice
        stale = overtaken(candidates.texts, known_day)
        stale |= repeated_denials(candidates.texts, scores, stale)
        if self.model is None and analysis.relevance is not None and analysis.query_words <= SHORT_QUESTION:
            answer = _answer(analysis.relevance, analysis.held, known_day, ~stale)
            scores[answer] = scores.max() + 1  # its answer comes in first
        if analysis.seen is not None:
            read = read_share(candidates.tokens, cluster.previous, analysis.seen)
            scores = pushed_down(scores, read, config.novelty)
        scores[stale] = -np.inf
        needs = dependencies(analysis.sentences, cluster.documents, candidates.tokens)
        known = read_words(cluster.previous)  # what the reader was told before, and what they ask of
        if analysis.relevance is not None:  # "What caused the fire?" knows of a fire
            known |= frozenset(content_words(cluster.query if query is None else query))
        entries = live_entries(analysis.sentences, cluster.documents)
        reading = reading_positions(analysis.sentences, entries)
        leans_on, after = _within_entries(needs.antecedent, needs.after, entries, candidates, needs.unless_told)
        words = candidates.words + needs.added_words
        if answer >= 0 and _cannot_come_with(leans_on, answer):  # "She is survived by ..." after "Who survives her?"
            leans_on = leans_on.copy()
            leans_on[answer] = -1
        chosen = self._select(scores, analysis, leans_on, words, needs.unless_told, known)
        as_they_are = not chosen  # nothing stands without what the articles leave out: use the sentences as they are
        if as_they_are:
            leans_on = after = np.full(len(leans_on), -1)
            chosen = self._select(scores, analysis, leans_on, words, needs.unless_told, known)
        if analysis.relevance is None:
            can_open = openers(reading, candidates.doc, after, candidates.texts)
            if analysis.seen is not None:  # what is new: the lead of a report later than all that was read
                can_open = can_open[np.isin(candidates.doc[can_open], _later_reports(dated, known_days(cluster.previous)))]
            # a story told over days: the lead of the last day's report, so the summary tells where it stands
            latest = can_open[np.isin(candidates.doc[can_open], last_day_reports(dated))]
            for leads in (can_open, latest):  # no sentence to open on: the best lead that can open and be told comes first
                scores, chosen = self._with_lead_chosen(leads, chosen, scores, analysis, leans_on, words,
                                                        needs.unless_told, known)
            first = summary_opener(chosen, reading, candidates.doc, after, scores, candidates.texts, days)
            if first is not None and reads_as_later(candidates.texts[first]):  # nor on one that reads as a later one
                pool = latest if len(latest) else can_open  # of a story told over days, its last day's leads
                reads_first = np.array([reads_as_first(candidates.texts[i]) for i in pool], dtype=bool)
                scores, chosen = self._with_lead_chosen(pool[reads_first], chosen, scores, analysis, leans_on, words,
                                                        needs.unless_told, known)
        if chosen and not as_they_are:
            after = after.copy()
            earliest_first = sorted(chosen, key=lambda i: days[candidates.doc[i]])
            for i, teller in tellers(earliest_first, leans_on, needs.unless_told, candidates.tokens, known).items():
                if after[teller] != i and days[candidates.doc[teller]] == days[candidates.doc[i]]:
                    after[i] = teller  # no cycle with a person's introduction; one of an earlier day comes before it
        chosen = order(chosen, reading, candidates.doc, after, scores, candidates.texts, days)
        if answer in chosen and after[answer] == -1 and answer not in after[chosen]:
            chosen.remove(answer)  # a short question's answer, leaning on nothing and leaned on by none, opens it
            chosen.insert(0, answer)
        sentences = analysis.sentences
        groups = supporting(chosen, candidates.vectors, candidates.doc, config.support, candidates.tokens,
                            candidates.texts, dated)
        articles = [unmarked(d.text) for d in cluster.documents]
        shown = later_mentions(self._named_in_full([sentences[i].text for i in chosen], [needs.in_full[i] for i in chosen],
                                                   cluster.documents, articles), articles)
        return Summary(
            sentences=[SummarySentence(with_full_stop(text), [_ref(sentences[j]) for j in group], full_names)
                       for (text, full_names), group in zip(shown, groups)],
            documents=cluster.documents,
            id=cluster.id,
            query=(cluster.query if query is None else query) if answered is not None else "",
            answered=answered,
        )

    def _scorer(self, analysis: Analysis, answered: bool | None) -> Scorer:
        """The model given, else the shipped one for the analysis; of a question the articles do not answer, whose
        summary is the generic one, not a model given that reads the query's features."""
        reads_query = bool(set(getattr(self.model, "names", ())) & set(QUERY_FEATURES))
        if self.model is None or (answered is False and reads_query):
            return default_model(query=analysis.relevance is not None)
        return self.model

    def _named_in_full(self, texts: list[str], in_full: list[dict[str, Person]], documents: list[Document],
                       articles: list[str]) -> list[tuple[str, list[tuple[str, str]]]]:
        """The summary's sentences with the first mention of each person named alone given in full (see
        ``first_mentions``): those the selection knew of, and the rare surnames the articles name in full
        elsewhere; then the people named in full with no role given the one the ``articles`` give (see
        ``roles_given``); each addition kept while the summary keeps its word budget."""
        known = first_mentions(texts, in_full)
        more = rare_names_in_full(texts, documents, in_full)
        if any(more):
            shown = first_mentions(texts, [{**named, **found} for named, found in zip(in_full, more)])
            spare = self._spare(shown)
            known = shown if spare is None or spare >= 0 or self.config.fill else known
        return roles_given(known, articles, self._spare(known))

    def _spare(self, shown: list[tuple[str, list[tuple[str, str]]]]) -> int | None:
        """How many words the summary's sentences as ``shown`` leave of its budget (None: no budget)."""
        budget = self.config.words
        return None if budget is None else budget - sum(len(text.split()) for text, _ in shown)

    def told_before(self, cluster: Cluster, query: str | None = None) -> bool:
        """True when the articles already read (``cluster.previous``) told all a summary would: without them
        it has sentences. For an empty summary: nothing new, rather than a budget too small."""
        unread = dataclasses.replace(cluster, previous=[])
        return bool(cluster.previous) and bool(self.summarize(unread, query).sentences)

    def _with_lead_chosen(self, leads: np.ndarray, chosen: list[int], scores: np.ndarray, analysis: Analysis,
                          leans_on: np.ndarray, words: np.ndarray, unless_told: list[frozenset[str]],
                          known: frozenset[str]) -> tuple[np.ndarray, list[int]]:
        """The scores and the chosen sentences with the best of ``leads`` that can be told chosen first, when none of
        them is chosen."""
        leads = leads[np.isfinite(scores[leads]) & (leans_on[leads] != -2)]
        if not len(leads) or np.isin(chosen, leads).any():
            return scores, chosen
        scores = scores.copy()
        scores[leads[np.argmax(scores[leads])]] = scores.max() + 1
        return scores, self._select(scores, analysis, leans_on, words, unless_told, known)

    def _select(self, scores: np.ndarray, analysis: Analysis, leans_on: np.ndarray, words: np.ndarray,
                unless_told: list[frozenset[str]], known: frozenset[str]) -> list[int]:
        config, candidates = self.config, analysis.candidates
        return select(scores, candidates.vectors, words, config.words, config.sentences, config.redundancy,
                      config.fill, analysis.seen, config.copy, antecedent=leans_on, unless_told=unless_told,
                      tokens=candidates.tokens, known=known, repeat_pairs=config.repeat_pairs,
                      texts=candidates.texts, leads=_leads(candidates.doc), lead_redundancy=config.lead_redundancy)


def _leads(doc: np.ndarray) -> np.ndarray:
    """Whether each candidate is its article's first (``doc``: each candidate's article, in order)."""
    first = np.zeros(len(doc), dtype=bool)
    first[np.unique(doc, return_index=True)[1]] = True
    return first


def _within_entries(leans_on: np.ndarray, after: np.ndarray, entries: np.ndarray, candidates: Candidates,
                    unless_told: list[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """What each sentence leans on and comes after (see ``dependencies``), where a live blog's entry (see
    ``live_entries``) leans on the sentence before it in the article, an entry newer than its own: a sentence
    that cannot stand without what came just before ("She said ...", "But ...") cannot be told, one that
    takes a thing for known ("The storm ...", "The coast guard closed ...") stands alone; so does one that
    names by "the" a thing a newer entry tells of (``unless_told``: "... arrived at the bridge"). Links to a
    person's introduction stay."""
    before = np.arange(len(entries)) - 1
    crossing = candidates.follows & (entries != entries[np.maximum(before, 0)]) & (leans_on == before)
    to_newer = (leans_on >= 0) & (entries[np.maximum(leans_on, 0)] > entries) & (leans_on != before) \
        & np.array([bool(things) for things in unless_told], dtype=bool)
    if not (crossing.any() or to_newer.any()):
        return leans_on, after
    cut = np.array([-2 if leans_on_previous(candidates.texts[i]) else -1 for i in np.flatnonzero(crossing)])
    leans_on, after = leans_on.copy(), after.copy()
    leans_on[crossing] = cut
    after[(crossing | to_newer) & ((after == before) | (after == leans_on))] = -1
    leans_on[to_newer] = -1
    return leans_on, after


def _answer(relevance: np.ndarray, held: np.ndarray | None, day: np.ndarray, allowed: np.ndarray) -> int:
    """The sentence that answers a short question, of those ``allowed`` (all when none is): of those holding most
    of its words (``held``, rare words weighing more), one of the latest report when every one's ``day`` is known
    (0: not known), then the one most like it (``relevance``): "Residents were allowed to go back home on
    Tuesday", not "We are not going to rush it." for "When could residents go home?"; "investigators said a wheel
    bearing caused the derailment" of Tuesday, not "The cause of the derailment is unknown" of Monday."""
    pool = np.flatnonzero(allowed) if allowed.any() else np.arange(len(relevance))
    best = pool[np.isclose(held[pool], held[pool].max())] if held is not None and len(held) else pool
    if day[best].all():
        best = best[day[best] == day[best].max()]
    return int(best[np.argmax(relevance[best])])


def _cannot_come_with(leans_on: np.ndarray, sentence: int) -> bool:
    """Whether a sentence leans on one that cannot be chosen (-2), itself or through the one it leans on: an
    answer to a short question then stands alone, its question telling what it leans on."""
    seen = set()
    while (sentence := int(leans_on[sentence])) >= 0 and sentence not in seen:
        seen.add(sentence)
    return sentence == -2


def _as_text(document: Document) -> Document:
    """``document`` as the article it holds: when its text is a web page, the page's article (with what the
    document says of itself, such as its title, kept over what the page says)."""
    if not looks_like_html(document.text):
        return document
    page = document_from_html(document.text, document.id, document.url)
    return dataclasses.replace(page, **{key: value for key, value in dataclasses.asdict(document).items()
                                        if value and key != "text"})


def _later_reports(days: np.ndarray, read: np.ndarray) -> np.ndarray:
    """The articles published (``days``, see known_days) on a later day than every article ``read`` (none when a
    day is not known)."""
    if not len(read) or not read.all():
        return np.zeros(0, dtype=int)
    return np.flatnonzero(days > read.max())


def last_day_reports(days: np.ndarray) -> np.ndarray:
    """The articles published (``days``, see known_days) on the last day, when every day is known and some are
    earlier."""
    if not days.all() or len(set(days.tolist())) < 2:
        return np.zeros(0, dtype=int)
    return np.flatnonzero(days == days.max())


def known_days(documents: list[Document]) -> np.ndarray:
    """Each article's day of publication as an ordinal, 0 when not known."""
    return np.array([day.toordinal() if (day := publication_day(d.published)) else 0 for d in documents], dtype=np.int64)


def publication_days(documents: list[Document], known: np.ndarray | None = None) -> np.ndarray:
    """Each article's day of publication as an ordinal (``known``, when given: see known_days); an article of
    unknown date counts as published on the earliest day known (all 0 when none is known)."""
    known = known_days(documents) if known is None else known
    return np.where(known > 0, known, known[known > 0].min() if known.any() else 0)


def _ref(sentence: Sentence) -> SourceRef:
    return SourceRef(sentence.doc, sentence.index, sentence.start, sentence.end)


def as_cluster(documents: Cluster | str | Document | Iterable[str | Document], query: str = "") -> Cluster:
    """A Cluster from a Cluster, one article (a text or a Document), or several."""
    if isinstance(documents, Cluster):
        return documents
    if isinstance(documents, (str, Document)):
        documents = [documents]
    docs = [d if isinstance(d, Document) else document_from_text(str(d), str(i + 1)) for i, d in enumerate(documents)]
    return Cluster(documents=docs, query=query)


def summarize(
    documents: Cluster | str | Document | Iterable[str | Document],
    words: int | None = DEFAULT_WORDS,
    sentences: int | None = None,
    query: str | None = None,
) -> Summary:
    """Summarize articles about one story; every summary sentence lists the documents that report it.

    ``documents``: article texts or Documents (a single ``str`` is one article; a text that is a web page
    is read for its main text, title and outlet), or a Cluster.
    ``words`` / ``sentences``: budgets (None for no limit; below 1 raises ConfigError).
    ``query``: focus the summary on this question or topic.
    Returns a Summary whose sentences carry SourceRefs: document number, sentence number and character
    offsets (Python ``str`` indices) into that document's text (``summary.documents[doc].text``). Raises InputError when there is no prose.
    """
    return Summarizer(words=words, sentences=sentences).summarize(as_cluster(documents), query)
