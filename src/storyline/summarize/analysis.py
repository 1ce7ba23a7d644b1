"""A cluster read for summarizing: candidate sentences, their vectors and features."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from ..errors import InputError
from ..model import Cluster, Document, Sentence
from ..text.patterns import (ALONE, ANY_TITLE, BARE_QUOTE, CAPITALIZED, FUNCTION_WORDS, MONEY, MONTHS, NAMES_A_SPEAKER,
                             OPENING_NAME, PLACE_PREPOSITIONS, ROLE_GIVEN, VERB_AFTER, WHEN, Person, also_does,
                             common_opening, give_in_full, in_lower_case, is_body, leans_on_previous, named_by_the, names,
                             opens_a_longer_name, people_alone, people_in_full, refers_back, speaks_of_someone_unnamed,
                             things_taken_as_known, times_named_alone_inside)
from ..text.prose import MAX_WORDS, MIN_WORDS, prose_sentences, word_count
from ..text.tokens import (STOPWORDS, content_words, shipped_lines, shipped_words, stem, stem_frequencies, surface_words,
                           word_frequency)
from ..text.vectors import Matrix, Vectorizer, max_similarity
from .features import Candidates, FeatureTable, features, query_features, relevance


KNOWN_NAME_FREQUENCY = 3e-6  # a name at least this frequent in general English is known to readers
# Capitalized words after "the" or "in" name a place or a body ("the House", "in Niger"), unless a person's family,
# time or affair follows ("the Lind family", "the Lind era", "the Lind case"; see AFFAIR), or it is theirs ("in Vik's
# honour").
AFFAIR = r"era|years|administration|presidency|campaign|case|trial|saga|affair|scandal|estate|household"
NO_PERSON_AFTER = re.compile(rf"\b(?:[Tt]he|in(?! [A-Z][a-z]+['’]s\b)) ([A-Z][a-z]+)\b(?! (?:famil(?:y|ies)|{AFFAIR})\b)")
OF_AFFAIR = re.compile(rf"\b[Tt]he ([A-Z][a-z]+) (?:{AFFAIR})\b")
PLACE_AFTER = re.compile(rf"\b(?:{'|'.join(sorted(PLACE_PREPOSITIONS | {'to'}))}) ([A-Z][a-z]+)\b(?! [A-Z])")  # "near Austin"
# Words that ask rather than say what is asked about: "How many ...", "Was anyone ...", "What happened ...".
ASKING = frozenset("many much anyone anybody anything someone somebody something happen happened happens "
                   "happening".split())
HOW_MANY_PEOPLE = re.compile(r"\bhow many (?:people|persons)\b", re.IGNORECASE)  # an answer says "300 residents"
# What a kind of answer holds in place of the question's word: an amount of money for "money" ("How much money
# was recovered?": "GBP96,000 has been recovered"; not for "cost": "£3 for children" tells no adult's ticket), a span
# of time for "how long", a cause for "cause" and "why" (see CAUSE).
MONEY_WORDS = frozenset("money funds cash worth value".split())
_SPAN = r"(?:minute|hour|day|week|fortnight|month|year)s?"
DURATION = re.compile(rf"\b(?:for|at least|up to|about|another|over|within|lasted?|until)\s+(?:a|an|one|two|three|four|"
                      rf"five|six|seven|eight|nine|ten|several|a few|\d+)\s+(?:more\s+)?{_SPAN}\b"
                      rf"|\b(?:for|over|in) the (?:past|last|next|coming) (?:\w+ )?{_SPAN}\b"
                      rf"|\bsince (?:{MONTHS}|\d{{4}}|last \w+)\b|\b(?:its|their) (?:second|third|fourth|fifth|\d+(?:st|nd|"
                      rf"rd|th)) {_SPAN}\b", re.IGNORECASE)
INFLECTION_FREQUENCY = 1e-6  # an inflection general English uses this often is a word ("died"; not "planed")
IRREGULAR_VERBS = "irregular-verbs.txt"  # a verb and its forms a line, built by ``python -m storyline.train.inflections``
# A count for "how many": "about 3,000 dead fish", "six people" (not a year, "2031", nor a time, "6:40 a.m.")
COUNT = re.compile(r"\b(?!(?:1[89]|20)\d\d\b)\d[\d,.]*(?<![.,])(?!\d|:\d|\s?(?:a\.m|p\.m|am\b|pm\b))|\b(?:two|three|four|five|six|seven|"
                   r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|dozens|a dozen)\b",
                   re.IGNORECASE)
# A cause, for "Why ...?" and "What caused ...?": "because of ice", "blamed a cracked beam", "the likely starting point
# of the collapse", "citing a strike", "over safety fears" (not "the lift failed an inspection")
CAUSE = re.compile(r"\b(?:because|due to|caused|blame[sd]?|blaming|to blame|(?:the|a) (?:likely |probable |main )?(?:cause|"
                   r"reason|starting point)|led to|result of|triggered by|citing|(?:over|amid) (?:[\w-]+ )?(?:fears|"
                   r"concerns))\b", re.IGNORECASE)
CAUSE_WORDS = frozenset("cause caused causes".split())
WHY = re.compile(r"^\W*why\b", re.IGNORECASE)
AN_AMOUNT, A_SPAN, A_COUNT, A_CAUSE = "<money>", "<duration>", "<count>", "<cause>"  # marks of the kinds of answer a passage holds
INTRODUCED_NOUNS = "introduced-nouns.txt"
NO_PROSE = ("what the text holds reads as page furniture (notices, links, captions, headings, questions), as fragments "
            "or as sentences too long to summarize")
SHORTEST_WORDS = 3  # of a sentence to summarize when the articles have none of the usual length
SHORT_QUESTION = 5  # words of a question that asks for one fact ("What did the mayor say?"), not a topic
TOPIC_LEADS = 2 / 3  # of the articles whose leads name a thing that is the story's own
COMMON_WORD_FREQUENCY = 1e-4  # a word this frequent opening a sentence ("House passed ...") is no surname,
NAMED_ALONE = 2  # unless the articles use it alone as a name this often ("charged King with")


@dataclass
class Analysis:
    """A cluster's candidate sentences, their vectors and features.

    ``relevance``: each candidate's cosine to the query (None without one); ``seen``: each candidate's
    highest cosine to a sentence of the articles already read (None without them); ``coverage``: how much
    of the query the sentence that covers most of it holds (see ``query_coverage``; None without a query);
    ``held``: how much of it each candidate holds by itself (see ``held_shares``).
    """

    sentences: list[Sentence]
    candidates: Candidates
    relevance: np.ndarray | None
    seen: np.ndarray | None
    coverage: float | None = None
    query_words: int = 0
    held: np.ndarray | None = None

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
    cluster's own; "" for none, as is one that only asks: "What happened?"). Raises InputError when the
    cluster has no article or no sentence of prose. A cluster whose every sentence needs its article (all in the first
    person, say) is summarized from them all; one of short sentences only ("Part of the pier collapsed."), from
    those of SHORTEST_WORDS or more. A short question (SHORT_QUESTION words) may be answered by a short sentence too."""
    if not cluster.documents:
        raise InputError(f"{describe(cluster)}: no articles to summarize")
    query = cluster.query if query is None else query
    asked = question_words(query) if query else []
    short_question = 0 < len(set(asked)) <= SHORT_QUESTION and min_words > SHORTEST_WORDS
    found = prose_sentences(cluster.documents, SHORTEST_WORDS if short_question else min_words, max_words)
    sentences = ([s for s in found if word_count(s.text) >= min_words]
                 or prose_sentences(cluster.documents, min_words, max_words, standalone=False)
                 or prose_sentences(cluster.documents, min(min_words, SHORTEST_WORDS), max_words))
    if not sentences:
        raise InputError(f"{describe(cluster)}: no sentence of prose to summarize ({NO_PROSE})")
    if short_question:
        sentences = _with_short_answers(sentences, found, asked)
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
    seen = _seen(cluster.previous, vectorizer, vectors, min_words, max_words)
    if not asked:  # no query, or one that only asks ("What happened?")
        return Analysis(sentences, candidates, None, seen)
    query_relevance = relevance(candidates, vectorizer.transform([query]))
    marked = _marked(candidates, query)
    for number in _under_asking_subheads(sentences, cluster.documents, asked):
        marked[number] = marked[number] + [stem(word) for word in asked]
    coverage = query_coverage(asked, passages(candidates, marked), query)
    return Analysis(sentences, candidates, query_relevance, seen, coverage, len(set(asked)),
                    held_shares(asked, marked, query))


