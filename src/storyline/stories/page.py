"""A story page: coverage, a summary (of what is new to a reader), key quotes with speakers, a dated timeline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from ..errors import StoreError
from ..model import Cluster, Document, Summary
from ..summarize import Summarizer
from .store import Store
from ..text.patterns import SPEAKER
from ..text.prose import prose_sentences

SPEECH = r"(?:said|says|told [\w ]{1,30}?|added|wrote|tweeted|explained|warned)"
QUOTE = r"[\"“]([^\"“”]{25,400}?)[,.!?]?[\"”]"
QUOTE_PATTERNS = [
    re.compile(rf"{QUOTE},? {SPEECH} {SPEAKER}"),
    re.compile(rf"{QUOTE},? {SPEAKER} {SPEECH}"),
    re.compile(rf"{SPEAKER} {SPEECH},? {QUOTE}"),
]
MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DATE = re.compile(rf"\b({MONTHS} \d{{1,2}}(?:st|nd|rd|th)?(?:, \d{{4}})?|\d{{1,2}} {MONTHS}(?: \d{{4}})?|{MONTHS} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b")


@dataclass
class Quote:
    text: str
    speaker: str
    doc: int


@dataclass
class Event:
    date: str
    sentence: str
    doc: int


def outlet(document: Document) -> str:
    """The outlet that published an article: its source, else its web site, else its id."""
    return document.source or urlparse(document.url).netloc.removeprefix("www.") or document.id


def outlets(documents: list[Document]) -> list[str]:
    """The outlets that published the articles, in alphabetical order."""
    return sorted({outlet(d) for d in documents})


def coverage(documents: list[Document]) -> str:
    names = outlets(documents)
    return f"reported by {len(names)} outlet{'s' if len(names) != 1 else ''}: {', '.join(names)}"


def quotes(documents: list[Document], limit: int = 5) -> list[Quote]:
    """Direct quotes with a named speaker, each quote once, in reading order."""
    found, seen = [], set()
    for sentence in prose_sentences(documents):
        for pattern in QUOTE_PATTERNS:
            match = pattern.search(sentence.text)
            if match:
                quote, speaker = (match.group(1), match.group(2)) if pattern is not QUOTE_PATTERNS[2] else match.group(2, 1)
                key = quote.lower()[:60]
                if key not in seen and speaker.split()[0] not in {"The", "A", "An", "It", "This", "That"}:
                    seen.add(key)
                    found.append(Quote(quote.strip(), speaker, sentence.doc))
                break
    return found[:limit]


def timeline(documents: list[Document], limit: int = 10) -> list[Event]:
    """Sentences that name a calendar date, earliest first (a date without a year counts as in 2000)."""
    from dateutil import parser

    events = []
    for sentence in prose_sentences(documents):
        match = DATE.search(sentence.text)
        if not match:
            continue
        try:
            moment = parser.parse(match.group(1), default=parser.parse("2000-01-01"))
        except (ValueError, OverflowError):
            continue
        events.append((moment, Event(match.group(1), sentence.text, sentence.doc)))
    events.sort(key=lambda pair: pair[0])
    return [event for _, event in events[:limit]]


@dataclass
class StoryPage:
    """What a story page shows. ``summary`` covers the articles new to the reader (all of them on a first
    look; None when nothing is new); ``update`` says the reader had read some before."""

    story: int
    articles: int
    outlets: list[str]
    summary: Summary | None
    update: bool
    quotes: list[Quote] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
    last_seq: int = 0


def build_page(store: Store, story: int, reader: str | None = None, since: int = 0,
               summarizer: Summarizer | None = None) -> StoryPage:
    """The page of ``story``: its summary covers what was added after ``reader``'s last look (or after
    article number ``since``). Raises StoreError when the store has no such story."""
    articles = store.articles(story)
    if not articles:
        raise StoreError(f"no story {story} in {store.path}")
    watermark = store.watermark(reader, story) if reader else since
    originals = [a for a in articles if a.duplicate_of is None]
    new = [a.to_document() for a in originals if a.seq > watermark]
    read = [a.to_document() for a in originals if a.seq <= watermark]
    summary = None
    if new:
        summary = (summarizer or Summarizer()).summarize(Cluster(documents=new, previous=read, id=str(story)))
    documents = new + read
    return StoryPage(
        story=story,
        articles=len(articles),
        outlets=outlets([a.to_document() for a in articles]),
        summary=summary,
        update=bool(read) and bool(new),
        quotes=quotes(documents),
        timeline=timeline(documents),
        last_seq=max(a.seq for a in articles),
    )
