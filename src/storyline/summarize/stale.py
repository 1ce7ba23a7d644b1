"""Denials of deaths and injuries: stale when a later report overtakes them ("No one was hurt" of Monday after
Tuesday's "A firefighter died"), and told once ("No injuries have been reported" and "No one was reported hurt")."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

_NO_ONE = r"\b(?:no ?one|nobody)\b(?: else)?(?! knows?\b)[^,.;:]{0,30}?\b"  # "No one has been reported"
_NO_REPORTS = r"\bno (?:\w+ ){0,2}(?:reports? of )?"  # "no serious", "no immediate reports of"
# A denial of deaths or of injuries: "No one was killed", "There were no deaths", "no serious injuries" (not "no
# doubt the storm killed two", "No homes burned, but two people were hurt", "No one knows how many died").
DENIES_DEATH = re.compile(rf"{_NO_ONE}(?:died|killed|dead)\b|{_NO_REPORTS}(?:deaths|fatalities)\b", re.IGNORECASE)
DENIES_INJURY = re.compile(rf"{_NO_ONE}(?:injured|hurt|wounded|hospitali[sz]ed)\b|{_NO_REPORTS}(?:injury|injuries|"
                           r"casualties)\b", re.IGNORECASE)
_PEOPLE = (r"(?:people|persons|men|women|children|boys|girls|residents|firefighters|officers|passengers|"
           r"civilians|soldiers|workers|students|others|of them)")
# A death or an injury of people: "Elias Brandt, 34, died", "The death toll rose to three", "Firefighters were
# hurt", "killing two people" (not "300 dead fish", "hurt local shops", "The Senate killed the bill").
TELLS_DEATH = re.compile(rf"\b(?:died|dies|(?:was|were|been|being) killed|found dead|death toll|deaths|lost (?:his|her|"
                         rf"their) li(?:fe|ves)|kill(?:ed|ing) (?:\w+ ){{0,2}}{_PEOPLE})\b", re.IGNORECASE)
TELLS_INJURY = re.compile(rf"\b(?:(?:was|were|been|being|are|is) (?:\w+ )?(?:injured|hurt|wounded|hospitali[sz]ed)|"
                          rf"injuries|(?:injur|wound)(?:ed|ing) (?:\w+ ){{0,2}}{_PEOPLE})\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _denies(text: str) -> tuple[bool, bool]:
    """Whether ``text`` denies deaths, and injuries (read once per text: both stale checks ask)."""
    return bool(DENIES_DEATH.search(text)), bool(DENIES_INJURY.search(text))


def overtaken(texts: list[str], day: np.ndarray) -> np.ndarray:
    """Whether each sentence (``texts``, of reports published on ``day``; 0 for a day not known) denies deaths
    or injuries that a report of a later day tells of (a sentence that tells of them and denies neither): a
    stale fact. A sentence of no known day is never stale, nor makes another so."""
    stale = np.zeros(len(texts), dtype=bool)
    denies = [_denies(text) if day[i] else (False, False) for i, text in enumerate(texts)]
    if not any(any(kind) for kind in denies):
        return stale
    told = [i for i, text in enumerate(texts) if day[i] and not any(_denies(text))]
    last_death = max((day[i] for i in told if TELLS_DEATH.search(texts[i])), default=0)
    last_injury = max([last_death, *(day[i] for i in told if TELLS_INJURY.search(texts[i]))])
    for i, (death, injury) in enumerate(denies):
        stale[i] = (death and last_death > day[i]) or (injury and last_injury > day[i])
    return stale


def repeated_denials(texts: list[str], scores: np.ndarray, stale: np.ndarray) -> np.ndarray:
    """Whether each sentence, not ``stale``, denies deaths or injuries as a better scored one does (the same denial
    told in other words: "No injuries have been reported so far." and "No one has been reported injured.")."""
    repeated = np.zeros(len(texts), dtype=bool)
    best: set[tuple[bool, bool]] = set()
    for i in np.argsort(-scores, kind="stable"):
        kind = _denies(texts[i])
        if any(kind) and not stale[i]:
            repeated[i] = kind in best
            best.add(kind)
    return repeated
