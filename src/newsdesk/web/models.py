"""The JSON API's response shapes, declared so the OpenAPI document says exactly what each endpoint returns.

They mirror the store's row dicts (``newsdesk.store``), which stay plain dicts for the CLI and
the pages; FastAPI validates and filters each response through these models. The article
record is the ``newsdesk/article@1`` record type itself (:class:`newsdesk.record.Article`), so
the API and ``schema/article.schema.json`` cannot drift apart.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from newsdesk.record import Article


class Error(BaseModel):
    """Every error: one line saying what was wrong (404 unknown id, 422 malformed parameter, 403, 413, 503)."""

    detail: str


class ArticleRow(BaseModel):
    id: int
    key: str
    title: str | None
    site: str | None
    url: str | None
    published_date: str | None
    word_count: int | None
    revision: int
    story_group_id: int
    quotes: int
    claims: int
    sources: int


class ArticleEntity(BaseModel):
    local_id: str
    entity_id: int
    name_here: str
    name: str
    type: str
    mention_count: int


class QuoteFields(BaseModel):
    """What every listing of quotes gives about one quote."""

    quote_id: int
    speaker: str | None
    speaker_entity_id: int | None
    speaker_title: str | None
    content: str
    cue: str | None
    kind: str
    stance: str
    via_medium: str | None
    via_outlet: str | None
    confidence: float | None
    source_phrase: str | None


class ArticleQuote(QuoteFields):
    local_id: str
    quote_group_id: int
    sources: int


class ClaimNumbers(BaseModel):
    """What every listing of claims gives about one claim: the number, what it counts, where."""

    claim_id: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    object: str | None
    category: str
    country: str | None


class ArticleClaim(ClaimNumbers):
    local_id: str
    qualifier: str | None
    claimant_entity_id: int | None
    claimant_name: str | None
    quote_id: int | None


class ArticlePlace(BaseModel):
    name: str
    kind: str
    country: str | None
    iso3: str | None
    fips: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    focus: int
    mention_count: int


class Revision(BaseModel):
    revision: int
    content_hash: str
    title: str | None
    ingested_at: str


class StoryMember(BaseModel):
    id: int
    key: str
    title: str | None
    site: str | None
    url: str | None
    published_date: str | None


class ArticleDetail(BaseModel):
    """One stored article: its columns, the record, and what the store linked it to."""

    id: int
    key: str
    url: str | None
    site: str | None
    source_path: str | None
    title: str | None
    section: str | None
    byline: str | None
    published: str | None
    published_date: str | None
    language: str | None
    text: str
    body_start: int
    word_count: int | None
    tone: float | None
    content_hash: str
    revision: int
    story_group_id: int
    first_ingested: str
    last_ingested: str
    record: Article
    entities: list[ArticleEntity]
    quotes: list[ArticleQuote]
    claims: list[ArticleClaim]
    places: list[ArticlePlace]
    revisions: list[Revision]
    story_group: list[StoryMember]


class EntityRow(BaseModel):
    entity_id: int
    name: str
    type: str
    articles: int
    mentions: int


class SpeakerRow(BaseModel):
    entity_id: int
    name: str
    type: str
    quotes: int
    quote_mentions: int
    articles: int
    sources: int
    first_quoted: str | None
    last_quoted: str | None
    titles: list[str]


class EntityRef(BaseModel):
    id: int
    name: str
    type: str


class TitleUse(BaseModel):
    title: str
    site: str | None
    published_date: str | None
    article_id: int


class Statement(BaseModel):
    quote_group_id: int
    content: str
    stance: str | None
    copies: int
    sources: int
    sites: str | None
    first_published: str | None
    last_published: str | None


class SpokenQuote(BaseModel):
    quote_id: int
    quote_group_id: int
    content: str
    cue: str | None
    stance: str
    kind: str
    speaker_title: str | None
    via_medium: str | None
    via_outlet: str | None
    confidence: float | None
    article_id: int
    article_title: str | None
    site: str | None
    url: str | None
    published_date: str | None


class StanceCount(BaseModel):
    stance: str
    quotes: int


class CoMention(BaseModel):
    entity_id: int
    name: str
    type: str
    articles: int


class StatedClaim(ClaimNumbers):
    article_id: int
    site: str | None
    published_date: str | None


class EntityArticle(BaseModel):
    key: str
    title: str | None
    site: str | None
    published_date: str | None
    mention_count: int


class SpeakerDetail(BaseModel):
    """Everything one entity said: titles per source, statements, every quote, stances, co-mentions, claims."""

    entity: EntityRef
    titles: list[TitleUse]
    statements: list[Statement]
    quotes: list[SpokenQuote]
    stances: list[StanceCount]
    co_mentioned: list[CoMention]
    claims: list[StatedClaim]


class EntityDetail(SpeakerDetail):
    """A speaker's page plus the newest articles that mention the entity."""

    articles: list[EntityArticle]


