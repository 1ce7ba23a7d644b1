"""The JSON the API takes and gives, as pydantic models (which also make the OpenAPI document at /docs).

Requests are checked strictly: an unknown field, or a number where text belongs, is a 422 naming it.
Answers are documented here but sent as built (a summary is exactly Summary.to_dict()).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StrictStr, model_validator

from ..model import publication_day


def _a_date(value: str | None) -> str | None:
    if value and publication_day(value) is None:
        raise ValueError(f"not a date: {value!r} (ISO 8601, such as 2031-03-12 or 2031-03-12T07:42:00Z)")
    return value


Published = Annotated[StrictStr | None, AfterValidator(_a_date),
                      Field(description="Publication date, ISO 8601.")]


class DocumentIn(BaseModel):
    """An article: its "text" (plain text or a web page's HTML), or its page as "html", and what is known of it."""

    model_config = ConfigDict(extra="forbid")
    text: StrictStr | None = Field(None, description="The article's text; HTML is read as a web page.")
    html: StrictStr | None = Field(None, description="The article's web page, when there is no text.")
    title: StrictStr | None = None
    source: StrictStr | None = Field(None, description="The outlet that published it.")
    url: StrictStr | None = None
    id: StrictStr | None = None
    published: Published = None

    @model_validator(mode="after")
    def _has_body(self) -> DocumentIn:
        if self.text is None and self.html is None:
            raise ValueError("a document needs a 'text' or an 'html' string")
        return self


Item = Annotated[StrictStr | DocumentIn, Field(description="An article's text (or page), or an object.")]


class SummarizeRequest(BaseModel):
    """Articles about one story: given as "documents", as "urls" the service fetches, or both."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "documents": ["PORT ALDREN (Coastal Courier) -- A fire destroyed a timber warehouse ...",
                      {"text": "About 300 residents were evacuated ...", "title": "Harbour fire", "source": "North Sea Wire"}],
        "words": 60,
    }]})
    documents: list[Item] = Field(default_factory=list)
    urls: list[StrictStr] = Field(default_factory=list, description="Web pages to fetch (public addresses only).")
    words: StrictInt | None = Field(None, description="Word budget (default 120 unless 'sentences' is given).")
    sentences: StrictInt | None = Field(None, description="Sentence budget.")
    query: StrictStr | None = Field(None, description="Focus the summary on this question or topic.")
    previous: list[Item] = Field(default_factory=list, description="Articles already read: summarize what is new.")
    id: StrictStr = Field("", description="The summary's id (documents are numbered after it).")


class ArticleIn(BaseModel):
    """A feed article, as `storyline stories add` reads from a JSONL feed."""

    model_config = ConfigDict(extra="forbid")
    id: StrictStr | StrictInt
    text: StrictStr | None = None
    html: StrictStr | None = None
    title: StrictStr | None = None
    source: StrictStr | None = None
    url: StrictStr | None = None
    published: Published = None

    @model_validator(mode="after")
    def _has_body(self) -> ArticleIn:
        if self.text is None and self.html is None:
            raise ValueError("an article needs a 'text' or an 'html' string")
        return self


class ArticlesRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn]


# Answers (for the documentation)

class SourceOut(BaseModel):
    doc: int = Field(description="The document's number (from 0) in 'documents'.")
    sentence: int = Field(description="The sentence's number in its document.")
    start: int = Field(description="Where the sentence starts in the document's text (Python characters, i.e. code points).")
    end: int


class FullNameOut(BaseModel):
    written: str = Field(description="How the quoted source names the person here: by surname or first name alone, "
                                     "or in full after the summary named them so.")
    shown: str = Field(description="How the summary names them instead: in full at their first mention, with a role "
                                   "when the articles give one; by surname after it.")


class SentenceOut(BaseModel):
    text: str
    sources: list[SourceOut] = Field(description="Every document that reports it, first the one quoted.")
    full_names: list[FullNameOut] = Field(
        default_factory=list, description="People named otherwise than the source names them here (only when any).")


class DocumentOut(BaseModel):
    doc: int
    id: str
    title: str
    source: str
    url: str
    published: str = Field(description="Its publication date as given (or read from a date line at its top), or ''.")
    copy_of: int | None = Field(None, description="The earlier document whose text it has word for word (never cited), "
                                                  "else null.")


class SummaryOut(BaseModel):
    """What `storyline summarize -f json` prints; "query" and "answered" only with a query; "texts" only
    when asked for with ?texts=true; "notice" only when the articles already read told everything."""

    id: str
    query: str | None = None
    answered: bool | None = None
    notice: str | None = None
    summary: str
    words: int
    sentences: list[SentenceOut]
    documents: list[DocumentOut]
    texts: list[str] | None = None


class AddReportOut(BaseModel):
    added: int
    skipped: int = Field(description="Already stored (by id).")
    duplicates: int = Field(description="Copies of stored articles, kept as coverage.")
    new_stories: int
    merged: int
    refused: list[str] = Field(description="Ids of pages without prose, not stored.")


class StoryEntryOut(BaseModel):
    story: int
    headline: str
    articles: int
    outlets: list[str]
    first_seen: str | None
    last_seen: str | None


class StoriesOut(BaseModel):
    stories: list[StoryEntryOut]
    total: int
    newest: str | None = Field(description="Publication date of the newest article, when dates are known.")


class QuoteOut(BaseModel):
    text: str
    speaker: str
    doc: int = Field(description="The first document (a place in 'documents') that quotes it.")
    docs: list[int] = Field(description="Every document that does.")


class EventOut(BaseModel):
    date: str = Field(description="ISO: a day, a month or a year.")
    sentence: str
    doc: int
    docs: list[int]
    when: str = Field(description="The date said for a reader ('11 March 2031').")
    mention: str = Field(description="The words that gave the date.")


class StoryDocumentOut(BaseModel):
    doc: int
    number: int | None = Field(description="Its source number on the page (in the order the page first cites it); null when uncited.")
    id: str
    title: str
    source: str
    outlet: str
    url: str
    published: str
    day: str | None = Field(None, description="The day it was published, as ISO 8601 (null when not known).")
    new: bool = Field(description="Added since the reader's last look (or since 'since').")
    text: str | None = Field(description="Its text (what source offsets count in), when the page cites it.")


class CoverageArticleOut(BaseModel):
    id: str
    title: str
    url: str
    published: str
    copy_of: str | None = Field(description="The id of the article it is a near-identical copy of.")


class CoverageOut(BaseModel):
    outlet: str
    articles: int = Field(description="Its own articles.")
    copies: int = Field(description="Copies of another outlet's article (a wire report it ran).")
    items: list[CoverageArticleOut]


class StoryPageOut(BaseModel):
    story: int
    headline: str
    articles: int
    outlets: list[str]
    first_seen: str | None = Field(description="Day of the earliest publication date.")
    last_seen: str | None
    update: bool = Field(description="The reader had read some of it before: the summary is of what is new.")
    new_articles: int
    read_articles: int
    last_seq: int
    since: int
    reader: str | None
    summary: SummaryOut | None = Field(description="Of the articles new to the reader; null when nothing is new.")
    quotes: list[QuoteOut]
    timeline: list[EventOut]
    documents: list[StoryDocumentOut]
    coverage: list[CoverageOut]
    summary_error: str | None = Field(None, description="Why there is no summary, when the new articles hold no "
                                      "sentence to summarize.")


class ErrorOut(BaseModel):
    error: str = Field(description="A short code: too_large, invalid_input, url_refused, timeout, ...")
    message: str
    request_id: str
    details: list[dict] | None = None
