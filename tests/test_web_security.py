"""The web desk's defences: escaping, CSP, no inline script, limits, read-only, no fetching, loopback."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import web_data
from newsdesk.cli import app as cli_app
from newsdesk.record import Article, Cue, Entity, Quote, Span, Speaker
from newsdesk.store import Store
from newsdesk.web import common
from newsdesk.web.app import Settings, create_app
from newsdesk.web.data import Desk
from newsdesk.web.render import render_article
from newsdesk.web.security import CONTENT_SECURITY_POLICY, Message, Receive, Scope, Send, TimeLimit


class Tags(HTMLParser):
    """Every start tag with its attributes, every script's body, and whether end tags balance."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.balanced = True
        self.script_bodies: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.balanced = False

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "script":
            self.script_bodies.append(data)
        self.text.append(data)


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return web_data.build_store(tmp_path_factory.mktemp("websec") / "desk.db")


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(store_path), max_upload_bytes=50_000))) as test_client:
        yield test_client


def hostile_key(client: TestClient) -> str:
    return next(row["key"] for row in client.get("/api/articles").json() if row["site"].startswith("evil"))


def assert_inert(html: str) -> None:
    """No element a page's text could have created: no script but ours, no handler, no javascript: link."""
    tags = parse(html)
    assert tags.balanced
    for tag, attrs in tags.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert tag not in {"img", "iframe", "object", "embed", "b"}, tag
        assert "style" not in attrs, (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript:"), attrs
        if tag == "script":
            assert attrs.get("src") == "/static/desk.js"
    assert not "".join(tags.script_bodies).strip()


@pytest.mark.parametrize(
    "path",
    ["/", "/search?q=bullied", "/search?q=pwned", "/speakers", "/claims?about=pwned", "/claims?about=euros", "/alerts"],
)
def test_listings_escape_page_text(client: TestClient, path: str) -> None:
    html = client.get(path).text
    assert_inert(html)


def test_hostile_article_shows_payloads_as_text(client: TestClient) -> None:
    key = hostile_key(client)
    html = client.get(f"/articles/{key}").text
    assert_inert(html)
    text = unescape("".join(parse(html).text))
    assert web_data.XSS_SCRIPT in text and web_data.XSS_IMG in text
    assert "&lt;script&gt;window.__pwned" in html
    assert "javascript:alert(4)" not in html  # the stored URL is not made a link
    speaker = client.get("/api/speakers", params={"limit": 200}).json()
    evil = next(row for row in speaker if "Hartmann" in row["name"])
    assert_inert(client.get(f"/entities/{evil['entity_id']}").text)


def test_alert_feed_carries_page_text_as_text(client: TestClient) -> None:
    feed = feedparser.parse(client.get("/alerts/budget.atom").content)
    assert not feed.bozo
    [entry] = feed.entries
    assert entry.title == f"Council row {web_data.XSS_SCRIPT} over budget"
    assert all(link.href.startswith("http://testserver/") for link in entry.links if link.rel == "alternate")
    assert not any(link.href.startswith("javascript:") for link in entry.links)


def test_every_response_carries_the_csp(client: TestClient) -> None:
    for path in ("/", "/api/articles", "/static/desk.css", "/nope", "/api/nope", "/search?since=x"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY and "script-src 'self'" in CONTENT_SECURITY_POLICY


def test_highlighting_escapes_each_piece_and_nests() -> None:
    text = "Title <i>\n\nThe <b>chief</b> said “a & b <script>x</script>” and left."
    speaker = text.index("chief")
    quote = Span(text.index("a & b"), text.index("</script>") + len("</script>"))
    article = Article(
        id="x", text=text, body_start=text.index("The"), input_format="article",
        entities=[Entity("E1", "chief", "PERSON", mentions=[Span(speaker - 3, speaker + 9)])],
        quotes=[Quote("Q1", Speaker("E1", "chief", speaker - 3, speaker + 9), Cue(quote.start - 6, quote.start - 2,
                "said", "say"), [Span(quote.start - 2, quote.end - 3)], "direct", "say")],
    )  # fmt: skip
    rendered = render_article(article, link_entity=lambda local: f"/entities/{local}?a=1&b=<2>")
    html = str(rendered.headline) + str(rendered.body)
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    tags = parse(html)
    assert tags.balanced
    assert 'href="/entities/E1?a=1&amp;b=&lt;2&gt;"' in html
    assert unescape("".join(tags.text)).strip() == text.replace("\n\n", "")


def test_body_size_limit(client: TestClient) -> None:
    response = client.post("/api/extract", data={"text": "x" * 60_000})
    assert response.status_code == 413
    assert client.post("/try", files={"upload": ("big.html", b"<p>" + b"y" * 60_000, "text/html")}).status_code == 413


def test_a_chunked_body_over_the_limit_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"text="
        for _ in range(8):
            yield b"z" * 10_000

    response = client.post(
        "/api/extract", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 413 and "larger than" in response.json()["detail"]


def test_a_bug_answers_500_with_the_security_headers(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(Store, "stats", broken)
    response = client.get("/")
    assert response.status_code == 500 and response.json()["detail"].startswith("internal error")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path", ["/entities/9223372036854775808", "/speakers/99999999999999999999999", "/articles/99999999999999999999999",
             "/claims?about='", "/api/articles/99999999999999999999999", "/search?speaker=" + "x" * 20_000],
)  # fmt: skip
def test_out_of_range_ids_and_odd_text_are_never_5xx(client: TestClient, path: str) -> None:
    assert client.get(path).status_code < 500


def test_time_limit_answers_503() -> None:
    async def slow(scope: Scope, receive: Receive, send: Send) -> None:
        await asyncio.sleep(30)

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    asyncio.run(TimeLimit(slow, seconds=0.05)({"type": "http"}, receive, send))
    assert sent[0]["status"] == 503


def test_read_only_by_default(client: TestClient, store_path: Path) -> None:
    desk = Desk(store_path)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        desk.store().db.execute("DELETE FROM articles")
    assert client.post("/api/extract", data={"text": "a\n" * 30, "store": "true"}).status_code == 403
    assert len(client.get("/api/articles").json()) == 4


def test_no_fetching_unless_allowed(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(url: str, *, max_bytes: int) -> bytes:
        raise AssertionError(f"fetched {url}")

    monkeypatch.setattr(common, "fetch", refuse)
    assert client.post("/api/extract", data={"url": "http://127.0.0.1:9/page"}).status_code == 403
    assert client.post("/try", data={"url": "http://127.0.0.1:9/page"}).status_code == 403
    assert client.post("/api/extract", data={"url": "file:///etc/passwd"}).status_code == 422


def test_pasted_path_is_text_not_a_file(client: TestClient) -> None:
    response = client.post("/api/extract", data={"text": "/etc/passwd"})
    assert response.status_code == 422
    assert "root:" not in response.text


def test_search_input_is_data_not_sql(client: TestClient) -> None:
    for q in ("'; DROP TABLE articles; --", 'Daesh" OR 1=1 --', "title:x NEAR(a b)"):
        assert client.get("/api/search", params={"q": q}).status_code == 200
    assert client.get("/api/search", params={"site": "x' OR '1'='1"}).json()["total"] == 0
    assert len(client.get("/api/articles").json()) == 4


def test_serve_binds_loopback_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, object] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: seen.update(options))
    Store.open(tmp_path / "s.db").close()  # serve reads a store; it creates none (unless --allow-ingest)
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
