"""Writing an article's entities: cross-article identities, aliases, titles and mentions.

An entity is found by the keys of its full names (:mod:`newsdesk.store.identity`: its own name
and the aliases that are not a mere part of another of its names) in ``entities`` or
``entity_aliases``; then a person's full name by a stored name that can be the same person's
("Donald J. Trump" for "Donald Trump", never "Donald Trump Jr."), and a person named by one word
("Ms Velasquez") by the stored person with that surname (of several, the one named in the most
articles; tied, none); otherwise it becomes a new row. A one-word name the article leaves
ambiguous, or tied namesakes, is not linked at all (its mentions are not stored; a quote keeps
the speaker's name).

The lookups for a whole batch's entities are two queries (three when a bare surname must be
counted), and its child rows one multi-row statement per table, whatever the number of articles
and entities: one statement per entity, then one set per article, cost ~0.25 ms each of round
trip on PostgreSQL, which capped a cluster's throughput at the writer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsdesk.record import Entity
from newsdesk.store.backend import Backend, Row
from newsdesk.store.identity import Identity, identities
from newsdesk.store.search import escape_like
from newsdesk.store.text import iso_date, now
from newsdesk.store.writers import Batch, preparer, writer
from newsdesk.vocab.personal_names import PersonName, person_name, same_person

# Ids of the entities an article introduces, until they are inserted: above every stored id
# and in order of first appearance, like the real ids they stand for.
_PENDING = 1 << 62


@dataclass(slots=True)
class _Known:
    """Entity ids by key, as stored plus as created while writing this batch."""

    own: dict[str, int] = field(default_factory=dict)
    alias: dict[str, int] = field(default_factory=dict)

    def find(self, keys: list[str]) -> int | None:
        """The entity with any of ``keys`` as its own key, else as an alias (lowest id first)."""
        own = [self.own[k] for k in keys if k in self.own]
        if own:
            return min(own)
        aliased = [self.alias[k] for k in keys if k in self.alias]
        return min(aliased) if aliased else None


_Planned = list[tuple[Entity, Identity]]


@preparer("entities")
def prepare_entities(batch: Batch) -> None:
    """Read the stored entities the batch's names may be, before revised articles' rows go."""
    plans = [_planned(rows.article.entities, rows.article.text) for rows in batch.articles]
    revised = [rows.pk for rows in batch.articles if rows.revised]
    batch.before["entities"] = _Linker(batch.db, plans, revised)


@writer("entities")
def write_entities(batch: Batch) -> None:
    """Store the articles' entities with their titles and mentions (``ids["entities"]``: local id → global id)."""
    linker: _Linker = batch.before["entities"]
    pending = [linker.link(position, rows.pk) for position, rows in enumerate(batch.articles)]
    real = linker.finish()
    links, titles, mentions = [], [], []
    for rows, found in zip(batch.articles, pending, strict=True):
        article, pk = rows.article, rows.pk
        ids = rows.ids["entities"] = {local: real.get(gid, gid) for local, gid in found.items()}
        site, date = article.site, iso_date(article.published)
        linked = [(entity, ids[entity.id]) for entity in article.entities if entity.id in ids]
        links += [(pk, entity.id, gid, entity.name, len(entity.mentions)) for entity, gid in linked]
        titles += [(gid, pk, title, site, date) for entity, gid in linked for title in entity.titles if title.strip()]
        mentions += [
            (pk, gid, span.start, span.end, article.text[span.start : span.end])
            for entity, gid in linked
            for span in entity.mentions
        ]
    db = batch.db
    db.copy_rows("article_entities", ("article_id", "local_id", "entity_id", "name", "mention_count"), links)
    # A title once per entity and article: two of its entities linked to one person may both give it.
    unique = list({row[:3]: row for row in titles}.values())
    db.copy_rows("entity_titles", ("entity_id", "article_id", "title", "site", "published_date"), unique)
    db.copy_rows("mentions", ("article_id", "entity_id", "start_char", "end_char", "text"), mentions)


def entity_ids(db: Backend, entities: list[Entity], text: str) -> dict[str, int]:
    """Global ids for one article's ``entities``, creating the ones never seen before (see the module docstring).

    An entity :func:`identities` leaves ambiguous ("Trump" in an article naming two Trumps) gets none.
    For migration 4, which runs on the columns of version 3: people are found by their keys' words,
    not by the ``surname`` column version 8 adds (and fills for the entities made here).
    """
    linker = _Linker(db, [_planned(entities, text)], [], indexed=False)
    found = linker.link(0, None)
    real = linker.finish()
    return {local: real.get(gid, gid) for local, gid in found.items()}


