"""Batch runs: every cluster of a JSONL file summarized into a JSONL file, in parallel, resumably."""

from .local import BatchReport, count_lines, finished_ids, run_batch, summarize_record

__all__ = ["BatchReport", "count_lines", "finished_ids", "run_batch", "summarize_record"]
