"""The JSON API under ``/api``: the store's queries as typed JSON, documented by OpenAPI.

Every response has a declared model (:mod:`newsdesk.web.models`). Listings take ``limit``
(at most 200) and ``offset`` and return a JSON array; when more rows follow, a ``Link``
header (RFC 8288) gives the ``next`` page's URL, and ``prev`` after the first page — the
arrays stay what the CLI's ``--format json`` prints. Filters have the CLI's names (``site``,
``since``, ``until``, ``country``, ``speaker``, ``stance``). Every error is ``{"detail": "one
line"}``: 404 for an unknown id or name, 422 for a malformed parameter.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Literal, TypeVar

from fastapi import APIRouter, Depends, File, Form, HTTPException, Path, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse

from newsdesk.record import Article
from newsdesk.store import Filters
from newsdesk.web import models
from newsdesk.web.common import (
    ALL_QUOTES,
    MAX_OFFSET,
    country_code,
    extract_page,
    extractor,
    filters,
    known_alert,
    settings,
    store,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": models.Error, "description": "No such article, entity, speaker, country or alert"},
    422: {"model": models.Error, "description": "A malformed parameter (one line says which)"},
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)
Limit = Query(20, ge=1, le=200, description="Rows per page (at most 200).")
Offset = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")
# Store ids are 64-bit signed integers: a larger number is malformed, not merely unknown.
EntityId = Path(ge=1, le=2**63 - 1, description="the entity's store id")

Filtered = Depends(filters)
EveryQuote = Query(False, alias="all", description=ALL_QUOTES)
Row = TypeVar("Row")


def paged(request: Request, response: Response, rows: list[Row], limit: int, offset: int) -> list[Row]:
    """The page of ``rows`` (fetched ``limit + 1`` to see whether more follow), with its Link header."""
    links = []
    if len(rows) > limit and offset + limit <= MAX_OFFSET:
        links.append(f'<{request.url.include_query_params(offset=offset + limit)}>; rel="next"')
    if offset > 0:
        links.append(f'<{request.url.include_query_params(offset=max(0, offset - limit))}>; rel="prev"')
    if links:
        response.headers["Link"] = ", ".join(links)
    return rows[:limit]


@router.get("/articles", summary="Articles, newest first", response_model=list[models.ArticleRow])
def articles(
    request: Request, response: Response, chosen: Filters = Filtered, limit: int = Limit, offset: int = Offset
) -> list[dict[str, Any]]:
    """Stored articles with quote and claim counts and how many sites carry the story."""
    with store(request) as db:
        rows = db.articles(filters=chosen, limit=limit + 1, offset=offset)
    return paged(request, response, rows, limit, offset)


@router.get("/articles/{ref}", summary="One article with everything extracted from it",
            response_model=models.ArticleDetail)  # fmt: skip
def article(request: Request, ref: str) -> dict[str, Any]:
    """By store id, article key (16 hex) or URL: columns, parsed record, entities, quotes, claims, places."""
    with store(request) as db:
        found = db.article(ref)
    if found is None:
        raise HTTPException(404, "no such article")
    return found


@router.get("/articles/{ref}/record", summary="The article's newsdesk/article@1 record", response_model=Article)
def record(request: Request, ref: str) -> dict[str, Any]:
    """Exactly what ``newsdesk extract --format json`` wrote for this article's latest revision."""
    found = article(request, ref)
    result: dict[str, Any] = found["record"]
    return result


@router.get("/entities", summary="Entities, most written-about first", response_model=list[models.EntityRow])
def entities(
    request: Request,
    response: Response,
    type: str | None = Query(None, max_length=40, description="PERSON, ORG, GPE, …"),
    name: str | None = Query(None, max_length=200, description="part of the name"),
    limit: int = Limit,
    offset: int = Offset,
) -> list[dict[str, Any]]:
    """People, organisations and places across all articles, with article and mention counts."""
    with store(request) as db:
        rows = db.entities(kind=type, name=name, limit=limit + 1, offset=offset)
    return paged(request, response, rows, limit, offset)


@router.get("/entities/{entity_id}", summary="One entity: titles, quotes, stances, co-mentions, claims",
            response_model=models.EntityDetail)  # fmt: skip
