"""Writing article records into the store: the article, its revisions and story group here; what
each extraction component found through its writer in :mod:`newsdesk.store.writers`; the
saved alerts it matches through :func:`newsdesk.store.alerts.match_alerts`.

Everything here runs inside the caller's transaction (one per ingest batch), so a killed
ingest leaves either the whole batch or none of it. Idempotency comes from the data, not
from bookkeeping: an article is found by its key (newsdesk's article id) and a revision by
its content hash, both under unique constraints, so re-running any input adds nothing.
"""

from __future__ import annotations

from enum import StrEnum

from newsdesk.components import component_tables
from newsdesk.record import Article
from newsdesk.store import minhash
from newsdesk.store.alerts import match_alerts
from newsdesk.store.backend import Backend
from newsdesk.store.text import iso_date, now
from newsdesk.store.writers import ArticleRows, write_components

# Candidates compared per new article when looking for its story group: all members of one
# group look alike, so the most recent few are enough and bound the cost of viral stories.
MAX_CANDIDATES = 100


class Status(StrEnum):
    """What writing one article did."""

    added = "added"
    revised = "revised"
    unchanged = "unchanged"


def write_article(db: Backend, article: Article, chash: str, signature: bytes | None) -> Status:
    """Store one article (new, a new revision, or already known) with all its child rows."""
    row = db.query_one("SELECT id, content_hash, revision, story_group_id FROM articles WHERE key = ?", (article.id,))
    if row is not None and (
        row["content_hash"] == chash
        or db.query_one(
            "SELECT 1 AS seen FROM article_revisions WHERE article_id = ? AND content_hash = ?", (row["id"], chash)
        )
    ):
        return Status.unchanged
    record = article.to_json()
    if row is not None:
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
    write_components(ArticleRows(db, article, pk, group_id))
    match_alerts(db, pk, revision)
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
    for table in (*component_tables(), "article_buckets", "article_signatures"):
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
