"""People named in full at their first mention in a summary."""

from __future__ import annotations

import re

from ..text.patterns import Person, give_in_full


def first_mentions(texts: list[str], in_full: list[dict[str, Person]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each summary sentence (``texts``, in the summary's order) with the people it names alone (``in_full``:
    {name: person}) given in full, with their role, when neither a sentence before it nor the sentence itself
    names them in full, and what it replaced as (written, shown) pairs."""
    shown: list[tuple[str, list[tuple[str, str]]]] = []
    told = ""
    for text, names in zip(texts, in_full):
        replaced = []
        for name, person in names.items():
            named = re.search(rf"\b{re.escape(person.name)}\b", told + " " + text)  # "Ole" and "Vik" of one person
            given = None if named else give_in_full(text, name, person)
            if given:
                text, written, shown_as = given
                replaced.append((written, shown_as))
        told += " " + text
        shown.append((text, replaced))
    return shown
