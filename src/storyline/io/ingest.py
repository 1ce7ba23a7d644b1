"""Read articles and clusters: text, HTML, URLs, stdin, JSONL, Multi-News and LongBench formats."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError, unreadable
from ..model import Cluster, Document, publication_day
from ..text.feeds import documents_from_feed, looks_like_feed
from ..text.html import document_from_html, document_from_text, looks_like_html, unescaped
from .decode import decoded
from .fetch import fetch_url

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".eml"} | HTML_SUFFIXES | FEED_SUFFIXES
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
MULTINEWS_DOC_SEPARATOR = "|||||"
MULTINEWS_NEWLINE = "NEWLINE_CHAR"
LONGBENCH_HEADER = re.compile(r"^\s*Passage \d+:\s*$", re.MULTILINE)
NO_TEXT = "an article must be a string or an object with a 'text' or 'html' string"


def read_clusters(paths: Iterable[str], on_error: OnError | None = None) -> list[Cluster]:
    """Clusters from command-line inputs.

    JSONL files and raw Multi-News files hold clusters of their own (an unreadable line raises InputError,
    or goes to ``on_error``); every other input (text or HTML file, directory, URL, ``-`` for stdin) is one
    article of a single cluster made of them all; an empty file in a directory is left out.
    """
    paths = list(paths)
    if paths.count("-") > 1:
        raise InputError("- (stdin) is given more than once: it can be read only once")
    clusters: list[Cluster] = []
    loose: list[Document] = []
    for path in paths:
        if Path(path).suffix.lower() in JSONL_SUFFIXES:
            clusters.extend(iter_jsonl(path, on_error))
        elif path == "-":
            loose.extend(documents_from_text(_nonempty(decoded(sys.stdin.buffer.read(), "stdin"), "stdin"), "stdin"))
        elif re.match(r"https?://", path):
            loose.append(fetch_url(path))
        else:
            for file in _expand(path):
                loose.extend(documents_from_file(file, blank_ok=Path(path).is_dir()))
    if loose:
        clusters.append(Cluster(documents=loose))
    return clusters


def _expand(path: str) -> list[Path]:
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
        if not files:
            raise InputError(f"{path}: directory holds no articles (files ending {', '.join(sorted(TEXT_SUFFIXES))})")
        return files
    if not p.exists():
        raise InputError(f"{path}: no such file or directory")
    return [p]


def documents_from_file(path: Path, blank_ok: bool = False) -> list[Document]:
    """The articles in one file: one, or several for a news feed and for Multi-News and LongBench layouts. A file
    is HTML by its extension or, whatever its name, by its content. Raises InputError for a file that cannot be
    read, is binary or is empty, or an XML file that is no feed (none, with ``blank_ok``)."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise unreadable(path, err) from err
    text = decoded(raw, str(path))
    if blank_ok and not text.strip():
        return []
    _nonempty(text, str(path))
    if path.suffix.lower() in HTML_SUFFIXES:
        return [document_from_html(text, str(path))]
    if path.suffix.lower() in FEED_SUFFIXES and not looks_like_feed(text):
        if blank_ok:
            return []  # an XML file of a directory that is no feed: a sitemap, a configuration
        raise InputError(f"{path}: an XML file that is no RSS or Atom feed")
    return documents_from_text(text, str(path))


def _nonempty(text: str, name: str) -> str:
    """``text``, read from ``name``; InputError when it holds nothing but white space."""
    if not text.strip():
        raise InputError(f"{name}: empty file, no article in it" if name != "stdin" else "stdin: empty, no article in it")
    return text


