"""Web pages as articles: HTML told from plain text by its content, and its main text and metadata
extracted (via trafilatura, imported only when a page is read).

    looks_like_html("<!doctype html><html>...")              -> True
    looks_like_html("Editors wrap it in <b> for emphasis.")  -> False
    document_from_text(page_or_text, "stdin")                -> Document (extracted when it is HTML)
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from ..model import Document, publication_day
from .outlets import (OUTLET_FIELD, date_stamp, dateline_day, front_matter, headline, is_attribution,
                      is_publisher, mail_day, mail_header, mail_sender, outlet_from_text, outlet_of)

SAMPLE_CHARS = 8192  # of the start of a text, enough to tell HTML from prose
# A start that only HTML has: a doctype, possibly after an XML declaration and comments.
DOCTYPE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html\b", re.IGNORECASE | re.DOTALL)
# A tag ("<p>", "</div>", "<img src=x />") or a comment; "a < b" and "<jane@example.org>" are not tags.
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]{0,500})?/?>|<!--", re.DOTALL)
DOCUMENT_TAGS = frozenset({"html", "head", "body"})
MIN_TAGS = 4  # tags (at least two of them closing) for a text without doctype or <html> to be HTML ...
MIN_TAGS_PER_KB = 2.0  # ... when they are this dense
# A page's date as its markup gives it (meta tags, JSON-LD, <time>), whenever it is; not a guess from its text,
# which takes a year alone for a day ("has covered the river since 2024" -> 2024-01-01)
DATE_CONFIG = {"original_date": True, "extensive_search": False, "max_date": "9999-12-31"}
HEADER_XPATH = "{headline}/following::*[self::p or self::div or self::span or self::time][position() <= 12]"
# The two elements right above it (a masthead: "Fjord Daily · Saturday, October 10, 2026")
ABOVE_XPATH = "{headline}/preceding::*[self::p or self::div or self::time][position() <= 2]"  # blocks, not their spans
HEADLINES = ("(//article//h1)[1]", "(//h1)[1]", "(//h2)[1]")  # a page's headline: the first that it has
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")  # lxml refuses a text that declares its encoding
HEADER_LINES = 6
# An HTML character reference, which plain text from a feed or a publishing system may still hold: "Holm &amp;
# Pryce", "Saturday&#8217;s", "&nbsp;" (not "AT&T;", no reference)
CHARACTER_REFERENCE = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,7}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});")
MAX_HEADER_LINE = 150  # characters of a byline or date stamp line; longer is the article
TITLE_ELEMENT = re.compile(r"<title[^>]*>([^<]*)</title>", re.IGNORECASE)
TITLE_SEPARATOR = re.compile(r" [|–—-] ")
# A section or a kind of page, no publisher: "| Opinion", "- Live Updates", "| World News", "| Photos"
SECTION = re.compile(r"\b(?:Opinion|Live|Updates?|Photos?|Videos?|Gallery|Sports?|Politics|Business|Entertainment|"
                     r"Home|World|Local|Breaking|Latest|Analysis|Editorial|Lifestyle|Culture|Weather)\b")


def looks_like_html(text: str) -> bool:
    """True when ``text`` is HTML rather than prose, judged on its first SAMPLE_CHARS characters.

    HTML is a text that opens with a doctype; or has an <html>, <head> or <body> tag among at least three
    tags, one of them closing; or opens with a tag and closes one (a fragment such as "<p>...</p>"); or
    has at least MIN_TAGS tags, two of them closing, MIN_TAGS_PER_KB or more per 1000 characters. Prose
    that mentions a tag or two ("the <b> tag") is not HTML.
    """
    sample = text[:SAMPLE_CHARS].lstrip("\ufeff \t\r\n")
    if "<" not in sample:
        return False
    if DOCTYPE.match(sample):
        return True
    tags = [(match.group(1), (match.group(2) or "").lower()) for match in TAG.finditer(sample)]
    closing = sum(1 for slash, name in tags if slash and name)
    if not closing:
        return False
    if DOCUMENT_TAGS & {name for _, name in tags} and len(tags) >= 3:
        return True
    if TAG.match(sample):
        return True
    return len(tags) >= MIN_TAGS and closing >= 2 and len(tags) * 1000 >= MIN_TAGS_PER_KB * len(sample)


def document_from_html(html: str, name: str, url: str = "") -> Document:
    """The article of a web page (via trafilatura): its main text (navigation, banners, scripts and the
    like left out), title, outlet, address and date; ``name`` is its id and ``url`` its address when known.

    The outlet (``source``) is the page's site name, else the web site of its address (``url``, or the
    page's canonical address: "www.theguardian.com" -> "theguardian.com") or the outlet the text names by
    that site's name (see outlets.outlet_of), else the outlet named by a dateline opening the text
    ("MOBILE, Ala. (AP) --" -> "AP") or a copyright notice ending it. A title that is only a dateline,
    byline or date is dropped. A page with no main text gives a Document
    with empty text.
    """
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text:  # precision can leave out all of a short page; take what a plain extraction finds
        text = trafilatura.extract(html, include_comments=False, include_tables=False)
    text = text or ""
    meta = trafilatura.extract_metadata(html, date_config=DATE_CONFIG)
    title = " ".join(((meta.title if meta else "") or "").split())
    page_url = url or ((meta.url if meta else "") or "")
    site = " ".join(((meta.sitename if meta else "") or "").split())
    source, published = site or outlet_of(page_url, text), (meta.date if meta else "") or ""
    if not (source and published):  # the page parsed again only for what its metadata left out
        under, above = ("\n".join(lines) for lines in _around_headline(html))  # the byline's first, then a masthead's
        source = source or outlet_from_text(under) or outlet_from_text(above) or _site_in_title(html)
        published = published or date_stamp(under, lines=HEADER_LINES) or date_stamp(above, lines=HEADER_LINES)
    return Document(
        text=text,
        id=name,
        title="" if is_attribution(title) else title,
        source=source,
        url=page_url,
        published=published,
    )


def _around_headline(html: str) -> tuple[list[str], list[str]]:
    """The short lines of text right under a page's headline (its byline, date stamp) and right above it (a
    masthead), HEADER_LINES at most each; the headline is the first <h1> of its <article>, else of the page, else
    its first <h2>."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(XML_DECLARATION.sub("", html, count=1))
    except (ValueError, lxml.etree.ParserError):
        return [], []
    headline = next((headline for headline in HEADLINES if tree.xpath(headline)), "")
    if not headline:
        return [], []
    return _short_lines(tree.xpath(HEADER_XPATH.format(headline=headline))), \
        _short_lines(tree.xpath(ABOVE_XPATH.format(headline=headline)))


