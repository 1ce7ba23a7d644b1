"""The output side of a batch run: one JSONL file, or a directory of JSONL shards with a manifest.

Either way one run at a time writes an output (a second is refused), and a record is one line, written
whole with one ``write`` call as soon as its cluster is done, so an interrupted run loses nothing written,
and a line cut short (the process killed while writing) is dropped when the run resumes. Resuming skips
every cluster whose id is already written.

The directory layout (``--engine dask``, or a directory given to ``-o``)::

    OUT/manifest.json           which input lines each shard holds, and whether it is done
    OUT/shard-III-KKKKK.jsonl   records of shard K of input I (lines in the order clusters finished)
    OUT/.lock                   locked by the run writing it (one output, one run at a time)

A shard is ``shard_size`` consecutive clusters (non-blank lines) of one input. Once all of its clusters are
written the manifest marks it done, and a later run skips its lines without reading them as JSON.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError

if sys.platform != "win32":
    import fcntl

MANIFEST = "manifest.json"
DEFAULT_SHARD_SIZE = 1000
FORMAT = "storyline-batch/1"
LOCK_FILE = ".lock"  # held by the run writing the directory


@dataclass
class Shard:
    """Up to ``shard_size`` consecutive clusters of one input: what a run knows and has done of them."""

    input: int
    index: int
    path: str
    first_line: int
    last_line: int = 0
    clusters: int = 0  # non-blank lines read so far
    pending: int = 0  # tasks out on the engine
    written: int = 0  # records written by this run
    failed: int = 0
    skipped: int = 0
    closed: bool = False  # every line of the shard has been read
    done: bool = False

    @property
    def name(self) -> str:
        return f"shard-{self.input:03d}-{self.index:05d}.jsonl"

    @property
    def label(self) -> str:
        """How a person reads it: the file and its lines."""
        last = self.last_line if self.closed else "…"
        return f"{Path(self.path).name}:{self.first_line}-{last}"


def scan(path: Path) -> tuple[list[str], set[str]]:
    """Ids of the complete records of an output file, and those of its errors; a last line cut short by
    an interrupt is removed from the file first."""
    if not path.exists():
        return [], set()
    data = path.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    if len(complete) != len(data):
        with path.open("r+b") as handle:
            handle.truncate(len(complete))
    ids: list[str] = []
    failed: set[str] = set()
    for line in complete.decode("utf-8", "replace").splitlines():
        try:
            record = json.loads(line)
            ids.append(str(record["id"]))
        except (json.JSONDecodeError, KeyError, TypeError):
            continue
        if isinstance(record, dict) and "error" in record:
            failed.add(ids[-1])
    return ids, failed


def finished_ids(out_path: Path) -> set[str]:
    """Ids already in an output file; a last line cut short by an interrupt is removed first."""
    return set(scan(Path(out_path))[0])


def read_records(out_path: str | Path) -> Iterator[dict[str, Any]]:
    """Every complete record of a run's output: a JSONL file, or the shards of an output directory."""
    out = Path(out_path)
    files = sorted(out.glob("shard-*.jsonl")) if out.is_dir() else [out]
    for file in files:
        data = file.read_bytes()
        for line in data[: data.rfind(b"\n") + 1].decode("utf-8", "replace").splitlines():
            if line.strip():
                yield json.loads(line)


def _append_line(fd: int, record: dict[str, Any]) -> None:
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    while data:  # one write() for a line, unless the kernel takes less
        data = data[os.write(fd, data):]


def _lock(fd: int, path: Path) -> None:
    """Hold an exclusive lock on ``fd`` until it is closed (or the process ends); InputError naming ``path``
    when another run holds it: two runs appending to one output would write every cluster twice. (Windows
    has no such lock: there, one run at a time is the user's to keep.)"""
    if sys.platform == "win32":
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as err:
        os.close(fd)
        if isinstance(err, BlockingIOError):
            raise InputError(f"{path}: another storyline batch is writing to it; wait for it to finish, "
                             "or write to another output") from None
        raise


