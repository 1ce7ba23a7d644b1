"""Render summaries and story pages as plain text, Markdown with numbered citations, or JSON."""

from __future__ import annotations

import dataclasses
import json
import textwrap
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..model import Document, Summary, SummarySentence, publication_day
from ..text.plural import counted

if TYPE_CHECKING:  # story pages are rendered here, but reading a summary needs no story store
    from ..stories.page import StoryPage

FORMATS = ("text", "markdown", "json")
WIDTH = 100
KEPT_TOGETHER = "\x1f"  # a space that is no place to wrap, until the text is wrapped (no article has it)
NO_OUTLET = "No outlet named"  # the coverage line of articles whose outlet is not known
MAX_CITATIONS = 8  # source numbers shown after a sentence; the others are counted ("+40")


def render(summary: Summary, fmt: str = "text") -> str:
    """A summary as ``fmt`` (one of FORMATS)."""
    _check(fmt)
    if fmt == "json":
        return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return to_markdown(summary)
    return to_text(summary)


def to_text(summary: Summary) -> str:
    """The cited sentences wrapped at WIDTH columns (of a story told over days, a paragraph a day, see ``_by_day``),
    then the numbered sources (and those not cited)."""
    days = _by_day(summary)
    paragraphs = [_day_label(day) + _cited(sentences, KEPT_TOGETHER) for day, sentences in days]
    body = "\n\n".join(_fill(paragraph) for paragraph in _with_notice(summary, paragraphs, bool(days[0][0])))
    return body + "\n\nSources:\n" + "\n".join(_sources(summary)) + _uncited(summary)


def to_markdown(summary: Summary) -> str:
    """Each sentence followed by [n] for every document that reports it (see ``_citation_group``; of a story told
    over days, a paragraph a day, see ``_by_day``), then the numbered sources (and those not cited)."""
    uncited = _uncited(summary)
    days = _by_day(summary)
    paragraphs = [_day_label(day, markdown=True) + _cited(sentences) for day, sentences in days]
    body = "\n\n".join(_with_notice(summary, paragraphs, bool(days[0][0])))
    return (body + "\n\n**Sources**\n\n" + "\n".join(_sources(summary, "- [{}]"))
            + "\n" + (f"{uncited}\n" if uncited else ""))


def _day_label(day: str, markdown: bool = False) -> str:
    """What opens a day's paragraph: "5 June 2031 — ", "**5 June 2031.** " in Markdown ('' for no day)."""
    return "" if not day else f"**{day}.** " if markdown else f"{day} —{KEPT_TOGETHER}"


def _by_day(summary: Summary) -> list[tuple[str, list[SummarySentence]]]:
    """The summary's sentences in runs of one day of publication (of the article each is taken from), each run with
    its day for a reader ("5 June 2031"), when the sentences come from articles of two days or more, all known: so an
    earlier day's "would visit on Wednesday" does not read as news. Else one run, with no day."""
    days = [publication_day(summary.documents[sentence.sources[0].doc].published) if sentence.sources else None
            for sentence in summary.sentences]
    if None in days or len(set(days)) < 2:
        return [("", list(summary.sentences))]
    runs: list[tuple[str, list[SummarySentence]]] = []
    for day, sentence in zip(days, summary.sentences):
        label = f"{day.day} {day:%B %Y}" if day else ""
        if not runs or runs[-1][0] != label:
            runs.append((label, []))
        runs[-1][1].append(sentence)
    return runs


def _with_notice(summary: Summary, paragraphs: list[str], dated: bool) -> list[str]:
    """The summary's paragraphs with the notice that the articles do not answer its question (see _unanswered) first:
    a paragraph of its own before a story's first day (``dated``), else opening the first paragraph."""
    notice = _unanswered(summary)
    if not notice:
        return paragraphs
    return [notice.rstrip(), *paragraphs] if dated else [notice + paragraphs[0], *paragraphs[1:]]


def _unanswered(summary: Summary) -> str:
    """A first line that says the articles do not answer the question, when they do not."""
    if summary.answered is not False:
        return ""
    query = summary.query.strip()
    return f"The articles do not answer “{query}”{'' if query.endswith(('?', '!', '.')) else '.'} What they report: "


def _cited(sentences: list[SummarySentence], between: str = " ") -> str:
    """Summary sentences, each followed by [n] for every document that reports it (``between`` them and the
    sentence; past MAX_CITATIONS, counted)."""
    return " ".join(
        f"{sentence.text}{between}" + _citation_group(sorted(ref.doc + 1 for ref in sentence.sources), between)
        for sentence in sentences
    )


