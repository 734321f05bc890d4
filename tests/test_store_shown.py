"""The desk's default view of quotes: speech it is sure of; actions and unsure quotes only on request."""

from __future__ import annotations

import io
import json
from pathlib import Path

from fastapi.testclient import TestClient

from conftest import ArticleBuilder
from newsdesk.record import Article
from newsdesk.store import Filters, Store
from newsdesk.store.exports.csv import export_csv
from newsdesk.store.exports.gkg import export_gkg
from newsdesk.store.exports.jsonl import export_jsonl
from newsdesk.web.app import Settings, create_app

EVERYTHING = Filters(everything=True)


def council() -> Article:
    """One mayor, three attributions: sure speech, unsure speech, and an action."""
    b = ArticleBuilder(
        "Mayor orders ferry review",
        "Mayor Ilse Brandt said the ferry timetable would change in June. "
        "Brandt reportedly hinted the fares might rise too. "
        "Brandt also ordered a review of the harbour lights.",
        url="https://harbour.example/ferry",
        site="harbour.example",
        published="2024-06-01",
    )
    mayor = b.entity("Ilse Brandt", mention="Mayor Ilse Brandt")
    b.quote(mayor, "Mayor Ilse Brandt", "the ferry timetable would change in June", kind="indirect", confidence=0.9)
    b.quote(mayor, "Brandt reportedly", "the fares might rise too", cue="hinted", kind="indirect", confidence=0.2)
    b.quote(mayor, "Brandt also", "a review of the harbour lights", cue="ordered", kind="action", confidence=0.9)
    return b.build()


def test_speaker_counts_and_listings_show_sure_speech_only(store: Store) -> None:
    store.add(council())
    assert [(row["name"], row["quotes"]) for row in store.speakers()] == [("Ilse Brandt", 1)]
    assert [(row["name"], row["quotes"]) for row in store.speakers(filters=EVERYTHING)] == [("Ilse Brandt", 3)]
    assert [q["content"] for q in store.quotes()] == ["the ferry timetable would change in June"]
    assert len(store.quotes(filters=EVERYTHING)) == 3
    found = store.speaker("Brandt")
    assert found is not None and len(found["quotes"]) == 1 and len(found["statements"]) == 1
    assert sum(int(s["quotes"]) for s in found["stances"]) == 1
    everything = store.speaker("Brandt", everything=True)
    assert everything is not None and {q["kind"] for q in everything["quotes"]} == {"indirect", "action"}


def test_search_and_facets_leave_out_hidden_quotes(store: Store) -> None:
    store.add(council())
    assert [h["kind"] for h in store.search("harbour lights", kinds=("quote",))] == []
    assert [h["kind"] for h in store.search("harbour lights", kinds=("quote",), filters=EVERYTHING)] == ["quote"]
    assert store.facets("fares", Filters(), ("quote",)).total == 0
    assert store.facets("fares", EVERYTHING, ("quote",)).total == 1


def test_exports_leave_out_hidden_quotes_unless_all(store: Store, tmp_path: Path) -> None:
    store.add(council())
    assert export_csv(store, tmp_path / "default")["quotes"] == 1
    assert export_csv(store, tmp_path / "all", everything=True)["quotes"] == 3
    out = io.StringIO()
    export_jsonl(store, out)
    assert [q["kind"] for q in json.loads(out.getvalue())["quotes"]] == ["indirect"]


def test_gkg_quotations_leave_out_unsure_quotes_unless_all(store: Store) -> None:
    """GKG's Quotations holds direct quotes only, as GDELT's does; an unsure one only with ``all``."""
    b = ArticleBuilder("Pier reopens", '"The pier is safe again," said Ilse Brandt. "Fares will fall," she added.',
                       url="https://harbour.example/pier", site="harbour.example", published="2024-06-02")  # fmt: skip
    mayor = b.entity("Ilse Brandt")
    b.quote(mayor, "Ilse Brandt", "The pier is safe again", confidence=0.95)
    b.quote(mayor, "she", "Fares will fall", cue="added", confidence=0.3)
    store.add(b.build())
    out = io.StringIO()
    export_gkg(store, out)
    assert "The pier is safe again" in out.getvalue() and "Fares will fall" not in out.getvalue()
    out = io.StringIO()
    export_gkg(store, out, everything=True)
    assert "Fares will fall" in out.getvalue()


def test_the_desk_shows_indirect_speech_without_quotation_marks(store_url: str) -> None:
    with Store.open(store_url) as store:
        store.add(council())
    with TestClient(create_app(Settings(db=store_url))) as client:
        speakers = client.get("/speakers").text
        assert "Count every attribution" in speakers
        assert len(client.get("/api/speakers").json()) == 1
        assert client.get("/api/speakers", params={"all": "true"}).json()[0]["quotes"] == 3
        page = client.get("/search", params={"q": "ferry", "kind": "quote"}).text
        assert "the <mark>ferry</mark> timetable" in page or "ferry</mark> timetable" in page
        assert "“the <mark>ferry" not in page  # indirect speech is not shown as someone's exact words
        hidden = client.get("/search", params={"q": "lights", "kind": "quote"}).text
        assert "action, not speech" not in hidden
        shown = client.get("/search", params={"q": "lights", "kind": "quote", "all": "1"}).text
        assert "action, not speech" in shown
