"""Writing article records into the store, a batch at a time: the articles, their revisions and
story groups here; what each extraction component found through its writer in
:mod:`newsdesk.store.writers`; the saved alerts they match through :func:`newsdesk.store.alerts.match_alerts`.

Everything here runs inside the caller's transaction (one per ingest batch), so a killed
ingest leaves either the whole batch or none of it. Idempotency comes from the data, not
from bookkeeping: an article is found by its key (newsdesk's article id) and a revision by
its content hash, both under unique constraints, so re-running any input adds nothing.

A batch costs a fixed number of statements per table, not one per row: the per-row writer ran
~330 statements per article (0.26 ms each on PostgreSQL), and on SQLite every statement touching a
full-text indexed table flushed the index. The rows and ids are those an article-by-article
write gives (each article sees what the batch's earlier ones wrote); a key twice in one batch
splits it there, so the second sees the first stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from newsdesk.components import component_tables
from newsdesk.record import Article
from newsdesk.store import minhash
from newsdesk.store.alerts import match_alerts
from newsdesk.store.backend import Backend, Row
from newsdesk.store.text import iso_date, now
from newsdesk.store.writers import ArticleRows, Batch, prepare_components, write_components
from newsdesk.store.writers.stories import Draft, assign_groups


class Status(StrEnum):
    """What writing one article did."""

    added = "added"
    revised = "revised"
    unchanged = "unchanged"


class Record(NamedTuple):
    """An article to store, with its content hash and MinHash signature (None: too short to group)."""

    article: Article
    content_hash: str
    signature: bytes | None


@dataclass(slots=True)
class _Plan:
    """One article the batch writes: new (``pk`` None until inserted) or a new revision of a stored one."""

    record: Record
    position: int
    pk: int | None
    revision: int
    group: int | None = None
    json: str = ""
    """The record as JSON (made once: the article row and the revision row both keep it)."""


def write_article(db: Backend, article: Article, chash: str, signature: bytes | None) -> Status:
    """Store one article (new, a new revision, or already known) with all its child rows."""
    return write_records(db, [Record(article, chash, signature)])[0]


def write_records(db: Backend, records: list[Record]) -> list[Status]:
    """Store the records in order, each as :func:`write_article` would; what each one did."""
    statuses: list[Status] = []
    start = 0
    while start < len(records):
        keys: set[str] = set()
        end = start
        while end < len(records) and records[end].article.id not in keys:
            keys.add(records[end].article.id)
            end += 1
        statuses += _write_distinct(db, records[start:end])
        start = end
    return statuses


def record_error(db: Backend, source: str, reason: str) -> None:
    """Remember a failed input; the same input failing the same way again only bumps a counter."""
    stamp = now()
    db.execute(
        "INSERT INTO ingest_errors (source, reason, first_seen, last_seen, attempts) VALUES (?, ?, ?, ?, 1) "
        "ON CONFLICT (source, reason) DO UPDATE SET last_seen = excluded.last_seen, "
        "attempts = ingest_errors.attempts + 1",
        (source, reason, stamp, stamp),
    )


def _write_distinct(db: Backend, records: list[Record]) -> list[Status]:
    """A batch whose keys are all different."""
    statuses: list[Status] = [Status.unchanged] * len(records)
    plans = _plans(db, records)
    if not plans:
        return statuses
    groups = assign_groups(db, [Draft(p.record.signature, p.pk, p.group) for p in plans])
    created = _new_groups(db, [(p.record.article.title, g) for p, g in zip(plans, groups, strict=True)])
    for plan, group in zip(plans, groups, strict=True):
        plan.group = created.get(group, group)
    _update_articles(db, [p for p in plans if p.pk is not None])
    raced = _insert_articles(db, [p for p in plans if p.pk is None])
    written = [p for p in plans if p.pk is not None]
    for plan in written:
        statuses[plan.position] = Status.added if plan.revision == 1 else Status.revised
    batch = Batch(db, [ArticleRows(p.record.article, _pk(p), _group(p), p.revision > 1) for p in written])
    prepare_components(batch)
    _delete_children(db, [p.pk for p in written if p.revision > 1 and p.pk is not None])
    _write_versions(db, written)
    write_components(batch)
    if db.query_one("SELECT 1 AS found FROM alerts LIMIT 1"):
        for plan in written:
            match_alerts(db, _pk(plan), plan.revision)
    if raced:  # another process stored these a moment ago: they are known now
        for plan, status in zip(raced, write_records(db, [p.record for p in raced]), strict=True):
            statuses[plan.position] = status
    return statuses


def _pk(plan: _Plan) -> int:
    assert plan.pk is not None
    return plan.pk


def _group(plan: _Plan) -> int:
    assert plan.group is not None
    return plan.group


def _plans(db: Backend, records: list[Record]) -> list[_Plan]:
    """The records that are new or a new revision (two queries): the rest are unchanged."""
    stored = {
        row["key"]: row
        for row in db.query_in(
            "SELECT id, key, content_hash, revision, story_group_id FROM articles WHERE key IN ({marks})",
            [r.article.id for r in records],
        )
    }
    changed = [
        int(row["id"]) for r in records if (row := stored.get(r.article.id)) and row["content_hash"] != r.content_hash
    ]
    seen = {
        (int(row["article_id"]), row["content_hash"])
        for row in db.query_in(
            "SELECT article_id, content_hash FROM article_revisions WHERE article_id IN ({marks})", changed
        )
    }
    plans = []
    for position, record in enumerate(records):
        found: Row | None = stored.get(record.article.id)
        if found is None:
            plans.append(_Plan(record, position, None, 1))
        elif found["content_hash"] != record.content_hash and (int(found["id"]), record.content_hash) not in seen:
            revision = int(found["revision"]) + 1
            plans.append(_Plan(record, position, int(found["id"]), revision, int(found["story_group_id"])))
    for plan in plans:
        plan.json = plan.record.article.to_json()
    return plans


def _new_groups(db: Backend, wanted: list[tuple[str | None, int]]) -> dict[int, int]:
    """Create the batch's new story groups (``-1 - n``, titled by their first article); placeholder → id."""
    titles: dict[int, str | None] = {}
    for title, group in wanted:
        if group < 0:
            titles.setdefault(group, title)
    stamp = now()
    ids = db.insert_ids("story_groups", ("title", "created_at"), [(title, stamp) for title in titles.values()])
    return dict(zip(titles, ids, strict=True))


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


