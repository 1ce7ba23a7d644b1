"""The work the service does in its worker processes: each function takes and returns plain data (picklable,
JSON-ready), opens the story store itself when it needs it, and raises storyline's errors or ServiceError.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, StoreError
from ..io import cluster_from_record, decoded
from ..model import Document, publication_day, publication_moment
from ..stories import Store, StoryPage, StoryTracker, TrackerConfig, build_page, build_thread, outlet, outlets
from ..stories.page import HEADLINE_CHARS, story_headline
from ..stories.store import StoredArticle
from ..summarize import NOTHING_NEW, Summarizer, SummarizerConfig
from .errors import ServiceError, too_large

NO_ARTICLE_AFTER = 2**62  # a watermark past every article: all of them read
HEADLINES_KEPT = 10_000  # headlines a worker remembers, by store, story and its articles (stored articles never change)
_headlines: dict[tuple[str, int, int, int], str] = {}


@dataclass
class Page:
    """A fetched page: the address asked for, the one it was found at (after redirects), its media type,
    charset (when the server named one) and bytes."""

    url: str
    final_url: str
    media_type: str
    charset: str | None
    body: bytes


def summarize(record: dict[str, Any], pages: list[Page], config: SummarizerConfig, max_words: int,
              with_text: bool = False) -> dict[str, Any]:
    """The summary of a request's cluster (storyline's JSONL layout: "documents", "query", "previous")
    with the fetched ``pages`` as more documents: exactly what `storyline summarize -f json` prints for
    that cluster; with ``with_text``, "texts" adds each document's text (what source offsets count in)."""
    fetched = [_page_item(page) for page in pages]
    cluster = cluster_from_record({**record, "documents": list(record.get("documents") or []) + fetched})
    for number, document in enumerate(cluster.documents, 1):
        if len(document.text.split()) > max_words:
            raise too_large(f"document {number} ({document.id}) has more than {max_words} words")
    summarizer = Summarizer(config)
    summary = summarizer.summarize(cluster)
    result = summary.to_dict()
    if not summary.sentences and summarizer.told_before(cluster):
        result["notice"] = NOTHING_NEW
    if with_text:
        result["texts"] = [document.text for document in cluster.documents]
    return result


def _page_item(page: Page) -> dict[str, str]:
    """A fetched page as a document of a JSON cluster: its HTML (or text), its address and its id (the URL asked for)."""
    text = decoded(page.body, page.url, page.charset)
    kind = "text" if page.media_type == "text/plain" else "html"
    return {kind: text, "id": page.url, "url": page.final_url}


def add_articles(db: str, articles: list[dict[str, Any]], config: TrackerConfig) -> dict[str, Any]:
    """Store a feed batch ({"id", "text" or "html", "title"?, "source"?, "url"?, "published"?} each) and group
    it into stories, as `storyline stories add` does: what was added, skipped, copied, refused."""
    documents = cluster_from_record({"id": "feed", "documents": articles}).documents
    with Store(db, create=True) as store:
        report = StoryTracker(store, config).add(documents)
    return dataclasses.asdict(report)


def list_stories(db: str, limit: int, days: float | None = None) -> dict[str, Any]:
    """The stories, largest first (as `storyline stories list`): id, article count, outlets, first and last
    seen (publication dates), headline; with ``days``, only those last seen at most that many days before
    the newest article in the store (and the undated ones). No store yet is no stories."""
    if not Path(db).is_file():
        return {"stories": [], "total": 0, "newest": None}
    with Store(db) as store, store.snapshot():
        groups: dict[int, list[StoredArticle]] = {}
        for article in store.articles(text_chars=0):
            groups.setdefault(article.story, []).append(article)
        thread_of = store.story_threads()
        entries = [_story_entry(story, articles) | {"thread": thread_of.get(story)} for story, articles in groups.items()]
        moments = {entry["story"]: publication_moment(entry["last_seen"]) for entry in entries}
        known = [(moment, entry["last_seen"]) for entry in entries if (moment := moments[entry["story"]]) is not None]
        newest, newest_as_given = max(known) if known else (None, None)
        if days is not None and newest is not None:
            since = newest - dt.timedelta(days=days)
            entries = [entry for entry in entries if _on_or_after(moments[entry["story"]], since)]
        entries.sort(key=lambda entry: (-entry["articles"], entry["story"]))
        shown = entries[:limit] if limit else entries
        for entry in shown:
            articles = groups[entry["story"]]
            key = (db, entry["story"], len(articles), max(a.seq for a in articles))
            if key not in _headlines:
                if len(_headlines) >= HEADLINES_KEPT:
                    _headlines.pop(next(iter(_headlines)))
                _headlines[key] = story_headline(store.articles(entry["story"], text_chars=HEADLINE_CHARS)) \
                    or f"Story {entry['story']}"
            entry["headline"] = _headlines[key]
    return {"stories": shown, "total": len(entries), "newest": newest_as_given}


def _story_entry(story: int, articles: list[StoredArticle]) -> dict[str, Any]:
    """A story's entry in the list; its first and last seen are its articles' publication dates as given,
    in the order of time (a date that cannot be read is left out)."""
    dated = [(moment, a.published) for a in articles if (moment := publication_moment(a.published)) is not None]
    dates = [date for _, date in sorted(dated)]
    return {
        "story": story,
        "headline": "",
        "articles": len(articles),
        "outlets": outlets([a.to_document() for a in articles]),
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
    }