def documents_from_text(text: str, name: str) -> list[Document]:
    """The articles of a text: the items of an RSS or Atom feed (see text.feeds), several when it is in Multi-News or
    LongBench layout, else one; each read as text.html.document_from_text reads it (a web page's article, a plain
    text's title, outlet and date), what the layout gives winning."""
    if looks_like_feed(text):
        return documents_from_feed(text, name)
    if MULTINEWS_DOC_SEPARATOR in text or MULTINEWS_NEWLINE in text:
        docs = parse_multinews(text)
    elif LONGBENCH_HEADER.search(text):
        docs = parse_longbench(text)
    else:
        return [document_from_text(text, name)]
    read = [document_from_text(doc.text, doc.id or f"{name}#{i + 1}") for i, doc in enumerate(docs)]
    return [Document(text=page.text, **{**_known(page), **_known(doc), "id": page.id}) for page, doc in zip(read, docs)]


def parse_multinews(text: str) -> list[Document]:
    """Multi-News source layout: articles joined by '|||||', newlines written 'NEWLINE_CHAR'."""
    text = text.replace(MULTINEWS_NEWLINE, "\n")
    parts = (p.strip() for p in text.split(MULTINEWS_DOC_SEPARATOR))
    return [Document(text=p) for p in parts if p]


def parse_longbench(text: str) -> list[Document]:
    """LongBench layout: articles introduced by 'Passage N:' lines."""
    parts = (p.strip() for p in LONGBENCH_HEADER.split(text))
    return [Document(text=p) for p in parts if p]


OnError = Callable[[str, InputError], None]
"""What a reader does with an unreadable item: called with the item's name (a cluster id or a file
position) and its error, after which reading goes on. Without one, the error is raised."""


def _handle(name: str, error: InputError, on_error: OnError | None) -> None:
    if on_error is None:
        raise error
    on_error(name, error)


def malformed_json(where: str, err: json.JSONDecodeError) -> InputError:
    """The error of a line that is no JSON, naming where it is and the column where reading stopped (on the
    line itself: a line cut short stops at its end, not at column 1 of a line after it), and what a raw tab or
    line break inside a string needs."""
    column = min(err.pos, len(err.doc.rstrip("\r\n"))) + 1
    reason = f"{err.msg.removesuffix(' at')} at column {column}"
    if err.msg.startswith("Invalid control character"):
        reason += r": a tab or line break inside a string is written \t or \n"
    return InputError(f"{where}: malformed JSON ({reason})")


def iter_jsonl(path: str, on_error: OnError | None = None) -> Iterator[Cluster]:
    """The clusters of a JSONL file, one a line; an unreadable line raises InputError, or goes to
    ``on_error`` with its cluster id (or ``line-N``) and reading goes on."""
    for number, line in _lines(path):
        fallback = f"line-{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            _handle(fallback, malformed_json(f"{path}:{number}", err), on_error)
            continue
        cluster_id = str(record.get("id", fallback)) if isinstance(record, dict) else fallback
        try:
            cluster = cluster_from_record(record, default_id=fallback)
        except InputError as err:
            _handle(cluster_id, InputError(f"{path}:{number}: {err}"), on_error)
            continue
        yield cluster


def iter_articles(paths: Iterable[str], on_error: OnError | None = None) -> Iterator[Document]:
    """Articles of a feed: JSONL lines {"id", "text", "title"?, "source"?, "url"?, "published"?}, RSS and Atom
    feeds (an article an item), or text and HTML files and directories (one article each, named by path). An
    unreadable article (a blank id, or one given before in these feeds, is one) raises InputError, or goes to
    ``on_error`` and reading goes on."""
    given: set[str] = set()
    for path in paths:
        if Path(path).suffix.lower() not in JSONL_SUFFIXES:
            for file in _expand(path):
                try:
                    yield from documents_from_file(file, blank_ok=Path(path).is_dir())
                except InputError as err:
                    _handle(str(file), err, on_error)
            continue
        for number, line in _lines(path):
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or "id" not in record:
                    raise InputError("an article needs an 'id' and a 'text'")
                article_id = str(record["id"])
                if not article_id.strip():
                    raise InputError("an article's 'id' is blank")
                if article_id in given:  # which of the two would be stored?
                    raise InputError(f"article id {article_id!r} is given twice in these feeds")
                given.add(article_id)
                document = _document_from_json(record, article_id)
                if document.published and publication_day(document.published) is None:
                    raise InputError(f"published: not a date: {document.published!r}")
            except json.JSONDecodeError as err:
                _handle(f"{path}:{number}", malformed_json(f"{path}:{number}", err), on_error)
                continue
            except InputError as err:
                _handle(f"{path}:{number}", InputError(f"{path}:{number}: {err}"), on_error)
                continue
            yield document


