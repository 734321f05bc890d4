"""The desk's monitoring pages: the sources ``newsdesk watch`` follows and the saved alerts,
with each alert's matches as an Atom feed (``/alerts/NAME.atom``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsdesk.store import Store
from newsdesk.web.atom import MEDIA_TYPE, alert_feed, criteria, describe
from newsdesk.web.common import known_alert, store
from newsdesk.web.views import page

router = APIRouter(include_in_schema=False)
# Matches listed per alert on the Alerts page, and entries in an alert's feed: a feed reader
# polls every few minutes, so the newest fifty are plenty and keep the document small.
RECENT_MATCHES = 10
FEED_ENTRIES = 50


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request) -> HTMLResponse:
    """Each watched source: kind, last fetch and its status, stories added, errors."""
    with store(request) as db:
        rows = db.sources()
    return page(request, "sources.html", title="Sources", sources=rows)


@router.get("/alerts", response_class=HTMLResponse)
def alerts(request: Request) -> HTMLResponse:
    """Each alert: its criteria, its recent matches and why they matched, a link to its feed."""
    with store(request) as db:
        shown = [_with_matches(db, alert, RECENT_MATCHES) for alert in db.alerts()]
    return page(request, "alerts.html", title="Alerts", alerts=shown)


@router.get("/alerts/{name}.atom")
def alert_atom(request: Request, name: str, limit: int = Query(FEED_ENTRIES, ge=1, le=200)) -> Response:
    """The alert's matches, newest first, as Atom."""
    with store(request) as db:
        alert = known_alert(db, name)
        matches = db.alert_matches(name, limit=limit)
    return Response(alert_feed(alert, matches, str(request.base_url)), media_type=MEDIA_TYPE)


def _with_matches(db: Store, alert: dict[str, Any], limit: int) -> dict[str, Any]:
    matches = db.alert_matches(str(alert["name"]), limit=limit)
    for match in matches:
        match["why"] = describe(match["evidence"])
    return {**alert, "criteria": criteria(alert), "recent": matches}