def _planned(entities: list[Entity], text: str) -> _Planned:
    """The article's entities that can be linked, with their identities."""
    plans = identities(entities, text)
    return [(e, plan) for e in entities if (plan := plans[e.id]) is not None and not plan.key.endswith(":")]


class _Linker:
    """Links a batch's articles one after another against the store as it was before the batch plus
    what the earlier articles created: two queries for the whole batch (three when a bare surname
    must be counted), where linking article by article took them per article."""

    def __init__(self, db: Backend, plans: list[_Planned], revised: list[int], *, indexed: bool = True) -> None:
        """``indexed``: the store has the ``surname`` column (version 8), found by its index and filled."""
        self.db, self.plans, self.indexed = db, plans, indexed
        self.known = _stored(db, sorted({k for planned in plans for _, plan in planned for k in plan.keys}))
        surnames = _surnames(plans, self.known)
        self.people = _people(db, surnames) if indexed else _people_by_key(db, surnames)
        self.counts = _counts(db, self.people, revised) if any(p.bare for pl in plans for _, p in pl) else None
        self.new: dict[str, Identity] = {}  # entities to create, by key, in order: pending id _PENDING + index
        self.aliases: list[tuple[str, int]] = []

    def link(self, position: int, article_pk: int | None) -> dict[str, int]:
        """Local id → global (or pending) id of the article at ``position`` in the batch."""
        out: dict[str, int] = {}
        if self.counts is not None and article_pk is not None:
            self.counts.forget(article_pk)
        for entity, plan in self.plans[position]:
            found = self._find(plan)
            if found is None:
                continue  # two people with this surname, named in as many articles: which one is unknown
            for key in plan.keys if plan.bare is None else ():  # a bare surname is no name of one person
                if key not in self.known.own and key not in self.known.alias:
                    self.known.alias[key] = found
                    self.aliases.append((key, found))
            out[entity.id] = found
        if self.counts is not None:
            self.counts.add(out.values())
        return out

    def _find(self, plan: Identity) -> int | None:
        if plan.bare is not None and (candidates := _with_suffix(plan.bare, self.people)):
            assert self.counts is not None
            return _most_named(self.counts, candidates)  # a person named in full, before an entity of that bare name
        found = self.known.find(list(plan.keys)) or _same_person(plan, self.people)
        if found is None:
            found = self.known.own[plan.key] = _PENDING + len(self.new)
            self.new[plan.key] = plan
            if plan.person is not None:
                self.people.setdefault(plan.person.surname, []).append((found, plan.person))
        return found

    def finish(self) -> dict[int, int]:
        """Create the new entities and store the new aliases; pending id → real id."""
        real = _create(self.db, self.new, self.indexed)
        self.db.executemany(
            "INSERT INTO entity_aliases (key, entity_id) SELECT ?, ? WHERE NOT EXISTS "
            "(SELECT 1 FROM entities WHERE key = ?) ON CONFLICT (key) DO NOTHING",
            [(key, real.get(found, found), key) for key, found in self.aliases],
        )
        return real


def _surnames(plans: list[_Planned], known: _Known) -> list[str]:
    """The surnames whose stored people can matter: those of bare names, and of full names stored under
    none of their keys (a name found by its keys now is found so while the batch goes: ``known`` only grows)."""
    out: set[str] = set()
    for planned in plans:
        for _, plan in planned:
            if plan.bare is not None:
                out.add(plan.bare.surname)
            elif plan.person is not None and known.find(list(plan.keys)) is None:
                out.add(plan.person.surname)
    return sorted(out)


@dataclass(slots=True)
class _Counts:
    """Articles naming each stored or new person, as the batch goes: a bare surname's tie-breaker."""

    named: dict[int, int]
    old: dict[int, list[int]]
    """A revised article's id → the entities its old revision linked (forgotten when it is reached)."""

    def forget(self, article_pk: int) -> None:
        for gid in self.old.pop(article_pk, []):
            self.named[gid] = self.named.get(gid, 0) - 1

    def add(self, gids: Iterable[int]) -> None:
        for gid in gids:
            self.named[gid] = self.named.get(gid, 0) + 1


