"""The story tracker's settings: one validated object, the single source of their defaults."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError


@dataclass(frozen=True)
class TrackerConfig:
    """How articles are grouped into stories; checked when built.

    threshold: cosine an article needs to join a story; merge: mean cosine over pairs of articles at which
    two stories become one (both chosen on a feed of Multi-News train + validation and the DUC 2007 update
    topics); duplicate: MinHash Jaccard of word 5-grams above which an article is a copy of a stored one;
    window_days: how long a story stays open after its last dated article; chunk: articles placed and
    stored per transaction.
    """

    threshold: float = 0.25
    merge: float = 0.2
    duplicate: float = 0.8
    window_days: float = 3.0
    chunk: int = 1000

    def __post_init__(self) -> None:
        for name in ("threshold", "merge", "duplicate"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise ConfigError(f"{name}: a similarity between 0 and 1, not {value!r}")
        if isinstance(self.window_days, bool) or not isinstance(self.window_days, (int, float)) or self.window_days < 0:
            raise ConfigError(f"window_days: a number of days of at least 0, not {self.window_days!r}")
        if isinstance(self.chunk, bool) or not isinstance(self.chunk, int) or self.chunk < 1:
            raise ConfigError(f"chunk: a whole number of articles of at least 1, not {self.chunk!r}")

    def replace(self, **settings: Any) -> TrackerConfig:
        """A copy with some settings changed (validated); an unknown name is a ConfigError."""
        unknown = set(settings) - {field.name for field in dataclasses.fields(self)}
        if unknown:
            raise ConfigError(f"unknown tracker setting {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **settings)
