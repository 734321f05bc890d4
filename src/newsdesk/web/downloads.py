"""The desk's CSV downloads: the quote and claim sheets (:mod:`newsdesk.store.exports.sheets`)
of what a search, a speaker page or the claims tracker shows, linked from those pages.

Each download takes the page's own query parameters, so a link is the page's URL with another
path; ``all=1`` includes what the desk hides by default, as on the pages. A download holds at
most :data:`MAX_ROWS` rows: the desk answers in one request, and a whole store is
``newsdesk export --format quotes-csv``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from newsdesk.store import Filters
from newsdesk.store.exports.sheets import CLAIMS, QUOTES, Selection, Sheet, claim_rows, quote_rows, write_csv
from newsdesk.web.common import country_code, filters, store

router = APIRouter(include_in_schema=False)
# Rows per download: a long search's quotes fit (426 for a common name on 174 real pages).
MAX_ROWS = 10_000


@router.get("/download/quotes.csv")
def search_quotes(request: Request, q: str = Query("", max_length=500), chosen: Filters = Depends(filters)) -> Response:
    """The quotes a search finds (with the search page's filters), one row each; without words to
    search for, every quote the filters let through, as the page browses every article."""
    with store(request) as db:
        if q.strip():
            hits = db.search(q, filters=chosen, kinds=("quote",), limit=MAX_ROWS)
        else:
            hits = db.quotes(filters=chosen, limit=MAX_ROWS)
        ids = [int(hit["quote_id"]) for hit in hits]
        return _csv(QUOTES, quote_rows(db, Selection(everything=chosen.everything, ids=ids)), "quotes.csv")


@router.get("/download/speakers/{entity_id}/quotes.csv")
def speaker_quotes(request: Request, entity_id: int, everything: bool = Query(False, alias="all")) -> Response:
    """Every quote of one speaker, as on the speaker's page."""
    with store(request) as db:
        if db.speaker(entity_id, everything=everything) is None:
            raise HTTPException(404, "no such entity")
        rows = quote_rows(db, Selection(everything=everything, entity=entity_id))
        return _csv(QUOTES, rows, f"speaker-{entity_id}-quotes.csv")


@router.get("/download/claims.csv")
def tracked_claims(
    request: Request,
    about: str = Query("", max_length=200),
    place: str = Query("", max_length=2),
    claimant: str = Query("", max_length=200),
    everything: bool = Query(False, alias="all"),
) -> Response:
    """The claims the tracker lists for the same subject, place and claimant, one row each."""
    code = country_code(place) if place else None
    with store(request) as db:
        found = db.claims(about=about or None, place=code, claimant=claimant or None, grouped=False,
                          everything=everything, limit=MAX_ROWS)  # fmt: skip
        ids = [int(row["claim_id"]) for row in found]
        return _csv(CLAIMS, claim_rows(db, Selection(everything=everything, ids=ids)), "claims.csv")


def _csv(sheet: Sheet, rows: Iterable[dict[str, Any]], name: str) -> Response:
    """The sheet as an attachment (UTF-8 with a BOM, as the CLI writes it)."""
    out = io.StringIO()
    write_csv(out, sheet, rows)
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
