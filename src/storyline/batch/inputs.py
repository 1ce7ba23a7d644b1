"""The input side of a batch run: which files, their lines (plain or gzip), and one line made a cluster.

A line is turned into its cluster where it is summarized (in a worker process, on a Dask worker), so the
process that reads the input only decodes each line's JSON for its id, and never holds more than the
lines in flight.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from ..errors import InputError, StorylineError, unreadable
from ..io.ingest import JSONL_SUFFIXES, cluster_from_record, malformed_json
from ..model import Cluster

GZIP_MAGIC = b"\x1f\x8b"
GLOB_CHARS = frozenset("*?[")


def expand_inputs(patterns: Sequence[str]) -> list[str]:
    """The input files of a run, in order: each argument is ``-`` (stdin), a file (plain or gzip), a
    directory (its JSONL files, plain or gzip, sorted by name) or a glob pattern (its matches, sorted).
    A file named twice is read once. Raises InputError for an argument that names nothing."""
    files: list[str] = []
    for pattern in patterns:
        if pattern == "-" or os.path.isfile(pattern):
            matches = [pattern]
        elif os.path.isdir(pattern):
            matches = sorted(str(p) for p in Path(pattern).iterdir() if p.is_file() and _is_jsonl_name(p.name))
            if not matches:
                raise InputError(f"{pattern}: a directory with no .jsonl or .jsonl.gz file")
        elif GLOB_CHARS & set(pattern):
            matches = sorted(m for m in glob.glob(pattern) if os.path.isfile(m))
            if not matches:
                raise InputError(f"{pattern}: no file matches")
        else:
            raise InputError(f"{pattern}: no such file or directory")
        files.extend(m for m in matches if m not in files)
    if "-" in files and len(files) > 1:
        raise InputError("-: stdin can only be the one input of a run")
    return files


def _is_jsonl_name(name: str) -> bool:
    name = name.lower().removesuffix(".gz")
    return any(name.endswith(suffix) for suffix in JSONL_SUFFIXES)


def open_text(path: str) -> IO[str]:
    """A file (gzip-compressed or not, told by its first bytes) or stdin, as UTF-8 text with universal
    newlines, as storyline's JSONL reader reads it."""
    if path == "-":
        return sys.stdin
    try:
        with open(path, "rb") as probe:
            compressed = probe.read(2) == GZIP_MAGIC
        if compressed:
            return gzip.open(path, "rt", encoding="utf-8", errors="replace")
        return open(path, encoding="utf-8", errors="replace")
    except OSError as err:
        raise unreadable(path, err) from err


def numbered_lines(path: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of each non-blank line of an input; numbers count every line, from 1."""
    handle = open_text(path)
    try:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield number, line
    except (OSError, EOFError) as err:  # a truncated or corrupt gzip stream
        raise InputError(f"{path}: cannot read ({err})") from err
    finally:
        if handle is not sys.stdin:
            handle.close()


def fallback_id(path: str, number: int, qualified: bool) -> str:
    """The id of a line without one: ``line-N`` as ``storyline summarize`` and ``eval`` name it, qualified by
    the file's path when a run reads several files (so that line 3 of two files are two clusters)."""
    return f"{path}:line-{number}" if qualified else f"line-{number}"


def line_id(line: str, fallback: str) -> str:
    """The id of a cluster line (its "id", else its "_id", else ``fallback``) without building the cluster."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return fallback
    if not isinstance(record, dict):
        return fallback
    return str(record.get("id", record.get("_id", fallback)))


def parse_line(path: str, number: int, line: str, fallback: str) -> Cluster | StorylineError:
    """The cluster of one line, or the error that names why it cannot be read (as ``iter_jsonl`` says it)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return malformed_json(f"{path}:{number}", err)
    try:
        return cluster_from_record(record, default_id=fallback)
    except InputError as err:
        return InputError(f"{path}:{number}: {err}")
    except Exception as err:  # a record shaped like nothing storyline reads must not end the run
        return InputError(f"{path}:{number}: {type(err).__name__}: {err}")


def count_lines(path: str) -> int | None:
    """Number of lines in a file, plain or gzip (for a progress bar), or None for stdin."""
    if path == "-" or not os.path.isfile(path):
        return None
    with open(path, "rb") as raw:
        compressed = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if compressed else raw
        count, last = 0, b"\n"
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            count += chunk.count(b"\n")
            last = chunk
        return count + (not last.endswith(b"\n"))
