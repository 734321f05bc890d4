"""The JSON API under ``/api``: the store's queries as plain JSON, documented by OpenAPI.

Every listing takes ``limit`` (at most 200) and ``offset``; filters have the same names as
the CLI's (``site``, ``since``, ``until``, ``country``, ``speaker``, ``stance``). Rows are
the store's own dicts, so the API, the CLI's ``--format json`` and the pages agree.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse

from newsdesk.store import Filters
from newsdesk.web.common import ALL_QUOTES, country_code, extract_page, filters, known_alert, settings, store

router = APIRouter(prefix="/api", tags=["api"])
Limit = Query(20, ge=1, le=200, description="Rows per page (at most 200).")
Offset = Query(0, ge=0, le=10_000, description="Rows to skip.")

Filtered = Depends(filters)
EveryQuote = Query(False, alias="all", description=ALL_QUOTES)


@router.get("/articles", summary="Articles, newest first")
def articles(
    request: Request,
    chosen: Filters = Filtered,
    limit: int = Limit,
    offset: int = Offset,
) -> list[dict[str, Any]]:
    """Stored articles with quote and claim counts and how many sites carry the story."""
    with store(request) as db:
        return db.articles(filters=chosen, limit=limit, offset=offset)


@router.get("/articles/{ref}", summary="One article with everything extracted from it")
def article(request: Request, ref: str) -> dict[str, Any]:
    """By store id, article key (16 hex) or URL: columns, parsed record, entities, quotes, claims, places."""
    with store(request) as db:
        found = db.article(ref)
    if found is None:
        raise HTTPException(404, "no such article")
    return found


@router.get("/articles/{ref}/record", summary="The article's newsdesk/article@1 record")
def record(request: Request, ref: str) -> dict[str, Any]:
    """Exactly what ``newsdesk extract --format json`` wrote for this article's latest revision."""
    found = article(request, ref)
    result: dict[str, Any] = found["record"]
    return result


@router.get("/entities", summary="Entities, most written-about first")
def entities(
    request: Request,
    type: str | None = Query(None, description="PERSON, ORG, GPE, …"),
    name: str | None = Query(None, description="part of the name"),
    limit: int = Limit,
    offset: int = Offset,
) -> list[dict[str, Any]]:
    """People, organisations and places across all articles, with article and mention counts."""
    with store(request) as db:
        return db.entities(kind=type, name=name, limit=limit, offset=offset)


@router.get("/entities/{entity_id}", summary="One entity: titles, quotes, stances, co-mentions, claims")
def entity(request: Request, entity_id: int, everything: bool = EveryQuote) -> dict[str, Any]:
    """Everything the store knows about one entity, and the newest articles that mention it."""
    with store(request) as db:
        found = db.speaker(entity_id, everything=everything)
        if found is None:
            raise HTTPException(404, "no such entity")
        found["articles"] = db.entity_articles(entity_id)
    return found


@router.get("/speakers", summary="Speakers, most quoted first")
def speakers(
    request: Request,
    chosen: Filters = Filtered,
    limit: int = Limit,
    offset: int = Offset,
) -> list[dict[str, Any]]:
    """Speakers by distinct statements (a quote repeated by many sites counts once), with titles."""
    with store(request) as db:
        return db.speakers(filters=chosen, limit=limit, offset=offset)


@router.get("/speakers/{ref}", summary="Everything one speaker said")
def speaker(request: Request, ref: str, everything: bool = EveryQuote) -> dict[str, Any]:
    """By entity id or name: titles as each source gave them, statements, quotes, stances, claims."""
    with store(request) as db:
        found = db.speaker(ref, everything=everything)
    if found is None:
        raise HTTPException(404, "no such speaker")
    return found


@router.get("/quotes", summary="Quotes, newest first, or matching a text")
def quotes(
    request: Request,
    q: str | None = Query(None, max_length=500, description="full-text query over quotes"),
    chosen: Filters = Filtered,
    limit: int = Limit,
    offset: int = Offset,
) -> list[dict[str, Any]]:
    """Printed quotes with speaker, cue, stance and source; with ``q``, the best matches first."""
    with store(request) as db:
        if q:
            return db.search(q, filters=chosen, kinds=("quote",), limit=limit, offset=offset)
        return db.quotes(filters=chosen, limit=limit, offset=offset)


