"""Polite HTTP for the watch: one pooled client, robots.txt, a per-host delay, bounded everything.

Every request goes through :meth:`PoliteClient.get`: only http(s); robots.txt checked (fetched
once per host and kept for :data:`ROBOTS_TTL`); at least ``delay`` seconds between two requests
to one host; redirects followed by hand (each hop checked again) at most ``max_redirects``
times; a body read in chunks under a size cap and an overall deadline; 429 and 5xx retried
with exponential backoff (``Retry-After`` honoured), 4xx never. Failures are :class:`FetchError`
with a one-line reason and whether trying again later could help.
"""

from __future__ import annotations

import email.utils
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from newsdesk import __version__
from newsdesk.errors import InputError
from newsdesk.read.decode import human_size

# A clear User-Agent that says what is asking; a desk adds its own name and contact (--user-agent).
# The project publishes no URL to point to, so none is invented here.
USER_AGENT = f"newsdesk/{__version__} (news monitoring; polite: robots.txt, 1 request/s per host)"
# A robots.txt is re-read after an hour: sites change it rarely, and a long watch should notice.
ROBOTS_TTL = 3600.0
# One that could not be read (no answer, a 5xx) forbids the host for ten minutes, two passes at the
# default interval: long enough not to hammer a sick server, short enough to resume the same hour.
ROBOTS_ERROR_TTL = 600.0
# Longest Retry-After obeyed within a pass; a longer one fails the fetch for this pass (retried next).
MAX_RETRY_AFTER = 120.0
_CHUNK = 64 * 1024
_FORBID_ALL = ["User-agent: *", "Disallow: /"]


class FetchError(InputError):
    """A fetch that gave nothing usable; ``transient`` when a later attempt may succeed."""

    def __init__(self, reason: str, *, transient: bool = False, status: int | None = None) -> None:
        super().__init__(reason)
        self.transient = transient
        self.status = status


@dataclass(frozen=True, slots=True)
class Politeness:
    """How the watch treats the sites it reads. Defaults chosen for a desk polling a few dozen sites."""

    user_agent: str = USER_AGENT
    delay: float = 1.0  # seconds between requests to one host: the common crawl-delay courtesy
    timeout: float = 20.0  # seconds for connect, each read, and a whole response (ingest's fetch uses 20)
    max_bytes: int = 10 * 1024 * 1024  # newsdesk.read's page limit: no news page or feed is larger
    retries: int = 2  # after the first try: 3 tries ride out a restart without hammering a sick server
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_redirects: int = 5  # a chain longer than http→https→www→canonical is a loop or a trap


@dataclass(frozen=True, slots=True)
class Validators:
    """A feed's ETag and Last-Modified from its last fetch, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class Fetched:
    """A response: the final URL, its content type, body and validators; ``body`` is empty for a 304."""

    url: str
    status: int
    content_type: str
    body: bytes = b""
    validators: Validators = field(default_factory=Validators)
    retry_after: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(slots=True)
class _Robots:
    """A host's robots.txt rules, or why they could not be read (then the host is not fetched)."""

    parser: urllib.robotparser.RobotFileParser
    read_at: float
    error: str | None = None

    def expired(self) -> bool:
        return time.monotonic() - self.read_at > (ROBOTS_ERROR_TTL if self.error else ROBOTS_TTL)


