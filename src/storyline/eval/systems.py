"""Summarizers by name, in the form the evaluation runs them: storyline, its peers, stored summaries."""

from __future__ import annotations

import json
from typing import Any

from ..errors import ConfigError, InputError, MissingExtraError
from ..model import Cluster
from ..summarize import Scorer, Summarizer
from . import peers
from .system import System

PEERS = ("lead", "rr-lead", *peers.SUMY_METHODS)


def storyline_system(use_query: bool = True, model: Scorer | None = None, **settings: Any) -> System:
    """storyline end to end (cleaning, splitting, summarizing), filling the budget as every peer does;
    ``settings`` change the summarizer's (see SummarizerConfig), ``model`` its salience model."""

    def run(cluster: Cluster, words: int) -> list[str]:
        summary = Summarizer(words=words, fill=True, model=model, **settings).summarize(cluster, None if use_query else "")
        return [s.text for s in summary.sentences]

    return System(run)


def named_system(name: str, use_query: bool = True) -> System:
    """storyline or one of PEERS."""
    if name == "storyline":
        return storyline_system(use_query)
    if name == "lead":
        return peers.lead
    if name == "rr-lead":
        return peers.round_robin_lead
    if name in peers.SUMY_METHODS:
        try:
            return peers.sumy_method(name)
        except ImportError:
            raise MissingExtraError(f"system {name!r} needs sumy: pip install 'storyline[eval]'") from None
    raise ConfigError(f"unknown system {name!r}; choose from storyline, {', '.join(PEERS)}")


def read_summaries(path: str) -> dict[str, list[str]]:
    """The summaries of a batch output file, by cluster id, as lists of sentences (failed clusters left out)."""
    return {cluster_id: record for cluster_id, record in _read_records(path).items() if isinstance(record, list)}


def _read_records(path: str) -> dict[str, list[str] | str]:
    """Each cluster of a batch output file by id: its summary as a list of sentences, or its error."""
    stored: dict[str, list[str] | str] = {}
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                record = json.loads(line)
                if "sentences" in record:
                    stored[str(record["id"])] = [s["text"] for s in record["sentences"]]
                elif "summary" in record:
                    stored[str(record["id"])] = [record["summary"]]
                elif "error" in record:
                    stored[str(record["id"])] = str(record["error"])
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from err
    except (json.JSONDecodeError, KeyError, TypeError) as err:
        raise InputError(f"{path}:{number}: not a summary line of storyline batch ({err})") from err
    return stored


def stored_summaries(path: str) -> System:
    """A 'system' that returns the summaries of a batch output file, by cluster id."""
    stored = _read_records(path)

    def run(cluster: Cluster, words: int) -> list[str]:
        record = stored.get(cluster.id)
        if record is None:
            raise InputError(f"no summary in {path}")
        if isinstance(record, str):
            raise InputError(f"the batch failed on it: {record}")
        return record

    return System(run)
