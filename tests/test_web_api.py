"""The web desk's JSON API and pages through FastAPI's test client, over a small hand-built store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
from fastapi.testclient import TestClient

import web_data
from conftest import ArticleBuilder
from newsdesk.record import Tone
from newsdesk.store import Store
from newsdesk.web.app import Settings, create_app
from newsdesk.web.charts import claims_chart, unit_charts
from test_store import scoreboard

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "newsdesk" / "examples"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return web_data.build_store(tmp_path_factory.mktemp("web") / "desk.db")


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(store_path)))) as test_client:
        yield test_client


def keys_by_title(client: TestClient) -> dict[str, str]:
    return {row["title"]: row["key"] for row in client.get("/api/articles").json()}


def test_articles_newest_first_with_counts(client: TestClient) -> None:
    rows = client.get("/api/articles").json()
    assert [row["published_date"] for row in rows] == ["2026-03-05", "2026-03-01", "2026-02-20", "2026-01-10"]
    assert rows[0]["quotes"] == 3 and rows[0]["claims"] == 1
    assert [r["site"] for r in client.get("/api/articles", params={"site": "daily.example"}).json()] == [
        "daily.example"
    ]


def test_article_and_its_record(client: TestClient) -> None:
    key = keys_by_title(client)["UN monitors count fewer Daesh fighters in Afghanistan"]
    found = client.get(f"/api/articles/{key}").json()
    assert found["site"] == "daily.example"
    assert [q["speaker"] for q in found["quotes"]] == ["Zamir Kabulov"]
    record = client.get(f"/api/articles/{key}/record").json()
    assert record == web_data.report().to_dict()
    assert client.get("/api/articles/0123456789abcdef").status_code == 404


def test_speakers_most_quoted_first(client: TestClient) -> None:
    rows = client.get("/api/speakers").json()
    assert rows[0]["name"] == "Zamir Kabulov"
    assert "Russian special envoy for Afghanistan" in rows[0]["titles"]
    found = client.get("/api/speakers/Kabulov").json()
    assert found["entity"]["name"] == "Zamir Kabulov"
    assert {t["title"] for t in found["titles"]} == {"Russian special envoy for Afghanistan", "presidential envoy"}


def test_entities_and_entity(client: TestClient) -> None:
    people = client.get("/api/entities", params={"type": "person"}).json()
    assert {row["name"] for row in people} >= {"Zamir Kabulov", "Zabihullah Mujahid"}
    kabulov = next(row for row in people if row["name"] == "Zamir Kabulov")
    found = client.get(f"/api/entities/{kabulov['entity_id']}").json()
    assert len(found["articles"]) == 3
    assert {c["name"] for c in found["co_mentioned"]} >= {"Afghanistan", "Zabihullah Mujahid"}
    assert client.get("/api/entities/99999").status_code == 404


def test_quotes_filtered_and_searched(client: TestClient) -> None:
    denials = client.get("/api/quotes", params={"stance": "deny-reject"}).json()
    assert {row["speaker"] for row in denials} == {"Zabihullah Mujahid"}
    found = client.get("/api/quotes", params={"q": "threat growing"}).json()
    assert found and "threat" in found[0]["snippet"].lower() and found[0]["score"] is not None
    assert set(found[0]) == set(denials[0])  # one row shape, with or without q
    assert all("threat" in row["content"].lower() for row in found)
    assert denials[0]["snippet"] is None


def test_listings_page_with_link_headers(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2})
    assert len(first.json()) == 2 and 'rel="next"' in first.headers["link"] and "prev" not in first.headers["link"]
    next_url = first.headers["link"].split(">")[0].lstrip("<")
    second = client.get(next_url)
    assert [row["key"] for row in second.json()] == [row["key"] for row in client.get("/api/articles").json()[2:4]]
    assert 'rel="prev"' in second.headers["link"] and 'rel="next"' not in second.headers["link"]
    assert "link" not in client.get("/api/articles").headers  # everything on one page


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/articles/99999999999999999999999", 404),
        ("/api/articles/0000000000000000", 404),
        ("/api/entities/9223372036854775808", 422),
        ("/api/entities/123456", 404),
        ("/api/speakers/99999999999999999999", 404),
        ("/api/articles?since=2016-13-45", 422),
        ("/api/articles?since=2016-02-30", 422),
        ("/api/quotes?until=20160301", 422),
        ("/api/articles?until=2016-03-01T10:00", 422),
        ("/api/articles?country=ZZ", 422),
        ("/api/quotes?stance=shouting", 422),
        ("/api/claims?place=XX", 422),
        ("/api/places/XX1", 404),
        ("/api/alerts/nobody", 404),
        ("/api/articles?limit=500", 422),
        ("/api/speakers?speaker=" + "x" * 30_000, 422),
    ],
)
def test_errors_are_one_line(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    detail = response.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail


def test_date_filters_take_a_leap_day(client: TestClient) -> None:
    assert client.get("/api/articles", params={"since": "2016-02-29"}).status_code == 200


def test_claims_tracker(client: TestClient) -> None:
    rows = client.get("/api/claims", params={"about": "Daesh fighters in Afghanistan", "grouped": "false"}).json()
    assert sorted((row["published_date"], row["value"], row["low"], row["high"]) for row in rows) == [
        ("2026-01-10", 10000.0, None, None),
        ("2026-02-20", None, 4000.0, 6000.0),
        ("2026-03-05", 12500.0, None, None),
    ]
    assert client.get("/api/claims", params={"place": "AF"}).json()
    assert client.get("/api/claims", params={"place": "Afghanistan"}).status_code == 422


def test_places(client: TestClient) -> None:
    rows = {row["country"]: row for row in client.get("/api/places").json()}
    assert rows["AF"]["articles"] == 3 and rows["RU"]["articles"] == 2
    detail = client.get("/api/places/af").json()
    assert detail["country"] == "AF" and len(detail["articles"]) == 3
    assert {p["name"] for p in detail["places"]} == {"Afghanistan"}


def test_search_with_facets_and_total(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "Daesh"}).json()
    assert found["total"] == len(found["hits"]) == 5
    assert {row["value"]: row["n"] for row in found["facets"]["site"]} == {"wire.example": 2, "daily.example": 1}
    narrowed = client.get("/api/search", params={"q": "Daesh", "site": "daily.example"}).json()
    assert narrowed["total"] == 1 and narrowed["hits"][0]["site"] == "daily.example"
    everything = client.get("/api/search").json()
    assert everything["total"] == 4
    assert client.get("/api/search", params={"since": "March"}).status_code == 422


def test_extract_text_and_upload(client: TestClient) -> None:
    text = (EXAMPLES / "harbour_strike.txt").read_text(encoding="utf-8")
    record = client.post("/api/extract", data={"text": text}).json()
    assert record["schema"] == "newsdesk/article@1"
    assert "dockworkers at the port of Marenza" in record["text"]
    with (EXAMPLES / "city_budget.html").open("rb") as page:
        uploaded = client.post("/api/extract", files={"file": ("city_budget.html", page, "text/html")}).json()
    assert uploaded["title"] == "Council approves record budget for flood defences"
    assert client.post("/api/extract", data={"text": ""}).status_code == 422


def test_extract_stores_only_when_allowed(client: TestClient, tmp_path: Path) -> None:
    text = (EXAMPLES / "harbour_strike.txt").read_text(encoding="utf-8")
    assert client.post("/api/extract", data={"text": text, "store": "true"}).status_code == 403
    with TestClient(create_app(Settings(db=str(tmp_path / "w.db"), allow_ingest=True))) as writable:
        response = writable.post("/api/extract", data={"text": text, "store": "true"})
        assert response.status_code == 200 and response.headers["X-Newsdesk-Stored"] == "added"
        assert [row["key"] for row in writable.get("/api/articles").json()] == [response.json()["id"]]


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/entities", "/api/speakers", "/api/quotes", "/api/claims", "/api/places",
                 "/api/search", "/api/extract", "/api/sources", "/api/alerts", "/api/alerts/{name}"):  # fmt: skip
        assert path in paths
    assert "/api/extract" in client.get("/api").text
    spec = client.get("/api/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            ok = operation["responses"].get("200", {}).get("content", {}).get("application/json", {})
            assert ok.get("schema"), f"{method} {path} declares no response model"
            assert "422" in operation["responses"] and "404" in operation["responses"]
    schemas = spec["components"]["schemas"]
    assert schemas["Error"]["properties"]["detail"]["type"] == "string"
    assert "quotes" in schemas["Article"]["properties"]  # the newsdesk/article@1 record type


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search",
        "/search?q=Daesh&kind=quote&sort=newest",
        "/speakers",
        "/claims",
        "/places",
        "/places/AF",
        "/try",
        "/api",
        "/claims?about=Daesh+fighters",
        "/sources",
        "/alerts",
    ],
)
def test_pages_render(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1" in response.text


def test_article_page_highlights_quotes_in_speaker_colours(client: TestClient) -> None:
    key = keys_by_title(client)["Envoy puts Daesh fighters in Afghanistan at 10,000"]
    html = client.get(f"/articles/{key}").text
    by_quote = {quote: colour for colour, quote in re.findall(r'class="quote spk-(c\d)"[^>]*data-quote="(Q\d)"', html)}
    assert set(by_quote) == {"Q1", "Q2", "Q3"}
    assert by_quote["Q1"] == by_quote["Q2"] != by_quote["Q3"]  # Kabulov twice, Mujahid once
    assert 'id="quote-card-Q3"' in html and "deny-reject" in html
    assert f'href="/api/articles/{key}/record"' in html
    assert 'href="https://wire.example/envoy-2026-01-10"' in html
    assert "Share this article" in html  # the removed boilerplate can be shown


def test_speaker_page_and_claims_chart(client: TestClient) -> None:
    kabulov = client.get("/api/speakers").json()[0]["entity_id"]
    html = client.get(f"/entities/{kabulov}").text
    assert "Titles over time" in html and "presidential envoy" in html and "Stance mix" in html
    chart = client.get("/claims", params={"about": "Daesh fighters in Afghanistan"}).text
    wide, narrow = chart.split('id="claims-chart-narrow"')
    assert wide.count("<circle") == 3 and narrow.count("<circle") == 3  # one box per screen width
    assert 'viewBox="0 0 360 ' in narrow
    assert "Zamir Kabulov" in chart and "daily.example" in chart
    assert 'id="subjects-h"' in chart  # the most tracked subjects stay reachable


def test_claims_table_pages_without_a_subject(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsdesk.web.views.CLAIMS_PAGE", 1)
    first = client.get("/claims").text
    assert first.count("<tr>") == 2 and 'rel="next"' in first and "Most tracked subjects" in first
    assert "<svg" not in first  # no subject, no chart: the table is the page
    second = client.get("/claims", params={"page": 2}).text
    assert 'rel="prev"' in second


def test_speakers_paging_says_more_and_back(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsdesk.web.views.PAGE_SIZE", 1)
    first = client.get("/speakers").text
    assert "More →" in first and "Older" not in first
    assert "← Back" in client.get("/speakers", params={"page": 2}).text


def test_speaker_page_pages_quotes_and_shows_tone(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsdesk.web.views.QUOTES_PAGE", 1)
    kabulov = client.get("/api/speakers").json()[0]["entity_id"]
    first = client.get(f"/entities/{kabulov}").text
    assert first.count('<div class="said">') == 1 and 'rel="next"' in first
    assert "Tone over time" in first and 'class="bar tone-bar"' in first
    assert client.get(f"/entities/{kabulov}", params={"page": 2}).text.count('<div class="said">') == 1
    assert len(client.get(f"/api/speakers/{kabulov}").json()["quotes"]) > 1  # the API still lists them all


def test_try_it_renders_extraction(client: TestClient) -> None:
    text = (EXAMPLES / "harbour_strike.txt").read_text(encoding="utf-8")
    html = client.post("/try", data={"text": text}).text
    assert "Not stored." in html and "Marenza" in html
    assert client.post("/try", data={"text": ""}).status_code == 422


def test_html_errors_for_pages_json_for_api(client: TestClient) -> None:
    page = client.get("/articles/nope")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    api = client.get("/api/articles/nope")
    assert api.status_code == 404 and api.json() == {"detail": "no such article"}


def test_facets_count_over_a_sample_when_many_match(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsdesk.store.facets.FACET_SAMPLE", 2)
    found = client.get("/api/search", params={"q": "Daesh"}).json()
    assert (found["total"], found["articles"], found["facets_over"]) == (5, 3, 2)
    assert sum(row["n"] for row in found["facets"]["site"]) == 2
    assert "Counts over the 2 most recently added of 3 matching articles" in client.get("/search?q=Daesh").text


def test_every_endpoint_on_both_backends(store_url: str) -> None:
    """The desk's own queries (facets, listings) and the read-only handles on SQLite and PostgreSQL."""
    web_data.build_store(store_url)
    with TestClient(create_app(Settings(db=store_url))) as desk:
        found = desk.get("/api/search", params={"q": "Daesh", "stance": "say"}).json()
        assert found["total"] >= 1 and {row["value"] for row in found["facets"]["stance"]} >= {"say"}
        assert desk.get("/api/search").json()["total"] == 4
        assert {row["value"] for row in desk.get("/api/search", params={"q": "Daesh"}).json()["facets"]["country"]} == {
            "AF",
            "RU",
        }
        assert len(desk.get("/api/entities", params={"name": "kabulov"}).json()) == 1
        assert desk.get("/api/quotes", params={"speaker": "Mujahid"}).json()[0]["stance"] == "deny-reject"
        assert desk.get("/api/places/AF").json()["places"][0]["name"] == "Afghanistan"
        for path in ("/", "/search?q=Daesh", "/claims", "/places", "/entities/1", "/speakers"):
            assert desk.get(path).status_code == 200, path
        key = desk.get("/api/articles").json()[0]["key"]
        assert desk.get(f"/articles/{key}").status_code == 200
        handle = desk.app.state.desk.store()
        with pytest.raises(Exception, match=r"(?i)read.?only"):
            handle.db.execute("DELETE FROM ingest_errors")


