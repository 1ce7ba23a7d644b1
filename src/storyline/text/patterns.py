"""Word patterns shared by the summarizer and the story pages: openings that lean on an earlier sentence,
and capitalized names."""

from __future__ import annotations

import re

PRONOUNS = "he she it they both this these those his her its their".split()
CONNECTIVES = "that but and so also however meanwhile still yet then instead there here".split()
_OPENING = r"^[\"“‘']?({})\b"
# Openings that lean on a sentence the reader may not have seen: pronouns, "that", connectives.
DANGLING = re.compile(_OPENING.format("|".join(PRONOUNS + CONNECTIVES)), re.IGNORECASE)
# A capitalized word that is not the first of its sentence (names, mostly).
CAPITALIZED = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")
# A speaker's name as quotes attribute it: up to four capitalized words ("Lt. Gen. Mark Smith").
SPEAKER = r"([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})"

# A sentence that cannot stand without the one before it: it opens on a pronoun, a connective or a phrase
# that points back ("But ...", "That year ...", "Many of them ...", "The two ..."), says who speaks only by a
# pronoun ("..., he said."), or is a bare quotation whose speaker came before.
_POINTS_BACK = (
    PRONOUNS + "them that such but and so also however meanwhile still yet then instead moreover furthermore "
    "besides thus therefore nevertheless nonetheless otherwise later afterward afterwards".split()
    + [r"(many|some|most|all|none|one|two|each|both|several|few) of (them|those|these|us|whom)",
       r"the (two|three|four|other|others|same|latter|former|pair|couple|trio)", r"another", r"in addition",
       r"even so", r"as a result", r"for (example|instance)", r"in (that|this) (case|way)", r"at the time",
       r"at (that|this) (point|time|stage)", r"at other times", r"after all", r"by then", r"in turn", r"because"]
)
LEANS_ON_OPENING = re.compile(_OPENING.format("|".join(_POINTS_BACK)), re.IGNORECASE)
PRONOUN_SPEAKER = re.compile(r"(^|[,\"”]\s*)(he|she|they|it) (said|says|added|adds|told|explained|continued|wrote|noted|insisted)\b")
BARE_QUOTE = re.compile(r"^\W*[\"“][^\"“”]+[\"”]\W*$")


# A sentence that says who speaks ("..., she said", "Adler told reporters", "He said:").
NAMES_A_SPEAKER = re.compile(r"\b(said|says|told|tells|added|adds|asked|wrote|writes|explained|according to|recalled)\b|:\s*[\"“]?$")


def leans_on_previous(sentence: str) -> bool:
    """True when ``sentence`` needs the sentence before it to make sense."""
    return bool(LEANS_ON_OPENING.match(sentence) or PRONOUN_SPEAKER.search(sentence) or BARE_QUOTE.match(sentence))

# A full name ("Rune Adler", "Ada K. Brenner") and its last word, the surname later mentions use alone.
FULL_NAME = re.compile(r"\b[A-Z][a-z]+ (?:[A-Z]\. )?([A-Z][a-z]{2,})\b")
CAPITALIZED_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
# A capitalized word standing alone: not after another capitalized word (part of a name) nor after "the".
ALONE = re.compile(r"(?<![A-Z][\w.'’-] )(?<![Tt]he )\b([A-Z][a-z]{2,})\b")
