"""Input and output: reading articles and clusters from files, URLs, stdin and JSONL; rendering summaries."""

from .decode import decoded
from .fetch import fetch_url
from .ingest import OnError, cluster_from_record, iter_articles, iter_jsonl, read_clusters
from .render import FORMATS, heading, render

__all__ = ["FORMATS", "OnError", "cluster_from_record", "decoded", "fetch_url", "heading", "iter_articles", "iter_jsonl",
           "read_clusters", "render"]
