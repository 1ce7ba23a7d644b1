"""Word patterns shared by the summarizer and the story pages: openings that lean on an earlier sentence,
and capitalized names."""

from __future__ import annotations

import re

PRONOUNS = "he she it they both this these those his her its their".split()
CONNECTIVES = "that but and so also however meanwhile still yet then instead there here".split()
_OPENING = r"^[\"“‘']?({})\b"
# A sentence opening on a pronoun ("She said ...") leans on the sentence before it.
PRONOUN_START = re.compile(_OPENING.format("|".join(PRONOUNS)), re.IGNORECASE)
# Openings that lean on a sentence the reader may not have seen: pronouns, "that", connectives.
DANGLING = re.compile(_OPENING.format("|".join(PRONOUNS + CONNECTIVES)), re.IGNORECASE)
# A capitalized word that is not the first of its sentence (names, mostly).
CAPITALIZED = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")
# A run of capitalized words after a lower-case word or a comma: a name inside a sentence.
NAME_IN_SENTENCE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?: [A-Z][a-z]+)*")
# A speaker's name as quotes attribute it: up to four capitalized words ("Lt. Gen. Mark Smith").
SPEAKER = r"([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})"