def _on_or_after(moment: dt.datetime | None, since: dt.datetime) -> bool:
    return moment is None or moment >= since


def story_page(db: str, story: int, config: SummarizerConfig, reader: str | None = None, since: int = 0) -> dict[str, Any]:
    """The data of a story's page (see page_dict); with ``reader``, of what is new since that reader's last
    look, which is then remembered (as `storyline stories show --reader`). A story that was merged into
    another is a 404 that names it ("merged_into"). When the new articles hold no sentence to summarize,
    the page has no summary and says why ("summary_error")."""
    if not Path(db).is_file():
        raise ServiceError(404, f"no story {story}", "no_such_story")
    with Store(db) as store:
        watermark = store.watermark(reader, story) if reader else since
        summarizer = Summarizer(config)
        problem = None
        try:
            page = build_page(store, story, None, watermark, summarizer)
        except InputError as err:  # nothing in the new articles to summarize: the page without a summary
            problem = str(err)
            page = build_page(store, story, None, NO_ARTICLE_AFTER, summarizer)
        except StoreError:
            merged = store.merged_into(story)
            if merged is not None:
                raise ServiceError(404, f"story {story} was merged into story {merged}", "story_merged",
                                   extra={"merged_into": merged}) from None
            if not store.articles(story, text_chars=0):
                raise ServiceError(404, f"no story {story}", "no_such_story") from None
            raise
        with store.snapshot():
            articles = [a for a in store.articles(story, text_chars=0) if a.seq <= page.last_seq]
        if reader:
            store.set_watermark(reader, story, page.last_seq)
    result = page_dict(page, articles, watermark, reader)
    if problem:
        result["summary_error"] = problem
    return result


def thread_page(db: str, thread: int) -> dict[str, Any]:
    """A thread as JSON (as `storyline stories thread -f json`): thread, headline (of its largest story),
    articles, outlets, first and last seen (days), and its stories in the order they began (each with its
    headline, articles, outlets, first and last seen). A thread merged into another is a 404 that names it
    ("merged_into")."""
    if not Path(db).is_file():
        raise ServiceError(404, f"no thread {thread}", "no_such_thread")
    with Store(db) as store:
        try:
            page = build_thread(store, thread)
        except StoreError:
            merged = store.thread_merged_into(thread)
            if merged is not None:
                raise ServiceError(404, f"thread {thread} was merged into thread {merged}", "thread_merged",
                                   extra={"merged_into": merged}) from None
            raise ServiceError(404, f"no thread {thread}", "no_such_thread") from None
    result = dataclasses.asdict(page)
    for key in ("first_seen", "last_seen"):
        result[key] = result[key] or None
    for entry in result["stories"]:
        entry["first_seen"], entry["last_seen"] = entry["first_seen"] or None, entry["last_seen"] or None
    return result


def page_dict(page: StoryPage, articles: list[StoredArticle], since: int, reader: str | None = None) -> dict[str, Any]:
    """A story page as JSON, for a reader's page: story, headline, articles, outlets, first and last seen
    (days), thread (the topic it belongs to) and thread_stories (that thread's stories, oldest first), update,
    new_articles, read_articles, last_seq, since, reader; "summary" (Summary.to_dict(): its
    "doc"s, like those of "quotes" and "timeline", are places in "documents"); "documents" (the new
    articles, then those read; each with its source "number" on the page, its "day" (ISO 8601, or null) and its
    text when the page cites it: the text the offsets count in); "coverage" (per outlet: own articles, copies, and each article)."""
    items: dict[str, list[dict[str, Any]]] = {}
    for article in articles:
        items.setdefault(outlet(article.to_document()), []).append({
            "id": article.id, "title": article.title or "", "url": article.url or "", "published": article.published or "",
            "copy_of": article.duplicate_of,
        })
    return {
        "story": page.story,
        "headline": page.headline,
        "articles": page.articles,
        "outlets": page.outlets,
        "first_seen": page.first_seen or None,
        "last_seen": page.last_seen or None,
        "thread": page.thread,
        "thread_stories": page.thread_stories,
        "update": page.update,
        "new_articles": page.new_articles,
        "read_articles": page.read_articles,
        "last_seq": page.last_seq,
        "since": since,
        "reader": reader,
        "summary": page.summary.to_dict() if page.summary else None,
        "quotes": [dataclasses.asdict(quote) for quote in page.quotes],
        "timeline": [dataclasses.asdict(event) for event in page.timeline],
        "documents": [_document_entry(i, document, page) for i, document in enumerate(page.documents)],
        "coverage": [{"outlet": c.outlet, "articles": c.articles, "copies": c.copies, "items": items.get(c.outlet, [])}
                     for c in page.coverage],
    }


def _document_entry(place: int, document: Document, page: StoryPage) -> dict[str, Any]:
    number = page.numbers.get(place)
    return {
        "doc": place, "number": number, "id": document.id, "title": document.title, "source": document.source,
        "outlet": outlet(document), "url": document.url, "published": document.published,
        "day": day.isoformat() if (day := publication_day(document.published)) else None,
        "new": place < page.new_articles, "text": document.text if number is not None else None,
    }
