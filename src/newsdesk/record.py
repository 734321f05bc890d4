"""The record types of newsdesk: one place for every shape a stage reads or writes.

Every stage of the pipeline (read → clean → annotate → extract → store → serve) passes
an :class:`Article` along and fills its own fields. Keeping the types here, and only here,
means a stage never needs to import another stage to know what a quote looks like, and the
JSON Schema in ``schema/article.schema.json`` is generated from exactly these classes.

All spans are Unicode code-point offsets into ``Article.text``, end exclusive, so
``article.text[span.start:span.end]`` is always the span's text (tests check this on every
record they produce).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pydantic import TypeAdapter

SCHEMA_NAME = "newsdesk/article@1"

InputFormat = Literal["html", "text", "article"]
# "action": an attribution that is not speech, writing or thought ("X ordered …", "Y is charged with …");
# kept for PolNeAR-style scoring, out of the desk's quote lists and speaker counts by default.
QuoteKind = Literal["direct", "indirect", "mixed", "action"]
PlaceKind = Literal["country", "admin1", "city", "region"]
# A number that belongs to a table of figures rather than a claim about the world: a sports
# statistic (score, box-score line, points) or a market-table row (index level, share price move).
ClaimStatistic = Literal["sports", "market"]


@dataclass(slots=True)
class Span:
    """A stretch of ``Article.text``: ``text[start:end]``."""

    start: int
    end: int


@dataclass(slots=True)
class Removed:
    """A piece of the page the cleaner dropped, kept so a user can audit the cleaning."""

    text: str
    reason: str


@dataclass(slots=True)
class Entity:
    """One person, organisation or place, with all its mentions clustered across the article."""

    id: str
    name: str
    type: str
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Speaker:
    """Who a quote is attributed to: the mention in the text and the entity it resolves to."""

    entity: str | None
    name: str
    start: int
    end: int


@dataclass(slots=True)
class Phrase:
    """Words of the text, where they stand: the source of a quote that nobody could be named for."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Cue:
    """The reporting expression ("said", "according to", ":") that introduces a quote."""

    start: int
    end: int
    text: str
    lemma: str


@dataclass(slots=True)
class Via:
    """Where the words were said: ``medium`` ("interview", "statement", …) and ``outlet``."""

    medium: str
    outlet: str | None = None


@dataclass(slots=True)
class Quote:
    """One attribution: speaker, cue, the content fragments, kind and stance of the cue.

    ``speaker`` is None when nobody can be named: ``source_phrase`` then keeps the words the text
    uses ("they", "each") so a reader can still resolve them, and the desk says "unattributed".
    """

    id: str
    speaker: Speaker | None
    cue: Cue | None
    content: list[Span]
    kind: QuoteKind
    stance: str
    via: Via | None = None
    tone: float | None = None
    source_phrase: Phrase | None = None
    # How likely the quote is speech with the right speaker and content, 0–1; see docs/confidence.md.
    confidence: float | None = None


@dataclass(slots=True)
class Place:
    """A place mentioned in the article, geocoded offline."""

    name: str
    kind: PlaceKind
    country: str | None
    iso3: str | None
    fips: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    entity: str | None = None
    focus: bool = False
    mentions: list[Span] = field(default_factory=list)
    # How likely the place is right (name is a place, and this one), 0–1; see docs/confidence.md.
    confidence: float | None = None


# The claimant name of a number the article states itself, with no one named behind it.
PUBLICATION = "publication"


@dataclass(slots=True)
class Claimant:
    """Who stands behind a number: a speaker entity, or the publication itself (name "publication")."""

    entity: str | None
    name: str


@dataclass(slots=True)
class Claim:
    """A number that counts or measures something in the world, with what and who says so."""

    id: str
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    object: str | None
    category: str
    place: str | None
    claimant: Claimant | None
    quote: str | None = None
    # How likely the claim is right (value, object and claimant), 0–1; see docs/confidence.md.
    confidence: float | None = None
    statistic: ClaimStatistic | None = None


@dataclass(slots=True)
class Tone:
    """Lexicon tone of a text, on GDELT's scale (positive minus negative, per 100 words)."""

    score: float
    positive: float
    negative: float
    polarity: float
    word_count: int


