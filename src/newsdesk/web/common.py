"""What the page routes and the API routes share: settings, store access, input checks, links."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pycountry
from fastapi import HTTPException, Query, Request

from newsdesk.errors import InputError
from newsdesk.read import is_url
from newsdesk.read.fetch import fetch
from newsdesk.record import Article, iso_published
from newsdesk.store import Filters, Store
from newsdesk.store.shown import MIN_QUOTE_CONFIDENCE
from newsdesk.vocab.stance import STANCES
from newsdesk.web.app import Settings
from newsdesk.web.data import Desk
from newsdesk.web.extractor import Busy, Extractor

# Only this form of ISO 8601: the filters compare it as text with the stored ``published_date``.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
MAX_OFFSET = 10_000


def settings(request: Request) -> Settings:
    """The running desk's settings."""
    found: Settings = request.app.state.settings
    return found


def extractor(request: Request) -> Extractor:
    """The desk's extraction pool (worker processes; see :mod:`newsdesk.web.extractor`)."""
    pool: Extractor = request.app.state.extractor
    return pool


@contextmanager
def store(request: Request) -> Iterator[Store]:
    """This worker thread's store handle, with queries cut off at the request's deadline."""
    desk: Desk = request.app.state.desk
    with desk.deadline(settings(request).request_seconds) as handle:
        yield handle


# What ``all`` adds to quote listings, counts and searches (the desk's default: newsdesk.store.shown).
ALL_QUOTES = f"also non-speech attributions and quotes below confidence {MIN_QUOTE_CONFIDENCE}"


def filters(
    site: str | None = Query(None, max_length=200, description="site (host name without www.)"),
    since: str | None = Query(None, description="YYYY-MM-DD"),
    until: str | None = Query(None, description="YYYY-MM-DD"),
    country: str | None = Query(None, description="ISO 3166-1 alpha-2 of a place mentioned"),
    speaker: str | None = Query(None, max_length=200, description="part of a quoted speaker's name"),
    stance: str | None = Query(None, description="stance class of the cue (say, claim-allege, deny-reject, …)"),
    everything: bool = Query(False, alias="all", description=ALL_QUOTES),
) -> Filters:
    """The filters every listing takes, as query parameters: one definition for the API and the
    pages (``Depends(filters)``). A malformed or impossible date, an unknown country code or
    stance is a 422."""
    for name, value in (("since", since), ("until", until)):
        if value and not (_DATE.fullmatch(value) and iso_published(value)):
            raise HTTPException(422, f"{name} must be a date, YYYY-MM-DD")
    if country and not (_COUNTRY.match(country) and pycountry.countries.get(alpha_2=country.upper())):
        raise HTTPException(422, "country must be an ISO 3166-1 alpha-2 code")
    if stance and stance not in STANCES:
        raise HTTPException(422, f"stance must be one of {', '.join(STANCES)}")
    return Filters(
        speaker=speaker or None,
        site=site or None,
        since=since or None,
        until=until or None,
        country=country.upper() if country else None,
        stance=stance or None,
        everything=everything,
    )


def known_alert(db: Store, name: str) -> dict[str, Any]:
    """The alert named ``name``, or a 404."""
    alert = db.alert(name)
    if alert is None:
        raise HTTPException(404, f"no alert named {name!r}")
    return alert


def country_code(value: str) -> str:
    """An ISO alpha-2 code from a path, upper-cased; 404 for anything else."""
    if not _COUNTRY.match(value):
        raise HTTPException(404, "no such country code")
    return value.upper()


def offset(page: int, size: int) -> int:
    """The row offset of a 1-based page, refusing pages deeper than anyone reads."""
    start = (max(page, 1) - 1) * size
    if start > MAX_OFFSET:
        raise HTTPException(422, f"pages go up to offset {MAX_OFFSET}; narrow the search instead")
    return start


def extract_page(
    settings: Settings,
    extractor: Extractor,
    *,
    content: bytes | None,
    url: str | None,
    input_format: str,
) -> Article:
    """Run the pipeline over a posted page; fetch ``url`` only when the server allows it.

    The page is always handed to the pipeline as ``bytes``: a string would be read as a path
    or URL when it has no newline, and a pasted "/etc/passwd" must stay text.
    """
    url = (url or "").strip() or None
    if url is not None and not is_url(url):
        raise HTTPException(422, "url must be an http:// or https:// address")
    if not content:
        if url is None:
            raise HTTPException(422, "give the page: paste its text or HTML, or upload a file")
        if not settings.allow_fetch:
            raise HTTPException(403, "this server does not fetch URLs (start it with --allow-fetch)")
        try:
            content = fetch(url, max_bytes=settings.max_upload_bytes)
        except InputError as exc:
            raise HTTPException(422, f"could not fetch {url}: {exc}") from None
    try:
        record = extractor.extract(
            content, url=url, input_format=_input_format(input_format), max_bytes=settings.max_upload_bytes,
            seconds=settings.request_seconds,
        )  # fmt: skip
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    except Busy as exc:
        raise HTTPException(503, str(exc)) from None
    return Article.from_dict(record)


def _input_format(value: str) -> Any:
    if value not in {"auto", "html", "text", "article"}:
        raise HTTPException(422, "input_format is one of auto, html, text, article")
    return value


def article_href(key: str) -> str:
    """The article page's path."""
    return f"/articles/{key}"


def entity_href(entity_id: int | str) -> str:
    """An entity's (or speaker's) page path."""
    return f"/entities/{entity_id}"


def place_href(country: str) -> str:
    """A country's page path."""
    return f"/places/{country.upper()}"
