"""The web desk's application factory: settings, templates, middleware, routes.

``create_app(Settings(db=…))`` builds one FastAPI application over one store. Pages
(:mod:`newsdesk.web.views`) and the JSON API (:mod:`newsdesk.web.api`) share the data
layer (:mod:`newsdesk.web.data`) and nothing else, as in Datasette: the API never renders,
the pages never serialise.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from newsdesk import __version__
from newsdesk.components import COMPONENTS
from newsdesk.record import PUBLICATION
from newsdesk.store import DEFAULT_DB
from newsdesk.store.shown import MIN_CONFIDENCE
from newsdesk.web.charts import format_number
from newsdesk.web.data import Desk
from newsdesk.web.extractor import Extractor
from newsdesk.web.render import unquoted, web_url
from newsdesk.web.security import BodyLimit, SecurityHeaders, TimeLimit

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# A news page is rarely over 1 MB of HTML; 5 MB leaves room for heavy pages while keeping
# one upload from tying up the annotator for minutes.
DEFAULT_MAX_UPLOAD = 5_000_000
DEFAULT_REQUEST_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class Settings:
    """How the desk runs. Every default is the safe one: read-only, no fetching, small bodies."""

    db: str = DEFAULT_DB
    allow_ingest: bool = False
    """The "try it" form may store what it extracts (and the database handles are writable)."""
    allow_fetch: bool = False
    """The "try it" form and ``POST /api/extract`` may fetch a URL from the server."""
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    request_seconds: float = DEFAULT_REQUEST_SECONDS


def create_app(settings: Settings) -> FastAPI:
    """The desk over ``settings.db``: pages at ``/``, JSON under ``/api``, OpenAPI at ``/api/openapi.json``."""
    from newsdesk.web import api, downloads, monitor, views  # the routes import this module's helpers

    desk = Desk(settings.db, writable=settings.allow_ingest)
    extraction = Extractor()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        extraction.close()  # the worker processes end with the server

    app = FastAPI(
        lifespan=lifespan,
        title="newsdesk",
        version=__version__,
        summary="Who said what, about whom, where and how many: the store of news articles newsdesk built.",
        # The interactive docs pages load scripts from a CDN and run inline script, which the
        # desk's offline, script-locked pages cannot; /api lists the endpoints instead.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.desk = desk
    app.state.extractor = extraction
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=str(static_dir())), name="static")
    app.include_router(api.router)
    app.include_router(views.router)
    app.include_router(monitor.router)
    app.include_router(downloads.router)
    views.install_error_pages(app)
    # Added last = outermost: the headers go on every response, errors from the limits included.
    app.add_middleware(TimeLimit, seconds=settings.request_seconds)
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def static_dir() -> Path:
    """The desk's CSS, script and world outline, shipped inside the package."""
    return Path(str(resources.files("newsdesk.web").joinpath("static")))


def templates() -> Jinja2Templates:
    """Jinja with autoescaping on for every template (all page data is untrusted)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsdesk.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = _number
    env.filters["web_url"] = web_url
    env.filters["unquoted"] = unquoted
    env.filters["claimant"] = _claimant
    env.globals["version"] = __version__
    env.globals["components"] = [component.name for component in COMPONENTS]  # one article panel each
    env.globals["claim_min_confidence"] = MIN_CONFIDENCE  # below it a claim is marked unsure
    return Jinja2Templates(env=env)


def _claimant(name: str | None) -> str:
    """Who claims a number, as the pages say it: the extractor's "publication" (the article's own
    statement, no one named) reads as "the publication", not as a claimant called so."""
    return name if name and name != PUBLICATION else "the publication"


def _number(value: Any) -> str:
    """Counts and claimed values in the pages: 12,500 / 2.5M; an empty string for None."""
    return "" if value is None else format_number(float(value))
