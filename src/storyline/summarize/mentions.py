"""People named in full at their first mention in a summary, and by surname after it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.patterns import (Person, by_surname, full_names, give_in_full, give_role, named_alone, people_in_full,
                             role_left_out, unaccented)
from ..text.tokens import surface_words, word_frequency
from .analysis import KNOWN_NAME_FREQUENCY


def first_mentions(texts: list[str], in_full: list[dict[str, Person]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each summary sentence (``texts``, in the summary's order) with the people it names alone (``in_full``:
    {name: person}) given in full, with their role, when neither a sentence before it nor the sentence itself
    names them in full, and what it replaced as (written, shown) pairs."""
    shown: list[tuple[str, list[tuple[str, str]]]] = []
    told = ""
    for text, names in zip(texts, in_full):
        replaced = []
        for name, person in names.items():
            # named in full before ("Ole" and "Vik" of one person), with or without accents
            named = re.search(rf"\b{re.escape(unaccented(person.name))}\b", unaccented(told + " " + text))
            given = None if named else give_in_full(text, name, person)
            if given:
                text, written, shown_as = given
                replaced.append((written, shown_as))
        told += " " + text
        shown.append((text, replaced))
    return shown


def roles_given(shown: list[tuple[str, list[tuple[str, str]]]], articles: Sequence[str],
                spare: int | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each summary sentence of ``shown`` (see first_mentions) with the people it names in full with no role, whom
    no sentence before it named and the ``articles`` name in full as one person only, given the role or title they
    give them (see give_role: "Ada Dahl said" -> "Ada Dahl, the fire chief, said"), in the summary's order while
    the words they add come to no more than ``spare`` (None: any number); what it replaced is added to its pairs."""
    named = [full_names(text) for text, _ in shown]
    surnames = {surname for names in named for _, surname in names}
    found = people_in_full([text for text in articles if any(name in text for name in surnames)], surnames) \
        if surnames else {}
    result = []
    told: set[tuple[str, str]] = set()
    for (text, replaced), names in zip(shown, named):
        for first, surname in sorted(names, key=lambda name: text.find(name[1])):
            person = found.get(surname)
            if (unaccented(first), unaccented(surname)) in told or person is None or \
                    unaccented(person.name.split()[0]) != unaccented(first) or \
                    not (given := give_role(text, first, surname, person)):
                continue  # named before, someone else, or no role to give
            added = len(given[2].split()) - len(given[1].split())
            if spare is None or added <= spare:
                spare = None if spare is None else spare - added
                text, written, shown_as = given
                replaced = [*replaced, (written, shown_as)]
        told |= {(unaccented(first), unaccented(surname)) for first, surname in full_names(text, quoted=False)}
        result.append((text, replaced))
    return result


def later_mentions(shown: list[tuple[str, list[tuple[str, str]]]],
                   articles: Sequence[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each summary sentence of ``shown`` (see first_mentions) with the people a sentence before it named in
    full named by surname after the title it has, as the ``articles`` name them after their first mention ("Sen.
    Ada Lind said ..." -> "Sen. Lind said ...", see by_surname), when they speak of that person so and name no one
    else by that surname ("Ivanka Trump" and "Donald Trump" are two, "Joaquín Ferrer" and "Joaquin Ferrer" one;
    "North Korea" is no one), and without the role a sentence before it gave them ("..., said Ada Lind, the fire chief."
    -> "..., said Lind."); what it replaced is added to its pairs."""
    told: set[tuple[str, str]] = set()
    one_person: dict[tuple[str, str], bool] = {}  # looked up in the articles once per person
    result = []
    told_words: set[str] = set()  # the surface words of the sentences before
    for text, replaced in shown:
        names = full_names(text)
        named = {(unaccented(first), surname) for first, surname in names}
        for first, surname in names:
            if (unaccented(first), surname) in told and (left_out := role_left_out(text, first, surname, told_words)):
                text, written, shown_as = left_out  # "said Ada Dahl, the fire chief" once more
                replaced = [*replaced, (written, shown_as)]
        for first, surname in named & told:
            if (first, surname) not in one_person:
                one_person[first, surname] = _one_person(first, surname, articles)
            if len({other for other, same in told | named if same == surname}) == 1 and \
                    one_person[first, surname] and (given := by_surname(text, surname)):
                text, written, shown_as = given
                replaced = [*replaced, (written, shown_as)]
        told |= named
        told_words.update(surface_words(text))
        result.append((text, replaced))
    return result


def _one_person(first: str, surname: str, articles: Sequence[str]) -> bool:
    """True when the ``articles`` speak of the person ``first`` (unaccented) ``surname`` by surname alone, and name no one
    else so."""
    if word_frequency(surname.lower()) >= KNOWN_NAME_FREQUENCY:
        return False  # "Trump" is Donald to a reader, not Ivanka
    person = people_in_full([text for text in articles if surname in text], {surname}).get(surname)
    return person is not None and unaccented(person.name.split()[0]) == first and named_alone(surname, articles)
