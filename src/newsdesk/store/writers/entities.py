"""Writing an article's entities: cross-article identities, aliases, titles and mentions.

An entity is found by the keys of its full names (:mod:`newsdesk.store.identity`: its own name
and the aliases that are not a mere part of another of its names) in ``entities`` or
``entity_aliases``; then a person's full name by a stored name that can be the same person's
("Donald J. Trump" for "Donald Trump", never "Donald Trump Jr."), and a person named by one word
("Ms Velasquez") by the stored person with that surname (of several, the one named in the most
articles; tied, none); otherwise it becomes a new row. A one-word name the article leaves
ambiguous, or tied namesakes, is not linked at all (its mentions are not stored; a quote keeps
the speaker's name).

The lookups for all of an article's entities are two queries, and its child rows three
``executemany`` calls, whatever the number of entities: one statement per entity costs
~0.25 ms of round trip on PostgreSQL, which made a 25-entity article's entities alone
cost more than its NLP share per worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdesk.record import Entity
from newsdesk.store.backend import Backend
from newsdesk.store.identity import Identity, identities
from newsdesk.store.search import escape_like
from newsdesk.store.text import iso_date, now
from newsdesk.store.writers import ArticleRows, writer
from newsdesk.vocab.personal_names import PersonName, person_name, same_person

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
    ids = rows.ids["entities"] = entity_ids(db, article.entities, article.text)
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


def entity_ids(db: Backend, entities: list[Entity], text: str) -> dict[str, int]:
    """Global ids for ``entities``, creating the ones never seen before (see the module docstring).

    An entity :func:`identities` leaves ambiguous ("Trump" in an article naming two Trumps) gets none.
    """
    plans = identities(entities, text)
    keyed = [(entity, plan) for entity in entities if (plan := plans[entity.id]) is not None]
    keyed = [(entity, plan) for entity, plan in keyed if not plan.key.endswith(":")]
    known = _stored(db, sorted({k for _, plan in keyed for k in plan.keys}))
    people = _people(db, sorted({p.surname for _, plan in keyed if (p := plan.person or plan.bare) is not None}))
    out: dict[str, int] = {}
    new: dict[str, Identity] = {}  # entities to create, by key, in order: their pending id is _PENDING + index
    aliases: list[tuple[str, int]] = []
    for entity, plan in keyed:
        if plan.bare is not None and (candidates := _with_suffix(plan.bare, people)):
            found = _most_named(db, candidates)  # a person named in full, before an entity of that bare name
            if found is None:
                continue  # two people with this surname, named in as many articles: which one is unknown
        else:
            found = known.find(list(plan.keys)) or _same_person(plan, people)
        if found is None:
            found = known.own[plan.key] = _PENDING + len(new)
            new[plan.key] = plan
            if plan.person is not None:
                people.setdefault(plan.person.surname, []).append((found, plan.person))
        for key in plan.keys if plan.bare is None else ():  # a bare surname is no name of one person
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


_People = dict[str, list[tuple[int, PersonName]]]


def _people(db: Backend, surnames: list[str]) -> _People:
    """The stored people named in full with one of ``surnames``, by surname (one query)."""
    found: _People = {}
    if not surnames:
        return found
    patterns = [p for s in surnames for p in (f"PERSON:% {escape_like(s)}", f"PERSON:% {escape_like(s)} %")]
    where = " OR ".join("key LIKE ? ESCAPE '\\'" for _ in patterns)
    for row in db.query(f"SELECT id, key FROM entities WHERE {where}", patterns):
        name = person_name(str(row["key"]).partition(":")[2].split())
        if name is not None and name.given and name.surname in surnames:
            found.setdefault(name.surname, []).append((int(row["id"]), name))
    return found


def _same_person(plan: Identity, people: _People) -> int | None:
    """The stored person a full name can be ("Donald J. Trump" for "Donald Trump"), if only one."""
    if plan.person is None:
        return None
    candidates = [(i, name) for i, name in people.get(plan.person.surname, []) if same_person(name, plan.person)]
    persons = _persons(candidates)
    return min(persons[0]) if len(persons) == 1 else None


def _most_named(db: Backend, candidates: list[tuple[int, PersonName]]) -> int | None:
    """The person a bare surname means when the article does not say: the only one stored with it,
    else the one named in the most articles ("Obama" is Barack, not Michelle Obama), unless tied."""
    persons = _persons(candidates)
    if len(persons) == 1:
        return min(persons[0])
    ids = [i for person in persons for i in person]
    rows = db.query(
        f"SELECT entity_id, COUNT(*) AS n FROM article_entities WHERE entity_id IN ({', '.join('?' * len(ids))}) "
        "GROUP BY entity_id",
        ids,
    )
    counts = {int(row["entity_id"]): int(row["n"]) for row in rows}
    named = sorted(((sum(counts.get(i, 0) for i in person), min(person)) for person in persons), reverse=True)
    return named[0][1] if named[0][0] > named[1][0] else None


def _persons(candidates: list[tuple[int, PersonName]]) -> list[list[int]]:
    """Stored names grouped into people: names that can all be one person's ("Donald Trump", "Donald J. Trump")."""
    persons: list[list[tuple[int, PersonName]]] = []
    for i, name in candidates:
        person = next((p for p in persons if all(same_person(name, other) for _, other in p)), None)
        if person is None:
            persons.append([(i, name)])
        else:
            person.append((i, name))
    return [[i for i, _ in person] for person in persons]


def _with_suffix(bare: PersonName, people: _People) -> list[tuple[int, PersonName]]:
    """People with the surname; with the suffix too when the bare name has one ("Trump Jr.")."""
    return [(i, name) for i, name in people.get(bare.surname, []) if not bare.suffix or name.suffix == bare.suffix]


def _create(db: Backend, new: dict[str, Identity]) -> dict[int, int]:
    """Insert the new entities in order (so ids follow first appearance); pending id → real id."""
    if not new:
        return {}
    stamp = now()
    db.executemany(
        "INSERT INTO entities (key, name, type, first_seen) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
        [(key, plan.name, plan.type.strip().upper(), stamp) for key, plan in new.items()],
    )
    rows = db.query(f"SELECT id, key FROM entities WHERE key IN ({', '.join('?' * len(new))})", list(new))
    ids = {row["key"]: int(row["id"]) for row in rows}
    return {_PENDING + index: ids[key] for index, key in enumerate(new)}
