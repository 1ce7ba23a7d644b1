"""Facts a later report overtakes: "No one was hurt" of Monday after Tuesday's "A firefighter died"."""

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
