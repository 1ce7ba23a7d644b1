"""Words of a text as storyline counts them: lower-cased, stop words out, Porter stems, and how common
each is in general English (wordfreq)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import Stemmer

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
UNKNOWN_FREQUENCY = 1e-8  # of a word wordfreq does not know
_stemmer = Stemmer.Stemmer("porter")


def shipped_words(name: str) -> frozenset[str]:
    """The words of a word list shipped in storyline/data (one or more a line), as ``python -m storyline.train``
    writes them."""
    return frozenset(word for line in shipped_lines(name) for word in line)


def shipped_lines(name: str) -> list[list[str]]:
    """The lines of a word list shipped in storyline/data, each as its words."""
    text = (resources.files("storyline") / "data" / name).read_text(encoding="utf-8")
    return [line.split() for line in text.splitlines()]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Porter stem of a lower-cased word."""
    return str(_stemmer.stemWord(word))


def surface_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` without stop words, unstemmed."""
    return [w for w in TOKEN.findall(text.lower()) if w not in STOPWORDS and len(w) > 1]


def content_words(text: str) -> list[str]:
    """Stemmed, lower-cased words of ``text`` without stop words."""
    return [stem(w) for w in surface_words(text)]


@lru_cache(maxsize=1)
def _english_frequencies() -> dict[str, float]:
    import wordfreq

    frequencies: dict[str, float] = wordfreq.get_frequency_dict("en", wordlist="large")
    return frequencies


def word_frequency(word: str) -> float:
    """How often a lower-cased word occurs in general English (wordfreq); UNKNOWN_FREQUENCY if never."""
    return _english_frequencies().get(word, UNKNOWN_FREQUENCY)


def stem_frequencies(words: Iterable[str]) -> dict[str, float]:
    """How often each stem of ``words`` occurs in general English (wordfreq): the frequency of its most
    frequent surface form among ``words``, UNKNOWN_FREQUENCY for words wordfreq does not know."""
    frequencies = _english_frequencies()
    result: dict[str, float] = {}
    for word in words:
        term = stem(word)
        result[term] = max(result.get(term, UNKNOWN_FREQUENCY), frequencies.get(word, UNKNOWN_FREQUENCY))
    return result