def _refuse_other_settings(out: Path, theirs: dict[str, Any], ours: dict[str, Any], kind: str) -> None:
    """InputError naming the settings that made ``out`` and differ from this run's: "words 100 (this run: 120)"."""
    differ = ", ".join(f"{name} {_setting(theirs.get(name))} (this run: {_setting(ours.get(name))})"
                       for name in sorted(theirs.keys() | ours.keys()) if theirs.get(name) != ours.get(name))
    raise InputError(f"{out} was made with other settings, {differ}: run with the same settings, or give another "
                     f"output {kind}")


def _setting(value: Any) -> str:
    """A setting as a reader writes it: "120", "no limit" (None), "yes", "no"."""
    return "no limit" if value is None else ("yes" if value else "no") if isinstance(value, bool) else str(value)


class FileSink:
    """Every record in one JSONL file, appended to (the local engine's layout). Its shards are only how a
    progress display groups the clusters. ``failed_ids``: the clusters earlier runs wrote as errors."""

    def __init__(self, out_path: str | Path, shard_size: int = DEFAULT_SHARD_SIZE, settings: dict[str, Any] | None = None):
        self.path = Path(out_path)
        self.shard_size = shard_size
        self.unnoted = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        _lock(self._fd, self.path)
        try:
            ids, self.failed_ids = scan(self.path)
            if settings is not None:
                self._keep_settings(settings, started=bool(ids))
        except BaseException:
            os.close(self._fd)  # and the lock with it
            raise
        self.done_ids: set[str] = set(ids)

    def _keep_settings(self, settings: dict[str, Any], started: bool) -> None:
        """Note the settings of the run that starts the file beside it (".OUT.settings.json"); a later run
        resumes it only with the same ones. A file started before such notes is resumed with these settings,
        noted from now on (``unnoted``: the run should say so)."""
        noted = self.path.with_name(f".{self.path.name}.settings.json")
        self.unnoted = started and not noted.exists()
        if started and not self.unnoted:
            try:
                theirs = json.loads(noted.read_text(encoding="utf-8"))
                if not isinstance(theirs, dict):
                    raise ValueError("not an object of settings")
            except (OSError, ValueError) as err:  # json.JSONDecodeError is a ValueError
                raise InputError(f"{noted}: unreadable note of the settings that made {self.path} ({err}): "
                                 "delete it to resume with these settings") from err
            if theirs != settings:
                _refuse_other_settings(self.path, theirs, settings, "file")
            return
        temporary = noted.with_name(noted.name + ".tmp")
        temporary.write_text(json.dumps(settings) + "\n", encoding="utf-8")
        os.replace(temporary, noted)

    def shard_done(self, input_index: int, shard_index: int) -> tuple[int, int, int] | None:
        """(last line, clusters, failed) of a shard finished by an earlier run, or None: a file knows no shards."""
        return None

    def open_shard(self, shard: Shard) -> None:
        pass

    def write(self, shard: Shard, record: dict[str, Any]) -> None:
        _append_line(self._fd, record)

    def finish_shard(self, shard: Shard) -> None:
        pass

    def close(self) -> None:
        os.close(self._fd)


