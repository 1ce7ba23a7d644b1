"""Order chosen sentences so the summary reads as a story: each article's sentences together, in its order."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

import numpy as np

from ..model import Document, Sentence
from ..text.patterns import ENTRY_TIME, can_open
from .opening import opening_odds, reads_as_first, reads_as_later

# A live blog's time stamp (ENTRY_TIME), alone on its line or opening its entry's line before a dash ("Updated 12:58
# GMT - The mayor has ...")
TIME_STAMP = re.compile(rf"^[ \t]*{ENTRY_TIME}(?:[ \t]*\r?$|[ \t]+[-–—][ \t]+(?=\S))", re.MULTILINE | re.IGNORECASE)
LIVE_STAMPS = 3  # time stamps, newest first, that make an article a live blog to read from its end
# Log-odds by which a lead must read better as a summary's first sentence than the best scored one as early to open
# the summary instead (chosen on tune clusters read by two editors: below it, the best scored read better as often)
BETTER_OPENER = 1.2


def order(chosen: list[int], position: np.ndarray, doc: np.ndarray, antecedent: np.ndarray | None = None,
          scores: np.ndarray | None = None, texts: list[str] | None = None, day: np.ndarray | None = None) -> list[int]:
    """Chosen sentences grouped by article, each article's in its own order; the articles in the order of
    the days they were published (``day``, by article: a later report after an earlier one, but see the opening
    below), then of their
    earliest chosen sentence (the one that leads with the top of its story first), ties to the best scored
    of those sentences (``scores``), then to the documents' order. A summary so never jumps back
    and forth between articles' accounts, and opens on its best lead that stands alone (see ``summary_opener``; of a
    story told over days, that of its latest day's report, which so tells first where the story stands, the
    other reports of that day after it and then the days before in order). A sentence
    that leans on one of another article, or on a later one of its own (``antecedent``, as for ``select``: the
    full name of a person it names by surname, the sentence that tells of a thing it takes for known) comes
    right after it, and the sentences of its article leaning on it after it."""
    follows = _deferred(chosen, doc, position, antecedent)
    lead = _leads(chosen, position, doc)
    block = _blocks(lead, position, scores, day)
    first = None if texts is None else _opener(lead, block, follows, position, doc, texts)
    if first is not None:
        opener = int(doc[first])
        last_day = max(when for when, *_ in block.values())
        if block[opener][0] == last_day:  # the last day's reports first, then the days before in order
            block.update({a: (-1, *block[a][1:]) for a in lead if block[a][0] == last_day})
        block[opener] = (-1, -1, 0.0, opener)
    ordered = sorted(chosen, key=lambda i: (block[int(doc[i])], int(position[i])))
    placed = [i for i in ordered if i not in follows]
    while follows:  # a chain (one leaning on one that leans on a third) is placed link by link
        ready = [i for i in ordered if follows.get(i, -1) in placed] or [next(i for i in ordered if i in follows)]
        for i in ready:
            before = follows.pop(i)
            at = placed.index(before) + 1 if before in placed else len(placed)
            while at < len(placed) and ((doc[placed[at]] == doc[i] and position[placed[at]] < position[i])
                                        or _leans_on(placed[at], placed[at - 1], antecedent, doc, position)):
                at += 1  # after the sentences of its own article that come before it, and never between two that lean
            placed.insert(at, i)
    return placed


def _leans_on(sentence: int, before: int, antecedent: np.ndarray | None, doc: np.ndarray, position: np.ndarray) -> bool:
    """True when ``sentence`` leans on ``before``, the sentence before it in its article ("Its captain ..." on "The
    ferry hit a reef ...")."""
    return antecedent is not None and int(antecedent[sentence]) == before and doc[sentence] == doc[before] \
        and position[sentence] == position[before] + 1


def summary_opener(chosen: list[int], position: np.ndarray, doc: np.ndarray, antecedent: np.ndarray | None,
                   scores: np.ndarray | None, texts: list[str], day: np.ndarray | None = None) -> int | None:
    """The chosen sentence ``order`` opens the summary on (None for none that can open)."""
    lead = _leads(chosen, position, doc)
    return _opener(lead, _blocks(lead, position, scores, day), _deferred(chosen, doc, position, antecedent),
                   position, doc, texts)


def _leads(chosen: list[int], position: np.ndarray, doc: np.ndarray) -> dict[int, int]:
    """Each article's first chosen sentence."""
    lead: dict[int, int] = {}
    for i in chosen:
        article = int(doc[i])
        if article not in lead or position[i] < position[lead[article]]:
            lead[article] = i
    return lead


def _blocks(lead: dict[int, int], position: np.ndarray, scores: np.ndarray | None,
            day: np.ndarray | None) -> dict[int, tuple[int, int, float, int]]:
    """Each article's place in a summary: its day, its first chosen sentence's position and score, its number."""
    return {article: (int(day[article]) if day is not None else 0, int(position[i]),
                      -float(scores[i]) if scores is not None else 0.0, article) for article, i in lead.items()}


def _opener(lead: dict[int, int], block: dict[int, tuple[int, int, float, int]], follows: dict[int, int],
            position: np.ndarray, doc: np.ndarray, texts: list[str]) -> int | None:
    """The articles' first chosen sentence a summary opens on: one that leans on no other and ``can_open`` (not
    "X also ...", "The paper said ..."), the earliest in its article, then published, then best scored, unless
    another as early reads better as a summary's first sentence by BETTER_OPENER (see opening.opening_odds: the news,
    not a feature's scene); of a story told over days, one of the last day's reports that is its article's first
    candidate, if any. When that one reads as a later sentence (see opening.reads_as_later), the first of those that
    are their articles' first candidates and read as a summary's first sentence, if any."""
    leads = [a for a, i in lead.items() if i not in follows and can_open(texts[i])]
    if not leads:
        return None
    top = _first_positions(position, doc)
    last_day = max((block[a][0] for a in lead), default=0)
    if any(block[a][0] < last_day for a in lead):  # a story told over days: its last day's lead tells where it stands
        leads = [a for a in leads if block[a][0] == last_day and position[lead[a]] == top[a]] or leads

    def earliest(articles: list[int]) -> int:
        soonest = min((block[a][1], block[a][0]) for a in articles)
        tied = [a for a in articles if (block[a][1], block[a][0]) == soonest]
        odds = {a: opening_odds(texts[lead[a]]) for a in tied}
        best = min(tied, key=lambda a: (block[a][2], a))
        reads_first = max(tied, key=odds.__getitem__)
        return lead[reads_first if odds[reads_first] - odds[best] >= BETTER_OPENER else best]
    first = earliest(leads)
    if not reads_as_later(texts[first]):
        return first
    better = [a for a in leads if position[lead[a]] == top[a] and reads_as_first(texts[lead[a]])]
    return earliest(better) if better else first


def openers(position: np.ndarray, doc: np.ndarray, antecedent: np.ndarray, texts: list[str]) -> np.ndarray:
    """The candidates a summary can open on: each article's first candidate, when it leans on nothing and
    ``can_open``."""
    leads = np.flatnonzero(position == _first_positions(position, doc)[doc])
    return np.array([i for i in leads if antecedent[i] == -1 and can_open(texts[i])], dtype=int)


def _first_positions(position: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """Each article's first candidate's position."""
    first = np.full(int(doc.max()) + 1, np.iinfo(np.int64).max)
    np.minimum.at(first, doc, position)
    return first


def _deferred(chosen: list[int], doc: np.ndarray, position: np.ndarray, antecedent: np.ndarray | None) -> dict[int, int]:
    """The chosen sentences placed after what they lean on rather than in their article's order, with
    that sentence: those leaning on another article's or on a later one of their own, and those leaning on
    a sentence so placed."""
    if antecedent is None:
        return {}
    leans = {i: int(antecedent[i]) for i in chosen if int(antecedent[i]) in chosen}
    follows = {i: before for i, before in leans.items() if doc[before] != doc[i] or position[before] > position[i]}
    while grown := {i: before for i, before in leans.items() if before in follows and i not in follows}:
        follows.update(grown)
    return follows


def live_entries(sentences: Sequence[Sentence], documents: Sequence[Document]) -> np.ndarray:
    """The entry of a live blog each sentence belongs to, numbered oldest first from 1 (0 for what comes
    before the first entry, and for every sentence of an article that is no such blog). A live blog here runs
    newest first: LIVE_STAMPS time stamps or more (see TIME_STAMP), each earlier than the one before."""
    entries = np.zeros(len(sentences), dtype=int)
    for number, document in enumerate(documents):
        stamps = [(match.start(), _minutes(match)) for match in TIME_STAMP.finditer(document.text)]
        times = [minutes for _, minutes in stamps]
        if len(stamps) < LIVE_STAMPS or times[0] == times[-1] \
                or any(later > earlier for earlier, later in zip(times, times[1:])):
            continue
        offsets = [offset for offset, _ in stamps]
        for i, sentence in enumerate(sentences):
            if sentence.doc == number and (entry := bisect_right(offsets, sentence.start)):
                entries[i] = len(stamps) + 1 - entry
    return entries


def reading_positions(sentences: Sequence[Sentence], entries: np.ndarray) -> np.ndarray:
    """Each sentence's place in the order its article tells the story: its place in the article, but in a
    live blog (see live_entries) the places of its sentences go to them by entry, oldest first."""
    position = np.array([s.index for s in sentences])
    doc = np.array([s.doc for s in sentences])
    for blog in np.unique(doc[entries > 0]):
        members = np.flatnonzero(doc == blog)
        told = members[np.lexsort((position[members], entries[members]))]
        position[told] = np.sort(position[members])
    return position


def _minutes(stamp: re.Match) -> int:
    """The minutes after midnight a TIME_STAMP match tells."""
    hours, minutes, half, bare, bare_half = stamp.groups()
    hour, half = int(hours or bare), half or bare_half
    return (hour % 12 + 12 * half.lower().startswith("p") if half else hour) * 60 + int(minutes or 0)
