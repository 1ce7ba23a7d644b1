"""Denials of deaths and injuries: stale when a later report overtakes them ("No one was hurt" of Monday after
Tuesday's "A firefighter died"), and told once ("No injuries have been reported" and "No one was reported hurt")."""

from __future__ import annotations

import re

import numpy as np

_DEATH = r"(?:died|dies|killed|dead|lost (?:his|her|their) li(?:fe|ves))"
_INJURY = r"(?:injured|hurt|wounded|hospitali[sz]ed)"
_NO_ONE = r"\b(?:no ?one|nobody|none of (?:the|them|those))\b(?: else)?[^,.;:]{0,30}?\b"  # "No one has been reported"
# A denial of deaths or of injuries: "No one was killed", "There were no deaths", "no injuries have been reported"
# (not "no doubt the storm killed two", "No homes burned, but two people were hurt").
DENIES_DEATH = re.compile(rf"{_NO_ONE}{_DEATH}\b|\bno (?:deaths|fatalities)\b", re.IGNORECASE)
DENIES_INJURY = re.compile(rf"{_NO_ONE}{_INJURY}\b|\bno (?:injury|injuries|casualties)\b", re.IGNORECASE)
# A death or an injury of people: "Elias Brandt, 34, died", "two firefighters were hurt" (not "300 dead fish", "hurt
# local businesses", "the bill was killed in committee")
PEOPLE = (r"\b(?:people|persons?|man|men|woman|women|child|children|boys?|girls?|babies|baby|residents?|firefighters?|"
          r"officers?|drivers?|passengers?|victims?|workers?|students?|soldiers?|civilians?|pilots?|crew|teenagers?|"
          r"patients?|volunteers?|[A-Z][a-z]+ [A-Z][a-z]+(?:, \d{1,3},)?)\b")
TELLS_DEATH = re.compile(rf"{PEOPLE}[^.;]{{0,60}}?\b{_DEATH}\b|\b{_DEATH}\b[^.;]{{0,30}}?{PEOPLE}")
TELLS_INJURY = re.compile(rf"{PEOPLE}[^.;]{{0,60}}?\b{_INJURY}\b|\b{_INJURY}\b[^.;]{{0,30}}?{PEOPLE}")


def overtaken(texts: list[str], day: np.ndarray) -> np.ndarray:
    """Whether each sentence (``texts``, of reports published on ``day``; 0 for a day not known) denies deaths
    or injuries of people that a report of a later day tells of (a sentence that tells of them and denies
    neither): a stale fact. A sentence of no known day is never stale, nor makes another so."""
    stale = np.zeros(len(texts), dtype=bool)
    denials = [i for i, text in enumerate(texts) if day[i] and (DENIES_DEATH.search(text) or DENIES_INJURY.search(text))]
    if not denials:
        return stale
    told = [i for i, text in enumerate(texts) if day[i] and not (DENIES_DEATH.search(text) or DENIES_INJURY.search(text))]
    last_death = max((day[i] for i in told if TELLS_DEATH.search(texts[i])), default=0)
    last_injury = max([last_death, *(day[i] for i in told if TELLS_INJURY.search(texts[i]))])
    for i in denials:
        stale[i] = (bool(DENIES_DEATH.search(texts[i])) and last_death > day[i]) or (
            bool(DENIES_INJURY.search(texts[i])) and last_injury > day[i])
    return stale


def repeated_denials(texts: list[str], scores: np.ndarray) -> np.ndarray:
    """Whether each sentence denies deaths or injuries as a better scored one does (the same denial, told in
    other words: "No injuries have been reported so far." and "No one has been reported injured.")."""
    kinds = [(bool(DENIES_DEATH.search(text)), bool(DENIES_INJURY.search(text))) for text in texts]
    repeated = np.zeros(len(texts), dtype=bool)
    best: set[tuple[bool, bool]] = set()
    for i in np.argsort(-scores, kind="stable"):
        if any(kinds[i]):
            repeated[i] = kinds[i] in best
            best.add(kinds[i])
    return repeated
