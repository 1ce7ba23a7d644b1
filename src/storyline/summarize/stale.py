"""Denials of deaths and injuries: stale when a later report overtakes them ("No one was hurt" of Monday after
Tuesday's "A firefighter died"), and told once ("No injuries have been reported" and "No one was reported hurt")."""

from __future__ import annotations

import re

import numpy as np

DEATH = r"(?:died|dies|killed|dead|deaths?|fatal\w*|lost (?:his|her|their) li(?:fe|ves))"
INJURY = r"(?:injur\w*|hurt|wounded|hospitali[sz]ed|casualt\w*)"
# A denial of deaths or of injuries: "No one was hurt", "There were no injuries", "no deaths have been reported".
DENIES_DEATH = re.compile(rf"\b(?:no(?: one|body)?|none|not? any\w*)\b[^.;]{{0,40}}?\b{DEATH}", re.IGNORECASE)
DENIES_INJURY = re.compile(rf"\b(?:no(?: one|body)?|none|not? any\w*)\b[^.;]{{0,40}}?\b{INJURY}", re.IGNORECASE)
TELLS_DEATH = re.compile(rf"\b{DEATH}\b", re.IGNORECASE)
TELLS_INJURY = re.compile(rf"\b{INJURY}\b", re.IGNORECASE)
NEGATION = re.compile(r"\b(?:no|not|none|nobody|never|without)\b|n['’]t\b", re.IGNORECASE)


def overtaken(texts: list[str], day: np.ndarray) -> np.ndarray:
    """Whether each sentence (``texts``, of reports published on ``day``) denies deaths or injuries that a
    report of a later day tells of (a sentence that tells of them and denies nothing): a stale fact."""
    stale = np.zeros(len(texts), dtype=bool)
    denials = [i for i, text in enumerate(texts) if DENIES_DEATH.search(text) or DENIES_INJURY.search(text)]
    if not denials or day.min() == day.max():
        return stale
    told = [i for i, text in enumerate(texts) if not NEGATION.search(text)]
    last_death = max((day[i] for i in told if TELLS_DEATH.search(texts[i])), default=None)
    last_injury = max((day[i] for i in told if TELLS_INJURY.search(texts[i]) or TELLS_DEATH.search(texts[i])),
                      default=None)
    for i in denials:
        denied = [last_death] if DENIES_DEATH.search(texts[i]) else []
        denied += [last_injury] if DENIES_INJURY.search(texts[i]) else []
        stale[i] = any(later is not None and later > day[i] for later in denied)
    return stale


def repeated_denials(texts: list[str], scores: np.ndarray) -> np.ndarray:
    """Whether each sentence denies deaths or injuries as a better scored one does (the same denial, told in
    other words: "No injuries have been reported so far." and "No one has been reported injured.")."""
    kinds = [(bool(DENIES_DEATH.search(text)), bool(DENIES_INJURY.search(text))) for text in texts]
    repeated = np.zeros(len(texts), dtype=bool)
    best: dict[tuple[bool, bool], int] = {}
    for i in np.argsort(-scores, kind="stable"):
        kind = kinds[i]
        if any(kind):
            repeated[i] = kind in best
            best.setdefault(kind, int(i))
    return repeated
