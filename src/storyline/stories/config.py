"""The story tracker's settings: one validated object, the single source of their defaults."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from ..settings import Settings


@dataclass(frozen=True)
class TrackerConfig(Settings):
    """How articles are grouped into stories and stories into threads; checked when built.

    threshold: cosine an article needs to join a story; merge: mean cosine over pairs of articles at which
    two stories become one (both chosen on Multi-News train + validation + train_full_extra +
    validation_full_extra, split into five feeds of dev's size, each added in 10 batches: the best
    B-cubed F1 with mean precision above 0.97); duplicate: MinHash Jaccard of word 5-grams above which an
    article is a copy of a stored one; window_days: how long a story stays open after its last dated
    article. thread_threshold: cosine a new story's sum of article vectors needs with a thread's to join
    it; thread_merge: mean cosine over pairs of articles at which two threads become one (and below
    which the stories of a thread, clustered again, split it);
    thread_window_days: how long a thread stays open after its last dated article, never less than a
    story (all three chosen on
    DUC 2006 in date order, leave-topics-out: one half of the topics chose, the other half scored, both
    ways; see benchmarks/stories.py). chunk: articles placed and stored per transaction.
    """

    threshold: float = 0.25
    merge: float = 0.19
    duplicate: float = 0.8
    window_days: float = 3.0
    thread_threshold: float = 0.2
    thread_merge: float = 0.1
    thread_window_days: float = 730.0
    chunk: int = 1000

    def __post_init__(self) -> None:
        for name in ("threshold", "merge", "duplicate", "thread_threshold", "thread_merge"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise ConfigError(f"{name}: a similarity between 0 and 1, not {value!r}")
        for name in ("window_days", "thread_window_days"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ConfigError(f"{name}: a number of days of at least 0, not {value!r}")
        if isinstance(self.chunk, bool) or not isinstance(self.chunk, int) or self.chunk < 1:
            raise ConfigError(f"chunk: a whole number of articles of at least 1, not {self.chunk!r}")

    def replace(self, **settings: Any) -> TrackerConfig:
        """A copy with some settings changed (validated); an unknown name is a ConfigError."""
        unknown = set(settings) - {field.name for field in dataclasses.fields(self)}
        if unknown:
            raise ConfigError(f"unknown tracker setting {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **settings)