def entity(request: Request, entity_id: int = EntityId, everything: bool = EveryQuote) -> dict[str, Any]:
    """Everything the store knows about one entity, and the newest articles that mention it."""
    with store(request) as db:
        found = db.speaker(entity_id, everything=everything)
        if found is None:
            raise HTTPException(404, "no such entity")
        found["articles"] = db.entity_articles(entity_id)
    return found


@router.get("/speakers", summary="Speakers, most quoted first", response_model=list[models.SpeakerRow])
def speakers(
    request: Request, response: Response, chosen: Filters = Filtered, limit: int = Limit, offset: int = Offset
) -> list[dict[str, Any]]:
    """Speakers by distinct statements (a quote repeated by many sites counts once), with titles."""
    with store(request) as db:
        rows = db.speakers(filters=chosen, limit=limit + 1, offset=offset)
    return paged(request, response, rows, limit, offset)


@router.get("/speakers/{ref}", summary="Everything one speaker said", response_model=models.SpeakerDetail)
def speaker(
    request: Request, ref: str = Path(max_length=200, description="entity id or name"), everything: bool = EveryQuote
) -> dict[str, Any]:
    """By entity id or name: titles as each source gave them, statements, quotes, stances, claims."""
    with store(request) as db:
        found = db.speaker(ref, everything=everything)
    if found is None:
        raise HTTPException(404, "no such speaker")
    return found


@router.get("/quotes", summary="Quotes, newest first, or matching a text", response_model=list[models.QuoteRow])
def quotes(
    request: Request,
    response: Response,
    q: str | None = Query(None, max_length=500, description="full-text query over quotes"),
    chosen: Filters = Filtered,
    limit: int = Limit,
    offset: int = Offset,
) -> list[dict[str, Any]]:
    """Printed quotes with speaker, cue, stance and source; with ``q``, the best matches first, each with
    its ``snippet`` and ``score`` (the same row otherwise)."""
    with store(request) as db:
        rows = db.quotes(filters=chosen, text=q, limit=limit + 1, offset=offset)
    return paged(request, response, rows, limit, offset)


@router.get("/claims", summary="The claim tracker", response_model=list[models.ClaimGroup] | list[models.PrintedClaim])
def claims(
    request: Request,
    response: Response,
    about: str | None = Query(None, max_length=200, description='e.g. "Daesh fighters in Afghanistan"'),
    place: str | None = Query(None, description="ISO alpha-2 of the country the number is about"),
    claimant: str | None = Query(None, max_length=200, description="part of the claimant's name"),
    grouped: bool = Query(True, description="one row per claimant, value and object, with its sources"),
    everything: bool = Query(
        False, alias="all", description="also claims below the default confidence, and sports and market figures"
    ),
    site: str | None = Query(None, max_length=200),
    since: str | None = None,
    until: str | None = None,
    limit: int = Limit,
    offset: int = Offset,
) -> list[dict[str, Any]]:
    """Who claimed which numbers about what, when, and which sources printed them."""
    chosen = filters(site, since, until, place, None, None, everything)
    with store(request) as db:
        rows = db.claims(
            about=about, place=chosen.country, claimant=claimant, filters=chosen, grouped=grouped,
            everything=everything, limit=limit + 1, offset=offset,
        )  # fmt: skip
    return paged(request, response, rows, limit, offset)


@router.get("/places", summary="Mentions per country", response_model=list[models.CountryRow])
def places(request: Request) -> list[dict[str, Any]]:
    """Per ISO alpha-2 country: ISO3, FIPS, place mentions and articles, most mentioned first."""
    with store(request) as db:
        return db.places_summary()


@router.get("/places/{code}", summary="One country: its places and the articles that mention it",
            response_model=models.CountryDetail)  # fmt: skip
