"""A fact-check of the people storyline names in full: is the full name (and role) it puts in place of a name
alone ("Levy said" -> "Efraim Levy, an equity analyst, said") the person the article meant, and does the
sentence still read right?

    python benchmarks/names.py prepare [--data FILE.jsonl] [--sample 60] --out DIR
    python benchmarks/names.py score --out DIR [--save --judge "..."]

Protocol. Every cluster of --data is summarized at --words; --sample of the summary sentences in which a
person was named in full are drawn (seeded). DIR/items.txt shows each as written in its article and as
shown, with the replacements and every passage of the articles that names the people involved (the
checker's only evidence), and DIR/meta.json what they are of. The checker writes DIR/verdicts.jsonl, one line per item: {"item": N,
"same_person": true|false|"unclear", "role_ok": true|false|null (null: no role added), "reads_ok":
true|false}. The items hold evaluation data: DIR must be outside the repository (default: a folder in
/tmp); --save keeps the counts only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import tempfile
from collections import Counter
from pathlib import Path

from storyline.errors import InputError
from storyline.io import iter_jsonl
from storyline.model import Cluster, SummarySentence
from storyline.summarize import DEFAULT_WORDS, Summarizer
from storyline.text.patterns import SALUTATIONS
from storyline.train import DATA, skip

OUT = Path(tempfile.gettempdir()) / "storyline-names"
SAVED = Path(__file__).resolve().parent / "results" / "names.json"
COURTESY = re.compile(r"^(?:{})\.? ".format("|".join(SALUTATIONS)))
PASSAGES = 12  # at most this many passages an item


def named_in_full(data: Path, words: int) -> list[tuple[Cluster, SummarySentence]]:
    """Every summary sentence of the clusters in ``data`` in which a person was named in full."""
    summarizer = Summarizer(words=words)
    found = []
    for cluster in iter_jsonl(str(data), on_error=skip):
        try:
            summary = summarizer.summarize(cluster)
        except InputError:  # no prose: nothing to check
            continue
        found += [(cluster, sentence) for sentence in summary.sentences if sentence.full_names]
    return found


def item(number: int, cluster: Cluster, sentence: SummarySentence) -> str:
    """One item to check: the sentence as written and as shown, and the passages naming its people."""
    source = sentence.sources[0]
    written = " ".join(cluster.documents[source.doc].text[source.start:source.end].split())
    names = {COURTESY.sub("", alone) for alone, _ in sentence.full_names}
    pattern = re.compile(r"\b(?:{})\b".format("|".join(map(re.escape, names))))
    passages = [f"[article {doc + 1}] ...{' '.join(document.text[max(0, m.start() - 220):m.end() + 120].split())}..."
                for doc, document in enumerate(cluster.documents) for m in pattern.finditer(document.text)]
    return (f"### {number}\nSUMMARY SENTENCE AS SHOWN: {sentence.text}\nSOURCE SENTENCE AS WRITTEN: {written}\n"
            f"REPLACEMENTS (written -> shown): {sentence.full_names}\nPASSAGES OF THE ARTICLES NAMING THEM:\n"
            + "\n".join(passages[:PASSAGES]) + "\n")


def prepare(data: Path, out: Path, words: int, sample: int, seed: int) -> None:
    found = named_in_full(data, words)
    chosen = random.Random(seed).sample(found, min(sample, len(found)))
    out.mkdir(parents=True, exist_ok=True)
    (out / "items.txt").write_text("\n".join(item(n, *pair) for n, pair in enumerate(chosen)), encoding="utf-8")
    (out / "meta.json").write_text(json.dumps({"data": f"{data.parent.name}/{data.name}", "words": words}), encoding="utf-8")
    print(f"{len(found)} summary sentences name someone in full; {len(chosen)} items in {out / 'items.txt'}")


def score(out: Path) -> dict:
    """The share of items whose person is right, whose role is right (of those given one), that read right."""
    verdicts = [json.loads(line) for line in (out / "verdicts.jsonl").read_text(encoding="utf-8").splitlines() if line]
    person = Counter(str(v["same_person"]).lower() for v in verdicts)
    roles = [v["role_ok"] for v in verdicts if v["role_ok"] is not None]
    return {"items": len(verdicts), "same_person": person["true"], "other_person": person["false"],
            "unclear": person["unclear"], "with_role": len(roles), "role_ok": sum(map(bool, roles)),
            "reads_ok": sum(bool(v["reads_ok"]) for v in verdicts)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["prepare", "score"])
    parser.add_argument("--data", type=Path, default=DATA / "multi_news" / "dev.jsonl", help="JSONL clusters (prepare)")
    parser.add_argument("--out", type=Path, default=OUT, help="outside the repository (default: %(default)s)")
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS, help="the summaries' length (prepare)")
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--save", action="store_true", help="keep the counts (no text) for BENCHMARKS.md")
    parser.add_argument("--judge", default="a helper agent acting as a fact-checking news editor")
    args = parser.parse_args()
    if args.step == "prepare":
        prepare(args.data, args.out, args.words, args.sample, args.seed)
        return
    counts = score(args.out)
    print(json.dumps(counts, indent=2))
    if args.save:
        meta = json.loads((args.out / "meta.json").read_text(encoding="utf-8"))
        saved = {"date": dt.date.today().isoformat(), "judge": args.judge, **meta, **counts}
        SAVED.parent.mkdir(parents=True, exist_ok=True)
        SAVED.write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
