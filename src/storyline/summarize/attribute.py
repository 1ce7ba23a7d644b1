"""Find, for each summary sentence, the sentences of other documents that report the same content."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

import numpy as np

from ..text.patterns import ANY_TITLE, BODIES, PLACE_PREPOSITIONS, WEEKDAYS, WHEN, name_stems, speaker_words
from ..text.tokens import STOPWORDS, stem
from ..text.vectors import Matrix, dense

SHARED_WORDS = 2  # the fewest content words, who speaks aside, a sentence shares with the one it is cited for
#                   (all of them, at least one, when the shorter of the two has fewer)
FIGURE = re.compile(r"(?<![\d.,])(?!(?:1[89]|20)\d\d\b)\d+(?:[.,]\d+)*")  # "120", "1,500"; no year ("2014")
NEGATION = re.compile(r"\b(?:(?:[Nn]o(?!\.? ?\d| [A-Z]| (?:fewer|more|less) than\b| longer\b)|[Nn]ot(?! only\b)|[Nn]ever|[Nn]one|"
                      r"[Nn]obody|[Nn]othing|[Nn]either|[Nn]or)|\w+n['’]t(?! only\b))\b")
NUMBER_WORDS = {word: number for number, word in enumerate(
    "_ _ two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split()) if number >= 2} | {"thirty": 30, "forty": 40, "fifty": 50, "dozen": 12}
NUMBER_WORD = re.compile(rf"\b(?i:(?:twenty|thirty|forty|fifty)-(?:one|two|three|four|five|six|seven|eight|nine)|"
                         rf"{'|'.join(NUMBER_WORDS)})\b")  # "twenty-eight": 28
CLOSED_QUOTATION = re.compile(r"[\"“][^\"“”]+[\"”]|‘[^‘’]+’")
QUOTED_WORDS = 4  # a run of quoted words two sentences share when they quote one thing said
# A verb that denies what it governs as a negation does: "fired for refusing to attend" tells "for not attending"
REFUSAL = re.compile(r"\b(?:refus|declin|fail)(?:e|es|ed|ing)\b", re.IGNORECASE)
NEGATED_WORDS = 6  # the words after a negation, within its clause, that it denies
# where a negation's reach ends: a mark, or a word that opens what it asks or tells ("not clear why ...")
CLAUSE_BREAK = re.compile(r"[,;:.!?()\"“”—–…]|\b(?:why|how|what|when|where|who|whom|whose|whether|if|that|which)\b")
WORD = re.compile(r"\w+(?:['’]\w+)?")
WEEKDAY = re.compile(rf"\b(?:{WEEKDAYS})\b")
WEEKDAY_NAMES = WEEKDAYS.split("|")  # Monday first, as date.weekday() counts
# The day something happened on: "on Wednesday", "Wednesday morning" (not "the Sunday Times")
EVENT_DAY = re.compile(rf"\b(?:on|last|early|late|since) ({WEEKDAYS})\b|\b({WEEKDAYS}) (?:morning|afternoon|evening|night)\b")
PLANNED = re.compile(r"\b(?:will|would|could|may|might|shall|expected to|due to|plans? to|planned|scheduled|set to|"
                     r"going to)\b")  # what a sentence tells as to come
# A place and the words it follows: "warehouse in Port Aldren" -> ("warehouse in", "Port Aldren").
PLACE = re.compile(rf"(\w+ (?i:{'|'.join(sorted(PLACE_PREPOSITIONS))})) ([A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*)*)")


def supporting(chosen: list[int], vectors: Matrix, doc: np.ndarray, threshold: float,
               tokens: Sequence[Sequence[str]], texts: Sequence[str], days: np.ndarray | None = None) -> list[list[int]]:
    """For each chosen sentence: itself, then the closest sentence of each other document above ``threshold``
    (the first of equally close ones), in the documents' order, when it shares SHARED_WORDS content words
    (``tokens``) with it besides those that say who speaks in either (``texts``), one at least besides the names both
    give: an article that quotes the same "fire chief Rune Adler" on another fact, or tells another thing of the same
    school, does not report this one; nor does one that gives other figures or another place (``disagree``), nor one
    published (``days``, by document: see known_days) before the day the sentence tells of (``after_its_day``).

    ``doc`` is in reading order (each document's sentences together), as candidates are. Time and memory are
    linear in the number of sentences (one row of similarities per chosen sentence, maxima per document
    taken at once).
    """
    if not chosen:
        return []
    similarity = dense(vectors[chosen] @ vectors.T)
    doc = np.asarray(doc)
    starts = np.flatnonzero(np.concatenate([[True], doc[1:] != doc[:-1]]))
    segment = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(doc))))  # a document's run
    result = []
    for row, index in zip(similarity, chosen):
        best = np.maximum.reduceat(row, starts)
        at_best = np.flatnonzero(row == best[segment])
        first = at_best[np.concatenate([[True], segment[at_best][1:] != segment[at_best][:-1]])]
        cited = first[(best >= threshold) & (np.arange(len(starts)) != segment[index])]
        result.append([index, *(j for j in cited.tolist() if _tells_the_same(index, j, tokens, texts)
                                and not disagree(texts[index], texts[j])
                                and not (days is not None and after_its_day(texts[index], days[doc[index]], days[doc[j]])))])
    return result


def after_its_day(sentence: str, day: int, other_day: int) -> bool:
    """True when ``sentence``, of an article published on ``day``, tells of something done on a weekday after
    ``other_day`` (days as ordinals, 0 when not known): the weekday it names (see EVENT_DAY), the last such day up to
    ``day``; not what it tells as to come (PLANNED). An article of 3 June could say residents might go home "on
    Wednesday"; it cannot report that they went home on Wednesday 4 June."""
    if not (day and other_day and other_day < day):
        return False
    weekday = date.fromordinal(int(day)).weekday()
    return any(day - (weekday - told) % 7 > other_day for told in _event_weekdays(sentence))


@lru_cache(maxsize=1024)
def _event_weekdays(sentence: str) -> tuple[int, ...]:
    """The weekdays (Monday 0) ``sentence`` tells something was done on (see EVENT_DAY); none when it tells a plan."""
    if PLANNED.search(sentence):
        return ()
    return tuple(WEEKDAY_NAMES.index(name) for names in EVENT_DAY.findall(sentence) for name in names if name)


def _tells_the_same(one: int, other: int, tokens: Sequence[Sequence[str]], texts: Sequence[str]) -> bool:
    """Whether two sentences share SHARED_WORDS content words (see ``supporting``), one at least no word of a name
    (see ``_capitalized_only``): "Lower Brackley Primary School will reopen on Monday" is not told by "Pupils at
    Lower Brackley Primary School will be taught at St Aldric's until further notice"."""
    speakers = speaker_words(texts[one]) | speaker_words(texts[other])
    told, reported = set(tokens[one]) - speakers, set(tokens[other]) - speakers
    shared = told & reported
    return len(shared) >= max(1, min(SHARED_WORDS, len(told), len(reported))) \
        and bool(shared - _capitalized_only(texts[one], texts[other]))


def _capitalized_only(one: str, other: str) -> set[str]:
    """The stems of the words either sentence capitalizes inside it and neither writes in lower case ("Mayor of Lund"
    and "mayor of Lund": "Lund"), but days and months ("on Friday")."""
    lower = {stem(word.lower()) for word in WORD.findall(f"{one} {other}") if word[0].islower()}
    return (name_stems(WHEN.sub("", one)) | name_stems(WHEN.sub("", other))) - lower


def disagree(one: str, other: str) -> bool:
    """True when two sentences tell a story apart: both give figures, or days of the week, and share none
    ("120 residents were evacuated" and "40 residents were evacuated"; "began on Wednesday" and "entered
    its second day on Thursday"), or after the same words they name places neither names elsewhere ("a
    warehouse in Bergen" and "a warehouse in Molde"), or one denies what the other tells ("no more diesel had
    leaked" and "diesel had leaked"), or both quote someone, in other words (see _quote_other_words)."""
    if _denies(one, other) or _denies(other, one) or _quote_other_words(one, other):
        return True
    for found in (_figures, WEEKDAY.findall):
        items, other_items = set(found(one)), set(found(other))
        if items and other_items and not items & other_items:
            return True
    places, other_places = _places(one), _places(other)
    return any(not (_names_any(other, places[after]) or _names_any(one, other_places[after]))
               for after in places.keys() & other_places.keys())


def _quote_other_words(one: str, other: str) -> bool:
    """True when both sentences quote QUOTED_WORDS words or more and share no run of QUOTED_WORDS of them: two
    things said ("a wound to the whole town" and "The whole town can breathe again"), not one."""
    runs, other_runs = _quoted_runs(one), _quoted_runs(other)
    return bool(runs) and bool(other_runs) and runs.isdisjoint(other_runs)


@lru_cache(maxsize=4096)
def _quoted_runs(sentence: str) -> frozenset[tuple[str, ...]]:
    """The runs of QUOTED_WORDS words, in lower case, within the quotations ``sentence`` opens and closes (not the
    end of one the sentence before opened: 'first light," Ada Lind said after ...')."""
    if not any(mark in sentence for mark in "\"“‘"):
        return frozenset()
    runs: set[tuple[str, ...]] = set()
    for quotation in CLOSED_QUOTATION.findall(sentence):
        words = [word.lower() for word in WORD.findall(quotation)]
        runs.update(zip(*(words[k:] for k in range(QUOTED_WORDS))))
    return frozenset(runs)


def _figures(sentence: str) -> list[str]:
    """The figures of a sentence, in digits, those written in words too ("six people" and "6 people"; not
    "one", a pronoun as often)."""
    words = [str(sum(NUMBER_WORDS.get(part, 1) for part in word.lower().split("-")))  # "twenty-one": 20 and 1
             for word in NUMBER_WORD.findall(sentence)]
    return [figure.replace(",", "") for figure in FIGURE.findall(sentence)] + words


def _denies(one: str, other: str) -> bool:
    """True when ``one`` denies what ``other`` tells: it puts a negation before a content word (within
    NEGATED_WORDS words of its clause) that ``other``, which denies nothing, tells ("no more diesel had
    leaked" and "diesel had leaked"; not "no charges were filed" and "the couple cooperated")."""
    if not NEGATION.search(one) or NEGATION.search(other) or REFUSAL.search(other):
        return False
    return not _negated(one).isdisjoint(_content_stems(other))


def _negated(sentence: str) -> set[str]:
    """The stems of the content words within NEGATED_WORDS words after a negation, in its clause."""
    found: set[str] = set()
    for clause in CLAUSE_BREAK.split(sentence):
        words = WORD.findall(clause)
        for k, word in enumerate(words):
            if NEGATION.fullmatch(word):
                found |= {stem(w.lower()) for w in words[k + 1:k + 1 + NEGATED_WORDS] if w.lower() not in STOPWORDS}
    return found


def _content_stems(sentence: str) -> set[str]:
    """The stems of the words of ``sentence`` that are no stopwords."""
    return {stem(word.lower()) for word in WORD.findall(sentence) if word.lower() not in STOPWORDS}


def _places(sentence: str) -> dict[str, str]:
    """The places ``sentence`` names after a preposition of place, by the words before it ("warehouse in":
    "Port Aldren"); no institution ("at Lund University"), person ("from Mayor Ada Lind") or day ("in
    Tuesday's fire")."""
    found = {}
    for after, place in PLACE.findall(sentence):
        words = place.split()
        if BODIES.isdisjoint(words) and words[0].rstrip(".") not in ANY_TITLE and not WHEN.match(words[0]):
            found[after.lower()] = place
    return found


def _names_any(sentence: str, place: str) -> bool:
    """True when ``sentence`` holds a word of ``place`` as a word of its own."""
    return any(re.search(rf"\b{re.escape(word)}\b", sentence) for word in place.split())
