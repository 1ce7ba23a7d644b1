"""storyline: short, sourced summaries of news clusters."""

from importlib.metadata import PackageNotFoundError, version

from .errors import ConfigError, InputError, StorylineError
from .model import Cluster, Document, Sentence, SourceRef, Summary, SummarySentence
from .summarize import Summarizer, SummarizerConfig, summarize

try:
    __version__ = version("storyline")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

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