def _sources(summary: Summary, numbered: str = "{}.") -> list[str]:
    """One line per cited document: its number as ``numbered`` writes it (Markdown lists its sources as "- [4]
    ...", since it numbers an ordered list again from 1), title or name, outlet, date and address."""
    return [_source_line(doc + 1, summary.documents[doc], numbered) for doc in sorted(_cited_documents(summary))]


def _uncited(summary: Summary) -> str:
    """The numbers of the documents read but cited for no sentence (so that a gap in the sources' numbers is
    told), on a line that opens on a line break; '' when every document is cited."""
    cited = _cited_documents(summary)
    uncited = [_uncited_name(doc + 1, document, original)
               for (doc, document), original in zip(enumerate(summary.documents), summary.copies()) if doc not in cited]
    if not uncited or not cited:
        return ""
    more = f" and {len(uncited) - MAX_CITATIONS} more" if len(uncited) > MAX_CITATIONS else ""
    return f"\nRead, not cited: {', '.join(uncited[:MAX_CITATIONS])}{more}"


def _uncited_name(number: int, document: Document, original: int | None) -> str:
    """A document read but not cited: its number and, when known, its outlet, else its name, and the number of the
    one it copies word for word (see Summary.copies): "3 (Fjord Post)", "4 (notes.txt)", "5 (Fjord Post, a copy of 1)"."""
    copy = f"a copy of {original + 1}" if original is not None else ""
    about = ", ".join(x for x in (document.source or document.id, copy) if x)
    return f"{number} ({about})" if about else str(number)


def _cited_documents(summary: Summary) -> set[int]:
    """The documents some sentence of the summary cites."""
    return {ref.doc for sentence in summary.sentences for ref in sentence.sources}


def _source_line(number: int, document: Document, numbered: str = "{}.") -> str:
    label = document.title or document.id or f"document {number}"
    details = ", ".join(x for x in (document.source, document.published) if x)
    link = f"<{document.url}>" if document.url else ""
    return " ".join(x for x in (f"{numbered.format(number)} {label}", f"({details})" if details else "", link) if x)


def heading(title: str, fmt: str = "text") -> str:
    """``title`` as a heading: underlined in text, after "# " in Markdown."""
    return f"# {title}" if fmt == "markdown" else f"{title}\n{'=' * min(len(title), WIDTH)}"


def render_page(page: StoryPage, fmt: str = "text") -> str:
    """A story page as ``fmt`` (one of FORMATS): the headline, what the story is (articles, outlets, dates),
    coverage by outlet, the summary (or what is new), quotes with their speakers, the timeline, and the
    sources, all cited by the page's source numbers (1, 2, 3 ... in the order first cited)."""
    _check(fmt)
    if fmt == "json":
        return json.dumps(_page_dict(page), ensure_ascii=False, indent=2)
    markdown = fmt == "markdown"
    title = page.headline or f"Story {page.story}"
    parts = [heading(title, fmt), _page_facts(page)]

    def section(name: str, lines: list[str]) -> None:
        if markdown:
            parts.append(f"## {name}\n\n" + "\n".join(lines).replace(KEPT_TOGETHER, " "))
        else:
            parts.append(f"{name}\n{'-' * len(name)}\n" + "\n".join(_wrap_item(line) for line in lines))

    section("Coverage", [_coverage_line(c, markdown) for c in page.coverage])
    if page.summary is None and page.summary_error:
        section("What is new" if page.read_articles else "Summary", [f"No summary: {page.summary_error}"])
    elif page.summary is None:
        section("What is new", ["Nothing new since the last look."])
    else:
        name = "Summary"
        if page.update:
            count = page.new_articles
            name = f"What is new ({counted(count, 'article')} since the last look)"
        days = _by_day(page.summary)  # of a story told over days, a paragraph a day, as a summary shows it
        paragraphs = [_day_label(day, markdown) + " ".join(
            f"{sentence.text}{KEPT_TOGETHER}{_citations(page, [ref.doc for ref in sentence.sources])}"
            for sentence in sentences) for day, sentences in days]
        section(name, [line for number, paragraph in enumerate(_with_notice(page.summary, paragraphs, bool(days[0][0])))
                       for line in ([""] if number else []) + [paragraph]])
    if page.quotes:
        section("Quotes", [f"- “{quote.text}” — {quote.speaker}{KEPT_TOGETHER}{_citations(page, quote.docs)}" for quote in page.quotes])
    if page.timeline:
        when = (lambda event: f"**{event.when}**") if markdown else (lambda event: event.when)
        section("Timeline", [f"- {when(event)}: {event.sentence}{KEPT_TOGETHER}{_citations(page, event.docs)}" for event in page.timeline])
    if page.sources:
        section("Sources", [_page_source_line(source) for source in page.sources])
    return "\n\n".join(parts) + "\n"