def _lines(path: str) -> Iterator[tuple[int, str]]:
    """Numbered non-blank lines of a file, or of stdin for '-'."""
    try:
        handle = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")
    except OSError as err:
        raise unreadable(path, err) from err
    with handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield number, line


def cluster_from_record(record: object, default_id: str = "") -> Cluster:
    """A cluster from one JSON object: storyline's own layout, Multi-News' or LongBench's."""
    if not isinstance(record, dict):
        raise InputError("a cluster must be a JSON object")
    cluster_id = str(record.get("id", record.get("_id", default_id)))
    if "documents" in record:
        if not isinstance(record["documents"], list):
            raise InputError(f"cluster {cluster_id!r}: 'documents' must be a list of articles, not "
                             f"{type(record['documents']).__name__}")
        docs = [_document_from_json(d, f"{cluster_id}#{i + 1}") for i, d in enumerate(record["documents"])]
    elif "document" in record:
        docs = documents_from_text(str(record["document"]), cluster_id)
    elif "context" in record:
        docs = documents_from_text(str(record["context"]), cluster_id)
    else:
        raise InputError(f"cluster {cluster_id!r} has no 'documents' list")
    if not isinstance(record.get("previous") or [], list):
        raise InputError(f"cluster {cluster_id!r}: 'previous' must be a list of articles")
    previous = [_document_from_json(d, f"{cluster_id}#prev{i + 1}") for i, d in enumerate(record.get("previous") or [])]
    references = record.get("summaries") or record.get("answers") or record.get("summary") or []
    if isinstance(references, str):
        references = [references]
    return Cluster(
        documents=docs,
        id=cluster_id,
        query=_query_text(record.get("query") or record.get("input") or ""),
        previous=previous,
        references=[str(r) for r in references],
    )


def _document_from_json(item: object, default_id: str) -> Document:
    """A document of a JSON record: a string, or an object with a "text" or "html" string (and "id",
    "title", "source", "url", "published" if known). A string or text that looks like HTML is the page's
    article; the fields given win over what the page says; an outlet not given is taken from the page, its
    address, the dateline or the copyright notice, a title not given from a first line that reads as one, a
    publication date not given from a date at its top (see text.html.document_from_text). A text's and a field's
    HTML character references are decoded ("&amp;" -> "&")."""
    if isinstance(item, str):
        return document_from_text(item, default_id)
    if isinstance(item, dict):
        text, html = item.get("text"), item.get("html")
        if isinstance(text, str) and (text.strip() or not isinstance(html, str)):
            body, is_html = text, looks_like_html(text)
        elif isinstance(html, str):
            body, is_html = html, True
        else:
            raise InputError(NO_TEXT)
        fields = {k: unescaped(str(item[k])) for k in ("id", "title", "source", "url", "published") if item.get(k)}
        page = document_from_html(body, default_id, fields.get("url", "")) if is_html \
            else document_from_text(body, default_id, fields.get("url", ""))
        return Document(text=page.text, **{**_known(page), "id": default_id, **fields})
    raise InputError(NO_TEXT)


def _known(document: Document) -> dict[str, str]:
    """The metadata of a document that are known (not empty)."""
    fields = {"title": document.title, "source": document.source, "url": document.url,
              "published": document.published}
    return {k: v for k, v in fields.items() if v}


def _query_text(query: object) -> str:
    if isinstance(query, dict):
        return " ".join(str(query.get(k, "")) for k in ("title", "narrative")).strip()
    return str(query)