def test_claims_tracker_switch_shows_every_claim(tmp_path: Path) -> None:
    with Store.open(tmp_path / "board.db") as db:
        db.add(scoreboard())
    with TestClient(create_app(Settings(db=str(tmp_path / "board.db")))) as board:
        assert [r["text"] for r in board.get("/api/claims").json()] == ["80 million euros"]
        assert len(board.get("/api/claims", params={"all": "true"}).json()) == 3
        default = board.get("/claims", params={"about": "harbour"}).text
        assert "80 million euros" in default and "Show every claim" in default
        every = board.get("/claims", params={"about": "boats", "all": "1"}).text
        assert "300 boats" in every and "0.20" in every
        key = board.get("/api/articles").json()[0]["key"]
        page = board.get(f"/articles/{key}").text
        assert "unsure, confidence 0.20" in page and "sports figure" in page and "confidence 0.90" in page


def test_an_alert_as_atom_json_and_page(client: TestClient) -> None:
    response = client.get("/alerts/kabulov.atom")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.feed.title == "newsdesk alert: kabulov"
    assert [entry.title for entry in feed.entries] == [
        "UN monitors count fewer Daesh fighters in Afghanistan",
        "Envoy puts Daesh fighters in Afghanistan at 12,500",
        "Envoy puts Daesh fighters in Afghanistan at 10,000",
    ]  # newest first; the hostile article quotes somebody else
    assert all("Zamir Kabulov" in entry.summary for entry in feed.entries)
    assert len({entry.id for entry in feed.entries}) == 3
    body = client.get("/api/alerts/kabulov").json()
    assert body["alert"]["matches"] == 3 and body["matches"][0]["evidence"]["quotes"][0]["speaker"] == "Zamir Kabulov"
    assert [row["name"] for row in client.get("/api/alerts").json()] == ["budget", "kabulov"]
    page = client.get("/alerts").text
    assert 'href="/alerts/kabulov.atom"' in page and "Envoy puts Daesh fighters" in page
    assert client.get("/alerts/nobody.atom").status_code == 404
    assert client.get("/api/alerts/nobody").status_code == 404


