"""The desk's HTML pages: server-rendered Jinja over the store's queries.

Routes are plain ``def`` functions: FastAPI runs them in worker threads, each with its own
store handle (see :mod:`newsdesk.web.data`). They gather rows, shape them for one template
and render; they never build markup themselves, except through :mod:`newsdesk.web.render`,
which escapes every piece of article text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, File, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsdesk.record import Article
from newsdesk.store import Filters
from newsdesk.store.shown import MIN_CONFIDENCE, MIN_QUOTE_CONFIDENCE
from newsdesk.vocab.stance import STANCES
from newsdesk.web.charts import MAP_HEIGHT, MAP_WIDTH, SHADES, unit_charts, world_map
from newsdesk.web.common import (
    article_href,
    country_code,
    entity_href,
    extract_page,
    extractor,
    filters,
    offset,
    place_href,
    settings,
    store,
)
from newsdesk.web.render import language_name, render_article, tone_rows, unquoted

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
# Claims per page of the tracker's table, and the most a subject's charts draw (the newest).
CLAIMS_PAGE = 50
# A speaker's quotes per page (the most quoted have hundreds).
QUOTES_PAGE = 25
CHART_CLAIMS = 500
# Search snippets come back with these around each match: characters no page should
# contain, replaced by <mark> only after the snippet has been escaped.
_MARK = ("\ue000", "\ue001")
_MARKED = re.compile("\ue000(.*?)\ue001", re.S)


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a template with what every page needs (settings, current path)."""
    context.setdefault("title", "")
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, name, {"settings": settings(request), "path": request.url.path, **context}, status_code=status_code
    )
    return response