# A subhead that asks, alone on its line: "What happens next?", "Why does it matter?"
SUBHEAD_QUESTION = re.compile(r"^[ \t#*]*[A-Z][^\n.!?]{2,100}\?[ \t*]*$", re.MULTILINE)
SAME_QUESTION = 0.5  # the share of two questions' words (of both together) they share to ask the same


def _under_asking_subheads(sentences: list[Sentence], documents: Sequence[Document], asked: list[str]) -> list[int]:
    """The candidates under an explainer's subhead that asks what the query asks (SAME_QUESTION of their words
    shared: "What happens next?" for "What happens next?"), to its next question: they answer it, whatever their
    words."""
    wanted = {stem(word) for word in asked}
    spans: dict[int, list[tuple[int, int]]] = {}  # document -> the spans under its subheads that ask it
    for number, document in enumerate(documents):
        asking = [(match.end(), {stem(word) for word in question_words(match.group(0))})
                  for match in SUBHEAD_QUESTION.finditer(document.text)]
        ends = [end for end, _ in asking] + [len(document.text) + 1]
        if answering := [(end, following) for (end, words), following in zip(asking, ends[1:])
                         if words and len(words & wanted) >= SAME_QUESTION * len(words | wanted)]:
            spans[number] = answering
    return [k for k, sentence in enumerate(sentences)
            if any(start <= sentence.start < end for start, end in spans.get(sentence.doc, ()))]


def question_words(query: str) -> list[str]:
    """The words of a question that an answer would hold: not the asking ("How many ...", "How many people
    ...", "Was anyone ...")."""
    return [word for word in surface_words(HOW_MANY_PEOPLE.sub("how many", query)) if word not in ASKING]


