"""Writing article records into the store: revisions, entities, quotes, claims, places, groups.

Everything here runs inside the caller's transaction (one per ingest batch), so a killed
ingest leaves either the whole batch or none of it. Idempotency comes from the data, not
from bookkeeping: an article is found by its key (newsdesk's article id) and a revision by
its content hash, both under unique constraints, so re-running any input adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from newsdesk.record import Article, Claim, Entity, Quote
from newsdesk.store import minhash
from newsdesk.store.backend import Backend, Row
from newsdesk.store.search import escape_like
from newsdesk.store.text import digest, entity_key, fold, iso_date, jaccard, now, words

# Two quotes by one speaker inside one story group are the same statement when their word
# sets overlap this much: one changed or dropped word in a ten-word quote scores 0.82, a
# quote cut to its first half about 0.5. Set by reasoning on such edits, not fitted to data.
QUOTE_SIMILARITY = 0.7
# Candidates compared per new article when looking for its story group: all members of one
# group look alike, so the most recent few are enough and bound the cost of viral stories.
MAX_CANDIDATES = 100
_CONTEXT_CHARS = 400


class Status(StrEnum):
    """What writing one article did."""

    added = "added"
    revised = "revised"
    unchanged = "unchanged"


@dataclass(slots=True)
class _Context:
    """What the child rows of one article need to know."""

    article_pk: int
    group_id: int
    site: str | None
    date: str | None
    entity_ids: dict[str, int]
    entity_titles: dict[str, str]


def write_article(db: Backend, article: Article, chash: str, signature: bytes | None) -> Status:
    """Store one article (new, a new revision, or already known) with all its child rows."""
    row = db.query_one("SELECT id, content_hash, revision, story_group_id FROM articles WHERE key = ?", (article.id,))
    record = article.to_json()
    if row is not None:
        if row["content_hash"] == chash or db.query_one(
            "SELECT 1 AS seen FROM article_revisions WHERE article_id = ? AND content_hash = ?", (row["id"], chash)
        ):
            return Status.unchanged
        _delete_children(db, row["id"])
        revision = int(row["revision"]) + 1
        _update_article(db, row["id"], article, record, chash, revision)
        pk, group_id, status = int(row["id"]), int(row["story_group_id"]), Status.revised
    else:
        group_id = _find_group(db, signature) or _new_group(db, article.title)
        inserted = _insert_article(db, article, record, chash, group_id)
        if inserted is None:  # another process stored this article a moment ago
            db.execute("DELETE FROM story_groups WHERE id = ? AND NOT EXISTS "
                       "(SELECT 1 FROM articles WHERE story_group_id = ?)", (group_id, group_id))  # fmt: skip
            return write_article(db, article, chash, signature)
        pk, revision, status = inserted, 1, Status.added
    db.execute(
        "INSERT INTO article_revisions (article_id, revision, content_hash, title, record, ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (pk, revision, chash, article.title, record, now()),
    )
    if signature is not None:
        db.execute("INSERT INTO article_signatures (article_id, signature) VALUES (?, ?)", (pk, signature))
        db.executemany(
            "INSERT INTO article_buckets (bucket, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(bucket, pk) for bucket in minhash.buckets(signature)],
        )
    context = _Context(pk, group_id, article.site, iso_date(article.published), {}, {})
    _write_entities(db, article, context)
    quote_ids = _write_quotes(db, article, context)
    _write_places(db, article, context)
    _write_claims(db, article, context, quote_ids)
    return status


def record_error(db: Backend, source: str, reason: str) -> None:
    """Remember a failed input; the same input failing the same way again only bumps a counter."""
    stamp = now()
    db.execute(
        "INSERT INTO ingest_errors (source, reason, first_seen, last_seen, attempts) VALUES (?, ?, ?, ?, 1) "
        "ON CONFLICT (source, reason) DO UPDATE SET last_seen = excluded.last_seen, "
        "attempts = ingest_errors.attempts + 1",
        (source, reason, stamp, stamp),
    )


def _article_values(article: Article, record: str, chash: str, revision: int) -> tuple[object, ...]:
    return (
        article.url, article.site, article.source_path, article.title, article.section, article.byline,
        article.published, iso_date(article.published), article.language, article.text, article.body_start,
        len(article.body.split()), article.tone.score if article.tone else None, record, chash, revision,
    )  # fmt: skip


_ARTICLE_COLUMNS = (
    "url", "site", "source_path", "title", "section", "byline", "published", "published_date", "language",
    "text", "body_start", "word_count", "tone", "record", "content_hash", "revision",
)  # fmt: skip


def _insert_article(db: Backend, article: Article, record: str, chash: str, group_id: int) -> int | None:
    stamp = now()
    columns = ", ".join(("key", *_ARTICLE_COLUMNS, "story_group_id", "first_ingested", "last_ingested"))
    values = (article.id, *_article_values(article, record, chash, 1), group_id, stamp, stamp)
    row = db.query_one(
        f"INSERT INTO articles ({columns}) VALUES ({', '.join('?' * len(values))}) "
        "ON CONFLICT (key) DO NOTHING RETURNING id",
        values,
    )
    return int(row["id"]) if row else None


def _update_article(db: Backend, pk: int, article: Article, record: str, chash: str, revision: int) -> None:
    assignments = ", ".join(f"{column} = ?" for column in (*_ARTICLE_COLUMNS, "last_ingested"))
    db.execute(
        f"UPDATE articles SET {assignments} WHERE id = ?",
        (*_article_values(article, record, chash, revision), now(), pk),
    )


def _delete_children(db: Backend, pk: int) -> None:
    """A new revision replaces everything extracted from the old one (claims before the quotes they cite)."""
    for table in ("claims", "quotes", "places", "mentions", "entity_titles", "article_entities",
                  "article_buckets", "article_signatures"):  # fmt: skip
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", (pk,))


def _new_group(db: Backend, title: str | None) -> int:
    row = db.query_one("INSERT INTO story_groups (title, created_at) VALUES (?, ?) RETURNING id", (title, now()))
    assert row is not None
    return int(row["id"])


def _find_group(db: Backend, signature: bytes | None) -> int | None:
    """The story group of the most similar stored article, if it is similar enough."""
    if signature is None:
        return None
    keys = minhash.buckets(signature)
    rows = db.query(
        "SELECT a.story_group_id, s.signature FROM articles a "
        "JOIN article_signatures s ON s.article_id = a.id "
        f"WHERE a.id IN (SELECT article_id FROM article_buckets WHERE bucket IN ({', '.join('?' * len(keys))})) "
        "ORDER BY a.id DESC LIMIT ?",
        (*keys, MAX_CANDIDATES),
    )
    best: tuple[float, int] | None = None
    for row in rows:
        score = minhash.similarity(signature, bytes(row["signature"]))
        if score >= minhash.THRESHOLD and (best is None or score > best[0]):
            best = (score, int(row["story_group_id"]))
    return best[1] if best else None


def _entity_ids(db: Backend, entities: list[Entity]) -> dict[str, int]:
    """Global ids for an article's entities, creating the ones never seen before.

    An entity is found by its key, then by the keys of its aliases (in ``entities`` or
    ``entity_aliases``), then — for a person named by one word ("Ms Velasquez") — by the one
    stored person with that surname, if exactly one; otherwise it becomes a new row.
    """
    out: dict[str, int] = {}
    for entity in entities:
        key = entity_key(entity.name, entity.type)
        if key.endswith(":"):
            continue
        alias_keys = [entity_key(alias, entity.type) for alias in entity.aliases if fold(alias)]
        found = _lookup(db, [key, *alias_keys]) or _by_surname(db, key)
        if found is None:
            row = db.query_one(
                "INSERT INTO entities (key, name, type, first_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key) DO NOTHING RETURNING id",
                (key, entity.name, entity.type.strip().upper(), now()),
            ) or db.query_one("SELECT id FROM entities WHERE key = ?", (key,))
            assert row is not None
            found = int(row["id"])
        db.executemany(
            "INSERT INTO entity_aliases (key, entity_id) SELECT ?, ? WHERE NOT EXISTS "
            "(SELECT 1 FROM entities WHERE key = ?) ON CONFLICT (key) DO NOTHING",
            [(alias, found, alias) for alias in dict.fromkeys([key, *alias_keys])],
        )
        out[entity.id] = found
    return out


def _lookup(db: Backend, keys: list[str]) -> int | None:
    """The entity with any of ``keys`` as its own key or as an alias (own keys first)."""
    marks = ", ".join("?" * len(keys))
    row = db.query_one(f"SELECT id FROM entities WHERE key IN ({marks}) ORDER BY id LIMIT 1", keys) or db.query_one(
        f"SELECT entity_id AS id FROM entity_aliases WHERE key IN ({marks}) ORDER BY entity_id LIMIT 1", keys
    )
    return int(row["id"]) if row else None


def _by_surname(db: Backend, key: str) -> int | None:
    """For a one-word person name: the only stored person whose name ends with that word."""
    kind, _, name = key.partition(":")
    if kind != "PERSON" or " " in name:
        return None
    rows = db.query("SELECT id FROM entities WHERE key LIKE ? ESCAPE '\\' LIMIT 2", (f"PERSON:% {escape_like(name)}",))
    return int(rows[0]["id"]) if len(rows) == 1 else None


def _write_entities(db: Backend, article: Article, ctx: _Context) -> None:
    ctx.entity_ids.update(_entity_ids(db, article.entities))
    for entity in article.entities:
        global_id = ctx.entity_ids.get(entity.id)
        if global_id is None:
            continue
        ctx.entity_titles[entity.id] = "; ".join(entity.titles)
        db.execute(
            "INSERT INTO article_entities (article_id, local_id, entity_id, name, mention_count) "
            "VALUES (?, ?, ?, ?, ?)",
            (ctx.article_pk, entity.id, global_id, entity.name, len(entity.mentions)),
        )
        db.executemany(
            "INSERT INTO entity_titles (entity_id, article_id, title, site, published_date) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [(global_id, ctx.article_pk, title, ctx.site, ctx.date) for title in entity.titles if title.strip()],
        )
        db.executemany(
            "INSERT INTO mentions (article_id, entity_id, start_char, end_char, text) VALUES (?, ?, ?, ?, ?)",
            [(ctx.article_pk, global_id, s.start, s.end, article.text[s.start : s.end]) for s in entity.mentions],
        )


def _quote_content(article: Article, quote: Quote) -> str:
    return " … ".join(article.text[span.start : span.end] for span in quote.content)


def _quote_extent(quote: Quote) -> tuple[int, int]:
    starts = [span.start for span in quote.content]
    ends = [span.end for span in quote.content]
    for part in (quote.speaker, quote.cue):
        if part is not None:
            starts.append(part.start)
            ends.append(part.end)
    return (min(starts), max(ends)) if starts else (0, 0)


def _write_quotes(db: Backend, article: Article, ctx: _Context) -> dict[str, int]:
    """Insert the quotes, each in its quote group; returns local quote id → row id."""
    siblings: list[Row] | None = None
    out: dict[str, int] = {}
    for quote in article.quotes:
        content = _quote_content(article, quote)
        speaker = quote.speaker
        speaker_id = ctx.entity_ids.get(speaker.entity) if speaker and speaker.entity else None
        speaker_name = speaker.name if speaker else None
        identity = f"entity:{speaker_id}" if speaker_id else f"name:{fold(speaker_name or '')}"
        key = digest(identity, " ".join(words(content)))
        group = db.query_one("SELECT id FROM quote_groups WHERE key = ?", (key,))
        if group is None:
            if siblings is None:
                siblings = db.query(
                    "SELECT q.quote_group_id, q.content, q.speaker_entity_id, q.speaker_name FROM quotes q "
                    "JOIN articles a ON a.id = q.article_id WHERE a.story_group_id = ? AND q.article_id <> ?",
                    (ctx.group_id, ctx.article_pk),
                )
            group = _similar_quote(siblings, content, speaker_id, speaker_name)
        if group is None:
            group = db.query_one(
                "INSERT INTO quote_groups (key, speaker_entity_id, speaker_name, content, first_seen) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING id",
                (key, speaker_id, speaker_name, content, now()),
            ) or db.query_one("SELECT id FROM quote_groups WHERE key = ?", (key,))
        assert group is not None
        start, end = _quote_extent(quote)
        row = db.query_one(
            "INSERT INTO quotes (article_id, local_id, quote_group_id, speaker_entity_id, speaker_name, "
            "speaker_title, content, cue, cue_lemma, kind, stance, via_medium, via_outlet, tone, start_char, end_char) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                ctx.article_pk,
                quote.id,
                group["id"],
                speaker_id,
                speaker_name,
                ctx.entity_titles.get(speaker.entity or "") if speaker else None,
                content,
                quote.cue.text if quote.cue else None,
                quote.cue.lemma if quote.cue else None,
                quote.kind,
                quote.stance,
                quote.via.medium if quote.via else None,
                quote.via.outlet if quote.via else None,
                quote.tone,
                start,
                end,
            ),
        )
        assert row is not None
        out[quote.id] = int(row["id"])
    return out


def _similar_quote(siblings: list[Row], content: str, speaker_id: int | None, speaker_name: str | None) -> Row | None:
    """The quote group of a near-identical quote by the same speaker in the same story group."""
    best: tuple[float, Row] | None = None
    for row in siblings:
        same_speaker = (
            speaker_id == row["speaker_entity_id"]
            if speaker_id and row["speaker_entity_id"]
            else fold(speaker_name or "") == fold(row["speaker_name"] or "")
        )
        if not same_speaker:
            continue
        score = jaccard(content, row["content"])
        if score >= QUOTE_SIMILARITY and (best is None or score > best[0]):
            best = (score, {"id": row["quote_group_id"]})
    return best[1] if best else None


def _write_places(db: Backend, article: Article, ctx: _Context) -> None:
    db.executemany(
        "INSERT INTO places (article_id, name, kind, country, iso3, fips, geonameid, lat, lon, entity_id, focus, "
        "mention_count, first_char) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                ctx.article_pk,
                p.name,
                p.kind,
                p.country,
                p.iso3,
                p.fips,
                p.geonameid,
                p.lat,
                p.lon,
                ctx.entity_ids.get(p.entity) if p.entity else None,
                int(p.focus),
                max(len(p.mentions), 1),
                min((m.start for m in p.mentions), default=None),
            )
            for p in article.places
        ],
    )


def claim_key(claim: Claim, claimant_id: int | None) -> str:
    """Equal for one claimant stating one value about one object, wherever it was printed."""
    who = f"entity:{claimant_id}" if claimant_id else f"name:{fold(claim.claimant.name if claim.claimant else '')}"
    numbers = ",".join("" if v is None else repr(float(v)) for v in (claim.value, claim.low, claim.high))
    return digest(who, numbers, claim.unit or "", fold(claim.object or ""))


def _context(text: str, start: int, end: int) -> str:
    """The sentence around a span, so ``claims --about`` can match words near the number."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n")) + 1
    rights = [pos for mark in (". ", "! ", "? ", "\n") if (pos := text.find(mark, end)) >= 0]
    right = min(rights) + 1 if rights else len(text)
    return " ".join(text[max(left, start - _CONTEXT_CHARS) : min(right, end + _CONTEXT_CHARS)].split())


def _write_claims(db: Backend, article: Article, ctx: _Context, quote_ids: dict[str, int]) -> None:
    rows = []
    for claim in article.claims:
        claimant = claim.claimant
        claimant_id = ctx.entity_ids.get(claimant.entity) if claimant and claimant.entity else None
        rows.append(
            (
                ctx.article_pk,
                claim.id,
                claim_key(claim, claimant_id),
                claim.text,
                claim.value,
                claim.low,
                claim.high,
                claim.qualifier,
                claim.unit,
                claim.object,
                claim.category,
                claim.place.upper() if claim.place else None,
                claimant_id,
                claimant.name if claimant else None,
                quote_ids.get(claim.quote) if claim.quote else None,
                _context(article.text, claim.start, claim.end),
                claim.start,
                claim.end,
            )
        )
    db.executemany(
        "INSERT INTO claims (article_id, local_id, claim_key, text, value, low, high, qualifier, unit, object, "
        "category, country, claimant_entity_id, claimant_name, quote_id, context, start_char, end_char) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
