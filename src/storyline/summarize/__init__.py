"""The summarizer's stages: analyze (clean, segment, vectorize) -> features -> salience -> select -> order
-> attribute, put together by Summarizer."""

from .analysis import Analysis, analyze
from .config import DEFAULT_WORDS, SummarizerConfig
from .features import FEATURES, QUERY_FEATURES, FeatureTable
from .pipeline import NOTHING_NEW, Summarizer, as_cluster, known_days, last_day_reports, summarize
from .salience import FeatureRanker, SalienceModel, Scorer, default_model

__all__ = [
    "DEFAULT_WORDS",
    "FEATURES",
    "NOTHING_NEW",
    "QUERY_FEATURES",
    "Analysis",
    "FeatureRanker",
    "FeatureTable",
    "SalienceModel",
    "Scorer",
    "Summarizer",
    "SummarizerConfig",
    "analyze",
    "as_cluster",
    "default_model",
    "known_days",
    "last_day_reports",
    "summarize",
]
