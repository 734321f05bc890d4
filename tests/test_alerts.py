"""Alerts: saved on both backends, matched in the transaction that stores each article, delivered
by webhook (a real receiver on 127.0.0.1) at least once and never again once delivered."""

from __future__ import annotations

import pytest

from conftest import ArticleBuilder
from newsdesk.alerts import DeliveryOptions, deliver_pending
from newsdesk.record import Article
from newsdesk.store import Store, StoreError
from newsdesk.store.alerts import AlertSpec
from newsdesk.store.text import content_hash
from newsdesk.store.writer import write_article
from webhook_receiver import Receiver, closed_port, receiving

STRIKE_BODY = (
    "Dock workers in Portavel stopped work on Monday after talks over night shifts broke down. "
    '"We will stay out until the rota is fair," said Lena Marsh, who leads the dockers\' union. '
    "The port authority said about 3,000 containers were waiting on the quays."
)
FLOOD_BODY = (
    "Heavy rain flooded the lower town of Estrel overnight, and the river rose past its banks. "
    '"Nobody could have planned for this much water," said Tomas Vree, the town engineer. '
    "Volunteers filled some 900 sandbags before dawn."
)


def strike(*, confidence: float | None = 0.95, body: str = STRIKE_BODY) -> Article:
    b = ArticleBuilder("Portavel dockers walk out", body, url="https://news.example/strike", site="news.example")
    marsh = b.entity("Lena Marsh")
    b.quote(marsh, "Lena Marsh", "We will stay out until the rota is fair", confidence=confidence)
    b.place("Portavel", "city", "PT", "PRT", "PO", 1, 38.7, -9.1)
    b.claim("about 3,000 containers", 3000.0, "containers", "things/containers", confidence=0.9)
    return b.build()


def flood() -> Article:
    b = ArticleBuilder("Estrel lower town flooded", FLOOD_BODY, url="https://news.example/flood", site="news.example")
    vree = b.entity("Tomas Vree")
    b.quote(vree, "Tomas Vree", "Nobody could have planned for this much water", confidence=0.95)
    b.place("Estrel", "city", "FR", "FRA", "FR", 2, 45.0, 1.0)
    return b.build()


