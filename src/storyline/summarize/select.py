"""Choose sentences under a word budget, skipping any that repeats what is already chosen."""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise

import numpy as np

from ..text.patterns import MONEY, name_stems
from ..text.tokens import STOPWORDS
from ..text.vectors import Matrix, dense
from .attribute import NUMBER_WORDS, disagree

MAX_CONSIDERED = 2000
MAX_CHAIN = 3  # sentences that come in together: one and the two it leans on
CONTAINED = 0.5  # the share of a sentence's words (names left out) a chosen one told that makes it a repeat of it,
CONTAINED_FLOOR = 0.25  # at a cosine of this at least
PAIRS_FLOOR = 0.2  # the least cosine of two sentences that repeat each other by their word pairs


def select(
    scores: np.ndarray,
    vectors: Matrix,
    words: np.ndarray,
    max_words: int | None,
    max_sentences: int | None,
    redundancy: float | None,
    fill: bool = False,
    seen: np.ndarray | None = None,
    copy: float | None = None,
    antecedent: np.ndarray | None = None,
    unless_told: Sequence[frozenset[str]] | None = None,
    tokens: Sequence[Sequence[str]] | None = None,
    known: frozenset[str] = frozenset(),
    repeat_pairs: int | None = None,
    texts: Sequence[str] | None = None,
    leads: np.ndarray | None = None,
    lead_redundancy: float | None = None,
) -> list[int]:
    """Greedy selection by score under a word and/or sentence budget.

    A sentence whose cosine similarity to an already chosen one exceeds ``redundancy`` is a repetition (the
    same fact from another outlet) and is skipped; so is one sharing at least ``repeat_pairs`` adjacent
    content-word pairs (``tokens``; one at least free of names, given ``texts``) with it at a cosine of at
    least PAIRS_FLOOR ("ran aground on a reef" told by two outlets in other words), and, at any cosine, one
    giving another figure for what the same words count ("Vik has six boats" and "Vik has five boats"); of the
    articles' ``leads`` (a mask: each article's first candidate), one whose cosine to a chosen lead exceeds
    ``lead_redundancy`` repeats it too, unless it tells it apart (None: leads are held to the rest alone);
    redundancy None: none of these. With ``fill`` the last sentence may cross the word budget (for evaluations
    that cut every summary at the budget). ``seen`` gives each sentence's highest similarity to a sentence the
    reader already read; above ``copy`` (None: never) it is a copy of it and skipped.
    ``antecedent[i]`` is the sentence that sentence i leans on ("She said ..."): it comes in with it, or -2
    when it cannot (then i is skipped; so too when the two repeat each other); -1 for none. Such a group is
    ranked by its sentences' scores per word, so a sentence comes with what it leans on only when the pair is
    worth its words; it needs no antecedent (even one that cannot be chosen) when a chosen sentence's
    ``tokens`` hold one of ``unless_told[i]`` (the thing it takes for known: "The philanthropist ..." after
    "Ole Vik, a philanthropist, ...") or ``known`` does (the words of what the reader already read); one whose
    antecedent cannot be chosen waits, in its place, until a chosen sentence tells of its thing, if one does. Only
    the MAX_CONSIDERED best sentences are considered, so the cost stays flat in the cluster's size; one scored
    -inf never is.
    """
    ranked = np.argsort(-scores, kind="stable")[:MAX_CONSIDERED]
    ranked = ranked[np.isfinite(scores[ranked])]  # scored -inf: never told
    rank_of = np.full(len(scores), -1)
    rank_of[ranked] = np.arange(len(ranked))
    considered = vectors[ranked]
    similarity = dense(considered @ considered.T)
    chosen: list[int] = []
    taken: set[int] = set()  # the chosen, as a set
    closest = np.zeros(len(ranked))
    is_lead = np.zeros(len(ranked), dtype=bool) if leads is None or None in (lead_redundancy, redundancy) else leads[ranked]
    if seen is not None and copy is not None:
        closest[seen[ranked] > copy] = np.inf
    limit = np.finfo(float).max if redundancy is None else redundancy
    used = 0
    told = set(known)  # and the words of the chosen sentences

    def is_told(i: int) -> bool:
        return unless_told is not None and not told.isdisjoint(unless_told[i])

    queue = [(-float(scores[index]), rank, int(index), False) for rank, index in enumerate(ranked)]  # sorted: a heap
    waiting: list[tuple[float, int, int, bool]] = []  # unusable until a chosen sentence tells what they take for known
    while queue:
        priority, rank, index, deferred = heapq.heappop(queue)
        if max_sentences is not None and len(chosen) >= max_sentences:
            break
        if max_words is not None and fill and used >= max_words:
            break
        if index in taken:  # brought in before as another's antecedent
            continue
        group = _with_antecedent(index, antecedent, taken, rank_of, is_told)
        if not group and unless_told is not None and unless_told[index]:
            waiting.append((priority, rank, index, deferred))
            continue
        if not group or any(closest[rank_of[i]] > limit for i in group) \
                or _repeats_itself(group, rank_of, similarity, limit):
            continue
        if len(group) > 1 and not deferred:  # worth its words only if the group is, per word
            value = float(scores[group] @ words[group] / max(words[group].sum(), 1))
            if queue and value < -queue[0][0]:
                heapq.heappush(queue, (-value, rank, index, True))
                continue
        if max_words is not None and used + words[group[:-1] if fill else group].sum() > (max_words - fill):
            continue  # only the summary's last sentence may cross the budget, and only with fill
        if max_sentences is not None and len(chosen) + len(group) > max_sentences:
            continue
        for i in group:
            chosen.append(i)
            taken.add(i)
            used += int(words[i])
            row = similarity[rank_of[i]]
            if repeat_pairs is not None and tokens is not None and redundancy is not None:
                row = _with_shared_pairs(row, i, ranked, tokens, texts, repeat_pairs, limit)
            if texts is not None and redundancy is not None:
                row = _with_new_money(row, similarity[rank_of[i]], i, ranked, texts, limit)
                row = _with_another_figure(row, i, ranked, texts)
            if is_lead[rank_of[i]]:
                row = _with_repeated_leads(row, i, rank_of, ranked, similarity, is_lead, lead_redundancy or 0, texts)
            closest = np.maximum(closest, row)
            if tokens is not None:
                told.update(tokens[i])
        still_waiting = []
        for item in waiting:  # told now: back in their place
            if is_told(item[2]):
                heapq.heappush(queue, item)
            else:
                still_waiting.append(item)
        waiting = still_waiting
    return chosen


