"""Saved alerts: which stored articles match them, and the log of their webhook deliveries.

:func:`match_alerts` runs inside the transaction that writes an article (:mod:`.writer`), so
every way into the store — ``ingest``, ``watch``, the desk's "try it", the cluster runner —
checks the article against every alert, and a match is committed with its article or not at
all: a ``kill -9`` loses neither, and a re-run records nothing twice. Delivering a match to a
webhook is the drivers' job (:mod:`newsdesk.alerts`); here are only its queue and log.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pycountry

from newsdesk.store.backend import Backend, Row, StoreError
from newsdesk.store.claims import claim_conditions
from newsdesk.store.search import DEFAULT_MARK, Filters, filter_sql, like, speaker_condition
from newsdesk.store.shown import shown_quote_rows, trusted_rows
from newsdesk.store.text import now, words

# Names go into URLs (/alerts/NAME.atom) and Atom ids: letters, digits, "-" and "_".
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_MAX_TEXT = 500
# Pieces of evidence kept per kind and match: enough to see why it matched in a feed entry.
_EVIDENCE_ROWS = 5
# What a match's ``delivery`` can be; only ``pending`` ones are (re)sent.
NO_WEBHOOK, PENDING, DELIVERED, REJECTED = "none", "pending", "delivered", "rejected"


@dataclass(frozen=True, slots=True)
class AlertSpec:
    """One saved alert: every criterion given must hold for an article to match."""

    name: str
    query: str | None = None
    speaker: str | None = None
    claims_about: str | None = None
    place: str | None = None
    webhook: str | None = None

    def problem(self) -> str | None:
        """Why the alert cannot be saved as given, in one line (None: it can)."""
        if not _NAME.match(self.name):
            return f"alert name must be 1-64 letters, digits, '-' or '_': {self.name!r}"
        criteria = (self.query, self.speaker, self.claims_about, self.place)
        if not any(criteria):
            return "give at least one of --query, --speaker, --claims-about, --place"
        if any(text is not None and len(text) > _MAX_TEXT for text in (*criteria, self.webhook)):
            return f"an alert's texts are at most {_MAX_TEXT} characters"
        for text in (self.query, self.speaker, self.claims_about):
            if text is not None and not words(text):
                return f"nothing to match in {text!r}"
        if self.place is not None and not _country(self.place):
            return f"not an ISO 3166-1 alpha-2 country code: {self.place!r}"
        if self.webhook is not None and not _web_url(self.webhook):
            return f"the webhook must be an http(s) URL: {self.webhook!r}"
        return None


@dataclass(frozen=True, slots=True)
class Attempt:
    """One POST of a match to its webhook: ``outcome`` delivered, failed (retried later) or rejected."""

    outcome: str
    http_status: int | None = None
    error: str | None = None


def _country(code: str) -> bool:
    return len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None


def _web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def match_alerts(db: Backend, article_id: int, revision: int) -> None:
    """Record every saved alert the just-written article matches (in the caller's transaction)."""
    for alert in db.query("SELECT * FROM alerts ORDER BY id"):
        sql, params = _match_sql(db, alert, article_id)
        if db.query_one(sql, params) is None:
            continue
        evidence = json.dumps(_evidence(db, alert, article_id), ensure_ascii=False)
        delivery = PENDING if alert["webhook"] else NO_WEBHOOK
        db.execute(
            "INSERT INTO alert_matches (alert_id, article_id, revision, matched_at, evidence, delivery) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id, article_id) DO NOTHING",
            (alert["id"], article_id, revision, now(), evidence, delivery),
        )


def _match_sql(db: Backend, alert: Row, article_id: int) -> tuple[str, list[Any]]:
    """SQL (and its parameters) that selects the article when it matches ``alert``."""
    params: list[Any] = []
    if alert["query"]:
        clause = db.fts("article", alert["query"])
        sql = f"SELECT a.id FROM {clause.source} WHERE {clause.where}"
        params += clause.params
    else:
        sql = "SELECT a.id FROM articles a WHERE 1 = 1"
    where, filter_params = filter_sql("article", Filters(speaker=alert["speaker"], country=alert["place"]))
    sql += where + " AND a.id = ?"
    params += [*filter_params, article_id]
    if alert["claims_about"]:
        claims, claim_params = _claims_about(alert["claims_about"])
        sql += f" AND a.id IN (SELECT c.article_id FROM claims c WHERE 1 = 1{claims})"
        params += claim_params
    return sql, params


def _claims_about(about: str) -> tuple[str, list[Any]]:
    """`` AND …`` over claims ``c``: about ``about`` and trusted, as the tracker shows by default."""
    claims, claim_params = claim_conditions(about, None, None)
    trusted, trusted_params = trusted_rows("c")
    return claims + trusted, [*claim_params, *trusted_params]


def _evidence(db: Backend, alert: Row, article_id: int) -> dict[str, Any]:
    """What in the article matched: a snippet, the speaker's quotes, the claims, the places."""
    found: dict[str, Any] = {}
    if alert["query"]:
        found["snippet"] = db.snippets("article", [article_id], alert["query"], DEFAULT_MARK).get(article_id)
    if alert["speaker"]:
        shown, shown_params = shown_quote_rows("q")
        found["quotes"] = db.query(
            "SELECT COALESCE(e.name, q.speaker_name) AS speaker, q.kind, q.cue, q.content FROM quotes q "
            f"LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE q.article_id = ? AND {speaker_condition('q')}"
            f"{shown} ORDER BY q.id LIMIT ?",
            (article_id, *[like(alert["speaker"])] * 2, *shown_params, _EVIDENCE_ROWS),
        )
    if alert["claims_about"]:
        claims, claim_params = _claims_about(alert["claims_about"])
        found["claims"] = db.query(
            "SELECT c.text, c.value, c.unit, c.object, COALESCE(e.name, c.claimant_name) AS claimant FROM claims c "
            f"LEFT JOIN entities e ON e.id = c.claimant_entity_id WHERE c.article_id = ?{claims} "
            "ORDER BY c.id LIMIT ?",
            (article_id, *claim_params, _EVIDENCE_ROWS),
        )
    if alert["place"]:
        rows = db.query(
            "SELECT name FROM places WHERE article_id = ? AND country = ? ORDER BY mention_count DESC, name LIMIT ?",
            (article_id, alert["place"].upper(), _EVIDENCE_ROWS),
        )
        found["places"] = [row["name"] for row in rows]
    return found


_MATCH_COLUMNS = (
    "SELECT m.id, al.name AS alert, m.matched_at, m.revision, m.delivery, m.delivered_at, m.evidence, "
    "a.key, a.title, a.url, a.site, a.published_date FROM alert_matches m "
    "JOIN alerts al ON al.id = m.alert_id JOIN articles a ON a.id = m.article_id "
)


def _match(row: Row) -> dict[str, Any]:
    """One match as the API, the Atom feed and the webhook give it."""
    return {
        "id": int(row["id"]),
        "alert": row["alert"],
        "matched_at": row["matched_at"],
        "delivery": row["delivery"],
        "delivered_at": row["delivered_at"],
        "article": {key: row[key] for key in ("key", "title", "url", "site", "published_date", "revision")},
        "evidence": json.loads(row["evidence"]),
    }


class AlertQueries:
    """``Store.alerts`` and friends: saving alerts, reading their matches, the delivery queue."""

    db: Backend

    def add_alert(self, spec: AlertSpec, *, replace: bool = False) -> None:
        """Save an alert; it matches articles stored from now on. ``replace``: an alert of that name
        takes the new criteria and webhook and keeps its matches. A bad spec or a taken name is a StoreError."""
        problem = spec.problem()
        if problem:
            raise StoreError(problem)
        values = (spec.query, spec.speaker, spec.claims_about, spec.place.upper() if spec.place else None, spec.webhook)
        with self.db.transaction():
            if self.db.query_one("SELECT 1 AS taken FROM alerts WHERE name = ?", (spec.name,)):
                if not replace:
                    raise StoreError(f"an alert named {spec.name!r} exists (remove it, or add it again with --replace)")
                self.db.execute(
                    "UPDATE alerts SET query = ?, speaker = ?, claims_about = ?, place = ?, webhook = ? WHERE name = ?",
                    (*values, spec.name),
                )
                return
            self.db.execute(
                "INSERT INTO alerts (name, query, speaker, claims_about, place, webhook, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (spec.name, *values, now()),
            )

    def remove_alert(self, name: str) -> bool:
        """Delete an alert with its matches and delivery log; whether it existed."""
        with self.db.transaction():
            found = self.db.query_one("SELECT id FROM alerts WHERE name = ?", (name,))
            if found is None:
                return False
            self.db.execute("DELETE FROM alerts WHERE id = ?", (found["id"],))
        return True

    def alerts(self, name: str | None = None) -> list[Row]:
        """Every alert (or the one named ``name``) with its criteria, match counts, deliveries waiting
        and the last delivery error."""
        where, params = (" WHERE al.name = ?", [name]) if name is not None else ("", [])
        return self.db.query(
            "SELECT al.name, al.query, al.speaker, al.claims_about, al.place, al.webhook, al.created_at, "
            "(SELECT COUNT(*) FROM alert_matches m WHERE m.alert_id = al.id) AS matches, "
            "(SELECT MAX(m.matched_at) FROM alert_matches m WHERE m.alert_id = al.id) AS last_match, "
            f"(SELECT COUNT(*) FROM alert_matches m WHERE m.alert_id = al.id AND m.delivery = '{PENDING}') "
            "AS undelivered, (SELECT d.error FROM alert_deliveries d JOIN alert_matches m ON m.id = d.match_id "
            "WHERE m.alert_id = al.id AND d.error IS NOT NULL ORDER BY d.id DESC LIMIT 1) AS last_error "
            f"FROM alerts al{where} ORDER BY al.name",
            params,
        )

    def alert(self, name: str) -> Row | None:
        """One alert as :meth:`alerts` lists it, or None."""
        return next(iter(self.alerts(name)), None)

    def alert_matches(self, name: str, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """An alert's matches, newest first, each with its article and evidence."""
        rows = self.db.query(
            f"{_MATCH_COLUMNS}WHERE al.name = ? ORDER BY m.id DESC LIMIT ? OFFSET ?", (name, limit, offset)
        )
        return [_match(row) for row in rows]

    def pending_deliveries(self, *, limit: int = 1000) -> list[dict[str, Any]]:
        """Matches still owed to a webhook, oldest first, each with ``webhook`` set."""
        rows = self.db.query(
            f"SELECT al.webhook, q.* FROM ({_MATCH_COLUMNS}WHERE m.delivery = ? ORDER BY m.id LIMIT ?) q "
            "JOIN alerts al ON al.name = q.alert ORDER BY q.id",
            (PENDING, limit),
        )
        return [{**_match(row), "webhook": row["webhook"]} for row in rows]

    def record_delivery(self, match_id: int, attempt: Attempt) -> None:
        """Log one POST; a delivered or rejected match leaves the queue."""
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO alert_deliveries (match_id, attempted_at, outcome, http_status, error) "
                "VALUES (?, ?, ?, ?, ?)",
                (match_id, now(), attempt.outcome, attempt.http_status, attempt.error),
            )
            if attempt.outcome in (DELIVERED, REJECTED):
                self.db.execute(
                    "UPDATE alert_matches SET delivery = ?, delivered_at = ? WHERE id = ?",
                    (attempt.outcome, now() if attempt.outcome == DELIVERED else None, match_id),
                )

    def deliveries(self, name: str, *, limit: int = 50) -> list[Row]:
        """An alert's delivery log, newest first."""
        return self.db.query(
            "SELECT d.match_id, d.attempted_at, d.outcome, d.http_status, d.error FROM alert_deliveries d "
            "JOIN alert_matches m ON m.id = d.match_id JOIN alerts al ON al.id = m.alert_id "
            "WHERE al.name = ? ORDER BY d.id DESC LIMIT ?",
            (name, limit),
        )
