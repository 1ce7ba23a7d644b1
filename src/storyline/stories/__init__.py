"""Story tracking: a SQLite store of articles, incremental grouping into stories (events) and threads
(topics followed over months), copies found by MinHash, and story and thread pages."""

from .config import TrackerConfig
from .page import StoryPage, ThreadPage, build_page, build_thread, outlet, outlets, quotes, thread_link, timeline
from .store import MAX_ID, Store, default_path
from .tracker import AddReport, StoryTracker

__all__ = [
    "MAX_ID",
    "AddReport",
    "Store",
    "StoryPage",
    "StoryTracker",
    "ThreadPage",
    "TrackerConfig",
    "build_page",
    "build_thread",
    "default_path",
    "outlet",
    "outlets",
    "quotes",
    "thread_link",
    "timeline",
]