def _short_lines(elements: list[Any]) -> list[str]:
    """The texts of ``elements`` short enough for a byline, a date stamp or a masthead, HEADER_LINES at most."""
    lines = (" ".join(element.text_content().split()) for element in elements)
    return [line for line in lines if line and len(line) <= MAX_HEADER_LINE][:HEADER_LINES]


def _site_in_title(html: str) -> str:
    """The publisher a page's <title> names after its headline ("Train derails | Fjord Post" -> "Fjord Post",
    "... | Axios"; a longer name only when a publisher's; not a section: "... | Opinion"), else ''."""
    title = TITLE_ELEMENT.search(html[:SAMPLE_CHARS * 4])
    fields = TITLE_SEPARATOR.split(" ".join(unescape(title.group(1)).split())) if title else []
    site = fields[-1] if len(fields) > 1 else ""
    words = site.split()
    return site if OUTLET_FIELD.fullmatch(site) and (is_publisher(site) and len(words) <= 4 or len(words) <= 2) \
        and not SECTION.search(site) else ""


def unescaped(text: str) -> str:
    """``text`` with its HTML character references decoded ("Holm &amp; Pryce" -> "Holm & Pryce")."""
    return CHARACTER_REFERENCE.sub(lambda reference: unescape(reference.group(0)), text) if "&" in text else text


def document_from_text(text: str, name: str = "", url: str = "") -> Document:
    """One article from a text that may be a web page: when it looks like HTML, the page's article (see
    document_from_html); else the text itself, its character references decoded (see unescaped; offsets
    point into the text so decoded), titled by its first line
    when that reads as a headline (never a dateline, byline or date), with the outlet of ``url`` and of
    its dateline or copyright notice as source (see outlets.outlet_of), published on the day a line of its
    own at its top gives (see outlets.date_stamp) or its dateline does; an e-mail's subject and day sent, from its
    header, and a Markdown file's title and date, from its front matter (left out of the text), come first, and an
    e-mail's sender is its source when nothing else names one."""
    if looks_like_html(text):
        return document_from_html(text, name, url)
    fields, start = front_matter(text)
    text = unescaped(text[start:])
    return Document(text=text, id=name, title=mail_header(text, "Subject") or fields.get("title") or headline(text),
                    source=outlet_of(url, text) or mail_sender(text), url=url,
                    published=mail_day(text) or _day(fields.get("date")) or date_stamp(text) or dateline_day(text))


def _day(date: str | None) -> str:
    """The day of a date, as ISO 8601; '' for none or one unreadable."""
    day = publication_day(date)
    return day.isoformat() if day else ""
