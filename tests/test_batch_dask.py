"""The Dask engine on a real cluster: a scheduler and two worker processes started here on 127.0.0.1, as
`dask scheduler` and `dask worker` run on any machine. The same input through the local engine and the Dask
engine gives the same records; a Dask run killed midway and run again loses and doubles nothing."""

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

distributed = pytest.importorskip("distributed")

from storyline.batch import read_records  # noqa: E402
from storyline.batch.records import summarize_lines  # noqa: E402
from storyline.cli import cli  # noqa: E402
from storyline.errors import InputError  # noqa: E402
from storyline.summarize import Summarizer  # noqa: E402

from helpers import slow_clusters  # noqa: E402

BIN = Path(sys.executable).parent
DEADLINE = 40  # seconds any one step may take before the test fails


def storyline(*args, failing: bool = False):
    """A command run in-process; storyline's own errors are raised, unless the run is ``failing``."""
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=failing)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """End a process started here, and the processes of its session (dask worker's nannies and workers)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """The address of a Dask scheduler with two single-threaded worker processes, all on 127.0.0.1."""
    where = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    quiet = {"cwd": where, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "start_new_session": True}
    started = [subprocess.Popen([BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                                 "--no-dashboard"], **quiet)]
    try:
        started.append(subprocess.Popen([BIN / "dask", "worker", address, "--nworkers", "2", "--nthreads", "1",
                                         "--no-dashboard", "--host", "127.0.0.1", "--local-directory", where],
                                        **quiet))
        with distributed.Client(address, timeout=DEADLINE, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=DEADLINE)
        yield address
    finally:
        for process in reversed(started):
            stop(process)


@pytest.fixture
def clusters(tmp_path, example_texts) -> list[Path]:
    """Two inputs, one gzip-compressed: 23 clusters of the example articles, a cluster with no prose,
    a line that is not JSON and an id given twice."""
    plain, packed = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"
    lines = [json.dumps({"id": f"fire-{i}", "documents": example_texts[i % 2:] + example_texts[:i % 2]})
             for i in range(15)]
    lines[4:4] = [json.dumps({"id": "empty", "documents": ["", "Loading, please wait..."]}), "{not json"]
    lines.append(json.dumps({"id": "fire-3", "documents": example_texts[:1]}))  # a repeated id: skipped
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(packed, "wt", encoding="utf-8") as handle:
        for i in range(8):
            handle.write(json.dumps({"id": f"wire-{i}", "documents": [{"text": t, "source": "wire"}
                                                                       for t in example_texts]}) + "\n")
    return [plain, packed]


def by_id(out) -> dict[str, dict]:
    """The records of a run by id, without their timing; an id written twice fails the test."""
    records: dict[str, dict] = {}
    for record in read_records(out):
        assert record["id"] not in records, f"{record['id']} written twice"
        records[record["id"]] = {key: value for key, value in record.items() if key != "seconds"}
    return records


def test_dask_engine_writes_what_the_local_engine_writes(tmp_path, clusters, scheduler):
    local = storyline("batch", *clusters, "-o", tmp_path / "local.jsonl", "-w", "60", failing=True)
    dask = storyline("batch", *clusters, "-o", tmp_path / "dask", "-w", "60", "--scheduler", scheduler,
                     "--shard-size", "5", failing=True)
    for run in (local, dask):  # two bad clusters, recorded: the run goes on and says so at its end
        assert isinstance(run.exception, InputError) and "2 clusters could not be read" in str(run.exception)
    assert "25 clusters written" in dask.stderr and "(2 failed)" in dask.stderr and "1 repeated" in dask.stderr

    expected = by_id(tmp_path / "local.jsonl")
    assert by_id(tmp_path / "dask") == expected and len(expected) == 25
    assert "no sentence of prose" in expected["empty"]["error"]
    assert "malformed JSON" in expected[f"{clusters[0]}:line-6"]["error"]
    assert all(record["summary"] for key, record in expected.items() if "error" not in record)

    manifest = json.loads((tmp_path / "dask" / "manifest.json").read_text())
    shards = manifest["shards"]
    assert all(shard["done"] for shard in shards) and len(shards) == 4 + 2
    assert [(s["path"], s["first_line"], s["last_line"]) for s in shards[:4]] == [
        (str(clusters[0]), 1, 5), (str(clusters[0]), 6, 10), (str(clusters[0]), 11, 15), (str(clusters[0]), 16, 18)]
    assert sum(shard["clusters"] for shard in shards) == 26 and sum(shard["records"] for shard in shards) == 25
    for shard in shards:  # each shard holds the clusters of its lines
        assert len((tmp_path / "dask" / shard["file"]).read_text().splitlines()) == shard["records"]

    again = storyline("batch", *clusters, "-o", tmp_path / "dask", "-w", "60", "--scheduler", scheduler, failing=True)
    assert isinstance(again.exception, InputError) and "(2 in an earlier run)" in str(again.exception)
    assert "0 clusters written" in again.stderr and "6 finished before" in again.stderr
    assert "(2 of them failed)" in again.stderr  # its output still holds their errors
    with pytest.raises(InputError, match=r"made with other settings, words 60 \(this run: 50\)"):  # a directory is resumed by the same job only
        storyline("batch", *clusters, "-o", tmp_path / "dask", "-w", "50", "--scheduler", scheduler)


def test_a_dask_run_killed_midway_resumes_without_losing_or_doubling(tmp_path, example_texts, scheduler):
    data = slow_clusters(tmp_path / "slow.jsonl", example_texts, 40)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "storyline.cli", "batch", data, "-o", out, "--scheduler", scheduler,
               "--shard-size", "8"]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + DEADLINE
        while sum(len(f.read_bytes().splitlines()) for f in out.glob("shard-*.jsonl")) < 8:
            assert run.poll() is None, run.stderr.read().decode()
            assert time.monotonic() < deadline, "no records written in time"
            time.sleep(0.02)
        run.kill()
        run.wait(timeout=DEADLINE)
    finally:
        stop(run)
    written = sum(f.read_bytes().count(b"\n") for f in out.glob("shard-*.jsonl"))
    assert 8 <= written < 40, "the run was not killed midway"
    manifest = json.loads((out / "manifest.json").read_text())
    assert not all(shard["done"] for shard in manifest["shards"])

    resumed = subprocess.run(command, capture_output=True, timeout=DEADLINE)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert f"{40 - written} cluster{'' if 40 - written == 1 else 's'} written".encode() in resumed.stderr
    assert f"{written} already done".encode() in resumed.stderr
    records = by_id(out)  # fails on an id written twice
    assert sorted(records) == sorted(f"slow-{c}" for c in range(40))
    manifest = json.loads((out / "manifest.json").read_text())
    assert all(shard["done"] for shard in manifest["shards"]) and len(manifest["shards"]) == 5

    sample = [(str(data), n + 1, f"slow-{n}", f"line-{n + 1}", line)
              for n, line in enumerate(data.read_text().splitlines()) if n % 7 == 0]
    for record in summarize_lines(Summarizer(), sample):  # what the local engine writes for them
        assert records[record["id"]] == {key: value for key, value in record.items() if key != "seconds"}
