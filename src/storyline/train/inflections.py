"""Build the forms of English irregular verbs (storyline/data/irregular-verbs.txt) from LemmInflect's tables (the
[train] extra), for the verbs of storyline/data/verbs.txt.

    python -m storyline.train.inflections    # a few seconds

A verb is irregular when a past form is not made by rule ("ran" of "run", "paid" of "pay", "heard" of "hear"; not
"planned", "died", "tried"). Each line holds a verb and its forms that general English uses (INFLECTION_FREQUENCY), so
that a question's "run" is held by an answer's "ran".
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections.abc import Iterable

from ..summarize.analysis import INFLECTION_FREQUENCY, IRREGULAR_VERBS
from ..text.prose import VERBS
from ..text.tokens import shipped_words, word_frequency
from . import MODELS

PAST_TAGS = ("VBD", "VBN")


def irregular_verbs(words: Iterable[str]) -> list[list[str]]:
    """The irregular verbs of which ``words`` are forms, each as its base and its other forms, sorted."""
    lemminflect = importlib.import_module("lemminflect")  # of the [train] extra only: storyline itself never loads it
    bases = {base for word in words for base in lemminflect.getAllLemmas(word, upos="VERB").get("VERB", ())}
    found = []
    for base in sorted(base for base in bases if base.isalpha()):
        forms = lemminflect.getAllInflections(base, upos="VERB")
        if all(_regular(base, past) for tag in PAST_TAGS for past in forms.get(tag, ())
               if word_frequency(past) >= INFLECTION_FREQUENCY):  # not "blend" for a rare "blent"
            continue
        others = sorted({form for tagged in forms.values() for form in tagged if form != base and form.isalpha()
                         and word_frequency(form) >= INFLECTION_FREQUENCY})
        if others:
            found.append([base, *others])
    return found


def _regular(base: str, past: str) -> bool:
    """Whether ``past`` is a past form of ``base`` made by rule: "planned", "died", "tried", "played", "walked"."""
    made = {f"{base}ed", f"{base}{base[-1]}ed", f"{base}d" if base.endswith("e") else ""}
    if base.endswith("y") and base[-2:-1] not in tuple("aeiou"):
        made.add(f"{base[:-1]}ied")
    return past in made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="not read: the verbs come from storyline/data/verbs.txt")
    parser.parse_args()
    started = time.perf_counter()
    found = irregular_verbs(shipped_words(VERBS))
    (MODELS / IRREGULAR_VERBS).write_text("".join(" ".join(forms) + "\n" for forms in found), encoding="utf-8")
    print(f"{len(found)} verbs in {time.perf_counter() - started:.0f} s -> {MODELS / IRREGULAR_VERBS}")


if __name__ == "__main__":
    main()
