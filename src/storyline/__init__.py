"""storyline: short, sourced summaries of news clusters."""

import os

# storyline's matrices are small: one BLAS thread is fastest (several threads spin on two cores and run a
# summary up to twice as slow); parallelism comes from worker processes. Only when the user has not chosen.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
del _variable

from .errors import ConfigError, InputError, StorylineError  # noqa: E402  (after the thread settings)
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