def _marked(candidates: Candidates, query: str) -> list[list[str]]:
    """The stems of each candidate, and AN_AMOUNT, A_SPAN or A_COUNT when it tells an amount of money, a span of
    time or a count and the ``query`` asks for one (see held_shares)."""
    asked = query.lower()
    kinds = [(mark, kind) for mark, kind, asks in ((AN_AMOUNT, MONEY, any(word in asked for word in MONEY_WORDS)),
                                                    (A_SPAN, DURATION, "how long" in asked),
                                                    (A_COUNT, COUNT, "how many" in asked),
                                                    (A_CAUSE, CAUSE, WHY.match(query) or CAUSE_WORDS & set(re.findall(r"[a-z]+", asked))))
             if asks]
    if not kinds:
        return list(candidates.tokens)
    return [stems + [mark for mark, kind in kinds if kind.search(text)]
            for stems, text in zip(candidates.tokens, candidates.texts)]


def passages(candidates: Candidates, marked: list[list[str]]) -> list[list[str]]:
    """The ``marked`` stems of each candidate with those of the sentence before it in its article, when that one
    is a candidate too ("A fire broke out ... The blaze started in a hall" answers where the fire started)."""
    follows = candidates.follows[1:]
    return marked[:1] + [marked[i] + marked[i + 1] if follow else marked[i + 1] for i, follow in enumerate(follows)]


def _with_short_answers(sentences: list[Sentence], shorter: list[Sentence], asked: list[str]) -> list[Sentence]:
    """``sentences`` and, in reading order among them, those of ``shorter`` (too short to summarize) that hold a word
    of a short question (``asked``) in one of its forms: "No residents were hurt." answers "Was anyone hurt?"."""
    forms = set().union(*(_inflected(word) for word in asked))
    have = {(sentence.doc, sentence.index) for sentence in sentences}
    answers = [sentence for sentence in shorter if (sentence.doc, sentence.index) not in have
               and not forms.isdisjoint(content_words(sentence.text))]
    return sorted(sentences + answers, key=lambda sentence: (sentence.doc, sentence.index))


def query_coverage(asked: list[str], tokens: list[list[str]], query: str = "") -> float:
    """The largest share of a question's words that one passage holds (see ``held_shares``): near 1 when a
    passage speaks to the whole question, near 0 when the articles never touch its distinctive words."""
    return float(held_shares(asked, tokens, query).max(initial=0.0))


def held_shares(asked: list[str], tokens: list[list[str]], query: str = "") -> np.ndarray:
    """The share of a question's words (``asked``, see question_words) that each passage (given by its stems)
    holds, each word weighed by its rarity in general English. A word is held in any of its inflections ("die"
    by "died"), a word of money by an amount, "long" in "how long" (``query``) by a span of time, "cause" by a cause
    (CAUSE: "blamed a jammed rudder"); "how many" asks for a count too and "why" for a cause, each weighed as the
    question's rarest word."""
    weights = {term: -np.log(frequency) for term, frequency in stem_frequencies(asked).items()}
    marks = [mark for mark, asks in ((A_COUNT, "how many" in query.lower()), (A_CAUSE, WHY.match(query))) if asks and weights]
    weights |= {mark: max(weights.values()) for mark in marks}  # a count or a cause weighs as the rarest word
    total = sum(weights.values())
    if not total:
        return np.zeros(len(tokens))
    held_by: dict[str, set[str]] = {term: {term} if term in marks else set() for term in weights}
    for word in asked:
        held_by[stem(word)] |= _inflected(word) | ({AN_AMOUNT} if word in MONEY_WORDS else set()) \
            | ({A_CAUSE} if word in CAUSE_WORDS else set()) \
            | ({A_SPAN} if word == "long" and "how long" in query.lower() else set())
    return np.array([sum(weight for term, weight in weights.items() if not held_by[term].isdisjoint(sentence))
                     for sentence in map(set, tokens)], dtype=float) / total


def _inflected(word: str) -> set[str]:
    """The stems of a word and of its regular inflections that general English uses ("die": "die", "di" of
    "died", "dy" of "dying"); none made by cutting the word, nor longer than its own ("plan" is no "plane",
    "car" no "care"); of an irregular verb, of all its forms ("run": "ran", "running")."""
    base = word[:-1] if word.endswith("e") else word
    plural = f"{word}es" if word.endswith(("s", "x", "z", "ch", "sh")) else f"{word}s"
    past = f"{word}d" if word.endswith("e") else f"{word}ed"  # "died", "recovered"; never "band" of "ban"
    forms = {plural, past, f"{base}ing", f"{word[:-2]}ying" if word.endswith("ie") else ""}
    own = stem(word)
    regular = {root for form in forms if form and word_frequency(form) >= INFLECTION_FREQUENCY
               and len(root := stem(form)) <= len(own)}  # no longer stem: "caring" is no "car"
    return {own} | regular | _noun_in_y(word) | {stem(form) for form in _irregular_forms().get(word, ())}


