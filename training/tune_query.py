"""Choose the weight of query relevance against salience on DUC 2006 (the data allowed for the query mode).

    python training/tune_query.py --weights 0 0.5 1 2 4

Prints ROUGE recall (4 references, 250 words) per weight; the chosen value is Summarizer.query_weight.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from storyline.evaluate import cut, rouge
from storyline.ingest import iter_jsonl
from storyline.pipeline import Summarizer

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "duc2006" / "test.jsonl")
    parser.add_argument("--weights", type=float, nargs="+", default=[0.0, 0.5, 1.0, 2.0, 4.0])
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args()
    clusters = [c for _, c in iter_jsonl(str(args.data))]
    for weight in args.weights:
        summarizer = Summarizer(words=args.words, fill=True, query_weight=weight)
        scores = [rouge(cut([s.text for s in summarizer.summarize(c).sentences], args.words), c.references, "recall")
                  for c in clusters]
        print(f"query_weight={weight}: " + ", ".join(f"{k} {np.mean([s[k] for s in scores]):.2f}" for k in scores[0]),
              flush=True)


if __name__ == "__main__":
    main()
