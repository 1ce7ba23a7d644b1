"""storyline: short, sourced summaries of news clusters."""

from .errors import ConfigError, InputError, StorylineError
from .model import Cluster, Document, Sentence, SourceRef, Summary, SummarySentence
from .summarize import Summarizer, SummarizerConfig, summarize


def __getattr__(name: str) -> str:
    """``storyline.__version__``, read from the installed package's metadata when first asked for."""
    if name != "__version__":
        raise AttributeError(f"module 'storyline' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("storyline")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


__all__ = [
    "Cluster",
    "ConfigError",
    "Document",
    "InputError",
    "Sentence",
    "SourceRef",
    "StorylineError",
    "Summarizer",
    "SummarizerConfig",
    "Summary",
    "SummarySentence",
    "summarize",
]
