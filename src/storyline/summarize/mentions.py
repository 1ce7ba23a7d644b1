"""People named in full at their first mention in a summary."""

from __future__ import annotations

from ..text.patterns import give_in_full


def first_mentions(texts: list[str], in_full: list[dict[str, str]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each summary sentence (``texts``, in the summary's order) with the people it names alone (``in_full``:
    {name: full name}) given in full when no sentence before it names them in full, and what it replaced as
    (written, shown) pairs."""
    shown: list[tuple[str, list[tuple[str, str]]]] = []
    told = ""
    for text, names in zip(texts, in_full):
        replaced = []
        for name, full_name in names.items():
            given = None if full_name in told else give_in_full(text, name, full_name)
            if given:
                text, written = given
                replaced.append((written, full_name))
        told += " " + text
        shown.append((text, replaced))
    return shown
