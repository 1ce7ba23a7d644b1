"""A blind editor's count: the share of summary sentences a reader stumbles on, for two sets of summaries
of the same clusters (storyline now and at an earlier commit, say), judged sentence by sentence by an
editor who cannot tell which set a sentence comes from.

    storyline batch dev.jsonl --fill -o new.jsonl              # this commit; old.jsonl from an earlier one
    python benchmarks/editor.py prepare old.jsonl new.jsonl --names storyline@abc123 storyline --out DIR
    python benchmarks/editor.py score --out DIR [--save --judge "..."]

Protocol. --per-set sentences are drawn (seeded) from each file's summaries (every summary sentence
equally likely), each shown with the summary sentences before it; the items of both sets are shuffled
together into DIR/items.txt, and DIR/key.json says which set each item comes from (not for the editor).
The editor writes DIR/labels.jsonl, one line per item, {"item": N, "flags": [...]}, with the flags of
benchmarks/readability.py (dangling, caption_or_credit, glued, bare_question, furniture, fragment). The
items hold evaluation data: DIR must be outside the repository (default: a folder in /tmp); --save keeps
the counts only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import tempfile
from pathlib import Path

from readability import flag_shares

from storyline.eval import read_summaries
from storyline.summarize import DEFAULT_WORDS

OUT = Path(tempfile.gettempdir()) / "storyline-editor"
RESULTS = Path(__file__).resolve().parent / "results"


def prepare(paths: list[Path], names: list[str], out: Path, per_set: int, seed: int) -> None:
    """Write the shuffled items to judge and the key that tells their sets apart."""
    sets = [read_summaries(str(path)) for path in paths]
    shared = sorted(set.intersection(*(set(s) for s in sets)))
    rng = random.Random(seed)
    items = []
    for name, summaries_of in zip(names, sets):
        slots = [(cluster, k) for cluster in shared for k in range(len(summaries_of[cluster]))]
        items += [(name, summaries_of[cluster], k) for cluster, k in rng.sample(slots, min(per_set, len(slots)))]
    rng.shuffle(items)
    out.mkdir(parents=True, exist_ok=True)
    text = []
    for number, (_, sentences, k) in enumerate(items):
        text += [f"### {number}", *(f"   ({j}) {sentences[j]}" for j in range(k)), f" >>({k}) {sentences[k]}", ""]
    (out / "items.txt").write_text("\n".join(text), encoding="utf-8")
    key = {"names": names, "items": [name for name, *_ in items]}
    (out / "key.json").write_text(json.dumps(key), encoding="utf-8")
    print(f"{len(items)} items in {out / 'items.txt'}; the key is in {out / 'key.json'} (not for the editor)")


def score(out: Path) -> dict[str, dict]:
    """Per set, in the order named: the items judged and the share of them with each flag (and any)."""
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    labels = [json.loads(line) for line in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line]
    judged = {name: [label["flags"] for label in labels if key["items"][label["item"]] == name] for name in key["names"]}
    return {name: {"sentences": len(flags), "shares": flag_shares(flags)} for name, flags in judged.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["prepare", "score"])
    parser.add_argument("files", nargs="*", type=Path, help="two `storyline batch` outputs (prepare)")
    parser.add_argument("--names", nargs="*", help="a name for each file (prepare)")
    parser.add_argument("--out", type=Path, default=OUT, help="outside the repository (default: %(default)s)")
    parser.add_argument("--per-set", type=int, default=150)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data", default="Multi-News dev", help="what the summaries are of (with --save)")
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS, help="the summaries' length (with --save)")
    parser.add_argument("--save", action="store_true", help="keep the counts (no text) for BENCHMARKS.md")
    parser.add_argument("--judge", default="a helper agent acting as a strict news editor")
    args = parser.parse_args()
    if args.step == "prepare":
        if len(args.files) != 2 or len(args.names or []) != 2:
            parser.error("prepare takes two files and --names for them")
        prepare(args.files, args.names, args.out, args.per_set, args.seed)
        return
    counts = score(args.out)
    print(json.dumps(counts, indent=2))
    if args.save:
        name = "-".join(re.sub(r"[^\w.-]", "-", system) for system in counts)
        saved = {"date": dt.date.today().isoformat(), "judge": args.judge, "data": args.data, "words": args.words,
                 "sets": counts}
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / f"editor-{name}.json").write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
