"""Which names of an article's entity may find it among the stored ones (cross-article identity).

An entity is linked across articles by its full names only: its own name and the aliases the
article gives it that are not a mere part of another of its names. A surname, a first name or a
last word ("Trump", "Melania", "Post") is a short form: it means different things in different
articles, so linking by it merged families and namesakes ("Donald Trump" absorbed Melania Trump
and Donald Trump Jr., the "Washington Post" the "New York Post"). A person's full name may also
find a stored person whose name can be the same person's (:func:`same_person`: "Donald J. Trump",
"Joe Biden" / "Joseph Biden"), never one with another given name or suffix.

A person the article names only by a one-word name ("Trump") is matched to the stored person with
that surname — when several, the one named in the most articles (the writer's choice) — unless the
article itself contradicts it: it names someone else with that
surname (the article's clustering left the bare name apart because two people share it), or a
relative right after it ("Trump and his wife Melania", "Clinton's daughter Chelsea"). A one-word
organisation ("Post") that ends the name of another organisation in the article is likewise left
unlinked: two "… Post"s were named and the clustering could not tell which one it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsdesk.record import Entity
from newsdesk.store.text import entity_key
from newsdesk.vocab.personal_names import FAMILY_NOUNS, PersonName, person_name, same_person

# How far before a relative's name the possessor may end: "Trump and his wife Melania" (18
# characters from "Trump"'s end to "Melania"), "Clinton, whose daughter Chelsea" — a clause, not more.
_POSSESSOR_REACH = 40
_LAST_WORD = re.compile(r"([^\W\d_]+)[\s,]*$")
# Names kept parsed: a news stream names the same people over and over (as store.text's key cache).
_NAME_CACHE = 1 << 16


@dataclass(frozen=True, slots=True)
class Identity:
    """How one entity of an article is looked up and, when new, created."""

    key: str
    """The key it is created under: its full name's."""
    name: str
    type: str
    keys: tuple[str, ...]
    """Keys it may be found by, as a stored entity's own key or alias: its full names'."""
    person: PersonName | None = None
    """A person's full name: may also find a stored person whose name is the same person's."""
    bare: PersonName | None = None
    """A person named by one word only: may find the one stored person with that surname."""


@dataclass(frozen=True, slots=True)
class _Form:
    text: str
    key: str
    words: tuple[str, ...]


def identities(entities: list[Entity], text: str) -> dict[str, Identity | None]:
    """Each entity's identity by its local id; None for a short name the article leaves ambiguous."""
    article = _Article.of(entities, text)
    found: dict[str, Identity | None] = {}
    for entity in entities:
        if entity.type.strip().upper() == "PERSON":
            found[entity.id] = _person(entity, article)
        else:
            found[entity.id] = _other(entity, article)
    return found


@dataclass(frozen=True, slots=True)
class _Article:
    """What the rules read about an article's other entities, gathered once: asked entity by entity,
    it cost a pass over every entity per entity (a third of the store writer's client time)."""

    entities: list[Entity]
    text: str
    forms: dict[str, list[_Form]]
    people: list[Entity]
    full_surnames: dict[str, frozenset[str]]
    """A person's local id → the surnames of its full names (given name and surname)."""
    endings: dict[tuple[str, str], frozenset[str]]
    """(type, word) → the local ids of the entities with a name of several words ending in it."""
    relatives: dict[str, tuple[int, ...]]
    """A person's local id → where the family nouns just before its mentions start."""

    @classmethod
    def of(cls, entities: list[Entity], text: str) -> _Article:
        forms = {e.id: _forms(e) for e in entities}
        people = [e for e in entities if e.type.strip().upper() == "PERSON"]
        full = {p.id: frozenset(n.surname for f in forms[p.id] if (n := _full_name(f)) is not None) for p in people}
        endings: dict[tuple[str, str], set[str]] = {}
        for entity in entities:
            for form in forms[entity.id]:
                if len(form.words) > 1:
                    endings.setdefault((entity.type, form.words[-1]), set()).add(entity.id)
        frozen = {at: frozenset(ids) for at, ids in endings.items()}
        relatives = {p.id: _family_nouns(p, text) for p in people}
        return cls(entities, text, forms, people, full, frozen, relatives)

    def other_people(self, entity: Entity) -> list[Entity]:
        return [o for o in self.people if o.id != entity.id]


