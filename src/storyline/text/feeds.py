"""News feeds (RSS 2.0, RSS 1.0 and Atom): each item an article, with its title, address, date and outlet."""

from __future__ import annotations

import re
from typing import Any

from ..errors import InputError
from ..model import Document, publication_moment
from .html import XML_DECLARATION, unescaped
from .outlets import outlet_from_url

# A feed's root element, after an XML declaration, comments or a stylesheet's processing instruction
FEED_ROOT = re.compile(r"\A\ufeff?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*)*<(?:rss\b|feed\b[^>]*Atom|rdf:RDF\b)", re.DOTALL)
ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DUBLIN_CORE_DATE = "{http://purl.org/dc/elements/1.1/}date"
# An HTML fragment's blocks: each becomes a paragraph of the item's text
BLOCKS = frozenset("p div h1 h2 h3 h4 h5 h6 li blockquote br figcaption".split())


def looks_like_feed(text: str) -> bool:
    """True when ``text`` is an RSS or Atom feed (by its root element)."""
    return FEED_ROOT.match(text[:4000]) is not None


def documents_from_feed(text: str, name: str) -> list[Document]:
    """The items of a feed as articles: the text of the fullest of their content, description or summary
    (HTML made plain text), their title, link, day (ISO 8601, when readable) and outlet (the web site of
    the link, else the feed's title); ids are the items' guids or links, else ``name``#n. Raises InputError
    for a feed that is not well-formed XML."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    try:
        root = etree.fromstring(XML_DECLARATION.sub("", text.lstrip("\ufeff"), count=1).encode("utf-8"), parser)  # decoded
    except etree.XMLSyntaxError as err:
        raise InputError(f"{name}: not a well-formed feed ({err.msg})") from None
    feed_title = _text(root.find("channel/title")) or _text(root.find(f"{ATOM}title")) or _text(
        root.find(f"{RSS1}channel/{RSS1}title"))
    items = root.findall("channel/item") or root.findall(f"{ATOM}entry") or root.findall(f"{RSS1}item")
    return [_item(item, f"{name}#{number}", feed_title) for number, item in enumerate(items, 1)]


def _item(item: Any, default_id: str, feed_title: str) -> Document:
    def first(*paths: str) -> str:
        return next((found for path in paths if (found := _text(item.find(path)))), "")

    link = first("link", f"{RSS1}link") or next(
        (href for element in item.findall(f"{ATOM}link") if element.get("rel", "alternate") == "alternate"
         and (href := (element.get("href") or "").strip())), "")
    bodies = [first(CONTENT), first("description", f"{RSS1}description"), first(f"{ATOM}content"), first(f"{ATOM}summary")]
    moment = publication_moment(first("pubDate", DUBLIN_CORE_DATE, f"{ATOM}published", f"{ATOM}updated"))
    return Document(text=max((_plain(body) for body in bodies), key=len), id=first("guid", f"{ATOM}id") or link or default_id,
                    title=_plain(first("title", f"{RSS1}title", f"{ATOM}title")), source=outlet_from_url(link) or feed_title,
                    url=link, published=moment.date().isoformat() if moment else "")


def _text(element: Any) -> str:
    """An element's text, its children's included, stripped; '' for none."""
    return "".join(element.itertext()).strip() if element is not None else ""


def _plain(fragment: str) -> str:
    """An item's HTML (or plain text) as plain text: a paragraph for each block, scripts and styles left out,
    references decoded."""
    if "<" not in fragment:
        return unescaped(fragment).strip()
    import lxml.html

    tree = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in tree.iter():
        if element.tag in ("script", "style"):
            element.drop_tree()
        elif element.tag in BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    return "\n\n".join(" ".join(block.split()) for block in tree.text_content().split("\n\n") if block.strip())