class ShardSink:
    """Records in a directory of shard files, with a manifest of the input lines each one holds.
    ``failed_ids``: the clusters earlier runs wrote as errors."""

    def __init__(self, out_dir: str | Path, inputs: Sequence[str], shard_size: int, settings: dict[str, Any]):
        self.dir = Path(out_dir)
        if self.dir.exists() and not self.dir.is_dir():
            raise InputError(f"{out_dir}: not a directory (this engine writes a directory of shards)")
        if any(path == "-" for path in inputs):
            raise InputError("-: stdin cannot be split into shards that a later run finds again; give a file")
        self.dir.mkdir(parents=True, exist_ok=True)
        self._lock_fd = os.open(self.dir / LOCK_FILE, os.O_WRONLY | os.O_CREAT, 0o644)
        _lock(self._lock_fd, self.dir)
        try:
            self._read(inputs, shard_size, settings)
        except BaseException:
            os.close(self._lock_fd)  # and the lock with it
            raise

    def _read(self, inputs: Sequence[str], shard_size: int, settings: dict[str, Any]) -> None:
        """Read (or start) the manifest and the shards written so far."""
        described = [{"path": path, "bytes": os.path.getsize(path)} for path in inputs]
        manifest = self._load()
        if manifest is None:
            manifest = {"format": FORMAT, "settings": settings, "shard_size": shard_size, "inputs": described,
                        "shards": []}
        else:
            self._check(manifest, described, settings)
        self.manifest = manifest
        self.shard_size: int = manifest["shard_size"]
        self._entries: dict[str, dict[str, Any]] = {entry["file"]: entry for entry in manifest["shards"]}
        self.done_ids: set[str] = set()
        self.failed_ids: set[str] = set()
        self._counts: dict[str, tuple[int, int]] = {}
        for file in sorted(self.dir.glob("shard-*.jsonl")):
            ids, failed = scan(file)
            self.done_ids.update(ids)
            self.failed_ids |= failed
            self._counts[file.name] = (len(ids), len(failed))
        self._open: dict[str, tuple[int, Shard]] = {}
        self._write_manifest()

    def _load(self) -> dict[str, Any] | None:
        path = self.dir / MANIFEST
        if not path.exists():
            if any(path.name != LOCK_FILE for path in self.dir.iterdir()):
                raise InputError(f"{self.dir}: not empty and holds no {MANIFEST}: give a new or empty directory")
            return None
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise InputError(f"{path}: unreadable manifest ({err})") from err
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise InputError(f"{path}: not a storyline batch manifest")
        return manifest

    def _check(self, manifest: dict[str, Any], described: list[dict[str, Any]], settings: dict[str, Any]) -> None:
        """A directory is resumed only by the same job: the same inputs (path and size) and settings."""
        if manifest["settings"] != settings:
            _refuse_other_settings(self.dir, manifest["settings"], settings, "directory")
        same = [(Path(a["path"]).resolve(), a["bytes"]) for a in manifest["inputs"]]
        if same != [(Path(d["path"]).resolve(), d["bytes"]) for d in described]:
            listed = " ".join(a["path"] for a in manifest["inputs"])
            raise InputError(f"{self.dir} holds the output of other inputs ({listed}), or they have changed "
                             "since: give the same inputs, or another output directory")

    def _write_manifest(self) -> None:
        self.manifest["shards"] = sorted(self._entries.values(), key=lambda e: (e["input"], e["shard"]))
        temporary = self.dir / (MANIFEST + ".tmp")
        temporary.write_text(json.dumps(self.manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(temporary, self.dir / MANIFEST)

    def shard_done(self, input_index: int, shard_index: int) -> tuple[int, int, int] | None:
        """(last line, clusters, failed) of a shard an earlier run finished, when its file is still there."""
        name = Shard(input_index, shard_index, "", 0).name
        entry = self._entries.get(name)
        if entry and entry["done"] and (self.dir / name).exists():
            return entry["last_line"], entry["clusters"], self._counts.get(name, (0, 0))[1]
        return None

    def open_shard(self, shard: Shard) -> None:
        self._entries[shard.name] = self._entry(shard, done=False)
        self._write_manifest()
        fd = os.open(self.dir / shard.name, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._open[shard.name] = (fd, shard)

    def write(self, shard: Shard, record: dict[str, Any]) -> None:
        _append_line(self._open[shard.name][0], record)

    def finish_shard(self, shard: Shard) -> None:
        """Every cluster of the shard is written: mark it done."""
        fd, _ = self._open.pop(shard.name)
        os.close(fd)
        self._entries[shard.name] = self._entry(shard, done=True)
        self._write_manifest()

    def _entry(self, shard: Shard, done: bool) -> dict[str, Any]:
        before, failed_before = self._counts.get(shard.name, (0, 0))
        return {"file": shard.name, "input": shard.input, "shard": shard.index, "path": shard.path,
                "first_line": shard.first_line, "last_line": shard.last_line if shard.closed else None,
                "clusters": shard.clusters if shard.closed else None,
                "records": before + shard.written, "failed": failed_before + shard.failed, "done": done}

    def close(self) -> None:
        """Close the open shards, counted as far as they got (not done)."""
        for fd, shard in self._open.values():
            os.close(fd)
            self._entries[shard.name] = self._entry(shard, done=False)
        self._open.clear()
        self._write_manifest()
        os.close(self._lock_fd)