def _page_dict(page: StoryPage) -> dict[str, Any]:
    """The page as JSON: every citation is a source number, listed under "sources"."""
    summary = None
    if page.summary is not None:
        summary = {
            "text": page.summary.text,
            "words": page.summary.words,
            "sentences": [{"text": sentence.text, "sources": page.cite([ref.doc for ref in sentence.sources]),
                           "spans": [{"source": page.number(ref.doc), "start": ref.start, "end": ref.end}
                                     for ref in sentence.sources]}
                          for sentence in page.summary.sentences],
        }
    return {
        "story": page.story,
        "headline": page.headline,
        "articles": page.articles,
        "outlets": page.outlets,
        "coverage": [dataclasses.asdict(c) for c in page.coverage],
        "first_seen": page.first_seen,
        "last_seen": page.last_seen,
        "update": page.update,
        "new_articles": page.new_articles,
        "read_articles": page.read_articles,
        "last_seq": page.last_seq,
        "summary": summary,
        **({"summary_error": page.summary_error} if page.summary_error else {}),
        "quotes": [{"text": q.text, "speaker": q.speaker, "sources": page.cite(q.docs)} for q in page.quotes],
        "timeline": [{"date": e.date, "when": e.when, "text": e.sentence, "mention": e.mention, "sources": page.cite(e.docs)}
                     for e in page.timeline],
        "sources": [dataclasses.asdict(source) for source in page.sources],
    }


def _page_facts(page: StoryPage) -> str:
    """"Story 3 · 4 articles from 3 outlets · 11 to 14 March 2031" ("4 articles" when no outlet is known)."""
    facts = [f"Story {page.story}", counted(page.articles, "article") + from_outlets(page.outlets)]
    if page.first_seen:
        facts.append(_date_span(page.first_seen, page.last_seen or page.first_seen))
    return " · ".join(facts)


def from_outlets(outlets: list[str]) -> str:
    """" from 3 outlets" ('' for none known)."""
    return f" from {counted(len(outlets), 'outlet')}" if outlets else ""


def _date_span(first: str, last: str) -> str:
    """Two ISO days for a reader: "11 March 2031", "11 to 14 March 2031", "28 February to 2 March 2031"."""
    import datetime as dt

    try:
        one, other = dt.date.fromisoformat(first[:10]), dt.date.fromisoformat(last[:10])
    except ValueError:
        return first if first == last else f"{first} to {last}"
    if one == other:
        return f"{one.day} {one:%B} {one.year}"
    if (one.year, one.month) == (other.year, other.month):
        return f"{one.day} to {other.day} {other:%B} {other.year}"
    if one.year == other.year:
        return f"{one.day} {one:%B} to {other.day} {other:%B} {other.year}"
    return f"{one.day} {one:%B} {one.year} to {other.day} {other:%B} {other.year}"


def _coverage_line(entry: Any, markdown: bool) -> str:
    name = entry.outlet or NO_OUTLET
    name = f"**{name}**" if markdown else name
    counts = []
    if entry.articles:
        counts.append(counted(entry.articles, "article"))
    if entry.copies:
        counts.append(f"{counted(entry.copies, 'copy', 'copies')} of another outlet's report")
    return f"- {name}: {', '.join(counts)}"


def _citations(page: StoryPage, docs: list[int]) -> str:
    return _citation_group(page.cite(docs), KEPT_TOGETHER)


def _citation_group(numbers: list[int], between: str) -> str:
    """[n] for each source number, ``between`` them; past MAX_CITATIONS, how many more ("[1] [2] ... +40")."""
    shown = [f"[{number}]" for number in numbers[:MAX_CITATIONS]]
    return between.join(shown + ([f"+{len(numbers) - MAX_CITATIONS}"] if len(numbers) > MAX_CITATIONS else []))


def _page_source_line(source: Any) -> str:
    label = source.label or source.title or source.id or f"source {source.number}"
    details = ", ".join(x for x in (source.outlet, source.day or source.published) if x)
    link = f"<{source.url}>" if source.url else ""
    return " ".join(x for x in (f"{source.number}. {label}", f"({details})" if details else "", link) if x)


def _wrap_item(line: str) -> str:
    """A line of a text page wrapped at WIDTH; a list item's further lines indented under its text."""
    marker = line.split(" ", 1)[0]
    indent = " " * (len(marker) + 1) if marker == "-" or (marker[:-1].isdigit() and marker.endswith(".")) else ""
    return _fill(line, subsequent_indent=indent, break_long_words=False)


def _fill(text: str, **options: Any) -> str:
    """``text`` wrapped at WIDTH, never inside a group of citations ("[1] [2] [3]")."""
    return textwrap.fill(text, width=WIDTH, break_on_hyphens=False, **options).replace(KEPT_TOGETHER, " ")


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