def snippet_html(snippet: str) -> Markup:
    """A search snippet, escaped, with its matches in ``<mark>``."""
    escaped = str(escape(snippet))
    marked = _MARKED.sub(r"<mark>\1</mark>", escaped)
    return Markup(marked.replace(_MARK[0], "").replace(_MARK[1], ""))


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """Search box, latest articles, most-quoted speakers, newest claims."""
    with store(request) as db:
        stats = db.stats()
        latest = db.articles(limit=10)
        speakers = db.speakers(limit=10)
        claims = db.claims(grouped=False, limit=8)
        keys = db.article_keys([int(c["article_id"]) for c in claims])
    for claim in claims:
        claim["article_key"] = keys.get(int(claim["article_id"]))
    return page(request, "home.html", stats=stats, latest=latest, speakers=speakers, claims=claims)


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: str = Query("", max_length=500),
    chosen: Filters = Depends(filters),
    kind: Literal["all", "article", "quote"] = "all",
    sort: Literal["relevance", "newest"] = "relevance",
    page_number: int = Query(1, alias="page", ge=1),
    language: str = Query("", max_length=3, pattern="^[A-Za-z]{0,3}$"),
) -> HTMLResponse:
    """Full-text search over articles and quotes, with facets (language among them) and pagination."""
    chosen = replace(chosen, language=language.lower() or None)
    kinds: tuple[Literal["article", "quote"], ...] = ("article", "quote") if kind == "all" else (kind,)
    start = offset(page_number, PAGE_SIZE)
    with store(request) as db:
        if q.strip():
            hits = db.search(q, filters=chosen, kinds=kinds, sort=sort, limit=PAGE_SIZE, offset=start, mark=_MARK)
        else:
            hits = [{**row, "kind": "article", "article_key": row["key"], "snippet": ""} for row in
                    db.articles(filters=chosen, limit=PAGE_SIZE, offset=start)]  # fmt: skip
        counts = db.facets(q, chosen, kinds)
    for row in counts.language:
        row["label"] = language_name(row["value"])
    for hit in hits:
        snippet = hit.get("snippet") or ""
        # The page puts a direct quote in its own “…”: the quote's marks would double them.
        hit["snippet_html"] = snippet_html(unquoted(snippet) if hit.get("quote_kind") == "direct" else snippet)
    given = {
        "q": q, "site": chosen.site, "since": chosen.since, "until": chosen.until, "country": chosen.country,
        "speaker": chosen.speaker, "stance": chosen.stance, "kind": None if kind == "all" else kind,
        "sort": None if sort == "relevance" else sort, "all": "1" if chosen.everything else None,
        "language": chosen.language,
    }  # fmt: skip
    params = {name: value for name, value in given.items() if value}

    def link(**changes: Any) -> str:
        """This search with some parameters changed (None removes one); back to page 1 unless given."""
        merged = {**params, **changes}
        return "/search?" + urlencode({name: value for name, value in merged.items() if value is not None})

    return page(
        request,
        "search.html",
        title=f"Search: {q}" if q else "Browse articles",
        q=q,
        hits=hits,
        facets=counts,
        params=params,
        link=link,
        stances=STANCES,
        page_number=page_number,
        pages=max(1, -(-counts.total // PAGE_SIZE)),
    )


@router.get("/articles/{ref}", response_class=HTMLResponse)
def article_page(request: Request, ref: str) -> HTMLResponse:
    """One article: highlighted text, quote cards, entities, places, claims, removed boilerplate."""
    with store(request) as db:
        row = db.article(ref)
    if row is None:
        raise HTTPException(404, "no such article")
    article = Article.from_dict(row["record"])
    entity_ids = {e["local_id"]: e["entity_id"] for e in row["entities"]}
    sources = {q["local_id"]: int(q["sources"] or 1) for q in row["quotes"]}
    rendered = render_article(
        article,
        link_entity=lambda local: entity_href(entity_ids[local]) if local in entity_ids else None,
        link_place=place_href,
        sources=sources,
    )
    return page(
        request, "article.html", title=article.title or "Article", row=row, article=article, view=rendered,
        entity_link=lambda local: entity_href(entity_ids[local]) if local in entity_ids else None,
    )  # fmt: skip


@router.get("/speakers", response_class=HTMLResponse)
def speakers(
    request: Request, page_number: int = Query(1, alias="page", ge=1), everything: bool = Query(False, alias="all")
) -> HTMLResponse:
    """Everyone quoted, most quoted first; counts of the quotes the desk shows unless ``all=1``."""
    with store(request) as db:
        chosen = Filters(everything=everything)
        rows = db.speakers(filters=chosen, limit=PAGE_SIZE + 1, offset=offset(page_number, PAGE_SIZE))
    return page(
        request, "speakers.html", title="Speakers", rows=rows[:PAGE_SIZE], page_number=page_number,
        more=len(rows) > PAGE_SIZE, everything=everything, min_confidence=MIN_QUOTE_CONFIDENCE,
    )  # fmt: skip


@router.get("/speakers/{entity_id}", response_class=HTMLResponse)
@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(
    request: Request,
    entity_id: int = Path(ge=1, le=2**63 - 1),
    everything: bool = Query(False, alias="all"),
    page_number: int = Query(1, alias="page", ge=1),
) -> HTMLResponse:
    """A person or organisation: titles over time, their quotes a page at a time, tone by month,
    stance mix, co-mentioned entities. Quotes the desk hides by default (actions, unsure ones) only with ``all=1``."""
    with store(request) as db:
        found = db.speaker(entity_id, everything=everything, quote_limit=QUOTES_PAGE + 1,
                           quote_offset=offset(page_number, QUOTES_PAGE))  # fmt: skip
        if found is None:
            raise HTTPException(404, "no such entity")
        articles = db.entity_articles(entity_id)
        tone = db.speaker_tone(entity_id, everything=everything)
        ids = [int(r["article_id"]) for part in ("quotes", "titles", "claims") for r in found[part]]
        keys = db.article_keys(ids)
    more = len(found["quotes"]) > QUOTES_PAGE
    found["quotes"] = found["quotes"][:QUOTES_PAGE]
    for part in ("quotes", "titles", "claims"):
        for row in found[part]:
            row["article_key"] = keys.get(int(row["article_id"]))
    total = sum(int(s["quotes"]) for s in found["stances"])
    return page(
        request, "entity.html", title=found["entity"]["name"], found=found, articles=articles,
        stance_total=total or 1, quote_total=total, tone=tone_rows(tone), page_number=page_number, more=more,
        params={"all": "1"} if everything else {},
    )  # fmt: skip


@router.get("/claims", response_class=HTMLResponse)
def claims(
    request: Request,
    about: str = Query("", max_length=200),
    place: str = Query("", max_length=2),
    claimant: str = Query("", max_length=200),
    everything: bool = Query(False, alias="all"),
    page_number: int = Query(1, alias="page", ge=1),
) -> HTMLResponse:
    """The claims tracker: claimed values about one subject over time (one chart per unit), each
    with claimant and source, and the table of claims a page at a time. By default the claims
    newsdesk is sure of and no sports or market-table figures; ``all=1`` shows all."""
    code = country_code(place) if place else None
    asked = {"about": about or None, "place": code, "claimant": claimant or None}
    with store(request) as db:

        def chosen(limit: int, start: int = 0) -> list[dict[str, Any]]:
            """The claims asked for, one row per printed claim."""
            return db.claims(about=asked["about"], place=code, claimant=asked["claimant"], grouped=False,
                             everything=everything, limit=limit, offset=start)  # fmt: skip

        rows = chosen(CLAIMS_PAGE + 1, offset(page_number, CLAIMS_PAGE))
        charted = chosen(CHART_CLAIMS) if any(asked.values()) else []
        subjects = db.claim_subjects()
        keys = db.article_keys([int(r["article_id"]) for r in rows + charted])
    for row in rows + charted:
        row["article_key"] = keys.get(int(row["article_id"]))
    charts = unit_charts(charted, lambda row: article_href(row["article_key"])) if charted else []
    params = {name: value for name, value in {**asked, "all": "1" if everything else None}.items() if value}
    return page(
        request, "claims.html", title=f"Claims: {about}" if about else "Claims tracker", rows=rows[:CLAIMS_PAGE],
        charts=charts, asked=any(asked.values()), subjects=subjects, about=about, place=code or "",
        claimant=claimant, everything=everything, min_confidence=MIN_CONFIDENCE, page_number=page_number,
        more=len(rows) > CLAIMS_PAGE, params=params, charted=len(charted), chart_cap=CHART_CLAIMS,
    )  # fmt: skip


@router.get("/places", response_class=HTMLResponse)
def places(request: Request) -> HTMLResponse:
    """The world map, countries shaded by how often articles mention them."""
    with store(request) as db:
        summary = db.places_summary()
    counts = {row["country"]: (int(row["mentions"] or 0), int(row["articles"] or 0)) for row in summary}
    return page(
        request, "places.html", title="Places", countries=world_map(counts), summary=summary[:30], shades=SHADES,
        map_size=(MAP_WIDTH, MAP_HEIGHT),
    )  # fmt: skip


@router.get("/places/{code}", response_class=HTMLResponse)
def place(request: Request, code: str, page_number: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
    """One country: its places and the articles that mention it."""
    country = country_code(code)
    with store(request) as db:
        articles = db.articles(filters=Filters(country=country), limit=PAGE_SIZE + 1,
                               offset=offset(page_number, PAGE_SIZE))  # fmt: skip
        named = db.country_places(country)
    return page(
        request, "place.html", title=f"Places: {country}", country=country, articles=articles[:PAGE_SIZE],
        named=named, page_number=page_number, more=len(articles) > PAGE_SIZE,
    )  # fmt: skip


@router.get("/try", response_class=HTMLResponse)
def try_form(request: Request) -> HTMLResponse:
    """Paste or upload a page to see what newsdesk extracts from it."""
    return page(request, "try.html", title="Try it", result=None)


@router.post("/try", response_class=HTMLResponse)
def try_submit(
    request: Request,
    text: str = Form(""),
    url: str = Form(""),
    input_format: str = Form("auto"),
    store_it: bool = Form(False),
    upload: UploadFile | None = File(None),
) -> HTMLResponse:
    """Extract the posted page and show it like an article page; store it only if allowed and asked."""
    config = settings(request)
    content = upload.file.read(config.max_upload_bytes + 1) if upload is not None and upload.filename else b""
    content = content or text.encode("utf-8")
    try:
        article = extract_page(config, extractor(request), content=content, url=url, input_format=input_format)
    except HTTPException as exc:
        return page(request, "try.html", status_code=exc.status_code, title="Try it", result=None,
                    error=exc.detail, text=text, url=url)  # fmt: skip
    stored = None
    if store_it and config.allow_ingest:
        with store(request) as db:
            stored = db.add(article).value
    rendered = render_article(article, link_entity=lambda local: _search_entity(article, local), link_place=place_href)
    return page(
        request, "try.html", title="Try it", result=article, view=rendered, stored=stored, text=text, url=url,
        entity_link=lambda local: _search_entity(article, local),
    )  # fmt: skip


def _search_entity(article: Article, local_id: str) -> str | None:
    """For an article that is not stored, an entity links to a search for its name."""
    name = next((e.name for e in article.entities if e.id == local_id), None)
    return "/search?" + urlencode({"q": f'"{name}"'}) if name else None


@router.get("/api", response_class=HTMLResponse)
def api_reference(request: Request) -> HTMLResponse:
    """The JSON API's endpoints, from the OpenAPI document (the CDN-based Swagger UI cannot run here)."""
    spec = request.app.openapi()
    endpoints = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", ""), "doc": op.get("description", "")}
        for path, methods in spec["paths"].items()
        for method, op in methods.items()
    ]
    return page(request, "api.html", title="API", endpoints=endpoints)


def install_error_pages(app: FastAPI) -> None:
    """HTTP errors as JSON under /api, as a page elsewhere."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return page(request, "error.html", status_code=exc.status_code, title="Error", status=exc.status_code,
                    detail=exc.detail)  # fmt: skip

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        # One line, like every other error: "limit: Input should be less than or equal to 200".
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": detail}, status_code=422)
        return page(request, "error.html", status_code=422, title="Error", status=422, detail=detail)