@router.get("/claims", summary="The claim tracker")
def claims(
    request: Request,
    about: str | None = Query(None, max_length=200, description='e.g. "Daesh fighters in Afghanistan"'),
    place: str | None = Query(None, description="ISO alpha-2 of the country the number is about"),
    claimant: str | None = Query(None, description="part of the claimant's name"),
    grouped: bool = Query(True, description="one row per claimant, value and object, with its sources"),
    everything: bool = Query(
        False, alias="all", description="also claims below the default confidence, and sports and market figures"
    ),
    site: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = Limit,
    offset: int = Offset,
) -> list[dict[str, Any]]:
    """Who claimed which numbers about what, when, and which sources printed them."""
    chosen = filters(site, since, until, None, None, None, everything)
    code = country_code(place) if place else None
    with store(request) as db:
        return db.claims(
            about=about, place=code, claimant=claimant, filters=chosen, grouped=grouped, everything=everything,
            limit=limit, offset=offset,
        )  # fmt: skip


@router.get("/places", summary="Mentions per country")
def places(request: Request) -> list[dict[str, Any]]:
    """Per ISO alpha-2 country: ISO3, FIPS, place mentions and articles, most mentioned first."""
    with store(request) as db:
        return db.places_summary()


@router.get("/places/{code}", summary="One country: its places and the articles that mention it")
def place(request: Request, code: str, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    """The named places inside the country and the newest articles mentioning it."""
    country = country_code(code)
    with store(request) as db:
        return {
            "country": country,
            "places": db.country_places(country),
            "articles": db.articles(filters=Filters(country=country), limit=limit, offset=offset),
        }


@router.get("/sources", summary="The sources newsdesk watch follows")
def sources(request: Request) -> list[dict[str, Any]]:
    """Each watched feed, sitemap or site: kind, last fetch and status, counts, last error."""
    with store(request) as db:
        return db.sources()


@router.get("/alerts", summary="Saved alerts")
def alerts(request: Request) -> list[dict[str, Any]]:
    """Each alert: criteria, webhook, match count, last match, deliveries waiting, last delivery error."""
    with store(request) as db:
        return db.alerts()


@router.get("/alerts/{name}", summary="One alert and its matches, newest first")
def alert(request: Request, name: str, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    """The alert and its matches: each with the article and the evidence (the webhook's payload)."""
    with store(request) as db:
        return {"alert": known_alert(db, name), "matches": db.alert_matches(name, limit=limit, offset=offset)}


@router.get("/search", summary="Full-text search with facets")
def search(
    request: Request,
    q: str = Query("", max_length=500, description='words, "exact phrases", or, -exclude'),
    chosen: Filters = Filtered,
    kind: Literal["all", "article", "quote"] = "all",
    sort: Literal["relevance", "newest"] = "relevance",
    limit: int = Limit,
    offset: int = Offset,
) -> dict[str, Any]:
    """Articles and quotes matching ``q`` (all articles when empty), totals, and facet counts.

    ``total`` counts hits (articles and quotes), ``articles`` the distinct articles among them;
    facet counts are over ``facets_over`` of those articles (at most 1,000, the newest added).
    """
    kinds: tuple[Literal["article", "quote"], ...] = ("article", "quote") if kind == "all" else (kind,)
    with store(request) as db:
        if q.strip():
            hits = db.search(q, filters=chosen, kinds=kinds, sort=sort, limit=limit, offset=offset)
        else:
            hits = db.articles(filters=chosen, limit=limit, offset=offset)
        counts = db.facets(q, chosen, kinds)
    facets = {k: v for k, v in asdict(counts).items() if k not in ("total", "articles", "counted")}
    return {
        "total": counts.total,
        "articles": counts.articles,
        "facets_over": counts.counted,
        "hits": hits,
        "facets": facets,
    }


@router.post("/extract", summary="Extract a page: post it, get its record")
def extract(
    request: Request,
    file: UploadFile | None = File(None, description="the page (.html or .txt)"),
    text: str = Form("", description="the page's HTML or text, instead of a file"),
    url: str = Form("", description="the page's address (fetched only on a server started with --allow-fetch)"),
    input_format: str = Form("auto", description="auto, html, text or article"),
    store_it: bool = Form(False, alias="store", description="also store it (server started with --allow-ingest)"),
) -> JSONResponse:
    """The newsdesk/article@1 record of the posted page. Nothing is stored unless asked and allowed."""
    config = settings(request)
    if store_it and not config.allow_ingest:
        raise HTTPException(403, "this server is read-only (start it with --allow-ingest to store pages)")
    content = file.file.read(config.max_upload_bytes + 1) if file is not None else b""
    article = extract_page(config, content=content or text.encode("utf-8"), url=url, input_format=input_format)
    headers = {}
    if store_it:
        with store(request) as db:
            headers["X-Newsdesk-Stored"] = db.add(article).value
    return JSONResponse(article.to_dict(), headers=headers)
