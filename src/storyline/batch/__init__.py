"""Batch runs: every cluster of JSONL files (plain or gzip) summarized, in parallel and resumably, into a
JSONL file (the local engine) or a directory of shards with a manifest (any engine, Dask's among them).

Modules: inputs (files, lines, a line made a cluster), records (what a worker does), output (file and shard
layouts, resuming), engines (this process, local worker processes), dask_engine (a Dask cluster), driver (one
run), hygiene (workers that die with their parent; SIGTERM as Ctrl-C), local (the local engine's entry point).
"""

from .driver import BatchReport, run
from .engines import Engine, ProcessEngine, SerialEngine
from .inputs import count_lines, expand_inputs
from .local import local_engine, run_batch
from .output import DEFAULT_SHARD_SIZE, FileSink, ShardSink, finished_ids, read_records
from .records import summarize_record

__all__ = [
    "DEFAULT_SHARD_SIZE", "BatchReport", "Engine", "FileSink", "ProcessEngine", "SerialEngine", "ShardSink",
    "count_lines", "expand_inputs", "finished_ids", "local_engine", "read_records", "run", "run_batch",
    "summarize_record",
]