@lru_cache(maxsize=1)
def _irregular_forms() -> dict[str, set[str]]:
    """Each form of an irregular verb (IRREGULAR_VERBS), to all the forms of the verbs it is one of: "ran" to "run",
    "ran", "running", "runs"."""
    forms: dict[str, set[str]] = {}
    for verb in shipped_lines(IRREGULAR_VERBS):
        for form in verb:
            forms.setdefault(form, set()).update(verb)
    return forms


def _noun_in_y(word: str) -> set[str]:
    """The stem of the noun in -y of a verb (NOUNS_IN_Y), or of the verb of such a noun: "injured" and "injuries"."""
    partner = _nouns_in_y().get(stem(word))
    return {partner} if partner else set()


NOUNS_IN_Y = (("injure", "injury"), ("recover", "recovery"), ("deliver", "delivery"), ("discover", "discovery"),
              ("inquire", "inquiry"), ("enquire", "enquiry"))  # not "treat" and "treaty", "count" and "county"


@lru_cache(maxsize=1)
def _nouns_in_y() -> dict[str, str]:
    """The stems of NOUNS_IN_Y, each to the other's."""
    pairs = [(stem(verb), stem(noun)) for verb, noun in NOUNS_IN_Y]
    return dict(pairs) | {noun: verb for verb, noun in pairs}


def describe(cluster: Cluster) -> str:
    """The cluster and its articles by name, for messages: "cluster 7 (articles: a.txt, b.txt)", or "the
    articles a.txt, b.txt" when the cluster has no name of its own."""
    names = [document.id for document in cluster.documents if document.id]
    listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    if not cluster.id:
        return f"the article{'s' if len(names) > 1 else ''} {listed}" if listed else "the articles"
    return f"cluster {cluster.id}" + (f" (articles: {listed})" if listed else "")


def _seen(previous: list[Document], vectorizer: Vectorizer, vectors: Matrix, min_words: int, max_words: int) -> np.ndarray | None:
    """Each candidate's highest cosine similarity to a sentence of the previously read articles."""
    read = prose_sentences(previous, min_words, max_words)
    if not read:
        return None
    return max_similarity(vectors, vectorizer.transform([s.text for s in read]))


@dataclass
class Dependencies:
    """What each candidate needs before it in a summary. ``antecedent``: the sentence it needs first (see
    ``dependencies``); ``in_full``: the people it names alone whom the articles name in full, as {name as
    written: person} ("Vik": Ole Vik, the harbour master): a summary gives the first mention of each in
    full; ``after``: the sentence it comes after when both are chosen, its antecedent or else the candidate
    that introduces a person of ``in_full`` (-1 for none); ``unless_told``: the words (stems) of the thing
    it takes for known ("The philanthropist ..."), which another sentence of a summary may tell instead
    of its antecedent."""

    antecedent: np.ndarray
    in_full: list[dict[str, Person]]
    after: np.ndarray
    unless_told: list[frozenset[str]]

    @property
    def added_words(self) -> np.ndarray:
        """The words each candidate may grow by when the people it names are given in full, with a role."""
        return np.array([sum(len(p.name.split()) + max(len(p.role.split()), len(p.title.split())) - 1
                             for p in people.values()) for people in self.in_full], dtype=int)


def rare_names_in_full(texts: list[str], documents: Sequence[Document],
                       known: list[dict[str, Person]]) -> list[dict[str, Person]]:
    """For each summary sentence (``texts``), beyond the people it is known to name alone (``known``), the
    surnames general English does not know that it names alone as someone who does something ("Strandqvist
    responded", "Lind died") and the articles (``documents``) name in full as one person only, perhaps
    outside every candidate ("Just ask Ada Strandqvist."): {name: person}."""
    alone = [{match.group(1) for match in ALONE.finditer(text) if VERB_AFTER.match(text, match.end())
              and not _after_a_capitalized_word(text, match.start())} - set(named)  # not "Lower Brackley began"
             for text, named in zip(texts, known)]
    rare = {name for names in alone for name in names if word_frequency(name.lower()) < KNOWN_NAME_FREQUENCY}
    if not rare:
        return [{} for _ in texts]
    found = surnames_in_full([d.text for d in documents if any(name in d.text for name in rare)], rare)
    return [{name: found[name] for name in names if name in found and give_in_full(text, name, found[name])}
            for text, names in zip(texts, alone)]


def surnames_in_full(texts: Sequence[str], wanted: set[str]) -> dict[str, Person]:
    """The ``wanted`` surnames of people ``texts`` name in full as one person only (see people_in_full); not
    the first word of a name ("Strandqvist" of "Strandqvist Board")."""
    return {name: person for name, person in people_in_full(texts, wanted).items() if person.name.split()[-1] == name}


