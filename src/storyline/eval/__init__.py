"""Evaluation (the [eval] extra): ROUGE against human references, storyline beside its peers (lead,
round-robin lead, sumy's LexRank, TextRank, LSA and SumBasic) on the same clusters, with run times."""

from .harness import SystemResult, Timeout, evaluate, time_limit
from .rouge import METRICS, cut, reference_sentences, rouge
from .system import System
from .systems import PEERS, named_system, read_summaries, storyline_system, stored_summaries

__all__ = [
    "METRICS",
    "PEERS",
    "System",
    "SystemResult",
    "Timeout",
    "cut",
    "evaluate",
    "named_system",
    "reference_sentences",
    "rouge",
    "storyline_system",
    "read_summaries",
    "stored_summaries",
    "time_limit",
]