@dataclass(slots=True, kw_only=True)
class Article:
    """One cleaned, annotated article: the record newsdesk writes (``newsdesk/article@1``).

    Fields are keyword-only and in the order of the JSON record (``schema`` first), so the
    serializer writes them in that order without a reordering pass."""

    schema: str = SCHEMA_NAME
    id: str
    url: str | None = None
    site: str | None = None
    source_path: str | None = None
    input_format: InputFormat
    title: str | None = None
    section: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    language: str | None = None
    # The page's share image (og:image), which GDELT's GKG keeps as SharingImage.
    image: str | None = None
    warnings: list[str] = field(default_factory=list)
    text: str
    body_start: int
    removed: list[Removed] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    tone: Tone | None = None

    @property
    def body(self) -> str:
        """The body text, without the headline."""
        return self.text[self.body_start :]

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready Python values, ``schema`` first."""
        data: dict[str, Any] = _article_adapter().dump_python(self, mode="json")
        return data

    def to_json(self, *, indent: int | None = None) -> str:
        """The record as one JSON document (UTF-8 text, not ASCII-escaped). pydantic's
        serializer, not ``json.dumps(asdict())``: 20× faster, and ingest writes every record."""
        return _article_adapter().dump_json(self, indent=indent).decode("utf-8")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an :class:`Article` from :meth:`to_dict` output, validating every field."""
        return _article_adapter().validate_python(data)

    def spans(self) -> list[Span]:
        """Every span anywhere in the record, for checking ``text[start:end]`` invariants."""
        out: list[Span] = []
        for entity in self.entities:
            out.extend(entity.mentions)
        for quote in self.quotes:
            if quote.speaker is not None:
                out.append(Span(quote.speaker.start, quote.speaker.end))
            if quote.cue is not None:
                out.append(Span(quote.cue.start, quote.cue.end))
            out.extend(quote.content)
        for place in self.places:
            out.extend(place.mentions)
        out.extend(Span(claim.start, claim.end) for claim in self.claims)
        return out

    def broken_invariant(self) -> str | None:
        """Why the record cannot be stored, or None. The pipeline keeps these invariants, but a record
        read from a file is untrusted: a span outside the text or an infinite claim value would break
        the store's and the desk's reads of it later."""
        n = len(self.text)
        for span in self.spans():
            if not 0 <= span.start <= span.end <= n:
                return f"a span ({span.start}–{span.end}) lies outside the text ({n} characters)"
        for claim in self.claims:
            if any(v is not None and not math.isfinite(v) for v in (claim.value, claim.low, claim.high)):
                return f"claim {claim.id} has a value that is not a finite number"
        return None


@dataclass(slots=True)
class Document:
    """What the read stage hands to the cleaner: decoded text and where it came from."""

    content: str
    input_format: InputFormat
    url: str | None = None
    source_path: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Cleaned:
    """What a cleaner returns: the article's parts, before they are joined into ``text``."""

    title: str | None
    paragraphs: list[str]
    section: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    site: str | None = None
    url: str | None = None
    """The address the page declares for itself (HTML mode: canonical link, else og:url), normalised."""
    image: str | None = None
    """The page's share image (HTML mode: og:image)."""
    language: str | None = None
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    verbatim: str | None = None
    """Set by article mode: the exact text to keep, so offsets match outside annotations."""


@lru_cache(maxsize=1)
def _article_adapter() -> TypeAdapter[Article]:
    """pydantic's validator for :class:`Article`; building it costs ~80 ms, so once per process."""
    from pydantic import TypeAdapter

    return TypeAdapter(Article)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Article`, generated from the dataclasses above."""
    schema = _article_adapter().json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_NAME
    schema["title"] = "newsdesk article record"
    return schema


def iso_published(text: str) -> str | None:
    """``text`` when it is an ISO 8601 date or date-time (as the cleaner writes ``published``), else None.

    Here, beside the field, because both the ingest inputs and the desk's date filters check
    against it, and the desk must not import the ingest package (that loads the pipeline)."""
    text = text.strip()
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(text)
        except ValueError:
            continue
        return text
    return None