def dependencies(sentences: list[Sentence], documents: Sequence[Document] = (),
                 tokens: Sequence[Sequence[str]] | None = None) -> Dependencies:
    """What each candidate needs. The sentence it needs before it: for one that leans on the one before it ("She said
    ...", "But ...", a bare quotation after the sentence that names its speaker, "The horse ..." after "A horse
    bolted ..."), the candidate just before it in its document; so too for one that takes a thing for known ("The
    philanthropist ...", "nine of the activists"), unless a summary's other sentence tells of it (``unless_told``),
    but when the sentence before it does not name the thing and an earlier candidate of its article does ("An
    official said ..." before "The official said ..."), the last such candidate (not when the sentence before names
    someone, or leans on the one before it: "She says ..." before "The doctor ..."); for one that names by "the" a
    thing its article brought in before ("in the statement"), the last candidate of its article to name it (see
    _Earlier; ``tokens``: the candidates' content words, when known), unless told of it too; for one that names a
    person by surname or first name alone ("..., Adler said", "Mr. Adler") whom the articles (``documents``, else
    the candidates) do not name in full as one person only, a candidate that introduces them by full name: the first
    of its own article before it, else the first of the cluster. -2 when that sentence is not a candidate, or the
    person is never introduced (their full name only in ``documents`` outside the candidates, or no full name for a
    name general English does not know): the sentence cannot be used. -1 for none needed. A person the articles do
    name in full as one person only needs no sentence before: their full name is in ``in_full``."""
    at = {(s.doc, s.index): number for number, s in enumerate(sentences)}
    previous = [at.get((s.doc, s.index - 1), -2) for s in sentences]  # -2: not a candidate
    leaning = [leans_on_previous(s.text) or (before >= 0 and refers_back(s.text, sentences[before].text))
               for s, before in zip(sentences, previous)]
    people = _People(sentences, leaning, documents)
    earlier = _Earlier(sentences, tokens or [content_words(s.text) for s in sentences])
    result, after = np.full(len(sentences), -1), np.full(len(sentences), -1)
    in_full = []
    unless_told: list[frozenset[str]] = [frozenset()] * len(sentences)
    lead: dict[int, int] = {}  # each article's first candidate
    for sentence in sentences:
        lead[sentence.doc] = min(lead.get(sentence.doc, sentence.index), sentence.index)
    for number, sentence in enumerate(sentences):
        introduction, after[number], full_names = people.needs(number)
        in_full.append(full_names)
        before = previous[number]
        first = sentence.index == lead[sentence.doc]
        things = [] if leaning[number] else things_taken_as_known(sentence.text, first)
        adds_to = "" if leaning[number] or things or first or introduction != -1 else also_does(sentence.text)
        introducer, thing = (-1, "") if leaning[number] or things or adds_to else earlier.introducer(number)
        if introducer >= 0 and introduction == -1:  # "..., the company said in the statement."
            result[number], unless_told[number] = introducer, frozenset({thing})
        elif (things or adds_to) and introduction == -1:  # "The philanthropist ...", "Lundline also ...": the one
            told = frozenset(words[-1] for thing in things if (words := content_words(thing))) if things \
                else frozenset(content_words(adds_to))
            result[number] = before if before >= 0 and (leaning[before] or _may_tell(
                sentences[before].text, earlier.tokens[before], told, by_any_name=bool(things))) \
                else earlier.last_teller(number, told, before)
            unless_told[number] = told  # that tells of it, unless the summary does
        elif leaning[number] or things:
            quote_without_speaker = BARE_QUOTE.match(sentence.text) and not (
                before >= 0 and (NAMES_A_SPEAKER.search(sentences[before].text) or BARE_QUOTE.match(sentences[before].text)))
            nobody = before >= 0 and speaks_of_someone_unnamed(sentence.text, sentences[before].text)
            result[number] = -2 if quote_without_speaker or nobody or introduction not in (-1, before) else before
        else:
            result[number] = introduction
    return Dependencies(result, in_full, np.where(result >= 0, result, after), unless_told)


def _may_tell(text: str, tokens: Sequence[str], things: frozenset[str], by_any_name: bool = True) -> bool:
    """True when a sentence may tell of one of ``things`` (stems): it names one, or (``by_any_name``) someone or
    something by a capitalized word ("Kolb performed ..." before "The doctor ...")."""
    return bool(things & set(tokens)) or by_any_name and bool(CAPITALIZED.search(text))


