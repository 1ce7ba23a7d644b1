"""Fetching the pages of URLs for a summary, without letting a client reach what is not public.

A URL is fetched only when its host is a public address: a name is resolved and every address it
resolves to must be public (not loopback, private, link-local, multicast, reserved, shared, documentation,
benchmarking, unspecified, nor an IPv6 form of one of those), and the connection is then made to the
address that was checked (the name still goes in the Host header and in TLS's SNI and certificate check),
so a name that resolves differently a moment later cannot slip through. Each redirect is checked the same
way. Hosts named by ``allow`` (as written in the URL) are fetched whatever their address, on any port;
other hosts only on ports 80 and 443.

    address_problem("10.0.0.1")        -> "a private address"
    address_problem("93.184.216.34")   -> None
    await public_addresses("localhost", 80)  -> raises Refused (loopback)
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable

import httpx

from ..io.fetch import USER_AGENT, address_problem
from .config import normal_host
from .errors import ServiceError
from .tasks import Page

Resolver = Callable[[str, int], Awaitable[list[str]]]
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
DEFAULT_PORTS = {"http": 80, "https": 443}
FETCHES_AT_ONCE = 16  # for the whole service


class Refused(ServiceError):
    """A URL that is not fetched: not http(s), credentials in it, a port other than 80/443, or an address
    that is not public."""

    def __init__(self, message: str):
        super().__init__(422, message, "url_refused")

    def __reduce__(self) -> tuple:
        return (Refused, (self.message,))


async def system_resolver(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to (the system's resolver, off the event loop)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


async def public_addresses(host: str, port: int, resolver: Resolver = system_resolver) -> list[str]:
    """The addresses of ``host`` (a name or an address), all public; raises Refused when any is not, or
    when it does not resolve."""
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = await resolver(host, port)
        except (OSError, UnicodeError) as err:
            raise Refused(f"{host}: the name does not resolve ({getattr(err, 'strerror', None) or err})") from None
    if not addresses:
        raise Refused(f"{host}: the name does not resolve")
    for address in addresses:
        problem = address_problem(address.split("%", 1)[0])  # an IPv6 zone index names a link: link-local anyway
        if problem:
            shown = f"{host} is" if host == address else f"{host} resolves to {address},"
            raise Refused(f"{shown} {problem}; only public addresses are fetched")
    return addresses


class Fetcher:
    """Fetches pages with httpx: a time limit per page, a size limit, a redirect limit, text or HTML only,
    and public addresses only (see the module's doc) except for the ``allow``ed hosts."""

    def __init__(self, allow: Iterable[str] = (), timeout: float = 10.0, max_bytes: int = 5 * 1024 * 1024,
                 max_redirects: int = 5, resolver: Resolver = system_resolver):
        self.allow = frozenset(normal_host(host) for host in allow)
        self.timeout, self.max_bytes, self.max_redirects = timeout, max_bytes, max_redirects
        self.resolver = resolver
        self.client = httpx.AsyncClient(
            follow_redirects=False, trust_env=False,  # no proxy from the environment: it would resolve names itself
            timeout=httpx.Timeout(timeout), limits=httpx.Limits(max_connections=64, max_keepalive_connections=16),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"},
        )
        self.gate = asyncio.Semaphore(FETCHES_AT_ONCE)

    async def aclose(self) -> None:
        await self.client.aclose()

    async def fetch_all(self, urls: list[str]) -> list[Page]:
        """The pages of ``urls``, fetched at once, in order; the first failure is raised."""
        return list(await asyncio.gather(*(self.fetch(url) for url in urls)))

    async def fetch(self, url: str) -> Page:
        """The page at ``url``; raises Refused (422), ServiceError 502 (fetch_failed) or 504 (fetch_timeout)."""
        async with self.gate:
            try:
                async with asyncio.timeout(self.timeout):
                    return await self._fetch(url)
            except (TimeoutError, httpx.TimeoutException):
                raise ServiceError(504, f"{url}: no answer within {self.timeout:g} s", "fetch_timeout") from None

    async def _fetch(self, url: str) -> Page:
        current = self._parse(url, url)
        for _ in range(self.max_redirects + 1):
            request = await self._request(current, url)
            try:
                response = await self.client.send(request, stream=True)
            except httpx.TimeoutException:
                raise
            except httpx.HTTPError as err:
                raise ServiceError(502, f"{_shown(current, url)}: could not be fetched ({type(err).__name__})", "fetch_failed") from None
            try:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    current = self._parse(str(current.join(location)), url)
                    continue
                return await self._page(url, current, response)
            finally:
                await response.aclose()
        raise ServiceError(502, f"{url}: more than {self.max_redirects} redirects", "fetch_failed")

    def _parse(self, address: str, asked: str) -> httpx.URL:
        try:
            url = httpx.URL(address)
        except (httpx.InvalidURL, ValueError, TypeError):
            raise Refused(f"{_named(address, asked)}: not a valid URL") from None
        if url.scheme not in DEFAULT_PORTS or not url.raw_host:
            raise Refused(f"{_named(address, asked)}: only http and https URLs are fetched")
        if url.userinfo:
            raise Refused(f"{_named(address, asked)}: URLs with a user name or password are not fetched")
        return url

    def _allowed(self, url: httpx.URL) -> bool:
        return bool({normal_host(url.host), normal_host(url.raw_host.decode("ascii"))} & self.allow)

    async def _request(self, url: httpx.URL, asked: str) -> httpx.Request:
        """A GET of ``url``, pinned to the public address its host was checked to have."""
        if self._allowed(url):
            return self.client.build_request("GET", url)
        host = url.raw_host.decode("ascii")
        port = url.port or DEFAULT_PORTS[url.scheme]
        try:
            address = (await public_addresses(host, port, self.resolver))[0]
        except Refused as err:
            raise Refused(f"{_named(str(url), asked)}: {err.message}") from None
        if url.port not in (None, *DEFAULT_PORTS.values()):
            raise Refused(f"{_named(str(url), asked)}: only ports 80 and 443 are fetched")
        netloc = url.netloc.decode("ascii")
        extensions = {"sni_hostname": host} if url.scheme == "https" else {}
        return self.client.build_request("GET", url.copy_with(host=address), headers={"Host": netloc}, extensions=extensions)

    async def _page(self, asked: str, url: httpx.URL, response: httpx.Response) -> Page:
        where = _shown(url, asked)
        if response.status_code != 200:
            raise ServiceError(502, f"{where}: the server answered HTTP {response.status_code}", "fetch_failed")
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type not in TEXT_TYPES:
            raise ServiceError(502, f"{where}: {media_type or 'no content type'}, not an HTML or text page", "fetch_failed")
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise ServiceError(502, f"{where}: the page is larger than {self.max_bytes} bytes", "fetch_failed")
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body.extend(chunk)
            if len(body) > self.max_bytes:
                raise ServiceError(502, f"{where}: the page is larger than {self.max_bytes} bytes", "fetch_failed")
        return Page(asked, str(url), media_type, response.charset_encoding, bytes(body))


def _named(address: str, asked: str) -> str:
    return address if address == asked else f"{address} (redirected from {asked})"


def _shown(url: httpx.URL, asked: str) -> str:
    return _named(str(url), asked)
