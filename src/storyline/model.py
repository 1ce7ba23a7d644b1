"""The typed objects that pass between pipeline stages."""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Document:
    """One article: its main text and what is known about where it came from."""

    text: str
    id: str = ""
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""


def copies(documents: list[Document]) -> list[int | None]:
    """For each document, the earlier one whose text it has word for word, else None: a file or link given twice,
    one outlet's copy of another's text."""
    first: dict[str, int] = {}
    return [None if (original := first.setdefault(d.text.strip(), i)) == i else original for i, d in enumerate(documents)]


def publication_moment(published: str | None) -> dt.datetime | None:
    """A publication date ("2031-03-12T07:30:00Z", "Tue, 11 Mar 2031") as an aware datetime (UTC when it
    names no zone), or None when there is none or it cannot be read. ISO 8601 is read directly, anything
    else by dateutil (a hundred times slower)."""
    if not published:
        return None
    try:
        moment = dt.datetime.fromisoformat(published)
    except ValueError:
        try:
            moment = read_date(published)
        except (ValueError, OverflowError):
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def read_date(text: str, **options: Any) -> dt.datetime:
    """dateutil's reading of a date (``options`` as ``dateutil.parser.parse`` takes them), silent about a
    zone it cannot place ("EDT", read as none); raises ValueError or OverflowError when it reads none."""
    from dateutil import parser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", parser.UnknownTimezoneWarning)
        return parser.parse(text, **options)


def publication_day(published: str | None) -> dt.date | None:
    """The day of a publication date (see publication_moment), as the date names it; None when unreadable."""
    moment = publication_moment(published)
    return moment.date() if moment else None


@dataclass
class Cluster:
    """Articles about one story, with an optional question and already-read articles."""

    documents: list[Document]
    id: str = ""
    query: str = ""
    previous: list[Document] = field(default_factory=list)
    references: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document, located by character offsets in that document's text; ``text`` is that
    span, with the line breaks of a hard-wrapped paragraph read as spaces."""

    doc: int
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class SourceRef:
    """Where a summary sentence is told: document, sentence number and character span."""

    doc: int
    sentence: int
    start: int
    end: int


@dataclass
class SummarySentence:
    """A summary sentence and the documents that report it, the first one quoted. ``full_names`` lists the
    people its source names alone whom the summary names here for the first time, so in full and with a
    role the articles give, those it names in full with no role for the first time, so with that role, and
    those it names in full whom the summary named before, so by surname, as (written, shown) pairs ("Mr. Vik",
    "Harbour master Ole Vik"; "Ada Dahl", "Ada Dahl, the fire chief,"; "Ole Vik", "Vik"): ``text`` is the
    first source's sentence with each first ``written`` replaced by ``shown``."""

    text: str
    sources: list[SourceRef]
    full_names: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Summary:
    """An extractive summary whose every sentence names the documents that report it.

    With a ``query``, ``answered`` tells whether the articles speak to it (when they do not, the summary
    is of the articles in general); None without a query.
    """

    sentences: list[SummarySentence]
    documents: list[Document]
    id: str = ""
    query: str = ""
    answered: bool | None = None

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def copies(self) -> list[int | None]:
        """For each document, the one it copies (see ``copies``): the summary cites only that one."""
        return copies(self.documents)

    def to_dict(self) -> dict:
        focus = {"query": self.query, "answered": self.answered} if self.answered is not None else {}
        return {
            "id": self.id,
            **focus,
            "summary": self.text,
            "words": self.words,
            "sentences": [_sentence_dict(s) for s in self.sentences],
            "documents": [
                {"doc": i, "id": d.id, "title": d.title, "source": d.source, "url": d.url, "published": d.published,
                 "copy_of": original}
                for (i, d), original in zip(enumerate(self.documents), self.copies())
            ],
        }


def _sentence_dict(sentence: SummarySentence) -> dict:
    named = {"full_names": [{"written": w, "shown": s} for w, s in sentence.full_names]} if sentence.full_names else {}
    return {"text": sentence.text, "sources": [asdict(r) for r in sentence.sources], **named}
