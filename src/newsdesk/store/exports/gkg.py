"""The ``gkg`` export, GDELT GKG 2.1-compatible: one tab-separated row of 27 fields per article.

Built from each article's stored record, so offsets are newsdesk's character offsets into
the article text (GDELT's are into its own copy of the document). Fields newsdesk has no
data for (themes, GCAM dimensions beyond the word count, images, enhanced dates) are left
empty, which GDELT itself does when a document has none. docs/store.md maps every column.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import IO, Any
from xml.sax.saxutils import escape

from newsdesk.store import Store
from newsdesk.store.exports import stream_format
from newsdesk.store.shown import shown_record

# GDELT count types for newsdesk claim categories (GKG counts are only these event kinds;
# every claim, whatever its category, also goes to V2.1AMOUNTS).
COUNT_TYPES = {
    "killed": "KILL",
    "wounded": "WOUND",
    "arrested": "ARREST",
    "kidnapped": "KIDNAP",
    "protesters": "PROTEST",
    "displaced": "AFFECT",
}
# GDELT location types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state/province.
_PERSON_TYPES = {"PERSON", "PER"}
_ORG_TYPES = {"ORG", "ORGANIZATION", "NORP"}
_SEPARATORS = re.compile(r"[\t\r\n#;|,]+")


@stream_format("gkg")
def export_gkg(store: Store, out: IO[str], *, everything: bool = False) -> int:
    """Write one GKG 2.1 row per stored article; returns the number of rows."""
    batch = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    count = 0
    for row in store.db.stream("SELECT id, first_ingested, record FROM articles ORDER BY id"):
        record = json.loads(row["record"])
        if not everything:
            record = shown_record(record)
        out.write("\t".join(gkg_row(record, f"{batch}-{row['id']}", row["first_ingested"])) + "\n")
        count += 1
    return count


def gkg_row(record: dict[str, Any], record_id: str, ingested: str) -> list[str]:
    """The 27 GKG 2.1 fields of one article record."""
    places = record.get("places") or []
    claims = record.get("claims") or []
    entities = record.get("entities") or []
    counts = [c for c in claims if _count_type(c.get("category") or "")]
    word_count = len(record["text"][record["body_start"] :].split())
    return [
        record_id,
        _date(record.get("published"), ingested),
        "1" if record.get("url") else "2",
        _clean(record.get("site") or ""),
        record.get("url") or record.get("source_path") or record["id"],
        ";".join(_count(c, places, enhanced=False) for c in counts),
        ";".join(_count(c, places, enhanced=True) for c in counts),
        "",
        "",
        ";".join(dict.fromkeys(_location(p, enhanced=False) for p in places)),
        ";".join(_location(p, enhanced=True) for p in places),
        ";".join(dict.fromkeys(_clean(e["name"]) for e in entities if e["type"].upper() in _PERSON_TYPES)),
        ";".join(_names(entities, _PERSON_TYPES)),
        ";".join(dict.fromkeys(_clean(e["name"]) for e in entities if e["type"].upper() in _ORG_TYPES)),
        ";".join(_names(entities, _ORG_TYPES)),
        _tone(record.get("tone"), word_count),
        "",
        f"wc:{word_count}",
        "",
        "",
        "",
        "",
        "#".join(_quotation(record["text"], q) for q in record.get("quotes") or [] if q.get("content")),
        ";".join(_names(entities, None)),
        ";".join(f"{_number(c)},{_clean(c.get('object') or '')},{c['start']}" for c in claims if _number(c)),
        "",
        f"<PAGE_TITLE>{escape(' '.join((record.get('title') or '').split()))}</PAGE_TITLE>",
    ]


def _clean(text: str) -> str:
    """No GKG delimiter may appear inside a value."""
    return " ".join(_SEPARATORS.sub(" ", text).split())


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
    if value is None:
        value = claim.get("low")
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _location_type(place: dict[str, Any]) -> int:
    us = place.get("country") == "US"
    return {"country": 1, "admin1": 2 if us else 5, "city": 3 if us else 4}.get(place.get("kind") or "", 5)


def _location(place: dict[str, Any], *, enhanced: bool) -> str:
    """``Type#Name#CountryFIPS#ADM1#[ADM2#]Lat#Long#FeatureID[#Offset]``."""
    kind = _location_type(place)
    fips = place.get("fips") or ""
    feature = fips if kind == 1 else str(place.get("geonameid") or "")
    lat = "" if place.get("lat") is None else f"{place['lat']:.4f}"
    lon = "" if place.get("lon") is None else f"{place['lon']:.4f}"
    fields = [str(kind), _clean(place.get("name") or ""), fips, fips]
    if enhanced:
        fields.append("")
    fields += [lat, lon, feature]
    if enhanced:
        mentions = place.get("mentions") or []
        fields.append(str(min((m["start"] for m in mentions), default=0)))
    return "#".join(fields)


def _count(claim: dict[str, Any], places: list[dict[str, Any]], *, enhanced: bool) -> str:
    """``CountType#Number#Object#`` then the claim's location (V1 layout), ``#Offset`` in V2.1."""
    place = next((p for p in places if claim.get("place") and p.get("country") == claim["place"]), None)
    location = _location(place, enhanced=False).split("#") if place else ["0", "", "", "", "", "", ""]
    fields = [_count_type(claim.get("category") or "") or "", _number(claim) or "0", _clean(claim.get("object") or "")]
    fields += location
    if enhanced:
        fields.append(str(claim["start"]))
    return "#".join(fields)


def _names(entities: list[dict[str, Any]], types: set[str] | None) -> list[str]:
    """``Name,Offset`` for every mention of the entities of ``types`` (all when None), in text order."""
    pairs = [
        (mention["start"], _clean(entity["name"]))
        for entity in entities
        if types is None or entity["type"].upper() in types
        for mention in entity.get("mentions") or []
    ]
    return [f"{name},{offset}" for offset, name in sorted(pairs)]


def _tone(tone: dict[str, Any] | None, word_count: int) -> str:
    """Tone, positive, negative, polarity, activity density, self/group density (unknown: 0), words."""
    if not tone:
        return ""
    values = (tone["score"], tone["positive"], tone["negative"], tone["polarity"], 0, 0)
    return ",".join(f"{v:g}" for v in values) + f",{tone.get('word_count') or word_count}"


def _quotation(text: str, quote: dict[str, Any]) -> str:
    """``Offset|Length|Verb|Quote`` (fragments of a split quote joined with " … ")."""
    spans = quote["content"]
    start, end = spans[0]["start"], spans[-1]["end"]
    words = " … ".join(_clean(text[s["start"] : s["end"]]) for s in spans)
    verb = _clean((quote.get("cue") or {}).get("text") or "")
    return f"{start}|{end - start}|{verb}|{words}"