def _insert_articles(db: Backend, plans: list[_Plan]) -> list[_Plan]:
    """Insert the new articles (one statement), setting their ids; those another process stored first
    are returned, their new story groups dropped when nothing else joined them."""
    stamp = now()
    columns = ", ".join(("key", *_ARTICLE_COLUMNS, "story_group_id", "first_ingested", "last_ingested"))
    values = [
        (p.record.article.id, *_article_values(p.record.article, p.json, p.record.content_hash, 1),
         p.group, stamp, stamp)
        for p in plans
    ]  # fmt: skip
    rows = db.insert_rows(f"INSERT INTO articles ({columns})", values, "ON CONFLICT (key) DO NOTHING RETURNING id, key")
    ids = {row["key"]: int(row["id"]) for row in rows}
    raced = []
    for plan in plans:
        plan.pk = ids.get(plan.record.article.id)
        if plan.pk is None:
            raced.append(plan)
            db.execute("DELETE FROM story_groups WHERE id = ? AND NOT EXISTS "
                       "(SELECT 1 FROM articles WHERE story_group_id = ?)", (plan.group, plan.group))  # fmt: skip
    return raced


def _update_articles(db: Backend, plans: list[_Plan]) -> None:
    """A new revision replaces the article row's content (its key, id and group stay)."""
    assignments = ", ".join(f"{column} = ?" for column in (*_ARTICLE_COLUMNS, "last_ingested"))
    stamp = now()
    db.executemany(
        f"UPDATE articles SET {assignments} WHERE id = ?",
        [(*_article_values(p.record.article, p.json, p.record.content_hash, p.revision), stamp, p.pk) for p in plans],
    )


def _write_versions(db: Backend, plans: list[_Plan]) -> None:
    """Each article's revision row, and its signature and LSH buckets for grouping the next ones."""
    stamp = now()
    db.copy_rows(
        "article_revisions",
        ("article_id", "revision", "content_hash", "title", "record", "ingested_at"),
        [(p.pk, p.revision, p.record.content_hash, p.record.article.title, p.json, stamp) for p in plans],
    )
    signed = [(p.pk, p.record.signature) for p in plans if p.record.signature is not None]
    db.copy_rows("article_signatures", ("article_id", "signature"), signed)
    # No conflict to expect: the article's old buckets went with its old revision.
    db.copy_rows(
        "article_buckets",
        ("bucket", "article_id"),
        [(bucket, pk) for pk, sig in signed if sig is not None for bucket in sorted(set(minhash.buckets(sig)))],
    )


def _delete_children(db: Backend, pks: list[int]) -> None:
    """A new revision replaces everything extracted from the old one (claims before the quotes they cite)."""
    if not pks:
        return
    marks = ", ".join("?" * len(pks))
    for table in (*component_tables(), "article_buckets", "article_signatures"):
        db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", pks)
