"""storyline: short, sourced summaries of news clusters."""

from .errors import InputError, StorylineError
from .model import Cluster, Document, Sentence, SourceRef, Summary, SummarySentence
from .pipeline import Summarizer, summarize

__all__ = [
    "Cluster",
    "Document",
    "InputError",
    "Sentence",
    "SourceRef",
    "StorylineError",
    "Summarizer",
    "Summary",
    "SummarySentence",
    "summarize",
]
__version__ = "0.1.0"
