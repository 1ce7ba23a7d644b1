"""How a summary opens: on an article's lead, and on the lead most like the human summary's first sentence?

Every cluster of a JSONL file with a reference is summarized at 120 words (the default). Its article leads are
each article's first prose sentence; of clusters with two leads or more, the "reference lead" is the one whose
content words best match (F1) those of the first sentence of the cluster's first reference: the lead a human
editor's summary opens like. The figures are the shares of those clusters whose summary's first sentence is a
lead, or cites one as telling the same, and is or cites the reference lead. Baselines: how often the reference
lead is the first article's, and is a lead drawn at random (its expected share).

    python benchmarks/openers.py                          # Multi-News dev
    python benchmarks/openers.py --data FILE.jsonl --words 250
    python benchmarks/openers.py --save COMMIT            # ... and keep the figures of COMMIT's summaries for
                                                          # BENCHMARKS.md (results/openers.json, one row a commit)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from storyline.eval import reference_sentences
from storyline.io import iter_jsonl
from storyline.summarize import DEFAULT_WORDS, Summarizer
from storyline.text import prose_sentences
from storyline.text.tokens import content_words
from storyline.train import DATA, skip

SAVED = Path(__file__).resolve().parent / "results" / "openers.json"


def overlap(one: str, other: str) -> float:
    """F1 of the two texts' sets of content words."""
    a, b = set(content_words(one)), set(content_words(other))
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def measure(data: Path, words: int) -> dict[str, float]:
    """The shares (see above) over the clusters of ``data`` summarized at ``words`` words."""
    summarizer = Summarizer(words=words)
    clusters = on_lead = on_reference_lead = first_article = 0
    chance = 0.0
    for cluster in iter_jsonl(str(data), on_error=skip):
        if not cluster.references:
            continue
        leads: dict[int, tuple[int, str]] = {}  # article -> (sentence number, text) of its first prose sentence
        for sentence in prose_sentences(cluster.documents):
            leads.setdefault(sentence.doc, (sentence.index, sentence.text))
        if len(leads) < 2:
            continue
        first_line = reference_sentences(cluster.references[0])[0]
        reference_lead = max(leads, key=lambda article: overlap(leads[article][1], first_line))
        summary = summarizer.summarize(cluster)
        opener = {(source.doc, source.sentence) for source in summary.sentences[0].sources} if summary.sentences else set()
        clusters += 1
        on_lead += any((article, leads[article][0]) in opener for article in leads)
        on_reference_lead += (reference_lead, leads[reference_lead][0]) in opener
        first_article += reference_lead == min(leads)
        chance += 1 / len(leads)
    return {"clusters": clusters, "opens_on_a_lead": round(on_lead / clusters, 3),
            "opens_on_the_reference_lead": round(on_reference_lead / clusters, 3),
            "first_article_lead_is_it": round(first_article / clusters, 3), "a_random_lead_is_it": round(chance / clusters, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA / "multi_news" / "dev.jsonl")
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS)
    parser.add_argument("--save", metavar="COMMIT", help="keep the figures as those of COMMIT's summaries")
    args = parser.parse_args()
    figures = measure(args.data, args.words)
    print(json.dumps(figures, indent=2))
    if args.save:
        rows = [row for row in json.loads(SAVED.read_text()) if row["commit"] != args.save] if SAVED.exists() else []
        rows.append({"commit": args.save, "date": dt.date.today().isoformat(), "data": args.data.name,
                     "words": args.words, **figures})
        SAVED.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
