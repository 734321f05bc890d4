"""Writing an article's entities: cross-article identities, aliases, titles and mentions.

An entity is found by its key, then by the keys of its aliases (in ``entities`` or
``entity_aliases``), then — for a person named by one word ("Ms Velasquez") — by the one
stored person with that surname, if exactly one; otherwise it becomes a new row.

The lookups for all of an article's entities are two queries, and its child rows three
``executemany`` calls, whatever the number of entities: one statement per entity costs
~0.25 ms of round trip on PostgreSQL, which made a 25-entity article's entities alone
cost more than its NLP share per worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdesk.record import Entity
from newsdesk.store.backend import Backend
from newsdesk.store.search import escape_like
from newsdesk.store.text import entity_key, iso_date, now
from newsdesk.store.writers import ArticleRows, writer
from newsdesk.vocab.names import fold

# Ids of the entities an article introduces, until they are inserted: above every stored id
# and in order of first appearance, like the real ids they stand for.
_PENDING = 1 << 62


@dataclass(slots=True)
class _Known:
    """Entity ids by key, as stored plus as created while writing this article."""

    own: dict[str, int] = field(default_factory=dict)
    alias: dict[str, int] = field(default_factory=dict)

    def find(self, keys: list[str]) -> int | None:
        """The entity with any of ``keys`` as its own key, else as an alias (lowest id first)."""
        own = [self.own[k] for k in keys if k in self.own]
        if own:
            return min(own)
        aliased = [self.alias[k] for k in keys if k in self.alias]
        return min(aliased) if aliased else None


@writer("entities")
def write_entities(rows: ArticleRows) -> None:
    """Store the article's entities with their titles and mentions (``ids["entities"]``: local id → global id)."""
    db, article, article_pk = rows.db, rows.article, rows.pk
    site, date = article.site, iso_date(article.published)
    ids = rows.ids["entities"] = entity_ids(db, article.entities)
    linked = [(entity, ids[entity.id]) for entity in article.entities if entity.id in ids]
    db.executemany(
        "INSERT INTO article_entities (article_id, local_id, entity_id, name, mention_count) VALUES (?, ?, ?, ?, ?)",
        [(article_pk, entity.id, gid, entity.name, len(entity.mentions)) for entity, gid in linked],
    )
    db.executemany(
        "INSERT INTO entity_titles (entity_id, article_id, title, site, published_date) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        [(gid, article_pk, title, site, date) for entity, gid in linked for title in entity.titles if title.strip()],
    )
    db.executemany(
        "INSERT INTO mentions (article_id, entity_id, start_char, end_char, text) VALUES (?, ?, ?, ?, ?)",
        [
            (article_pk, gid, span.start, span.end, article.text[span.start : span.end])
            for entity, gid in linked
            for span in entity.mentions
        ],
    )


def entity_ids(db: Backend, entities: list[Entity]) -> dict[str, int]:
    """Global ids for ``entities``, creating the ones never seen before (see the module docstring)."""
    keyed: list[tuple[Entity, list[str]]] = []
    for entity in entities:
        key = entity_key(entity.name, entity.type)
        if key.endswith(":"):
            continue
        alias_keys = [entity_key(alias, entity.type) for alias in entity.aliases if fold(alias)]
        keyed.append((entity, list(dict.fromkeys([key, *alias_keys]))))
    known = _stored(db, sorted({k for _, keys in keyed for k in keys}))
    out: dict[str, int] = {}
    new: dict[str, Entity] = {}  # entities to create, by key, in order: their pending id is _PENDING + index
    aliases: list[tuple[str, int]] = []
    for entity, keys in keyed:
        found = known.find(keys) or _by_surname(db, keys[0], known)
        if found is None:
            found = known.own[keys[0]] = _PENDING + len(new)
            new[keys[0]] = entity
        for key in keys:
            if key not in known.own and key not in known.alias:
                known.alias[key] = found
                aliases.append((key, found))
        out[entity.id] = found
    real = _create(db, new)
    db.executemany(
        "INSERT INTO entity_aliases (key, entity_id) SELECT ?, ? WHERE NOT EXISTS "
        "(SELECT 1 FROM entities WHERE key = ?) ON CONFLICT (key) DO NOTHING",
        [(key, real.get(found, found), key) for key, found in aliases],
    )
    return {local: real.get(found, found) for local, found in out.items()}


def _stored(db: Backend, keys: list[str]) -> _Known:
    known = _Known()
    if not keys:
        return known
    marks = ", ".join("?" * len(keys))
    for row in db.query(f"SELECT id, key FROM entities WHERE key IN ({marks})", keys):
        known.own[row["key"]] = int(row["id"])
    for row in db.query(f"SELECT entity_id, key FROM entity_aliases WHERE key IN ({marks})", keys):
        known.alias[row["key"]] = int(row["entity_id"])
    return known


def _create(db: Backend, new: dict[str, Entity]) -> dict[int, int]:
    """Insert the new entities in order (so ids follow first appearance); pending id → real id."""
    if not new:
        return {}
    stamp = now()
    db.executemany(
        "INSERT INTO entities (key, name, type, first_seen) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
        [(key, entity.name, entity.type.strip().upper(), stamp) for key, entity in new.items()],
    )
    rows = db.query(f"SELECT id, key FROM entities WHERE key IN ({', '.join('?' * len(new))})", list(new))
    ids = {row["key"]: int(row["id"]) for row in rows}
    return {_PENDING + index: ids[key] for index, key in enumerate(new)}


def _by_surname(db: Backend, key: str, known: _Known) -> int | None:
    """For a one-word person name: the only person, stored or new in this article, whose name
    ends with that word."""
    kind, _, name = key.partition(":")
    if kind != "PERSON" or " " in name:
        return None
    rows = db.query("SELECT id FROM entities WHERE key LIKE ? ESCAPE '\\' LIMIT 2", (f"PERSON:% {escape_like(name)}",))
    pending = [i for k, i in known.own.items() if i >= _PENDING and k.startswith("PERSON:") and k.endswith(f" {name}")]
    found = [int(row["id"]) for row in rows] + pending
    return found[0] if len(found) == 1 else None