class PoliteClient:
    """One connection pool for the whole watch, with per-host robots.txt and timing state."""

    def __init__(self, politeness: Politeness = Politeness()) -> None:
        self.politeness = politeness
        timeout = httpx.Timeout(politeness.timeout)
        self._http = httpx.Client(
            timeout=timeout, follow_redirects=False, headers={"User-Agent": politeness.user_agent}
        )
        self._robots: dict[str, _Robots] = {}
        self._last_request: dict[str, float] = {}

    def close(self) -> None:
        self._http.close()

    def get(self, url: str, validators: Validators = Validators()) -> Fetched:
        """GET ``url`` politely, following redirects; raises :class:`FetchError`."""
        try:
            return self._follow(url, validators)
        except (ValueError, httpx.InvalidURL) as exc:  # a link no URL parser accepts ("http://[x")
            raise FetchError(f"not a valid URL: {' '.join(str(exc).split())[:200]}") from None

    def _follow(self, url: str, validators: Validators) -> Fetched:
        for _hop in range(self.politeness.max_redirects + 1):
            _check_scheme(url)
            if not self.allowed(url):
                raise FetchError("disallowed by robots.txt")
            fetched = self._with_retries(url, validators)
            if fetched.status not in (301, 302, 303, 307, 308):
                return fetched
            url = fetched.url
        raise FetchError(f"more than {self.politeness.max_redirects} redirects")

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets this User-Agent fetch ``url``; raises a transient
        :class:`FetchError` while the host's robots.txt cannot be read."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(host)
        if cached is None or cached.expired():
            cached = self._read_robots(host)
            self._robots[host] = cached
        if cached.error:
            raise FetchError(cached.error, transient=True)
        return cached.parser.can_fetch(self.politeness.user_agent, url)

    def _read_robots(self, host: str) -> _Robots:
        """robots.txt as urllib reads it: 401/403 forbid all, another 4xx allows all, a server
        error or no answer forbids all until it is read again."""
        parser = urllib.robotparser.RobotFileParser(host + "/robots.txt")
        try:
            fetched = self._with_retries(host + "/robots.txt", Validators())
        except FetchError as exc:
            if exc.status is None or exc.status >= 500:
                return _Robots(parser, time.monotonic(), f"robots.txt unreadable, host skipped for now: {exc}")
            parser.parse(_FORBID_ALL if exc.status in (401, 403) else [])
            return _Robots(parser, time.monotonic())
        parser.parse(fetched.body.decode("utf-8", "replace").splitlines() if fetched.status == 200 else [])
        return _Robots(parser, time.monotonic())

    def _with_retries(self, url: str, validators: Validators) -> Fetched:
        """One request, tried again on 429, 5xx and network failures, never on another 4xx."""
        attempt = 0
        while True:
            try:
                fetched = self._once(url, validators)
            except FetchError as exc:
                if not exc.transient or attempt >= self.politeness.retries:
                    raise
                wait = self.politeness.backoff * 2**attempt
            else:
                if fetched.status != 429 and fetched.status < 500:
                    return fetched
                if attempt >= self.politeness.retries:
                    raise FetchError(f"HTTP {fetched.status}", transient=True, status=fetched.status)
                wait = max(self.politeness.backoff * 2**attempt, retry_after_seconds(fetched.retry_after))
                if wait > MAX_RETRY_AFTER:
                    raise FetchError(
                        f"HTTP {fetched.status}, Retry-After {wait:.0f}s", transient=True, status=fetched.status
                    )
            attempt += 1
            time.sleep(wait)

    def _once(self, url: str, validators: Validators) -> Fetched:
        self._wait_turn(url)
        headers = {}
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        deadline = time.monotonic() + self.politeness.timeout
        try:
            with self._http.stream("GET", url, headers=headers) as response:
                return self._read(url, response, deadline)
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.politeness.timeout:g}s", transient=True) from None
        except httpx.HTTPError as exc:
            raise FetchError(
                f"cannot fetch: {' '.join(str(exc).split()) or type(exc).__name__}", transient=True
            ) from None

    def _read(self, url: str, response: httpx.Response, deadline: float) -> Fetched:
        status = response.status_code
        fetched = Fetched(url, status, response.headers.get("Content-Type", "").split(";")[0].strip().lower())
        if status in (301, 302, 303, 307, 308):
            fetched.url = urljoin(url, response.headers.get("Location", ""))
            return fetched
        if status == 429 or status >= 500:
            fetched.retry_after = response.headers.get("Retry-After", "")
            return fetched
        if 400 <= status < 500:
            raise FetchError(f"HTTP {status} {response.reason_phrase}".strip(), status=status)
        fetched.validators = Validators(response.headers.get("ETag"), response.headers.get("Last-Modified"))
        if status == 200:
            fetched.body = self._body(response, deadline)
        return fetched

    def _body(self, response: httpx.Response, deadline: float) -> bytes:
        limit = self.politeness.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"too large ({human_size(int(declared))}, the limit is {human_size(limit)})")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise FetchError(f"too large (over the {human_size(limit)} limit)")
            if time.monotonic() > deadline:
                raise FetchError(f"timed out after {self.politeness.timeout:g}s", transient=True)
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_turn(self, url: str) -> None:
        """Sleep until ``delay`` seconds have passed since the last request to this host."""
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            pause = last + self.politeness.delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()


def _check_scheme(url: str) -> None:
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError(f"not an http(s) URL: {url[:200]}")


def retry_after_seconds(header: str) -> float:
    """Seconds asked for by a Retry-After header (delta-seconds or an HTTP date), 0 when none."""
    value = header.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return 0.0
    return max(0.0, when.timestamp() - time.time())
