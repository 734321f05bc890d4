"""Version 4: re-link every stored article's entities under the cross-article identity rule of
:mod:`newsdesk.store.identity` (full names only; no surname or last-word links).

The old rule linked an entity through any of its aliases, a surname or a last word included, so
"Melania Trump" was found as the "Donald Trump" that had first claimed "Trump", and the full
names met that way were then stored as aliases of the wrong person ("bill clinton" → Hillary
Clinton). The store keeps each article's record (the JSON of its entities with their local ids,
names, aliases, titles and mention spans, and of its quotes and claims with their speakers'
local ids), so the links can be made again without the NLP:

- every alias row is dropped and made again, article by article in id order, by the new rule;
- an entity linked differently now moves, with what points at it from that article: its
  ``article_entities`` row, its mentions (by span), titles, quotes (which move to the quote
  group of their new speaker), claims (re-keyed) and places; an entity the new rule leaves
  unlinked (a bare surname two people share) loses its rows, its quotes keep the speaker's name;
- stored ids stay: an entity keeps its id when its own key was stored; new ones get new ids.

It calls the store's own linking (:func:`~newsdesk.store.writers.entities.entity_ids`), which
reads and writes only ``entities`` and ``entity_aliases``, tables a later step must keep
compatible; the rows it moves are written here with the columns version 2 has.

What this cannot recover: the clustering *inside* an article is in the record as the old
extractor made it (a bare "Trump" joined to Melania Trump in one article stays joined there),
and so is a party's adjective typed apart from the party. Re-ingesting the pages fixes both.
"""

from __future__ import annotations

import json

from newsdesk.record import Article, Entity
from newsdesk.store.backend import Backend, Row
from newsdesk.store.identity import identities
from newsdesk.store.text import digest, words
from newsdesk.store.writers.claims import claim_key
from newsdesk.store.writers.entities import entity_ids
from newsdesk.vocab.names import fold

DESCRIPTION = "re-link entities by full names only: families and namesakes apart"

PORTABLE = ""


def apply(db: Backend) -> None:
    """Re-link each stored article's entities (see the module docstring).

    Two passes: names first, then bare surnames. A bare surname goes to the person with it named in
    the most articles, so those counts must already be right: in the old store "Barack Obama" was
    filed under the "Obama" that had claimed the surname, and Michelle Obama would win otherwise.
    """
    db.execute("DELETE FROM entity_aliases")
    for bare in (False, True):
        for row in db.query("SELECT id, record, site, published_date FROM articles ORDER BY id"):
            _relink(db, row, bare)
    db.execute("DELETE FROM quote_groups WHERE id NOT IN (SELECT quote_group_id FROM quotes)")


def _relink(db: Backend, row: Row, bare: bool) -> None:
    """Move the article's entities whose link changed: those with names, or (``bare``) the bare surnames."""
    article = Article.from_dict(json.loads(row["record"]))
    pk = int(row["id"])
    stored = {
        r["local_id"]: int(r["entity_id"])
        for r in db.query("SELECT local_id, entity_id FROM article_entities WHERE article_id = ?", (pk,))
    }
    plans = identities(article.entities, article.text)
    linked = entity_ids(db, article.entities, article.text)
    for entity in article.entities:
        plan = plans[entity.id]
        if (plan is None or plan.bare is not None) != bare:
            continue
        old, new = stored.get(entity.id), linked.get(entity.id)
        if old is not None and old != new:
            _move(db, article, pk, entity, old, new)
            _titles(db, article, pk, entity, old, new, (row["site"], row["published_date"]))


def _move(db: Backend, article: Article, pk: int, entity: Entity, old: int, new: int | None) -> None:
    """Point the article's rows of ``entity`` from ``old`` to ``new`` (drop them for None)."""
    spans = [(pk, old, span.start, span.end) for span in entity.mentions]
    mention = "WHERE article_id = ? AND entity_id = ? AND start_char = ? AND end_char = ?"
    row = (pk, entity.id)
    if new is None:
        db.execute("DELETE FROM article_entities WHERE article_id = ? AND local_id = ?", row)
        db.executemany(f"DELETE FROM mentions {mention}", spans)
    else:
        db.execute("UPDATE article_entities SET entity_id = ? WHERE article_id = ? AND local_id = ?", (new, *row))
        db.executemany(f"UPDATE mentions SET entity_id = ? {mention}", [(new, *span) for span in spans])
    quotes = [q.id for q in article.quotes if q.speaker is not None and q.speaker.entity == entity.id]
    for local in quotes:
        _requote(db, pk, local, new)
    for claim in article.claims:
        if claim.claimant is not None and claim.claimant.entity == entity.id:
            db.execute(
                "UPDATE claims SET claimant_entity_id = ?, claim_key = ? WHERE article_id = ? AND local_id = ?",
                (new, claim_key(claim, new), pk, claim.id),
            )
    db.execute("UPDATE places SET entity_id = ? WHERE article_id = ? AND entity_id = ?", (new, pk, old))


def _requote(db: Backend, pk: int, local: str, speaker: int | None) -> None:
    """Give a quote its new speaker and the quote group of that speaker saying those words."""
    row = db.query_one(
        "SELECT id, speaker_name, content FROM quotes WHERE article_id = ? AND local_id = ?", (pk, local)
    )
    if row is None:
        return
    identity = f"entity:{speaker}" if speaker else f"name:{fold(row['speaker_name'] or '')}"
    key = digest(identity, " ".join(words(row["content"])))
    db.execute(
        "INSERT INTO quote_groups (key, speaker_entity_id, speaker_name, content, first_seen) "
        "SELECT ?, ?, ?, ?, first_seen FROM quote_groups WHERE id = (SELECT quote_group_id FROM quotes WHERE id = ?) "
        "ON CONFLICT (key) DO NOTHING",
        (key, speaker, row["speaker_name"], row["content"], row["id"]),
    )
    db.execute(
        "UPDATE quotes SET speaker_entity_id = ?, "
        "quote_group_id = (SELECT id FROM quote_groups WHERE key = ?) WHERE id = ?",
        (speaker, key, row["id"]),
    )


def _titles(
    db: Backend, article: Article, pk: int, entity: Entity, old: int, new: int | None, where: tuple[str, str]
) -> None:
    """Move the titles the article gave ``entity`` unless another of its entities still linked to
    ``old`` has the same title."""
    kept = {
        title
        for other in article.entities
        if other.id != entity.id
        and db.scalar("SELECT entity_id FROM article_entities WHERE article_id = ? AND local_id = ?", (pk, other.id))
        == old
        for title in other.titles
    }
    moving = [title for title in entity.titles if title.strip() and title not in kept]
    db.executemany(
        "DELETE FROM entity_titles WHERE entity_id = ? AND article_id = ? AND title = ?",
        [(old, pk, title) for title in moving],
    )
    if new is not None:
        db.executemany(
            "INSERT INTO entity_titles (entity_id, article_id, title, site, published_date) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [(new, pk, title, *where) for title in moving],
        )
