import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-fire"


@pytest.fixture
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture
def example_texts() -> list[str]:
    return [(EXAMPLE / name).read_text(encoding="utf-8") for name in ("coastal-courier.txt", "north-sea-wire.txt")]


@pytest.fixture
def clusters_jsonl(tmp_path, example_texts) -> Path:
    """Three clusters in storyline's JSONL layout, one of them with no usable text."""
    path = tmp_path / "clusters.jsonl"
    reference = "About 300 residents were evacuated after a fire destroyed a timber warehouse in Port Aldren."
    records = [
        {"id": "fire", "documents": example_texts, "summaries": [reference]},
        {"id": "fire-again", "documents": [{"text": t, "source": "wire"} for t in example_texts], "summaries": [reference]},
        {"id": "empty", "documents": ["", "Loading, please wait..."], "summaries": [reference]},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