def matched(store: Store, name: str) -> list[str]:
    return [str(match["article"]["title"]) for match in store.alert_matches(name)]


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        (AlertSpec("no criteria"), "alert name"),
        (AlertSpec("empty"), "at least one"),
        (AlertSpec("bad-place", place="XZ"), "country code"),
        (AlertSpec("bad-hook", query="port", webhook="ftp://example.org/"), "http(s)"),
        (AlertSpec("punctuation", query="!!"), "nothing to match"),
    ],
)
def test_a_bad_alert_is_refused_in_one_line(store: Store, spec: AlertSpec, problem: str) -> None:
    with pytest.raises(StoreError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        store.add_alert(spec)
    assert store.alerts() == []


def test_names_are_unique_and_removal_takes_the_matches(store: Store) -> None:
    store.add_alert(AlertSpec("docks", query="dock"))
    with pytest.raises(StoreError, match="exists"):
        store.add_alert(AlertSpec("docks", query="port"))
    store.add(strike())
    store.add_alert(AlertSpec("docks", query="port", place="PT"), replace=True)
    assert (store.alerts()[0]["query"], store.alerts()[0]["place"], store.alerts()[0]["matches"]) == ("port", "PT", 1)
    assert store.remove_alert("docks") and not store.remove_alert("docks")
    assert int(store.db.scalar("SELECT COUNT(*) AS n FROM alert_matches")) == 0


def test_each_criterion_and_all_together(store: Store) -> None:
    store.add_alert(AlertSpec("text", query="containers"))
    store.add_alert(AlertSpec("speaker", speaker="marsh"))
    store.add_alert(AlertSpec("claims", claims_about="containers"))
    store.add_alert(AlertSpec("place", place="fr"))
    store.add_alert(AlertSpec("both", speaker="Vree", place="PT"))  # never in one article
    store.add(strike())
    store.add(flood())
    assert matched(store, "text") == ["Portavel dockers walk out"]
    assert matched(store, "speaker") == ["Portavel dockers walk out"]
    assert matched(store, "claims") == ["Portavel dockers walk out"]
    assert matched(store, "place") == ["Estrel lower town flooded"]
    assert matched(store, "both") == []
    evidence = store.alert_matches("speaker")[0]["evidence"]
    assert evidence["quotes"][0]["speaker"] == "Lena Marsh"
    assert store.alert_matches("claims")[0]["evidence"]["claims"][0]["value"] == 3000.0
    assert store.alert_matches("place")[0]["evidence"]["places"] == ["Estrel"]


def test_a_quote_the_desk_hides_does_not_alert(store: Store) -> None:
    store.add_alert(AlertSpec("speaker", speaker="Marsh"))
    store.add(strike(confidence=0.3))
    assert matched(store, "speaker") == []


def test_only_articles_stored_after_the_alert_and_each_once(store: Store) -> None:
    store.add(flood())
    store.add_alert(AlertSpec("docks", query="dock"))
    store.add(strike())
    store.add(strike())  # the same page again: unchanged
    store.add(strike(body=STRIKE_BODY + " Talks resume on Friday."))  # a revision that still matches
    assert matched(store, "docks") == ["Portavel dockers walk out"]
    assert matched(store, "docks") == [m["article"]["title"] for m in store.alert_matches("docks")]
    assert store.alerts()[0]["matches"] == 1


def test_a_failed_article_write_records_no_match(store: Store) -> None:
    store.add_alert(AlertSpec("docks", query="dock"))
    article = strike()
    with pytest.raises(RuntimeError), store.db.transaction():
        write_article(store.db, article, content_hash(article.text), None)
        raise RuntimeError("crash after the write, before the commit")
    assert matched(store, "docks") == []
    store.add(strike())
    assert matched(store, "docks") == ["Portavel dockers walk out"]


# --- webhooks: a real receiver on 127.0.0.1 -------------------------------------------------------


FAST = DeliveryOptions(timeout=5, attempts=3, backoff=0.01)


def test_receiver_down_then_up_is_delivered_once(store: Store) -> None:
    receiver = Receiver(port=closed_port())
    store.add_alert(AlertSpec("docks", query="dock", webhook=receiver.url))
    store.add(strike())
    down = deliver_pending(store, FAST)
    assert (down.delivered, down.waiting) == (0, 1)
    assert store.alerts()[0]["undelivered"] == 1 and "ConnectError" in store.alerts()[0]["last_error"]
    with receiving(receiver):
        up = deliver_pending(store, FAST)
        again = deliver_pending(store, FAST)
    assert (up.delivered, again.delivered, again.waiting) == (1, 0, 0)
    [payload] = receiver.received
    assert payload["alert"] == "docks" and payload["article"]["title"] == "Portavel dockers walk out"  # type: ignore[index]
    assert receiver.keys == [f"newsdesk-alert-docks-{payload['id']}"]
    log = store.deliveries("docks")
    assert [row["outcome"] for row in log] == ["delivered", "failed", "failed", "failed"]


def test_a_5xx_is_retried_with_the_wait_asked_for_and_a_4xx_is_not(store: Store) -> None:
    waits: list[float] = []
    with receiving(Receiver(script=[503, 500], headers={"Retry-After": "2"})) as busy:
        store.add_alert(AlertSpec("docks", query="dock", webhook=busy.url))
        store.add(strike())
        stats = deliver_pending(store, FAST, sleep=waits.append)
    assert stats.delivered == 1 and len(busy.received) == 1 and waits == [2.0, 2.0]
    with receiving(Receiver(script=[400])) as refusing:
        store.add_alert(AlertSpec("floods", query="flooded", webhook=refusing.url))
        store.add(flood())
        refused = deliver_pending(store, FAST, sleep=waits.append)
    assert (refused.rejected, refused.waiting, len(refusing.received)) == (1, 0, 0)
    assert deliver_pending(store, FAST).rejected == 0  # not sent again
    assert store.alert_matches("floods")[0]["delivery"] == "rejected"


def test_alerts_without_a_webhook_are_not_queued(store: Store) -> None:
    store.add_alert(AlertSpec("docks", query="dock"))
    store.add(strike())
    assert store.pending_deliveries() == [] and store.alert_matches("docks")[0]["delivery"] == "none"