def test_sources_page_and_json(client: TestClient) -> None:
    [source] = client.get("/api/sources").json()
    assert source["url"] == "https://wire.example/feed.xml" and source["items_listed"] == 3
    assert "https://wire.example/feed.xml" in client.get("/sources").text


def test_language_facet_and_why_a_foreign_page_is_bare(tmp_path: Path) -> None:
    """A page detected as German: the search offers a language facet, its page says why nothing was extracted."""
    german = ArticleBuilder(
        "Stadtrat beschließt Haushalt",
        "Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen. Die Mehrheit war knapp.",
        url="https://zeitung.example/haushalt",
        site="zeitung.example",
        published="2026-03-02",
    ).build()
    german.language = "de"
    german.tone = Tone(score=-1.5, positive=2.0, negative=3.5, polarity=5.5, word_count=20)
    english = ArticleBuilder("Council passes budget", "The council passed the budget for next year on Monday.").build()
    with Store.open(tmp_path / "two.db") as store:
        store.add(german)
        store.add(english)
    with TestClient(create_app(Settings(db=str(tmp_path / "two.db")))) as desk:
        listing = desk.get("/search").text
        assert 'href="/search?language=de"' in listing
        only = desk.get("/search", params={"language": "de"}).text
        assert "Stadtrat" in only and "Council passes" not in only
        assert desk.get("/search", params={"language": "d-e"}).status_code == 422
        key = next(row["key"] for row in desk.get("/api/articles").json() if row["site"] == "zeitung.example")
        page = desk.get(f"/articles/{key}").text
        assert 'id="language-note"' in page and "German" in page
        assert 'id="tone-h"' in page and "−1.5" not in page and "-1.5" in page


def _claim(day: str, value: float, unit: str | None, who: str) -> dict[str, Any]:
    return {"published_date": day, "value": value, "unit": unit, "claimant": who, "text": f"{value}", "site": "x"}


def test_one_chart_per_unit_and_no_legend_colour_twice() -> None:
    rows = [_claim("2026-01-01", 3.5, "%", "A"), _claim("2026-01-02", 2e9, "USD", "B"),
            _claim("2026-01-03", 40.0, "%", "B"), _claim("2026-01-04", 900.0, None, "C")]  # fmt: skip
    charts = unit_charts(rows, lambda row: "/articles/x")
    assert [chart.unit for chart in charts] == ["%", "USD", "count"]
    assert len(charts[0].wide.points) == 2 and charts[0].narrow.width == 360
    crowd = [_claim(f"2026-01-{day:02d}", day, None, f"claimant {day}") for day in range(1, 13)]
    legend = claims_chart(crowd, lambda row: "/articles/x").series
    colours = [index for index, _ in legend]
    assert len(colours) == len(set(colours)) == 8 and legend[-1][1] == "others"