def tellers(chosen: list[int], antecedent: np.ndarray, unless_told: Sequence[frozenset[str]],
            tokens: Sequence[Sequence[str]], known: frozenset[str] = frozenset()) -> dict[int, int]:
    """The chosen sentences chosen without their antecedent because another chosen sentence tells what they
    take for known (see ``select``; not when ``known`` does), each to the first such sentence."""
    found = {}
    for i in chosen:
        if unless_told[i] and antecedent[i] != -1 and antecedent[i] not in chosen and unless_told[i].isdisjoint(known):
            teller = next((j for j in chosen if j != i and not unless_told[i].isdisjoint(tokens[j])), None)
            if teller is not None:
                found[i] = teller
    return found


def _with_repeated_leads(row: np.ndarray, chosen: int, rank_of: np.ndarray, ranked: np.ndarray, similarity: np.ndarray,
                         is_lead: np.ndarray, limit: float, texts: Sequence[str] | None) -> np.ndarray:
    """The similarities ``row`` of the lead ``chosen`` to the ``ranked`` sentences, with the other leads at a cosine
    above ``limit`` to it set to infinity: they tell its event again; not one that tells it apart (other figures,
    days or places, or a denial: see attribute.disagree), given ``texts``."""
    repeating = [j for j in np.flatnonzero(is_lead & (similarity[rank_of[chosen]] > limit))
                 if texts is None or not disagree(texts[chosen], texts[ranked[j]])]
    result = row.copy()
    result[repeating] = np.inf
    return result


def _repeats_itself(group: list[int], rank_of: np.ndarray, similarity: np.ndarray, limit: float) -> bool:
    """True when two sentences of ``group`` (one and what it leans on) repeat each other: the sentence it leans
    on tells what it does."""
    if len(group) < 2:
        return False
    ranks = rank_of[group]
    within = similarity[np.ix_(ranks, ranks)]
    return bool((within[~np.eye(len(group), dtype=bool)] > limit).any())


def _with_shared_pairs(row: np.ndarray, chosen: int, ranked: np.ndarray, tokens: Sequence[Sequence[str]],
                       texts: Sequence[str] | None, least: int, limit: float) -> np.ndarray:
    """The similarities ``row`` of sentence ``chosen`` to the ``ranked`` ones, with those that share at least
    ``least`` adjacent content-word pairs with it, one of them at least free of names (words capitalized inside
    either sentence of ``texts``, when given), at a cosine of at least PAIRS_FLOOR (and no more than ``limit``,
    repeats already) set to infinity: they repeat it. Outlets quoting one "Harbour Authority spokeswoman Ada
    Lind" share her name, not a fact. So are those that count what it counts (see _counts, _tells_another_count),
    and those at a cosine of CONTAINED_FLOOR or more whose words, names left out, it mostly told (see _contained)."""
    near = np.flatnonzero((row >= PAIRS_FLOOR) & (row <= limit))
    if not len(near):
        return row
    pairs, names, told = set(pairwise(tokens[chosen])), _names(texts, chosen), set(tokens[chosen])
    counted = _counts(texts, chosen)
    repeating = []
    for j in near:
        shared = pairs.intersection(pairwise(tokens[ranked[j]]))
        if counted and not counted.isdisjoint(_counts(texts, ranked[j])):
            repeating.append(j)  # "had burned about 1,200 acres" and "had grown to about 1,200 acres"
        elif texts is not None and _tells_another_count(texts[chosen], texts[ranked[j]]):
            repeating.append(j)  # "four people were killed" and "At least three people were killed"
        elif len(shared) >= least:
            either = names | _names(texts, ranked[j])
            if texts is None or any(either.isdisjoint(pair) for pair in shared):
                repeating.append(j)
        elif row[j] >= CONTAINED_FLOOR and _contained(told, set(tokens[ranked[j]]) - names - _names(texts, ranked[j])):
            repeating.append(j)  # "Police held Vik on suspicion of arson." after "police held 24-year-old Ole Vik at the pier"
    result = row.copy()
    result[repeating] = np.inf
    return result


