"""An interrupted batch leaves no process behind and loses nothing written: `storyline batch -j 2` (and the Dask
engine's LocalCluster) sent SIGTERM, or its parent killed with SIGKILL, ends every worker process within
seconds; the output holds only complete lines, and the same command then finishes the job."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline import Summarizer
from storyline.batch import FileSink, SerialEngine, finished_ids, read_records, run
from storyline.batch.hygiene import Interrupted, signals_as_interrupt
from storyline.cli import cli

from helpers import slow_clusters

DEADLINE = 30  # seconds any one step may take before the test fails
GONE_WITHIN = 10  # seconds within which every worker process must have ended


def descendants(pid: int) -> list[int]:
    """Process ids of the children of ``pid``, and of theirs (psutil, or /proc without it)."""
    try:
        import psutil
    except ImportError:
        parents: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                parents.setdefault(parent, []).append(int(entry.name))
        found, todo = [], [pid]
        while todo:
            children = parents.get(todo.pop(), [])
            found.extend(children)
            todo.extend(children)
        return found
    try:
        return [child.pid for child in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie, dead but not yet reaped by its parent, counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            return False


@pytest.fixture
def processes():
    """Start processes that are ended after the test whatever happens, with every descendant seen."""
    started: list[tuple[subprocess.Popen, set[int]]] = []

    def start(*args: object) -> tuple[subprocess.Popen, set[int]]:
        process = subprocess.Popen([sys.executable, "-m", "storyline.cli", *map(str, args)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        started.append((process, set()))
        return started[-1]

    yield start
    for process, seen in started:
        seen.update(descendants(process.pid))
        if process.poll() is None:
            process.kill()
            process.wait(timeout=DEADLINE)
        for pid in seen:  # processes this test started; any still running fails the test above
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def lines_of(out: Path) -> int:
    """Lines written to ``out``: the local engine's file or the Dask engine's directory of shards (which may appear
    between the two checks, so a file is one only when it is a file)."""
    files = sorted(out.glob("shard-*.jsonl")) if out.is_dir() else [out] if out.is_file() else []
    return sum(file.read_bytes().count(b"\n") for file in files)


def interrupt_midway(start, out: Path, sig: int, *args: object) -> tuple[subprocess.Popen, bytes]:
    """Run the batch until a few clusters are written, send ``sig``, and check that the process and all of
    its descendants are gone within GONE_WITHIN seconds."""
    process, seen = start("batch", *args, "-o", out)
    deadline = time.monotonic() + DEADLINE
    while lines_of(out) < 3:
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "no cluster written in time"
        seen.update(descendants(process.pid))
        time.sleep(0.02)
    seen.update(descendants(process.pid))
    assert len(seen) >= 2, "the run has no worker processes to check"
    process.send_signal(sig)
    process.wait(timeout=GONE_WITHIN)
    until = time.monotonic() + GONE_WITHIN
    while any(alive(pid) for pid in seen) and time.monotonic() < until:
        time.sleep(0.05)
    assert not [pid for pid in seen if alive(pid)], "a worker process outlived the run"
    return process, process.stderr.read()


def complete_lines(out: Path) -> list[dict]:
    files = sorted(out.glob("shard-*.jsonl")) if out.is_dir() else [out]
    records = []
    for file in files:
        data = file.read_bytes()
        assert not data or data.endswith(b"\n"), f"{file} ends in a line cut short"
        records.extend(json.loads(line) for line in data.splitlines())
    return records


def resume_and_check(out: Path, data: Path, count: int) -> None:
    """The same command (in this process, to save starting another) finishes the job: nothing lost or twice."""
    done = len(read_ids(out))
    again = CliRunner().invoke(cli, ["batch", str(data), "-o", str(out)], catch_exceptions=False)
    assert again.exit_code == 0, again.output
    written = count - done
    assert f"{written} cluster{'' if written == 1 else 's'} written" in again.stderr
    assert f"{done} already done" in again.stderr
    ids = [record["id"] for record in complete_lines(out)]
    assert sorted(ids) == sorted(f"slow-{c}" for c in range(count))
    assert all("summary" in record for record in complete_lines(out))


def read_ids(out: Path) -> list[str]:
    return [record["id"] for record in read_records(out)]


def test_sigterm_ends_the_workers_and_keeps_what_was_written(tmp_path, example_texts, processes):
    data = slow_clusters(tmp_path / "slow.jsonl", example_texts, 40)
    out = tmp_path / "out.jsonl"
    process, stderr = interrupt_midway(processes, out, signal.SIGTERM, data, "-j", "2")
    assert process.returncode == 130 and b"interrupted (SIGTERM)" in stderr and b"Traceback" not in stderr
    written = complete_lines(out)  # every line whole: written at once, never cut by the interrupt
    assert 3 <= len(written) < 40 and len({r["id"] for r in written}) == len(written)
    resume_and_check(out, data, 40)


def test_sigkill_of_the_parent_ends_the_workers(tmp_path, example_texts, processes):
    data = slow_clusters(tmp_path / "slow.jsonl", example_texts, 40)
    out = tmp_path / "out.jsonl"
    process, _ = interrupt_midway(processes, out, signal.SIGKILL, data, "-j", "2")
    assert process.returncode == -signal.SIGKILL
    done = finished_ids(out)  # drops a last line cut short, if the kill came in the middle of one
    assert 3 <= len(done) < 40
    complete_lines(out)
    resume_and_check(out, data, 40)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_an_interrupt_ends_the_local_dask_cluster(tmp_path, example_texts, processes, sig):
    pytest.importorskip("distributed")
    data = slow_clusters(tmp_path / "slow.jsonl", example_texts, 40)
    out = tmp_path / "out"
    process, stderr = interrupt_midway(processes, out, sig, data, "--engine", "dask", "-j", "2", "--shard-size", "10")
    if sig == signal.SIGTERM:
        assert process.returncode == 130 and b"interrupted (SIGTERM)" in stderr
        assert 3 <= len(complete_lines(out)) < 40
    manifest = json.loads((out / "manifest.json").read_text())
    assert not all(shard["done"] for shard in manifest["shards"])


class _CtrlCInDel:
    """An object that receives Ctrl-C while Python deletes it: the KeyboardInterrupt raised in ``__del__``
    is dropped ("Exception ignored in ...")."""

    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)


class _EngineDroppingCtrlC(SerialEngine):
    def submit(self, task):
        _CtrlCInDel()
        super().submit(task)


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")  # no traceback printed
def test_ctrl_c_that_python_drops_in_a_del_method_still_stops_the_run(tmp_path, example_texts):
    data, out = slow_clusters(tmp_path / "in.jsonl", example_texts, 5, articles=2), tmp_path / "out.jsonl"
    with signals_as_interrupt(), pytest.raises(Interrupted):
        run([str(data)], FileSink(out), _EngineDroppingCtrlC(Summarizer()))
    assert len(read_ids(out)) < 5


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_ctrl_c_dropped_after_the_runs_last_look_is_raised_as_the_block_ends_and_only_once():
    with pytest.raises(Interrupted):
        with signals_as_interrupt():
            _CtrlCInDel()
    with signals_as_interrupt():
        pass  # nothing left over from the block before
