"""A news site on 127.0.0.1 for the watch tests: feeds, sitemaps, pages and robots.txt, all
written here, served by http.server in a thread. Each route is a function of the request
count so far, so a test can script "500, then 200" or "hang"."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """What a route answers: status, headers, body (``hang`` seconds of silence first)."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    hang: float = 0.0
    stream: int = 0  # bytes of filler sent with no Content-Length (a huge response)


Route = Callable[[int, dict[str, str]], Reply]


class Site:
    """Routes by path; ``hits`` counts requests per path, ``requests`` keeps their headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.base = ""
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, title: str, body: str | None = None) -> None:
        self.routes[path] = lambda _n, _h: Reply(article_html(title, body).encode())

    def fixed(self, path: str, reply: Reply) -> None:
        self.routes[path] = lambda _n, _h: reply


def article_html(title: str, body: str | None = None) -> str:
    """A news page with a headline and three paragraphs that mention the title (so texts differ)."""
    text = body or (
        f"The council of Riverton voted on Tuesday on {title.lower()}, after a long debate in the town hall. "
        f"Mayor Anna Keller said the decision would shape the town for a decade. "
        f"Officials said 42 families had written to the council about {title.lower()} this year."
    )
    paragraphs = "".join(f"<p>{sentence.strip()}.</p>" for sentence in text.split(". ") if sentence.strip())
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}<p>More reporting on {title.lower()} will follow as the story develops in Riverton.</p>"
        "</article></body></html>"
    )


def rss(site: Site, paths: list[str], title: str = "Riverton News") -> bytes:
    items = "".join(
        f"<item><title>Story {path}</title><link>{site.url(path)}</link><guid>{site.url(path)}</guid></item>"
        for path in paths
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{site.url('/')}</link><description>news</description>{items}</channel></rss>"
    ).encode()


def atom(site: Site, urls: list[str]) -> bytes:
    entries = "".join(
        f'<entry><title>{url}</title><id>{url}</id><link rel="alternate" href="{url}"/>'
        "<updated>2026-12-01T08:00:00Z</updated></entry>"
        for url in urls
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        f"<id>{site.url('/atom')}</id><updated>2026-12-01T08:00:00Z</updated>{entries}</feed>"
    ).encode()


def sitemap(urls: list[str], *, news: bool = False) -> bytes:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    extra = "<news:news><news:publication_date>2026-12-01T08:00:00Z</news:publication_date></news:news>"
    rows = "".join(f"<url><loc>{url}</loc>{extra if news else ''}</url>" for url in urls)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>'
        f"{rows}</urlset>"
    ).encode()


def sitemap_index(urls: list[str]) -> bytes:
    rows = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{rows}</sitemapindex>"
    ).encode()


def xml(body: bytes) -> Reply:
    return Reply(body, headers={"Content-Type": "application/xml"})


def gzipped(body: bytes) -> Reply:
    return Reply(gzip.compress(body), headers={"Content-Type": "application/x-gzip"})


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with site.lock:
                site.hits[self.path] += 1
                count = site.hits[self.path]
            route = site.routes.get(self.path)
            reply = route(count, dict(self.headers)) if route else Reply(b"not here", 404)
            # the client may give up (a size cap or a timeout): what the test wants
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._send(reply)

        def _send(self, reply: Reply) -> None:
            if reply.hang:
                time.sleep(reply.hang)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if not reply.stream:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
            filler = b"x" * 65536
            for _ in range(reply.stream // len(filler)):
                self.wfile.write(filler)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve ``site`` on a free port of 127.0.0.1 for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
