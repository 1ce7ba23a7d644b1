"""Salience models: what ranks candidate sentences. A learned linear model (shipped in storyline/data,
trained by training/train_salience.py), or one feature alone (for ablations)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ..errors import ConfigError
from .features import FEATURES, QUERY_FEATURES, FeatureTable


class Scorer(Protocol):
    """Anything that scores the rows of a feature table."""

    def predict(self, table: FeatureTable) -> np.ndarray: ...


@dataclass(frozen=True)
class SalienceModel:
    """A linear model over standardized features, read by name from a FeatureTable.

    ``trained_with``: the summarizer settings it was trained and cross-validated with.
    """

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    trained_with: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        known = FEATURES + QUERY_FEATURES
        unknown = [name for name in self.names if name not in known]
        if unknown:
            raise ConfigError(f"salience model reads features this version does not compute: {', '.join(unknown)}")
        shapes = {len(self.names), len(self.mean), len(self.scale), len(self.weights)}
        if len(shapes) != 1:
            raise ConfigError(f"salience model: {len(self.names)} feature names but parameters for {sorted(shapes)}")

    def predict(self, table: FeatureTable) -> np.ndarray:
        """Scores of the rows of ``table``, from the columns this model was trained on."""
        result: np.ndarray = ((table.columns(self.names) - self.mean) / self.scale) @ self.weights + self.bias
        return result

    def save(self, path: str | Path) -> None:
        np.savez(path, features=np.array(self.names), mean=self.mean, scale=self.scale, weights=self.weights,
                 bias=np.array(self.bias), trained_with=np.array(json.dumps(self.trained_with, sort_keys=True)))

    @classmethod
    def load(cls, path: str | Path | Traversable) -> SalienceModel:
        source = Path(path) if isinstance(path, str) else path
        try:
            with source.open("rb") as handle, np.load(handle) as data:
                trained_with = json.loads(str(data["trained_with"])) if "trained_with" in data else {}
                return cls(tuple(str(name) for name in data["features"]), data["mean"], data["scale"],
                           data["weights"], float(data["bias"]), trained_with)
        except (OSError, ValueError, KeyError) as err:
            raise ConfigError(f"{path}: not a salience model ({err})") from err


@dataclass(frozen=True)
class FeatureRanker:
    """Ranks sentences by one feature alone (the ablations' stand-in for a learned model)."""

    name: str

    def predict(self, table: FeatureTable) -> np.ndarray:
        return table.column(self.name)


@lru_cache(maxsize=2)
def default_model(query: bool = False) -> SalienceModel:
    """A model shipped with the package: for generic summaries, or for summaries focused on a query."""
    return SalienceModel.load(resources.files("storyline") / "data" / ("salience-query.npz" if query else "salience.npz"))
