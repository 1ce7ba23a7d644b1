"""Render a summary as plain text, Markdown with numbered citations, or JSON."""

from __future__ import annotations

import json
import textwrap

from .model import Summary

FORMATS = ("text", "markdown", "json")


def render(summary: Summary, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return to_markdown(summary)
    if fmt == "text":
        return textwrap.fill(summary.text, width=100)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def to_markdown(summary: Summary) -> str:
    """Each sentence followed by [n] for every document that reports it, then the numbered sources."""
    cited = sorted({ref.doc for s in summary.sentences for ref in s.sources})
    lines = []
    for sentence in summary.sentences:
        marks = " ".join(f"[{ref.doc + 1}]" for ref in sorted(sentence.sources, key=lambda r: r.doc))
        lines.append(f"{sentence.text} {marks}")
    sources = []
    for doc in cited:
        document = summary.documents[doc]
        label = document.title or document.id or f"document {doc + 1}"
        details = ", ".join(x for x in (document.source, document.published) if x)
        link = f"<{document.url}>" if document.url else ""
        sources.append(" ".join(x for x in (f"{doc + 1}. {label}", f"({details})" if details else "", link) if x))
    return " ".join(lines) + "\n\n**Sources**\n\n" + "\n".join(sources) + "\n"
