"""A polite, guarded HTTP client: timeouts and a total deadline, retries with back-off, a per-host
rate limit, conditional GET, a bounded body, and no requests to private addresses.

Guards (issue #22):
- only http and https, checked on the URL given and on every redirect (followed here, one hop
  at a time, at most `max_redirects`); a bad `Location` is one failed fetch, not a crash;
- the host's addresses are checked after DNS, and the address actually connected to after
  the connection, on every hop: loopback, private, link-local, multicast, reserved and
  unspecified addresses are refused unless `allow_private` (for local testing);
- the body is read in chunks (compressed bodies inflated with a bounded output) and
  reading stops past `max_bytes` (`Fetched.truncated`);
- `deadline` seconds for the whole fetch, redirects and retries included; setting `stop`
  (SIGTERM/SIGINT in `tidings watch`) ends a fetch within a fraction of a second.
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

__all__ = ["Fetcher", "Fetched", "FetchError", "check_address"]

USER_AGENT = "tidings-watch/0.1 (+https://github.com/tidings/tidings)"
_CHUNK = 64 * 1024


class FetchError(Exception):
    pass


class Refused(FetchError):
    """A fetch that must not be tried again: a refused address or scheme, a bad URL or redirect."""


@dataclass
class Fetched:
    url: str
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    truncated: bool = False  # the body went past max_bytes; `content` holds the first max_bytes

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_address(host: str, port: int | None, *, allow_private: bool = False) -> None:
    """Raise Refused when `host` is, or resolves to, an address a watch must not reach."""
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port or 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(f"cannot resolve {host!r}: {exc}") from None
    for info in infos:
        _check_ip(info[4][0], host)


def _check_ip(address: str, host: str) -> None:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved \
            or ip.is_unspecified or not ip.is_global:
        raise Refused(f"{host} resolves to {ip}, a loopback, private or link-local address: refused "
                      "(use --allow-private-addresses for local testing)")


@dataclass
class Fetcher:
    timeout: float = 20.0  # seconds for connecting and for each read
    deadline: float = 60.0  # seconds for a whole fetch: redirects, retries and the body
    retries: int = 3
    backoff: float = 0.5  # seconds, doubled after each failed try
    per_host_interval: float = 1.0  # at least this many seconds between two requests to one host
    max_bytes: int = 10_000_000
    max_redirects: int = 10
    allow_private: bool = False  # True lets fetches reach loopback/private addresses (local testing)
    stop: threading.Event | None = None  # set: the fetch in hand ends at once
    _last: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self.timeout, follow_redirects=False,
                                        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"})
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _stopped(self) -> bool:
        return self.stop is not None and self.stop.is_set()

    def _pause(self, seconds: float, end: float) -> None:
        seconds = min(seconds, max(0.0, end - time.monotonic()))
        if seconds > 0:
            (self.stop or threading.Event()).wait(seconds)

    def _wait_turn(self, url: str, end: float) -> None:
        host = urlsplit(url).netloc
        self._pause(self._last.get(host, 0.0) + self.per_host_interval - time.monotonic(), end)
        self._last[host] = time.monotonic()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET with If-None-Match / If-Modified-Since; retries 5xx, 429 and network errors; raises FetchError.

        The work runs in a helper thread so that the deadline and `stop` end the wait promptly
        even while a read is blocked; the helper then stops at its next chunk or read timeout.
        """
        cancel = threading.Event()
        box: dict = {}
        end = time.monotonic() + self.deadline

        def run() -> None:
            try:
                box["value"] = self._get(url, etag, last_modified, end, cancel)
            except FetchError as exc:  # handed to the caller's thread
                box["error"] = exc
            except Exception as exc:  # whatever a hostile server makes the client raise: one failed fetch
                box["error"] = FetchError(f"{url}: {type(exc).__name__}: {exc}")

        worker = threading.Thread(target=run, name="tidings-fetch", daemon=True)
        worker.start()
        while worker.is_alive():
            worker.join(0.05)
            if self._stopped():
                cancel.set()
                raise FetchError(f"{url}: interrupted")
            if time.monotonic() > end + 0.5:
                cancel.set()
                raise FetchError(f"{url}: no complete answer within the {self.deadline:g} s deadline")
        if "error" in box:
            raise box["error"]
        return box["value"]

    def _get(self, url: str, etag, last_modified, end: float, cancel: threading.Event) -> Fetched:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        delay, last_error = self.backoff, "no attempt"
        for attempt in range(self.retries):
            if cancel.is_set():
                break
            try:
                fetched = self._follow(url, headers, end, cancel)
            except Refused as exc:
                raise Refused(f"{url}: {exc}") from None
            except (httpx.HTTPError, httpx.InvalidURL, httpx.CookieConflict, ValueError, OSError) as exc:
                last_error = f"{type(exc).__name__}: {exc}"
            else:
                if isinstance(fetched, Fetched):
                    return fetched
                last_error = f"HTTP {fetched}"
                if fetched < 500 and fetched != 429:
                    break  # a client error will not mend itself
            if attempt + 1 < self.retries:
                self._pause(delay, end)
                delay *= 2
            if time.monotonic() >= end:
                last_error += f" (deadline of {self.deadline:g} s reached)"
                break
        raise FetchError(f"{url}: {last_error}")

    def _follow(self, url: str, headers: dict, end: float, cancel: threading.Event) -> Fetched | int:
        """One try: follow redirects hop by hop, each checked; a Fetched, or the failing status code."""
        current = url
        for _hop in range(self.max_redirects + 1):
            target = self._checked(current)
            self._wait_turn(current, end)
            client = self.client()
            request = client.build_request("GET", target, headers=headers,
                                           timeout=max(0.1, min(self.timeout, end - time.monotonic())))
            try:
                response = client.send(request, stream=True)
            except httpx.InvalidURL as exc:  # httpx reads Location itself, and rejects a bad one here
                raise Refused(f"bad redirect ({exc})") from None
            try:
                self._check_peer(response, target)
                if response.is_redirect and response.headers.get("location"):
                    try:
                        current = str(target.join(response.headers["location"]))
                    except (httpx.InvalidURL, ValueError) as exc:
                        raise Refused(f"bad redirect to {response.headers['location']!r} ({exc})") from None
                    continue
                if response.status_code == 304:
                    return Fetched(current, 304, etag=headers.get("If-None-Match"),
                                   last_modified=headers.get("If-Modified-Since"))
                if response.status_code >= 400:
                    return response.status_code
                content, truncated = self._body(response, end, cancel)
                return Fetched(current, response.status_code, content, response.headers.get("content-type", ""),
                               response.headers.get("etag"), response.headers.get("last-modified"), truncated)
            finally:
                response.close()
        raise Refused(f"more than {self.max_redirects} redirects")

    def _checked(self, url: str) -> httpx.URL:
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            raise Refused(f"not a valid URL {url!r} ({exc})") from None
        if parsed.scheme not in ("http", "https"):
            raise Refused(f"not an http(s) URL: {url!r}")
        if not parsed.host:
            raise Refused(f"no host in {url!r}")
        check_address(parsed.host, parsed.port, allow_private=self.allow_private)
        return parsed

    def _check_peer(self, response: httpx.Response, target: httpx.URL) -> None:
        """The address actually connected to (DNS may answer differently the second time)."""
        if self.allow_private:
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer:
            _check_ip(peer[0], target.host)

    def _body(self, response: httpx.Response, end: float, cancel: threading.Event) -> tuple[bytes, bool]:
        """The body, inflated in bounded steps, cut at max_bytes; raises FetchError past the deadline."""
        encoding = response.headers.get("content-encoding", "").strip().lower()
        inflate = zlib.decompressobj(wbits=47) if encoding in ("gzip", "x-gzip", "deflate") else None
        chunks = response.iter_raw(_CHUNK) if inflate is not None or encoding in ("", "identity") \
            else response.iter_bytes(_CHUNK)
        out = bytearray()
        limit = self.max_bytes
        for raw in chunks:
            if cancel.is_set() or time.monotonic() > end:
                raise FetchError(f"body not read within the {self.deadline:g} s deadline")
            if inflate is None:
                out += raw
            else:
                data = raw
                while data and len(out) <= limit:
                    try:
                        out += inflate.decompress(data, limit + 1 - len(out))
                    except zlib.error as exc:
                        raise FetchError(f"damaged {encoding} body ({exc})") from None
                    data = inflate.unconsumed_tail
            if len(out) > limit:
                return bytes(out[:limit]), True
        return bytes(out), False