class _Earlier:
    """What each candidate's article told before it, among the candidates: the things of INTRODUCED_NOUNS."""

    def __init__(self, sentences: list[Sentence], tokens: Sequence[Sequence[str]]):
        self.sentences, self.tokens = sentences, tokens  # the candidates and their content words (stems)
        self.mentions: dict[int, dict[str, list[int]]] = {}  # document -> stem -> its candidates that use it

    def introducer(self, number: int) -> tuple[int, str]:
        """The candidate that tells of a thing candidate ``number`` names by "the" as one its article brought
        in before ("in the statement" after "in a statement"; see named_by_the), the last of its article's
        candidates before it to name the thing, and the thing's stem; (-1, "") for none. A thing the
        leads of most articles name is the story's own ("the fire" of a fire): it needs no introduction."""
        for noun in named_by_the(self.sentences[number].text, introduced_nouns()):
            thing = stem(noun)
            mentions = self._mentions(self.sentences[number].doc).get(thing, [])
            at = bisect_left(mentions, number)
            if at and thing not in self._topic:
                return mentions[at - 1], thing
        return -1, ""

    def last_teller(self, number: int, things: frozenset[str], otherwise: int) -> int:
        """The last candidate of candidate ``number``'s article before it to name one of ``things`` (stems),
        else ``otherwise``."""
        mentions = self._mentions(self.sentences[number].doc)
        return max((told for thing in things for told in mentions.get(thing, []) if told < number), default=otherwise)

    def _mentions(self, doc: int) -> dict[str, list[int]]:
        """Stem -> the candidates of document ``doc`` that use it, in order (read once per document)."""
        if doc not in self.mentions:
            found: dict[str, list[int]] = {}
            for number in self.of_document[doc]:
                for word in set(self.tokens[number]):
                    found.setdefault(word, []).append(number)
            self.mentions[doc] = found
        return self.mentions[doc]

    @cached_property
    def of_document(self) -> dict[int, list[int]]:
        """Document -> its candidates, in order (the first is its lead)."""
        found: dict[int, list[int]] = {}
        for number, sentence in enumerate(self.sentences):
            found.setdefault(sentence.doc, []).append(number)
        return found

    @cached_property
    def _topic(self) -> set[str]:
        """The stems the leads (first candidates) of TOPIC_LEADS of the articles use (of one article, its lead's;
        of two, both leads')."""
        counts = Counter(word for numbers in self.of_document.values() for word in set(self.tokens[numbers[0]]))
        return {word for word, count in counts.items() if count >= TOPIC_LEADS * len(self.of_document)}


@lru_cache(maxsize=1)
def introduced_nouns() -> frozenset[str]:
    """The nouns writers introduce before they say "the" ("a statement", then "the statement"), built by
    ``python -m storyline.train.introductions``."""
    return shipped_words(INTRODUCED_NOUNS)


def _after_a_capitalized_word(text: str, start: int) -> bool:
    """True when the word before ``start`` is capitalized, in one name with the next ("Pope" of "Pope Francis",
    "Lower" of "Lower Brackley"; not "Wilco's Tweedy", "the Inquirer, Marinelli said", nor a title, a day or a
    word that opens a sentence: "Mrs Vik", "On Monday Vik", "But Vik", "Yesterday Vik")."""
    before = text[:start].split()
    if not before or not before[-1][:1].isupper() or before[-1].endswith((",", ";", ":", '"', "”", "'s", "’s")):
        return False
    word = before[-1].rstrip(".")
    return not (word in FUNCTION_WORDS or word in ANY_TITLE or WHEN.fullmatch(word)
                or (len(before) == 1 and common_opening(word)))


WORD_AFTER = re.compile(r" ([a-z]+)\b")


def _object_of_a_word(text: str, start: int, end: int) -> bool:
    """True when the name from ``start`` to ``end`` follows a word in lower case but "a" or "an" and is no noun's
    qualifier: no word in lower case but a stop word follows it ("detaining Floyd", "told Floyd to"; not "an Obama
    aide", "former Trump campaign manager")."""
    before = text[:start].rsplit(None, 1)[-1]
    after = WORD_AFTER.match(text, end)
    return before.islower() and before not in ("a", "an") and (after is None or after.group(1) in STOPWORDS)


