"""Story tracking: a SQLite store of articles, incremental grouping into stories, copies found by MinHash,
and story pages."""

from .config import TrackerConfig
from .page import StoryPage, build_page, coverage, outlet, quotes, timeline
from .store import Store, default_path
from .tracker import AddReport, StoryTracker

__all__ = [
    "AddReport",
    "Store",
    "StoryPage",
    "StoryTracker",
    "TrackerConfig",
    "build_page",
    "coverage",
    "default_path",
    "outlet",
    "quotes",
    "timeline",
]
