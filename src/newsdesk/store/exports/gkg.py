"""The ``gkg`` export, GDELT GKG 2.1-compatible: one tab-separated row of 27 fields per article.

Built from each article's stored record, so offsets are newsdesk's character offsets into
the article text (GDELT's are into its own copy of the document). Fields newsdesk has no
data for (themes, GCAM dimensions beyond the word count, related images, enhanced dates) are
left empty, which GDELT itself does when a document has none. docs/store.md maps every column.

What a join with GDELT's own files needs, and how it is met:

- ``GKGRECORDID`` is GDELT's ``YYYYMMDDHHMMSS-X``: here the time the article's current revision
  was first ingested and the article's store id, so it is the same in every export of one
  revision and changes when the article is revised;
- ``DocumentIdentifier`` is the article's URL with ``SourceCollectionIdentifier`` 1 (web); an
  article without one gets a textual citation (site, title, date) and 2 (citation only), as
  GDELT does for offline sources; ``SourceCommonName`` is the URL's domain, as in GDELT;
- locations as :mod:`newsdesk.store.exports.gkg_places` writes them; quotations only direct
  quotes with a reporting verb; amounts only with an object, numbers never in exponent form;
  ``SharingImage`` the page's ``og:image``.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import IO, Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from newsdesk.store import Store
from newsdesk.store.exports import stream_format
from newsdesk.store.exports.gkg_places import location
from newsdesk.store.exports.gkg_tone import tone_field
from newsdesk.store.exports.numbers import plain
from newsdesk.store.shown import shown_record

# GDELT count types for newsdesk claim categories (GKG counts are only these event kinds;
# every claim with an object, whatever its category, also goes to V2.1AMOUNTS).
COUNT_TYPES = {
    "killed": "KILL",
    "wounded": "WOUND",
    "arrested": "ARREST",
    "kidnapped": "KIDNAP",
    "protesters": "PROTEST",
    "displaced": "AFFECT",
}
_PERSON_TYPES = {"PERSON", "PER"}
_ORG_TYPES = {"ORG", "ORGANIZATION", "NORP"}
_SEPARATORS = re.compile(r"[\t\r\n#;|,]+")
# A reporting verb is a word: a colon or dash introducing a quote is not one.
_VERB = re.compile(r"[^\W\d_]")
_ROWS = (
    "SELECT a.id, a.first_ingested, a.record, r.ingested_at FROM articles a "
    "JOIN article_revisions r ON r.article_id = a.id AND r.revision = a.revision ORDER BY a.id"
)


@stream_format("gkg")
def export_gkg(store: Store, out: IO[str], *, everything: bool = False) -> int:
    """Write one GKG 2.1 row per stored article; returns the number of rows."""
    count = 0
    for row in store.db.stream(_ROWS):
        record = json.loads(row["record"])
        if not everything:
            record = shown_record(record)
        record_id = f"{_date(row['ingested_at'], row['first_ingested'])}-{row['id']}"
        out.write("\t".join(gkg_row(record, record_id, row["first_ingested"])) + "\n")
        count += 1
    return count


def gkg_row(record: dict[str, Any], record_id: str, ingested: str) -> list[str]:
    """The 27 GKG 2.1 fields of one article record."""
    places = record.get("places") or []
    claims = record.get("claims") or []
    entities = record.get("entities") or []
    counts = [c for c in claims if _count_type(c.get("category") or "")]
    word_count = len(record["text"][record["body_start"] :].split())
    url = record.get("url")
    return [
        record_id,
        _date(record.get("published"), ingested),
        "1" if url else "2",
        _domain(url) or _clean(record.get("site") or ""),
        url or _citation(record),
        ";".join(_count(c, places, enhanced=False) for c in counts),
        ";".join(_count(c, places, enhanced=True) for c in counts),
        "",
        "",
        ";".join(dict.fromkeys(location(p, _clean).fields(enhanced=False) for p in places)),
        ";".join(location(p, _clean).fields(enhanced=True, offset=_first(p)) for p in places),
        ";".join(dict.fromkeys(_clean(e["name"]) for e in entities if e["type"].upper() in _PERSON_TYPES)),
        ";".join(_names(entities, _PERSON_TYPES)),
        ";".join(dict.fromkeys(_clean(e["name"]) for e in entities if e["type"].upper() in _ORG_TYPES)),
        ";".join(_names(entities, _ORG_TYPES)),
        tone_field(record.get("tone"), record["text"], word_count),
        "",
        f"wc:{word_count}",
        _clean_url(record.get("image") or ""),
        "",
        "",
        "",
        "#".join(_quotation(record["text"], q) for q in record.get("quotes") or [] if _direct(q)),
        ";".join(_names(entities, None)),
        ";".join(_amount(c) for c in claims if _amount(c)),
        "",
        f"<PAGE_TITLE>{escape(' '.join((record.get('title') or '').split()))}</PAGE_TITLE>",
    ]


def _clean(text: str) -> str:
    """No GKG delimiter may appear inside a value."""
    return " ".join(_SEPARATORS.sub(" ", text).split())


def _clean_url(url: str) -> str:
    """A URL is one field: whitespace would split it."""
    return "" if any(c.isspace() for c in url) else url


def _domain(url: str | None) -> str:
    host = urlsplit(url).hostname if url else None
    return host.lower().removeprefix("www.") if host else ""


def _citation(record: dict[str, Any]) -> str:
    """A textual citation for an article with no URL: site, title and publication date."""
    parts = [record.get("site") or "", record.get("title") or "", (record.get("published") or "")[:10]]
    return _clean(". ".join(part for part in parts if part)) or _clean(record.get("source_path") or record["id"])


def _date(published: str | None, ingested: str) -> str:
    for value in (published, ingested):
        if not value:
            continue
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            continue
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC)
        return moment.strftime("%Y%m%d%H%M%S")
    return "0"


def _count_type(category: str) -> str | None:
    lower = category.lower()
    return next((kind for word, kind in COUNT_TYPES.items() if word in lower), None)


def _number(claim: dict[str, Any]) -> str:
    value = claim.get("value")
    return plain(claim.get("low") if value is None else value)


def _first(place: dict[str, Any]) -> int:
    return min((m["start"] for m in place.get("mentions") or []), default=0)


def _count(claim: dict[str, Any], places: list[dict[str, Any]], *, enhanced: bool) -> str:
    """``CountType#Number#Object#`` then the claim's location (V1 layout), ``#Offset`` in V2.1."""
    place = next((p for p in places if claim.get("place") and p.get("country") == claim["place"]), None)
    where = location(place, _clean).fields(enhanced=False) if place else "0######"
    kind = _count_type(claim.get("category") or "") or ""
    fields = [kind, _number(claim) or "0", _clean(claim.get("object") or ""), where]
    if enhanced:
        fields.append(str(claim["start"]))
    return "#".join(fields)


