"""Rebuild every shipped weight from the data, in order, timed: python -m storyline.train [--data DIR]."""

from __future__ import annotations

import subprocess
import sys
import time

STEPS = [
    ["storyline.train.priors"],
    ["storyline.train.introductions"],
    ["storyline.train.verbs"],
    ["storyline.train.inflections"],
    ["storyline.train.openers"],
    ["storyline.train.salience", "--no-cv"],
    ["storyline.train.salience", "--no-cv", "--query"],
]


def main() -> None:
    started = time.perf_counter()
    for step in STEPS:
        command = [sys.executable, "-m", *step, *sys.argv[1:]]
        print("$", " ".join(command[2:]), flush=True)
        subprocess.run(command, check=True)
    print(f"rebuilt every shipped weight in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
