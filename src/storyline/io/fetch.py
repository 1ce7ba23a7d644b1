"""Fetching the page of a URL given on the command line, with httpx: the article of a web page or of a
text, read in the charset the server names, or one message that says why there is none."""

from __future__ import annotations

import ipaddress
import socket
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..errors import InputError
from ..model import Document
from ..text.html import document_from_html, document_from_text
from .decode import decoded

if TYPE_CHECKING:
    import httpx

TIMEOUT = 20.0  # seconds to connect, and between two reads
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "storyline (news summarizer; +https://pypi.org/project/storyline/)"


def fetch_url(url: str) -> Document:
    """The article of the page at ``url`` (HTML, or any text: plain, Markdown, a feed). A URL whose own host
    is on this machine or an intranet is fetched, as the user typed it; a public page is not let redirect
    there. Raises InputError naming the URL and the reason (the server's HTTP status, a refused connection,
    no answer in time, too many redirects, too large, not text)."""
    import httpx  # only when a URL is given: it takes a tenth of a second to load

    may_be_private = _names_a_private_host(url)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/*;q=0.9"}
    address = url
    try:
        with httpx.Client(headers=headers, timeout=TIMEOUT, follow_redirects=False) as client:
            for _ in range(MAX_REDIRECTS + 1):
                with client.stream("GET", address) as response:
                    if not response.is_redirect:
                        return _document(url, response)
                    address = str(response.url.join(response.headers.get("location", "")))
                if not may_be_private and _names_a_private_host(address):
                    raise InputError(f"{url}: redirected to {address}, an address on this machine or a private network")
    except httpx.TimeoutException:
        raise InputError(f"{url}: no answer within {TIMEOUT:g} s") from None
    except httpx.HTTPError as err:
        raise InputError(f"{url}: could not download the page ({_reason(err)})") from None
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _document(url: str, response: httpx.Response) -> Document:
    """The article of a page's ``response`` to the GET of ``url``."""
    final = str(response.url)
    where = url if final == url else f"{url} (redirected to {final})"
    if response.status_code != 200:
        raise InputError(f"{where}: the server answered HTTP {response.status_code} {response.reason_phrase}".rstrip())
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type and not (media_type.startswith("text/") or media_type in HTML_TYPES or media_type.endswith("+xml")):
        raise InputError(f"{where}: {media_type}, not an HTML or text page")
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > MAX_BYTES:
            raise InputError(f"{where}: the page is larger than {MAX_BYTES // (1024 * 1024)} MB")
    text = decoded(bytes(body), where, response.charset_encoding)
    if media_type in HTML_TYPES:
        return document_from_html(text, url, url=final)
    return document_from_text(text, url, url=final)


def _reason(err: httpx.HTTPError) -> str:
    """What went wrong, in a few words: "connection refused", "name not resolved", else the error's own words."""
    words = str(err) or type(err).__name__
    if "refused" in words.lower():
        return "connection refused"
    if "name or service not known" in words.lower() or "nodename nor servname" in words.lower():
        return "the name does not resolve"
    return words


def _names_a_private_host(url: str) -> bool:
    """Whether the host of ``url`` is, or resolves only to, addresses that are not public (loopback, private,
    link-local ...); False when it cannot be resolved."""
    host = urlsplit(url).hostname or ""
    try:
        addresses = {str(info[4][0]) for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False
    return bool(addresses) and not any(ipaddress.ip_address(address.split("%")[0]).is_global for address in addresses)