class _People:
    """The people a cluster's candidates name, and the candidates that introduce them by full name."""

    def __init__(self, sentences: list[Sentence], leaning: list[bool], documents: Sequence[Document]):
        self.sentences, self.documents = sentences, documents
        self.bodies: dict[str, bool] = {}  # names looked up by is_body
        self.full_elsewhere: dict[str, bool] = {}  # names looked up by _given_in_full
        self.longer: dict[str, bool] = {}  # names looked up by _opens_a_longer_name
        self.word_names: dict[str, bool] = {}  # common words looked up by _a_name_alone
        # (document, surname or first name) -> its first candidate giving the full name; (-1, name) -> the
        # cluster's first, preferring one that needs no sentence before it
        self.first: dict[tuple[int, str], int] = {}
        found = [names(sentence.text) for sentence in sentences]  # (surnames, first names) of each candidate
        self.named = [surnames + first_names for surnames, first_names in found]
        for number, sentence in enumerate(sentences):  # a person may be named alone by surname or first name
            for name in self.named[number]:
                self.first.setdefault((sentence.doc, name), number)
                if (-1, name) not in self.first or leaning[self.first[-1, name]]:
                    self.first[-1, name] = number
        # surnames general English does not know well (a household name such as Obama needs no introduction)
        frequency = {name: word_frequency(name.lower()) for surnames, _ in found for name in surnames}
        self.rare = {name for name, share in frequency.items() if share < KNOWN_NAME_FREQUENCY}
        # surnames readers may know, but no common word ("Wilson", "Obama"; not "Brown" nor "Young")
        self.familiar_words = {name for name, share in frequency.items() if share < COMMON_WORD_FREQUENCY} - self.rare

    @cached_property
    def no_people(self) -> set[str]:
        """Capitalized words the candidates put after "the" or "in" ("the House", "in Niger"): institutions and
        places, no people; and a name readers may know before an affair ("the Obama administration"), who needs no
        introduction, unlike a rare one ("the Lind case")."""
        return set(NO_PERSON_AFTER.findall(self.joined)) | (set(OF_AFFAIR.findall(self.joined)) - self.rare)

    @cached_property
    def joined(self) -> str:
        """The candidates' texts, joined."""
        return " ".join(sentence.text for sentence in self.sentences)

    @cached_property
    def texts(self) -> list[str]:
        """The documents' texts, else the candidates' (joined)."""
        return [document.text for document in self.documents] or [self.joined]

    def is_body(self, name: str) -> bool:
        """True when the documents (else the candidates) speak of ``name`` as a company or another body."""
        if name not in self.bodies:
            self.bodies[name] = any(is_body(name, text) for text in self.texts)
        return self.bodies[name]

    @cached_property
    def _documents_names(self) -> list[tuple[list[str], list[str]]]:
        """The (surnames, first names) of the full names each document gives (see patterns.names): read once."""
        return [names(document.text) for document in self.documents]

    @cached_property
    def rare_anywhere(self) -> set[str]:
        """The rare surnames of the full names the candidates give, and of those the documents give ("the funeral for
        Stauffer" of an "Officer Gale Stauffer" no candidate names)."""
        surnames = {name for found, _ in self._documents_names for name in found}
        return self.rare | {name for name in surnames if word_frequency(name.lower()) < KNOWN_NAME_FREQUENCY}

    @cached_property
    def elsewhere(self) -> set[str]:
        """Surnames and first names the documents give in full somewhere (perhaps outside the candidates)."""
        return {name for surnames, first_names in self._documents_names for name in surnames + first_names}

    @cached_property
    def alone(self) -> list[list[str]]:
        """The people each candidate names alone (see ``_alone``), and the familiar surnames it names alone
        where the articles name that person in full ("Wilson" of "Darren Wilson")."""
        return [alone + self._familiar(number) for number, alone in enumerate(self.named_alone)]

    @cached_property
    def named_alone(self) -> list[list[str]]:
        """The people each candidate names alone, as ``_named`` finds them."""
        return [alone for alone, _ in self._named_people]

    @cached_property
    def named_with_role(self) -> list[list[str]]:
        """The people each candidate names by surname with a role ("Adler, the fire chief, ..."): they need no
        introduction, but are given in full when the articles name them in full (see ``_named``)."""
        return [with_role for _, with_role in self._named_people]

    @cached_property
    def _named_people(self) -> list[tuple[list[str], list[str]]]:
        return [self._named(number) for number in range(len(self.sentences))]

    @cached_property
    def in_full(self) -> dict[str, Person]:
        """The names of the people the candidates name alone (see ``_alone``), and the familiar surnames, that
        the articles name in full as one person only, each to that person; not when they put a word of it
        after "the" or "in" ("an Arizona Republican", "Central Niger"), nor when its last word is a day or
        month ("Gadhafi Monday", "Adderall Jan. 6")."""
        texts = [document.text for document in self.documents] or [s.text for s in self.sentences]
        wanted = {name for names in self.named_alone + self.named_with_role for name in names} | self.familiar
        return {name: person for name, person in people_in_full(texts, wanted).items()
                if not (self.no_people.intersection(person.name.split()) or WHEN.fullmatch(person.name.split()[-1]))}

    @cached_property
    def familiar(self) -> set[str]:
        """The familiar surnames the candidates also name as people alone, speaking, after a title or before a verb
        ("Wilson said", "Mr. Wilson", "Wilson died"; not "Greek" of "Greek Prime Minister Ada Dahl"), and never as a
        place ("near Austin", "to Austin")."""
        if not self.familiar_words:
            return set()
        acting = {match.group(1) for match in ALONE.finditer(self.joined) if match.group(1) in self.familiar_words
                  and VERB_AFTER.match(self.joined, match.end())}
        people = self.familiar_words.intersection(acting.union(*self.named_alone))
        return people.difference(PLACE_AFTER.findall(self.joined))

    def _familiar(self, number: int) -> list[str]:
        """The familiar surnames candidate ``number`` names alone as someone who does something or to whom something is
        done ("Witnesses saw that Wilson confronted ...", "Police arrived, detaining Wilson"; not "President Wilson on
        Tuesday ...", "an Obama aide"), not first nor after a capitalized word, that it can give in full."""
        text = self.sentences[number].text
        if not any(name in text for name in self.familiar):
            return []
        named = self.named[number]
        found = [name for match in ALONE.finditer(text) if (name := match.group(1)) in self.familiar and name not in named
                 and match.start() and not _after_a_capitalized_word(text, match.start())
                 and (VERB_AFTER.match(text, match.end()) or _object_of_a_word(text, match.start(), match.end()))
                 and name in self.in_full and give_in_full(text, name, self.in_full[name])]
        return list(dict.fromkeys(found))

    def needs(self, number: int) -> tuple[int, int, dict[str, Person]]:
        """The candidate that must introduce the first person candidate ``number`` names alone and the
        articles do not name in full as one person only, or names only inside a quotation (-1 when it names
        nobody so, -2 when nothing usable introduces them; see ``dependencies``), the candidate that
        introduces the first of the others (-1 for none), and the full names of the others (and of those it
        gives a role, who need no introduction)."""
        introduction, other = -1, -1
        full_names: dict[str, Person] = {}
        with_role = self.named_with_role[number]
        for name in self.alone[number] + with_role:
            if name in self.in_full and give_in_full(self.sentences[number].text, name, self.in_full[name]):
                full_names[name] = self.in_full[name]
                other = self._introducer(name, number) if other == -1 else other
            elif introduction == -1 and name not in with_role:
                introduction = self._introduction(name, number)
        return introduction, other, full_names

    def _introducer(self, name: str, number: int) -> int:
        """The candidate that names ``name`` in full for candidate ``number``: the first of its own article
        before it, else the cluster's first (-1 for none)."""
        own = self.first.get((self.sentences[number].doc, name))
        return own if own is not None and own < number else self.first.get((-1, name), -1)

    def _introduction(self, name: str, number: int) -> int:
        """The candidate that introduces ``name`` for candidate ``number`` (see ``_introducer``); -1 for a
        name readers know (or no person at all), -2 for none."""
        introduction = self._introducer(name, number)
        if introduction == -1 and name not in self.elsewhere:
            if self._opens_a_longer_name(name):  # "said Jenna" of "Jenna Bush Hager"
                return self._longer_name_introducer(name, number)
            if word_frequency(name.lower()) >= KNOWN_NAME_FREQUENCY or self.is_body(name):
                return -1
        return -2 if introduction == -1 else introduction

    def _opens_a_longer_name(self, name: str) -> bool:
        """True when the documents (else the candidates) name someone by ``name`` and two more names."""
        if name not in self.longer:
            self.longer[name] = any(opens_a_longer_name(name, text) for text in self.texts)
        return self.longer[name]

    def _longer_name_introducer(self, name: str, number: int) -> int:
        """The candidate that names ``name`` with two more names ("Jenna Bush Hager") for candidate ``number``: the
        first of its own article before it, else the cluster's first; -2 for none."""
        naming = [other for other, sentence in enumerate(self.sentences) if opens_a_longer_name(name, sentence.text)]
        own = [other for other in naming if self.sentences[other].doc == self.sentences[number].doc and other < number]
        return (own or naming or [-2])[0]

    def _a_name_alone(self, word: str) -> bool:
        """True when the documents (else the candidates) write ``word`` alone as a name inside sentences, NAMED_ALONE
        times or more, and never in lower case ("because King was ...", "charged King with"; not "Hope" of "no
        hope", nor of a single "released Hope on bail")."""
        if word not in self.word_names:
            self.word_names[word] = sum(times_named_alone_inside(word, text) for text in self.texts) >= NAMED_ALONE \
                and not any(in_lower_case(word, text) for text in self.texts)
        return self.word_names[word]

    def _given_in_full(self, name: str) -> bool:
        """True when the documents (perhaps outside the candidates) name ``name`` in full as one person only,
        as a surname ("Nordlinjen CEO Harald Strøm" in a caption left out; not "Strandqvist Board")."""
        if name not in self.full_elsewhere:
            texts = [document.text for document in self.documents]
            found = surnames_in_full(texts, {name}) if name in self.elsewhere else {}
            self.full_elsewhere[name] = name in found
        return self.full_elsewhere[name]

    def _named(self, number: int) -> tuple[list[str], list[str]]:
        """The people candidate ``number`` names without a first name: after a title or by a verb of speech
        ("Mr. Adler", "Adler said"), opening it ("Adler was ...") when the cluster gives that name in full,
        never puts it after "the" and it is no common word, unless the articles use the word only as a name (see
        _a_name_alone: "King was held" of "Christopher King"), or anywhere for a rare
        surname of the cluster's full names; those it names alone, and those it gives a role ("Adler, the fire chief,
        ...") or that only the documents name in full (see rare_anywhere: given in full when the articles can, else
        left as they are)."""
        text = self.sentences[number].text
        people = people_alone(text)
        people += [m.group(1) for m in [OPENING_NAME.match(text)]
                   if m and ((-1, m.group(1)) in self.first or self._given_in_full(m.group(1)))
                   and m.group(1) not in self.no_people and (word_frequency(m.group(1).lower()) < COMMON_WORD_FREQUENCY
                                                             or self._a_name_alone(m.group(1)))]
        documents_only: set[str] = set()
        if any(name in text for name in self.rare_anywhere):  # not a place: "Upper Tessridge" and "in Tessridge"
            anywhere = [match.group(1) for match in ALONE.finditer(text) if match.group(1) in self.rare_anywhere
                        and match.group(1) not in self.no_people and not _after_a_capitalized_word(text, match.start())]
            documents_only = {name for name in anywhere if name not in self.rare and name not in people}
            people += anywhere
        if not people:
            return [], []
        needs_none = {match.group(1) for match in ROLE_GIVEN.finditer(text)} | documents_only
        people = [name for name in dict.fromkeys(people) if name not in self.named[number]]
        return [name for name in people if name not in needs_none], [name for name in people if name in needs_none]