def place(request: Request, response: Response, code: str, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    """The named places inside the country and the newest articles mentioning it (paged by the Link header)."""
    country = country_code(code)
    with store(request) as db:
        rows = db.articles(filters=Filters(country=country), limit=limit + 1, offset=offset)
        named = db.country_places(country)
    return {"country": country, "places": named, "articles": paged(request, response, rows, limit, offset)}


@router.get("/sources", summary="The sources newsdesk watch follows", response_model=list[models.SourceRow])
def sources(request: Request) -> list[dict[str, Any]]:
    """Each watched feed, sitemap or site: kind, last fetch and status, counts, last error."""
    with store(request) as db:
        return db.sources()


@router.get("/alerts", summary="Saved alerts", response_model=list[models.AlertRow])
def alerts(request: Request) -> list[dict[str, Any]]:
    """Each alert: criteria, webhook, match count, last match, deliveries waiting, last delivery error."""
    with store(request) as db:
        return db.alerts()


@router.get("/alerts/{name}", summary="One alert and its matches, newest first", response_model=models.AlertDetail)
def alert(request: Request, response: Response, name: str, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    """The alert and its matches: each with the article and the evidence (the webhook's payload)."""
    with store(request) as db:
        found = known_alert(db, name)
        rows = db.alert_matches(name, limit=limit + 1, offset=offset)
    return {"alert": found, "matches": paged(request, response, rows, limit, offset)}


@router.get("/search", summary="Full-text search with facets", response_model=models.SearchResult)
def search(
    request: Request,
    response: Response,
    q: str = Query("", max_length=500, description='words, "exact phrases", or, -exclude'),
    chosen: Filters = Filtered,
    kind: Literal["all", "article", "quote"] = "all",
    sort: Literal["relevance", "newest"] = "relevance",
    limit: int = Limit,
    offset: int = Offset,
) -> dict[str, Any]:
    """Articles and quotes matching ``q`` (all articles, newest first, when empty), totals, and facet counts.

    ``total`` counts hits (articles and quotes), ``articles`` the distinct articles among them;
    facet counts are over ``facets_over`` of those articles (at most 1,000, the newest added).
    """
    kinds: tuple[Literal["article", "quote"], ...] = ("article", "quote") if kind == "all" else (kind,)
    with store(request) as db:
        if q.strip():
            hits = db.search(q, filters=chosen, kinds=kinds, sort=sort, limit=limit + 1, offset=offset)
        else:
            hits = [_article_hit(row) for row in db.articles(filters=chosen, limit=limit + 1, offset=offset)]
        counts = db.facets(q, chosen, kinds)
    facets = {k: v for k, v in asdict(counts).items() if k not in ("total", "articles", "counted")}
    return {
        "total": counts.total,
        "articles": counts.articles,
        "facets_over": counts.counted,
        "hits": paged(request, response, hits, limit, offset),
        "facets": facets,
    }


def _article_hit(row: dict[str, Any]) -> dict[str, Any]:
    """An article listed by an empty search, in the shape of a search hit."""
    return {
        "kind": "article", "article_id": row["id"], "article_key": row["key"], "title": row["title"],
        "site": row["site"], "url": row["url"], "published_date": row["published_date"], "quote_id": None,
        "quote_group_id": None, "speaker": None, "speaker_entity_id": None, "stance": None, "cue": None,
        "quote_kind": None, "confidence": None, "source_phrase": None, "sources": row["sources"], "snippet": "",
        "score": None,
    }  # fmt: skip


@router.post(
    "/extract",
    summary="Extract a page: post it, get its record",
    response_model=Article,
    responses={403: {"model": models.Error}, 413: {"model": models.Error}, 503: {"model": models.Error}},
)
def extract(
    request: Request,
    file: UploadFile | None = File(None, description="the page (.html or .txt)"),
    text: str = Form("", description="the page's HTML or text, instead of a file"),
    url: str = Form("", description="the page's address (fetched only on a server started with --allow-fetch)"),
    input_format: str = Form("auto", description="auto, html, text or article"),
    store_it: bool = Form(False, alias="store", description="also store it (server started with --allow-ingest)"),
) -> JSONResponse:
    """The newsdesk/article@1 record of the posted page. Nothing is stored unless asked and allowed;
    when stored, the ``X-Newsdesk-Stored`` header says added, revised or unchanged."""
    config = settings(request)
    if store_it and not config.allow_ingest:
        raise HTTPException(403, "this server is read-only (start it with --allow-ingest to store pages)")
    content = file.file.read(config.max_upload_bytes + 1) if file is not None else b""
    article = extract_page(
        config, extractor(request), content=content or text.encode("utf-8"), url=url, input_format=input_format
    )
    headers = {}
    if store_it:
        with store(request) as db:
            headers["X-Newsdesk-Stored"] = db.add(article).value
    return JSONResponse(article.to_dict(), headers=headers)