def _contained(told: set[str], words: set[str]) -> bool:
    """True when CONTAINED of ``words`` (a sentence's, names left out), two at least, are among the words ``told``, and
    it gives no figure they do not ("Three more people were killed" after "Four people were killed")."""
    shared = len(words & told)
    new_figure = any(word.isdigit() or word in NUMBER_WORDS for word in words - told)
    return shared >= 2 and shared >= CONTAINED * len(words) and not new_figure


COUNT = re.compile(r"(?<![\d.,])(?!(?:1[89]|20)\d\d\b)(\d[\d,.]*\d|\d)\s+(?:more |other )?([a-z]{3,})")  # "1,200 acres"


def _counts(texts: Sequence[str] | None, i: int) -> frozenset[tuple[str, str]]:
    """The counts sentence ``i`` gives, as (figure, what it counts): "about 1,200 acres" -> ("1,200", "acres");
    none without ``texts``, of a figure under 10 or of NO_COUNT ("24 hours", "10 percent")."""
    return _counts_in(texts[i]) if texts is not None else frozenset()


@lru_cache(maxsize=4096)
def _counts_in(text: str) -> frozenset[tuple[str, str]]:
    if not any(c.isdigit() for c in text):
        return frozenset()
    return frozenset((figure, noun) for figure, noun in COUNT.findall(text) if len(figure) > 1 and noun not in NO_COUNT)


# What two stories give the same figure of as often as not: spans of time, shares, measures of size
NO_COUNT = frozenset("seconds minutes hours days weeks months years decades percent per cent points times miles "
                     "kilometres kilometers metres meters feet inches pounds kilograms degrees".split())


# A figure, what it counts and the words after it up to a preposition: "three people who were stabbed at the fair" ->
# ("three", "people", " who were stabbed"); a figure of more or others counts no same thing ("Three more were held")
TALLY = re.compile(rf"(?<![\d.,])(?!(?:1[89]|20)\d\d\b)(\d[\d,]*|\b(?i:{'|'.join(NUMBER_WORDS)}))\s+(?!more |other )"
                   r"([a-z]{3,})((?:\s+(?!(?:at|in|on|of|for|from|with|to|near|by|after|during)\b)[a-z]+){0,3})")


def _tells_another_count(one: str, other: str) -> bool:
    """True when two sentences count the same thing done to it otherwise: "four people were killed" and "At least
    three people were killed" (a noun and a word after it the same, see TALLY, the figure not); not counts of another
    time ("In 1997, an earthquake killed more than 100 people")."""
    told = _tallies(one)
    return bool(told) and any(noun == other_noun and figure != other_figure and not after.isdisjoint(other_after)
                              for figure, noun, after, _ in told
                              for other_figure, other_noun, other_after, _ in _tallies(other))


def _with_another_figure(row: np.ndarray, chosen: int, ranked: np.ndarray, texts: Sequence[str]) -> np.ndarray:
    """The similarities ``row`` of sentence ``chosen`` to the ``ranked`` ones, with those that give another figure
    for what the same someone has set to infinity, at any cosine: "Vik has six boats, ..." and "Vik has five boats
    ..." cannot both be told (but "At least 265 people were killed" and "At least 161 people died" can)."""
    owned = {(noun, before): figure for figure, noun, _, before in _tallies(texts[chosen]) if before}
    if not owned:
        return row
    other = [j for j, index in enumerate(ranked)
             if any(owned.get((noun, before), figure) != figure for figure, noun, _, before in _tallies(texts[index]))]
    result = row.copy()
    result[other] = np.inf
    return result