def _amount(claim: dict[str, Any]) -> str:
    """``Amount,Object,Offset``, or "" for a claim without a number or an object."""
    number, thing = _number(claim), _clean(claim.get("object") or "")
    return f"{number},{thing},{claim['start']}" if number and thing else ""


def _names(entities: list[dict[str, Any]], types: set[str] | None) -> list[str]:
    """``Name,Offset`` for every mention of the entities of ``types`` (all when None), in text order."""
    pairs = [
        (mention["start"], _clean(entity["name"]))
        for entity in entities
        if types is None or entity["type"].upper() in types
        for mention in entity.get("mentions") or []
    ]
    return [f"{name},{offset}" for offset, name in sorted(pairs)]


def _direct(quote: dict[str, Any]) -> bool:
    """GDELT's quotations are direct quotes with the verb that introduced them."""
    verb = (quote.get("cue") or {}).get("text") or ""
    return quote.get("kind") == "direct" and bool(quote.get("content")) and bool(_VERB.search(verb))


def _quotation(text: str, quote: dict[str, Any]) -> str:
    """``Offset|Length|Verb|Quote`` (fragments of a split quote joined with " … ")."""
    spans = quote["content"]
    start, end = spans[0]["start"], spans[-1]["end"]
    words = " … ".join(_clean(text[s["start"] : s["end"]]) for s in spans)
    verb = _clean((quote.get("cue") or {}).get("text") or "")
    return f"{start}|{end - start}|{verb}|{words}"