def _full_name(form: _Form) -> PersonName | None:
    """The form as a full name (given name and surname), None when it is not one."""
    name = _name_of(form.words)
    return name if name is not None and name.given else None


@lru_cache(maxsize=_NAME_CACHE)
def _name_of(words: tuple[str, ...]) -> PersonName | None:
    """:func:`person_name`, kept: a stream names the same people over and over."""
    return person_name(words)


def _forms(entity: Entity) -> list[_Form]:
    """The entity's name and aliases with their keys, name first, without empty or repeated keys."""
    out: dict[str, _Form] = {}
    for text in [entity.name, *entity.aliases]:
        key = entity_key(text, entity.type)
        if not key.endswith(":") and key not in out:
            out[key] = _Form(text, key, tuple(key.partition(":")[2].split()))
    return list(out.values())


def _person(entity: Entity, article: _Article) -> Identity | None:
    own = article.forms[entity.id]
    full = [(form, name) for form in own if (name := _full_name(form)) is not None]
    if full:
        anchor, name = full[0]
        keys = tuple(form.key for form, other in full if form is anchor or same_person(other, name))
        return Identity(anchor.key, anchor.text, "PERSON", keys, person=name)
    if not own or (bare := _name_of(own[0].words)) is None:
        return None
    if _surname_shared(entity, bare, article) or _relative_named(entity, bare, article):
        return None
    return Identity(own[0].key, own[0].text, "PERSON", (own[0].key,), bare=bare)


def _surname_shared(entity: Entity, bare: PersonName, article: _Article) -> bool:
    """Whether another person of the article is named in full with this surname."""
    return any(bare.surname in article.full_surnames[other.id] for other in article.other_people(entity))


def _relative_named(entity: Entity, bare: PersonName, article: _Article) -> bool:
    """Whether a person is named right after a family noun that follows this entity or has its surname.

    "Trump and his wife Melania", "Clinton's daughter Chelsea Clinton": a bare surname in such an
    article may be either of them.
    """
    ends = [span.end for span in entity.mentions]
    for other in article.other_people(entity):
        nouns = article.relatives[other.id]
        if nouns and bare.surname in article.full_surnames[other.id]:
            return True
        if any(noun_at - _POSSESSOR_REACH <= end <= noun_at for noun_at in nouns for end in ends):
            return True
    return False


def _family_nouns(person: Entity, text: str) -> tuple[int, ...]:
    """Where a family noun ends the text just before one of the person's mentions ("his wife" Melania)."""
    found = []
    for span in person.mentions:
        before = text[max(0, span.start - _POSSESSOR_REACH) : span.start]
        word = _LAST_WORD.search(before)
        if word is not None and word.group(1).lower() in FAMILY_NOUNS:
            found.append(span.start - len(before) + word.start(1))
    return tuple(found)


def _other(entity: Entity, article: _Article) -> Identity | None:
    """A non-person: found by its names that are not one word of another of its names."""
    own = article.forms[entity.id]
    longer = {word for form in own if len(form.words) > 1 for word in form.words}
    names = [form for form in own if len(form.words) > 1 or form.words[0] not in longer] or own[:1]
    if not names:
        return None
    anchor = names[0]
    if len(anchor.words) == 1 and article.endings.get((entity.type, anchor.words[0]), frozenset()) - {entity.id}:
        return None  # another entity of the type has a longer name ending in this word ("New York Post")
    return Identity(anchor.key, anchor.text, entity.type, tuple(form.key for form in names))