def _counts(db: Backend, people: _People, revised: list[int]) -> _Counts:
    """How many article rows name each stored person with one of the batch's surnames (one query), and
    which of them the batch's revised articles named (they are re-counted with the new revision)."""
    ids = sorted({i for found in people.values() for i, _ in found})
    rows = db.query_in(
        "SELECT entity_id, COUNT(*) AS n FROM article_entities WHERE entity_id IN ({marks}) GROUP BY entity_id", ids
    )
    old: dict[int, list[int]] = {}
    for row in db.query_in("SELECT article_id, entity_id FROM article_entities WHERE article_id IN ({marks})", revised):
        old.setdefault(int(row["article_id"]), []).append(int(row["entity_id"]))
    return _Counts({int(row["entity_id"]): int(row["n"]) for row in rows}, old)


def _stored(db: Backend, keys: list[str]) -> _Known:
    known = _Known()
    for row in db.query_in("SELECT id, key FROM entities WHERE key IN ({marks})", keys):
        known.own[row["key"]] = int(row["id"])
    for row in db.query_in("SELECT entity_id, key FROM entity_aliases WHERE key IN ({marks})", keys):
        known.alias[row["key"]] = int(row["entity_id"])
    return known


_People = dict[str, list[tuple[int, PersonName]]]


def _people(db: Backend, surnames: list[str]) -> _People:
    """The stored people named in full with one of ``surnames``, by surname (one indexed query)."""
    return _by_surname(db.query_in("SELECT id, key FROM entities WHERE surname IN ({marks})", surnames), surnames)


def _people_by_key(db: Backend, surnames: list[str]) -> _People:
    """:func:`_people` on a store without the ``surname`` column: the keys whose words may end in one
    (a scan of every entity's key; version 8 indexes the surname instead)."""
    if not surnames:
        return {}
    patterns = [p for s in surnames for p in (f"PERSON:% {escape_like(s)}", f"PERSON:% {escape_like(s)} %")]
    where = " OR ".join("key LIKE ? ESCAPE '\\'" for _ in patterns)
    return _by_surname(db.query(f"SELECT id, key FROM entities WHERE {where}", patterns), surnames)


def _by_surname(rows: list[Row], surnames: list[str]) -> _People:
    """The rows that are people named in full with one of ``surnames``, parsed, by surname."""
    found: _People = {}
    wanted = set(surnames)
    for row in rows:
        name = person_name(str(row["key"]).partition(":")[2].split())
        if name is not None and name.given and name.surname in wanted:
            found.setdefault(name.surname, []).append((int(row["id"]), name))
    return found


def surname_of(key: str) -> str | None:
    """The ``surname`` column of the entity with ``key``: a person named in full's surname, else None
    (the one value :func:`_people` finds it by)."""
    kind, _, name = key.partition(":")
    parsed = person_name(name.split()) if kind == "PERSON" else None
    return parsed.surname if parsed is not None and parsed.given else None


def _same_person(plan: Identity, people: _People) -> int | None:
    """The stored person a full name can be ("Donald J. Trump" for "Donald Trump"), if only one."""
    if plan.person is None:
        return None
    candidates = [(i, name) for i, name in people.get(plan.person.surname, []) if same_person(name, plan.person)]
    persons = _persons(candidates)
    return min(persons[0]) if len(persons) == 1 else None


def _most_named(counts: _Counts, candidates: list[tuple[int, PersonName]]) -> int | None:
    """The person a bare surname means when the article does not say: the only one stored with it,
    else the one named in the most articles ("Obama" is Barack, not Michelle Obama), unless tied."""
    persons = _persons(candidates)
    if len(persons) == 1:
        return min(persons[0])
    named = sorted(((sum(counts.named.get(i, 0) for i in person), min(person)) for person in persons), reverse=True)
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


def _create(db: Backend, new: dict[str, Identity], indexed: bool) -> dict[int, int]:
    """Insert the new entities in order (so ids follow first appearance); pending id → real id."""
    if not new:
        return {}
    stamp = now()
    rows = [(key, plan.name, plan.type.strip().upper(), stamp) for key, plan in new.items()]
    if indexed:
        db.insert_rows(
            "INSERT INTO entities (key, name, type, first_seen, surname)",
            [(*row, surname_of(row[0])) for row in rows],
            "ON CONFLICT (key) DO NOTHING",
        )
    else:
        db.insert_rows("INSERT INTO entities (key, name, type, first_seen)", rows, "ON CONFLICT (key) DO NOTHING")
    ids = {
        row["key"]: int(row["id"])
        for row in db.query_in("SELECT id, key FROM entities WHERE key IN ({marks})", list(new))
    }
    return {_PENDING + index: ids[key] for index, key in enumerate(new)}
