"""What a story page shows besides the summary: coverage, key quotes with speakers, a dated timeline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from .clean import clean_spans, is_junk
from .model import Document
from .segment import segment

SPEECH = r"(?:said|says|told [\w ]{1,30}?|added|wrote|tweeted|explained|warned)"
NAME = r"([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})"
QUOTE = r"[\"“]([^\"“”]{25,400}?)[,.!?]?[\"”]"
QUOTE_PATTERNS = [
    re.compile(rf"{QUOTE},? {SPEECH} {NAME}"),
    re.compile(rf"{QUOTE},? {NAME} {SPEECH}"),
    re.compile(rf"{NAME} {SPEECH},? {QUOTE}"),
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


def coverage(documents: list[Document]) -> str:
    outlets = sorted({outlet(d) for d in documents})
    return f"reported by {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}: {', '.join(outlets)}"


def _sentences(documents: list[Document]):
    for number, document in enumerate(documents):
        for sentence in segment(number, document.text, clean_spans(document.text)):
            if not is_junk(sentence.text):
                yield sentence


def quotes(documents: list[Document], limit: int = 5) -> list[Quote]:
    """Direct quotes with a named speaker, each quote once, in reading order."""
    found, seen = [], set()
    for sentence in _sentences(documents):
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
    for sentence in _sentences(documents):
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
