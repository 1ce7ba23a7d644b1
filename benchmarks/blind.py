"""A blind reading: storyline against a peer, judged by a reader who cannot tell which is which.

    python benchmarks/blind.py prepare --out DIR      # 15 dev clusters: DIR/packets.md (to judge) and DIR/key.json
    python benchmarks/blind.py score --out DIR        # reads DIR/judgments.json, prints the counts
    python benchmarks/blind.py score --save           # ... and keeps them (counts only) for BENCHMARKS.md
    python benchmarks/blind.py prepare --peer storyline@abc123 --peer-summaries before.jsonl
                                                      # against storyline's summaries of an earlier commit

Protocol. For each of N clusters drawn (seeded) from Multi-News dev, the judge sees the human reference
summary and two summaries of the same length (--words, the default length 120), labelled A and B in an
order drawn at random per cluster; never the system names, never the articles. The judge writes, per
cluster, which summary is more informative (against the reference), which reads better, which they would
forward overall, and every sentence a reader would stumble on (dangling references, people never
introduced, quotes without a speaker, captions, furniture, fragments) in DIR/judgments.json:

    {"CLUSTER_ID": {"informative": "A"|"B", "reads_better": "A"|"B", "overall": "A"|"B",
                    "stumbles": {"A": ["sentence", ...], "B": [...]}}, ...}

The packets hold evaluation data: DIR must be outside the repository (default: a folder in /tmp).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import tempfile
from pathlib import Path

from storyline.eval import System, named_system, stored_summaries
from storyline.io import iter_jsonl
from storyline.summarize import DEFAULT_WORDS
from storyline.train import DATA, skip

OUT = Path(tempfile.gettempdir()) / "storyline-blind"
SAVED = Path(__file__).resolve().parent / "results" / "blind.json"  # against another peer: blind-PEER.json


def prepare(data: Path, out: Path, clusters: int, words: int, peer: str, seed: int, peer_system: System) -> None:
    """Write the packets to judge and the key that tells A from B."""
    pool = [c for c in iter_jsonl(str(data), on_error=skip) if c.references]
    chosen = random.Random(seed).sample(pool, clusters)
    systems = {"storyline": named_system("storyline"), peer: peer_system}
    rng = random.Random(seed + 1)
    key, packets = {}, []
    for cluster in chosen:
        summaries = {name: " ".join(system.summarize(system.prepare(cluster), words)) for name, system in systems.items()}
        order = list(summaries)
        rng.shuffle(order)
        key[cluster.id] = {"A": order[0], "B": order[1]}
        packets.append(f"## {cluster.id}\n\n**Reference**: {cluster.references[0].strip()}\n\n"
                       f"**A**: {summaries[order[0]]}\n\n**B**: {summaries[order[1]]}\n")
    out.mkdir(parents=True, exist_ok=True)
    (out / "packets.md").write_text("\n".join(packets), encoding="utf-8")
    (out / "key.json").write_text(json.dumps(key, indent=2), encoding="utf-8")
    print(f"{len(packets)} packets in {out / 'packets.md'}; the key is in {out / 'key.json'} (not for the judge)")


def score(out: Path) -> dict[str, dict[str, float]]:
    """Per system: clusters preferred on each question, and stumbles per summary."""
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    judgments = json.loads((out / "judgments.json").read_text(encoding="utf-8"))
    systems = sorted({name for labels in key.values() for name in labels.values()})
    result = {name: {"informative": 0, "reads_better": 0, "overall": 0, "stumbles": 0} for name in systems}
    for cluster_id, judgment in judgments.items():
        labels = key[cluster_id]
        for question in ("informative", "reads_better", "overall"):
            result[labels[judgment[question]]][question] += 1
        for label, sentences in judgment.get("stumbles", {}).items():
            result[labels[label]]["stumbles"] += len(sentences)
    for name in systems:
        result[name]["stumbles_per_summary"] = round(result[name]["stumbles"] / max(len(judgments), 1), 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["prepare", "score"])
    parser.add_argument("--data", type=Path, default=DATA / "multi_news" / "dev.jsonl")
    parser.add_argument("--out", type=Path, default=OUT, help="outside the repository (default: %(default)s)")
    parser.add_argument("--clusters", type=int, default=15)
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS)
    parser.add_argument("--peer", default="lexrank", help="a peer system, or the name of --peer-summaries")
    parser.add_argument("--peer-summaries", type=Path, metavar="FILE.jsonl",
                        help="the peer's summaries, from `storyline batch` (storyline at another commit, say)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--save", action="store_true", help="keep the counts (no text) for BENCHMARKS.md")  # same --peer
    parser.add_argument("--judge", default="a helper agent acting as a strict news editor",
                        help="who judged (with --save)")
    args = parser.parse_args()
    if args.peer_summaries and args.peer in ("lexrank", "storyline"):
        parser.error("--peer-summaries needs --peer NAME, the name of the summaries (storyline@COMMIT, say)")
    if args.step == "prepare":
        peer_system = stored_summaries(str(args.peer_summaries)) if args.peer_summaries else named_system(args.peer)
        prepare(args.data, args.out, args.clusters, args.words, args.peer, args.seed, peer_system)
        return
    counts = score(args.out)
    print(json.dumps(counts, indent=2))
    if args.save:
        peer = next(name for name in counts if name != "storyline")  # as the key names it
        summary = {"date": dt.date.today().isoformat(), "judge": args.judge, "clusters": args.clusters,
                   "words": args.words, "peer": peer, "systems": counts}
        saved = SAVED if peer == "lexrank" else SAVED.with_name(f"blind-{re.sub(r'[^.A-Za-z0-9_-]', '-', peer)}.json")
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
