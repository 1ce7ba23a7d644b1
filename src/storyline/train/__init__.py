"""Training and tuning (the [train] extra): the salience models shipped in storyline/data, and the weights
chosen on evaluation data. Each module runs with ``python -m storyline.train.NAME``."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError

DATA = Path(os.environ.get("STORYLINE_DATA", "../shared/data"))
MODELS = Path(__file__).resolve().parents[1] / "data"


def skip(name: str, error: InputError) -> None:
    """Leave an unreadable cluster out, saying so."""
    print(f"skipped {name}: {error}", flush=True)