@lru_cache(maxsize=4096)
def _tallies(text: str) -> tuple[tuple[str, str, frozenset[str], tuple[str, ...]], ...]:
    """The counts of a sentence that names no year (see TALLY), with the words after each that are no stop words
    and, for what someone has, the two words before it ("Vik has" of "Vik has six boats"; none for "At least 40
    people")."""
    if not HAS_NUMBER.search(text) or YEAR.search(text):
        return ()
    found = []
    for match in TALLY.finditer(text):
        figure, noun, after = match.groups()
        if noun not in NO_COUNT | NO_TALLY:
            before = tuple(word.lower() for word in text[:match.start()].split()[-2:])
            owner = len(before) == 2 and before[1] in HAS and before[0] not in STOPWORDS
            done = frozenset(SAME_FATE.get(word, word) for word in after.split()) - STOPWORDS - NOT_DONE
            found.append((figure.lower().replace(",", ""), noun, done, before if owner else ()))
    return tuple(found)


HAS_NUMBER = re.compile(rf"\d|(?i:{'|'.join(NUMBER_WORDS)})")
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
HAS = frozenset("has have had".split())
NOT_DONE = frozenset("been being who which that were was are is have has had".split())
# Words that tell the same fate: "12 sailors were killed" and "nine sailors died" count the same dead
SAME_FATE = {"died": "killed", "dead": "killed", "perished": "killed", "slain": "killed", "wounded": "injured",
             "hurt": "injured"}
NO_TALLY = STOPWORDS | frozenset("hundred thousand million billion trillion grams".split())  # "$19 billion deal"


def _with_new_money(row: np.ndarray, cosines: np.ndarray, chosen: int, ranked: np.ndarray, texts: Sequence[str],
                    limit: float) -> np.ndarray:
    """How much each of the ``ranked`` sentences repeats sentence ``chosen`` (``row``), those repeats (above ``limit``)
    at a cosine (``cosines``) of at most NEW_MONEY_CEILING made none when they give a sum of money it does not: "The
    minister, who visited the dam on Wednesday, announced £18m for a rebuild" is no repeat of "The minister said he
    would visit the dam on Wednesday"."""
    near = np.flatnonzero((row > limit) & (cosines <= NEW_MONEY_CEILING))
    if not len(near):
        return row
    told = _sums(texts[chosen])
    new = [j for j in near if not _sums(texts[ranked[j]]) <= told]
    if not new:
        return row
    result = row.copy()
    result[new] = limit
    return result


@lru_cache(maxsize=4096)
def _sums(text: str) -> frozenset[tuple[str, float]]:
    """The sums of money ``text`` gives, as currency and amount to two significant figures ("$7.68 billion" and
    "$7.7bn": ("$", 7.7e9); "$2.5 million" and "$2,500,000": ("$", 2.5e6)); the currency of a bare figure is ''."""
    if not any(c.isdigit() for c in text):
        return frozenset()
    return frozenset(_sum(amount) for amount in MONEY.findall(text))


def _sum(amount: str) -> tuple[str, float]:
    """A sum of money (see MONEY) as currency and amount to two significant figures."""
    figure = re.search(r"\d[\d,]*(?:\.\d+)?", amount)
    value = float(figure.group().replace(",", "")) if figure else 0.0
    scale = next((factor for word, factor in SCALES if re.search(rf"\d\s?{word}\b", amount, re.IGNORECASE)), 1.0)
    currency = next((sign for sign in CURRENCIES if sign in amount.lower()), "")
    return CURRENCIES.get(currency, currency), float(f"{value * scale:.2g}")


SCALES = (("billion", 1e9), ("bn", 1e9), ("million", 1e6), ("m", 1e6), ("k", 1e3))
CURRENCIES = {"$": "$", "usd": "$", "dollars": "$", "£": "£", "gbp": "£", "pounds": "£", "sterling": "£", "€": "€",
              "eur": "€", "euros": "€", "¥": "¥", "yen": "¥", "kroner": "kr"}
NEW_MONEY_CEILING = 0.6


def _names(texts: Sequence[str] | None, i: int) -> set[str]:
    """The stems of the words sentence ``i`` capitalizes inside it (none without ``texts``)."""
    return name_stems(texts[i]) if texts is not None else set()


def _with_antecedent(index: int, antecedent: np.ndarray | None, chosen: set[int], rank_of: np.ndarray,
                     is_told: Callable[[int], bool]) -> list[int]:
    """The sentences that choosing ``index`` brings in, in reading order: itself, after the sentences it
    leans on (up to MAX_CHAIN in all) and that no chosen sentence stands in for (``is_told``); none when one
    of them cannot be chosen."""
    group = [index]
    while antecedent is not None and (before := int(antecedent[group[0]])) != -1 and before not in chosen \
            and before not in group and not is_told(group[0]):  # two that lean on each other come in together
        if before < 0 or rank_of[before] < 0 or len(group) >= MAX_CHAIN:
            return []
        group.insert(0, before)
    return group