class QuoteRow(QuoteFields):
    """One printed quote; ``snippet`` and ``score`` are set when the listing answers a text query."""

    quote_group_id: int | None
    local_id: str | None
    article_key: str
    article_title: str | None
    site: str | None
    url: str | None
    published_date: str | None
    snippet: str | None = None
    score: float | None = None


class ClaimFields(ClaimNumbers):
    claim_key: str
    qualifier: str | None
    claimant: str | None
    claimant_entity_id: int | None
    confidence: float | None
    statistic: str | None


class ClaimGroup(ClaimFields):
    """One claimant's same number about the same object, however many articles printed it."""

    articles: int
    sources: int
    sites: str | None
    first_published: str | None
    last_published: str | None


class PrintedClaim(ClaimFields):
    """One claim as one article printed it (``grouped=false``)."""

    article_id: int
    article_title: str | None
    site: str | None
    url: str | None
    published_date: str | None
    quote_id: int | None
    context: str


class CountryRow(BaseModel):
    country: str
    iso3: str | None
    fips: str | None
    mentions: int
    articles: int


class NamedPlace(BaseModel):
    name: str
    kind: str
    mentions: int
    articles: int


class CountryDetail(BaseModel):
    country: str
    places: list[NamedPlace]
    articles: list[ArticleRow]


class SearchHit(BaseModel):
    """An article or a quote matching the search (with no text: every article, newest first)."""

    kind: str
    article_id: int
    article_key: str
    title: str | None
    site: str | None
    url: str | None
    published_date: str | None
    quote_id: int | None
    quote_group_id: int | None
    speaker: str | None
    speaker_entity_id: int | None
    stance: str | None
    cue: str | None
    quote_kind: str | None
    confidence: float | None
    source_phrase: str | None
    sources: int
    snippet: str
    score: float | None


class FacetValue(BaseModel):
    value: str | None
    n: int


class SearchResult(BaseModel):
    """``total`` hits (articles and quotes), ``articles`` distinct articles, facet counts over ``facets_over``."""

    total: int
    articles: int
    facets_over: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]]


class SourceRow(BaseModel):
    id: int
    url: str
    kind: str
    via: str | None
    added_at: str
    last_fetch: str | None
    status: str | None
    etag: str | None
    last_modified: str | None
    fetches: int
    items_listed: int
    stories_added: int
    errors: int
    last_error: str | None


class AlertRow(BaseModel):
    name: str
    query: str | None
    speaker: str | None
    claims_about: str | None
    place: str | None
    webhook: str | None
    created_at: str
    matches: int
    last_match: str | None
    undelivered: int
    last_error: str | None


class MatchedArticle(BaseModel):
    key: str
    title: str | None
    url: str | None
    site: str | None
    published_date: str | None
    revision: int


class AlertMatch(BaseModel):
    """One match, as the webhook receives it (plus its delivery state)."""

    id: int
    alert: str
    matched_at: str
    delivery: str
    delivered_at: str | None
    article: MatchedArticle
    evidence: dict[str, Any]


class AlertDetail(BaseModel):
    alert: AlertRow
    matches: list[AlertMatch]
