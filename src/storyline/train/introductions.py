"""Build the nouns writers introduce before they say "the" (storyline/data/introduced-nouns.txt) from all
Multi-News training clusters (reads multi_news_plus/train.jsonl.gz).

    python -m storyline.train.introductions          # ~20 s

Writers bring in a statement, a video or activists first ("in a statement", "a video shows", "activists
marched") and only then say "the statement", "the video", "the activists"; they say "the government" or
"the economy" from the start. A noun is listed when an article's first mention of it takes "the" (right
before it, or before one word before it) in under FIRST_DEFINITE of the articles, and its later mentions
at least MORE_DEFINITE_LATER more often, over at least MIN_FIRST first and MIN_LATER later mentions.
Titles ("the president", "the sheriff") are left out: they stand for a person the summary names; so are
words that "the X" leaves followed by another content word more than QUALIFIER_SHARE of the time, as words
that qualify the next one do ("the late singer", "the proposed law", "the cargo ship"; a verb after a noun,
"the researchers found", counts too, so the share is set high).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..summarize.analysis import INTRODUCED_NOUNS
from ..text.patterns import ANY_TITLE, ROLES
from ..text.tokens import STOPWORDS
from . import DATA, MODELS

FIRST_DEFINITE = 0.25
MORE_DEFINITE_LATER = 0.15
MIN_FIRST = 100
MIN_LATER = 30
MIN_LETTERS = 4
QUALIFIER_SHARE = 0.7
WORD = re.compile(r"[a-z][a-z-]*|[.!?;:,]")  # words, and the marks that end what "the X" is in


class Mentions:
    """For each word: how often articles mention it first and later, and how often with "the"."""

    def __init__(self) -> None:
        self.first, self.first_the, self.later, self.later_the = Counter[str](), Counter[str](), Counter[str](), Counter[str]()
        self.after_the, self.qualifying = Counter[str](), Counter[str]()  # "the X", and "the X Y" with Y a content word

    def add(self, article: str) -> None:
        """Count the mentions of one article."""
        words = WORD.findall(article.lower())
        seen: set[str] = set()
        for i, word in enumerate(words):
            if len(word) < MIN_LETTERS or word in STOPWORDS:
                continue
            before = words[max(i - 2, 0):i]
            definite = before[-1:] == ["the"] or (before[:1] == ["the"] and before[-1] not in STOPWORDS)
            total, with_the = (self.later, self.later_the) if word in seen else (self.first, self.first_the)
            total[word] += 1
            with_the[word] += definite
            seen.add(word)
            if before[-1:] == ["the"]:
                self.after_the[word] += 1
                following = words[i + 1] if i + 1 < len(words) else ""
                self.qualifying[word] += len(following) >= 3 and following not in STOPWORDS

    def introduced(self) -> list[str]:
        """The nouns writers introduce before they say "the" (see the module's docstring)."""
        titles = {title.lower() for title in ANY_TITLE | ROLES}
        return sorted(word for word, first in self.first.items()
                      if first >= MIN_FIRST and self.later[word] >= MIN_LATER and word not in titles
                      and self.qualifying[word] <= QUALIFIER_SHARE * self.after_the[word]
                      and self.first_the[word] / first < FIRST_DEFINITE
                      and self.later_the[word] / self.later[word] - self.first_the[word] / first >= MORE_DEFINITE_LATER)


def articles(path: Path) -> Iterable[str]:
    """The articles of a gzipped JSONL of clusters."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield from json.loads(line)["documents"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the evaluation data (default: %(default)s)")
    args = parser.parse_args()
    started = time.perf_counter()
    mentions = Mentions()
    for article in articles(args.data / "multi_news_plus" / "train.jsonl.gz"):
        mentions.add(article)
    nouns = mentions.introduced()
    (MODELS / INTRODUCED_NOUNS).write_text("\n".join(nouns) + "\n", encoding="utf-8")
    print(f"{len(nouns)} nouns in {time.perf_counter() - started:.0f} s -> {MODELS / INTRODUCED_NOUNS}")


if __name__ == "__main__":
    main()
