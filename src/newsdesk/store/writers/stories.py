"""The story group of each new article of a batch: that of its most similar article, or a new one.

An article's candidates are the articles sharing one of its MinHash LSH buckets
(:mod:`newsdesk.store.minhash`), the most recent ``MAX_CANDIDATES`` of them. A batch is grouped as
if its articles were written one after another: the stored candidates of all its articles are read
in one query, and each article also considers the batch's earlier ones (newer than anything stored)
with the signatures they are being written with, so wire copies in one batch group together.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.store import minhash
from newsdesk.store.backend import Backend

# Candidates compared per new article when looking for its story group: all members of one
# group look alike, so the most recent few are enough and bound the cost of viral stories.
MAX_CANDIDATES = 100


@dataclass(frozen=True, slots=True)
class Draft:
    """An article of the batch as grouping sees it."""

    signature: bytes | None
    pk: int | None = None
    """A revised article's id (None: a new article)."""
    group: int | None = None
    """A revised article's story group."""


@dataclass(frozen=True, slots=True)
class _Candidate:
    order: tuple[int, int]
    """Newest first: (0, id) for stored articles, (1, position) for the batch's new ones."""
    group: int
    signature: bytes


def assign_groups(db: Backend, drafts: list[Draft]) -> list[int]:
    """Each draft's story group: a stored group's id, or ``-1 - n`` for the n-th new group the batch creates."""
    searching = {b for d in drafts if d.pk is None and d.signature is not None for b in minhash.buckets(d.signature)}
    # Revised articles' old buckets go as the batch reaches them: read that many more per bucket.
    stored = _stored(db, sorted(searching), MAX_CANDIDATES + sum(1 for d in drafts if d.pk is not None))
    written: list[_Written] = []
    gone: set[int] = set()
    out: list[int] = []
    fresh = 0
    for position, draft in enumerate(drafts):
        keys = set(minhash.buckets(draft.signature)) if draft.signature is not None else set()
        if draft.pk is not None and draft.group is not None:
            group = draft.group
            gone.add(draft.pk)
        else:
            found = _best(draft.signature, _candidates(keys, stored, gone, written)) if draft.signature else None
            if found is None:
                found, fresh = -1 - fresh, fresh + 1
            group = found
        out.append(group)
        if draft.signature is not None:
            order = (0, draft.pk) if draft.pk is not None else (1, position)
            written.append(_Written(keys, _Candidate(order, group, draft.signature)))
    return out


@dataclass(frozen=True, slots=True)
class _Written:
    """An article the batch wrote before the one being grouped."""

    buckets: set[int]
    candidate: _Candidate


def _stored(db: Backend, buckets: list[int], per_bucket: int) -> dict[int, list[_Candidate]]:
    """The newest ``per_bucket`` stored articles of each bucket (enough for any article's newest
    ``MAX_CANDIDATES`` over its buckets), with their groups and signatures, by bucket."""
    out: dict[int, list[_Candidate]] = {}
    if not buckets:
        return out
    rows = db.query_in(
        "SELECT b.bucket, a.id, a.story_group_id, s.signature FROM ("
        "SELECT bucket, article_id, ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY article_id DESC) AS n "
        "FROM article_buckets WHERE bucket IN ({marks})) b "
        "JOIN articles a ON a.id = b.article_id JOIN article_signatures s ON s.article_id = a.id "
        f"WHERE b.n <= {int(per_bucket)}",
        buckets,
    )
    for row in rows:
        candidate = _Candidate((0, int(row["id"])), int(row["story_group_id"]), bytes(row["signature"]))
        out.setdefault(int(row["bucket"]), []).append(candidate)
    return out


def _candidates(
    keys: set[int], stored: dict[int, list[_Candidate]], gone: set[int], written: list[_Written]
) -> list[_Candidate]:
    """The newest ``MAX_CANDIDATES`` articles sharing a bucket: stored (but those revised since) and written."""
    found = {c.order: c for key in keys for c in stored.get(key, ()) if c.order[1] not in gone}
    found.update((w.candidate.order, w.candidate) for w in written if w.buckets & keys)
    return [found[order] for order in sorted(found, reverse=True)[:MAX_CANDIDATES]]


def _best(signature: bytes, candidates: list[_Candidate]) -> int | None:
    """The story group of the most similar candidate, if it is similar enough (the newest of equals)."""
    best: tuple[float, int] | None = None
    for candidate in candidates:
        score = minhash.similarity(signature, candidate.signature)
        if score >= minhash.THRESHOLD and (best is None or score > best[0]):
            best = (score, candidate.group)
    return best[1] if best else None
