"""Render summaries and story pages as plain text, Markdown with numbered citations, or JSON."""

from __future__ import annotations

import dataclasses
import json
import textwrap
from typing import Any

from ..errors import ConfigError
from ..model import Document, Summary
from ..stories.page import StoryPage

FORMATS = ("text", "markdown", "json")
WIDTH = 100


def render(summary: Summary, fmt: str = "text") -> str:
    """A summary as ``fmt`` (one of FORMATS)."""
    _check(fmt)
    if fmt == "json":
        return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return to_markdown(summary)
    return to_text(summary)


def to_text(summary: Summary) -> str:
    """The cited sentences wrapped at WIDTH columns, then the numbered sources."""
    body = textwrap.fill(_unanswered(summary) + _cited(summary), width=WIDTH, break_on_hyphens=False)
    return body + "\n\nSources:\n" + "\n".join(_sources(summary))


def to_markdown(summary: Summary) -> str:
    """Each sentence followed by [n] for every document that reports it, then the numbered sources."""
    return _unanswered(summary) + _cited(summary) + "\n\n**Sources**\n\n" + "\n".join(_sources(summary)) + "\n"


def _unanswered(summary: Summary) -> str:
    """A first line that says the articles do not answer the question, when they do not."""
    return f"The articles do not answer “{summary.query}”. What they report: " if summary.answered is False else ""


def _cited(summary: Summary) -> str:
    """The summary's sentences, each followed by [n] for every document that reports it."""
    return " ".join(
        f"{sentence.text} " + " ".join(f"[{ref.doc + 1}]" for ref in sorted(sentence.sources, key=lambda r: r.doc))
        for sentence in summary.sentences
    )


def _sources(summary: Summary) -> list[str]:
    """One line per cited document: its number, title or name, outlet, date and address."""
    cited = sorted({ref.doc for s in summary.sentences for ref in s.sources})
    return [_source_line(doc + 1, summary.documents[doc]) for doc in cited]


def _source_line(number: int, document: Document) -> str:
    label = document.title or document.id or f"document {number}"
    details = ", ".join(x for x in (document.source, document.published) if x)
    link = f"<{document.url}>" if document.url else ""
    return " ".join(x for x in (f"{number}. {label}", f"({details})" if details else "", link) if x)


def render_page(page: StoryPage, fmt: str = "text") -> str:
    """A story page as ``fmt`` (one of FORMATS): headings, summary with sources, quotes, timeline."""
    _check(fmt)
    if fmt == "json":
        return json.dumps(_page_dict(page), ensure_ascii=False, indent=2)
    heading = (lambda title: f"## {title}") if fmt == "markdown" else (lambda title: f"{title}\n{'-' * len(title)}")
    outlets = ", ".join(page.outlets)
    parts = [f"# Story {page.story}" if fmt == "markdown" else f"Story {page.story}",
             f"{page.articles} articles from {len(page.outlets)} outlet{'s' if len(page.outlets) != 1 else ''}: {outlets}"]
    parts.append(heading("What is new" if page.update else "Summary"))
    if page.summary is None:
        parts.append("Nothing new since the last look.")
    elif fmt == "markdown":
        parts.append(to_markdown(page.summary).rstrip())
    else:
        parts.append(to_text(page.summary))
    if page.quotes:
        parts.append(heading("Quotes"))
        parts.append("\n".join(f"- “{quote.text}” ({quote.speaker})" for quote in page.quotes))
    if page.timeline:
        parts.append(heading("Timeline"))
        parts.append("\n".join(f"- {event.date}: {event.sentence}" for event in page.timeline))
    return "\n\n".join(parts) + "\n"


def _page_dict(page: StoryPage) -> dict[str, Any]:
    return {
        "story": page.story,
        "articles": page.articles,
        "outlets": page.outlets,
        "update": page.update,
        "summary": page.summary.to_dict() if page.summary else None,
        "quotes": [dataclasses.asdict(quote) for quote in page.quotes],
        "timeline": [dataclasses.asdict(event) for event in page.timeline],
    }


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
