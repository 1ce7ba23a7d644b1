"""How rare a word is in the news: the weights of the story tracker's article vectors.

A word's weight is its inverse document frequency among news articles, log(N / (df + 1)), from the
document frequencies of stems over the N articles of all Multi-News training clusters (their
preprocessed Multi-News+ form: lower-cased and cut to about 450 words per cluster, which stems do
not mind). Rarity in the news, not in general English: "president", "police" or "republican" are
rare in English at large but say little about which event an article reports. The table is fixed, so
an article's vector does not depend on what the store holds. Stems in fewer than MIN_DF articles are
left out of the table and weigh as if in one.

Rebuild the table (``news-df.npz`` beside this module, about 190 kB) from the evaluation data:

    python -m storyline.stories.rarity ../shared/data          # ~30 s
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import StorylineError
from ..text.tokens import stem, surface_words

TABLE = "news-df.npz"
MIN_DF = 5
SOURCE = "multi_news_plus/train.jsonl.gz"


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], int]:
    """stem -> number of articles using it, and the number of articles counted."""
    try:
        with resources.files("storyline.stories").joinpath(TABLE).open("rb") as file, np.load(file) as data:
            terms = str(data["terms"]).split("\n")
            return dict(zip(terms, data["df"].tolist())), int(data["documents"])
    except (OSError, KeyError, ValueError) as err:
        raise StorylineError(f"storyline/stories/{TABLE}: the news word weights are missing or damaged ({err}); "
                             f"reinstall storyline or rebuild them: python -m storyline.stories.rarity DATA") from err


def idf(term: str) -> float:
    """The weight of a stem: log(N / (df + 1)), a stem unknown to the table counted as used once."""
    table, documents = _table()
    return float(np.log(documents / (table.get(term, 1) + 1)))


def idfs(terms: list[str]) -> np.ndarray:
    """``idf`` of each of ``terms``."""
    table, documents = _table()
    return np.log(documents / (np.fromiter((table.get(term, 1) for term in terms), dtype=float, count=len(terms)) + 1))


def count(path: Path) -> tuple[Counter[str], int]:
    """For each stem, the articles of the Multi-News+ file at ``path`` that use it; and how many articles."""
    used: Counter[str] = Counter()
    stems: dict[str, str] = {}
    documents = 0
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            for document in json.loads(line)["documents"]:
                documents += 1
                used.update({stems.get(word) or stems.setdefault(word, stem(word)) for word in set(surface_words(document))})
    return used, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the evaluation data folder (holding multi_news_plus/)")
    parser.add_argument("-o", "--output", type=Path, default=Path(__file__).with_name(TABLE))
    args = parser.parse_args()
    started = time.perf_counter()
    used, documents = count(args.data / SOURCE)
    terms = sorted(term for term, n in used.items() if n >= MIN_DF)
    np.savez_compressed(args.output, terms=np.array("\n".join(terms)),
                        df=np.array([used[term] for term in terms], dtype=np.uint32), documents=np.array(documents))
    print(f"{len(terms)} stems from {documents} articles in {time.perf_counter() - started:.0f} s -> {args.output}")


if __name__ == "__main__":
    main()
