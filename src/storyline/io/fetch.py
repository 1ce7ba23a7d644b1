"""Fetching the page of a URL given on the command line, with httpx: the article of a web page or of a
text, read in the charset the server names, or one message that says why there is none."""

from __future__ import annotations

import ipaddress
import socket
import time
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..errors import InputError
from ..model import Document
from ..text.html import document_from_html, document_from_text
from .decode import decoded

if TYPE_CHECKING:
    import httpx

TIMEOUT = 20.0  # seconds to connect, and between two reads
TOTAL_TIME = 60.0  # seconds for the whole page
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "storyline (news summarizer; +https://pypi.org/project/storyline/)"
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Not public, though Python's flags may let some of them through (as of 3.11).
NOT_PUBLIC = [ipaddress.ip_network(net) for net in (
    "0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "198.18.0.0/15",
    "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32",
    "::/96", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
    "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
)]
REASONS = [("refused", "connection refused"), ("name or service not known", "the name does not resolve"),
           ("name resolution", "the name does not resolve"), ("nodename nor servname", "the name does not resolve"),
           ("no address associated", "the name does not resolve"), ("certificate", "the certificate could not be verified"),
           ("reset by peer", "the connection was reset"), ("unreachable", "the network is unreachable")]


def fetch_url(url: str) -> Document:
    """The article of the page at ``url`` (HTML, or any text: plain or Markdown). A URL whose own host is on
    this machine or an intranet is fetched, as the user typed it; a public page is not let redirect to a host
    with any address that is not public. Proxies of the environment are used, as other command-line tools use
    them. Raises InputError naming the URL and the reason (the server's HTTP status, a refused connection, a
    name that does not resolve, no answer in time, too many redirects, too large, not text, not a URL)."""
    import httpx  # only when a URL is given: it takes a tenth of a second to load

    may_be_private = _names_a_private_host(url)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/*;q=0.9"}
    address, deadline = url, time.monotonic() + TOTAL_TIME
    try:
        with httpx.Client(headers=headers, timeout=TIMEOUT, follow_redirects=False) as client:
            for _ in range(MAX_REDIRECTS + 1):
                with client.stream("GET", address) as response:
                    if not response.is_redirect:
                        return _document(url, response, deadline)
                    address = str(response.url.join(response.headers.get("location", "")))
                if not may_be_private and _has_a_private_address(address):
                    raise InputError(f"{url}: redirected to {address}, an address on this machine or a private network")
    except InputError:
        raise
    except httpx.TimeoutException:
        raise InputError(f"{url}: no answer within {TIMEOUT:g} s") from None
    except httpx.HTTPError as err:
        raise InputError(f"{url}: could not download the page ({_reason(err)})") from None
    except (httpx.InvalidURL, ValueError):
        raise InputError(f"{url}: not a valid URL" + ("" if address == url else f" (redirected to {address})")) from None
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _document(url: str, response: httpx.Response, deadline: float) -> Document:
    """The article of a page's ``response`` to the GET of ``url``, read by ``deadline`` (time.monotonic)."""
    final = str(response.url)
    where = url if final == url else f"{url} (redirected to {final})"
    if response.status_code != 200:
        raise InputError(f"{where}: the server answered HTTP {response.status_code} {response.reason_phrase}".rstrip())
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type and not (media_type.startswith("text/") or media_type in HTML_TYPES):
        raise InputError(f"{where}: {media_type}, not an HTML or text page")
    length = response.headers.get("content-length", "")
    too_large = InputError(f"{where}: the page is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if length.isdigit() and int(length) > MAX_BYTES:
        raise too_large
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > MAX_BYTES:
            raise too_large
        if time.monotonic() > deadline:
            raise InputError(f"{where}: the page took more than {TOTAL_TIME:g} s to arrive")
    text = decoded(bytes(body), where, response.charset_encoding)
    if media_type in HTML_TYPES:
        return document_from_html(text, url, url=final)
    return document_from_text(text, url, url=final)


def _reason(err: httpx.HTTPError) -> str:
    """What went wrong, in a few words ("connection refused", "the name does not resolve", "the certificate
    could not be verified"), else the error's own words."""
    words = (str(err) or type(err).__name__).lower()
    for found, reason in REASONS:
        if found in words:
            return reason
    return str(err) or type(err).__name__


def address_problem(address: str | IPAddress) -> str | None:
    """Why an IP address is not public ("a loopback address", ...), or None when it is."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and address_problem(embedded):
            return f"an IPv6 form of {address_problem(embedded)} ({embedded})"
    for flag, name in (("is_unspecified", "an unspecified"), ("is_loopback", "a loopback"), ("is_link_local", "a link-local"),
                       ("is_multicast", "a multicast"), ("is_private", "a private"), ("is_reserved", "a reserved"),
                       ("is_site_local", "a site-local")):
        if getattr(ip, flag, False):
            return f"{name} address"
    if any(ip in net for net in NOT_PUBLIC if net.version == ip.version) or not ip.is_global:
        return "a special-purpose address, not a public one"
    return None


def _names_a_private_host(url: str) -> bool:
    """Whether the host of ``url`` resolves only to addresses that are not public (see address_problem): the
    user's own machine or intranet; False when it cannot be resolved."""
    problems = [address_problem(address) for address in _addresses(url)]
    return bool(problems) and all(problems)


def _has_a_private_address(url: str) -> bool:
    """Whether the host of ``url`` resolves to any address that is not public (one that resolves to none fails
    to connect)."""
    return any(address_problem(address) for address in _addresses(url))


def _addresses(url: str) -> list[str]:
    """The addresses the host of ``url`` resolves to (an IPv6 zone index left out); none when it does not."""
    try:
        host = urlsplit(url).hostname or ""
        return sorted({str(info[4][0]).split("%")[0] for info in socket.getaddrinfo(host, None)})
    except (OSError, UnicodeError, ValueError):
        return []
