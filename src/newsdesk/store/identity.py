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

from newsdesk.record import Entity
from newsdesk.store.text import entity_key
from newsdesk.vocab.personal_names import FAMILY_NOUNS, PersonName, person_name, same_person

# How far before a relative's name the possessor may end: "Trump and his wife Melania" (18
# characters from "Trump"'s end to "Melania"), "Clinton, whose daughter Chelsea" — a clause, not more.
_POSSESSOR_REACH = 40
_LAST_WORD = re.compile(r"([^\W\d_]+)[\s,]*$")


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
    forms = {e.id: _forms(e) for e in entities}
    found: dict[str, Identity | None] = {}
    for entity in entities:
        if entity.type.strip().upper() == "PERSON":
            found[entity.id] = _person(entity, forms, text, entities)
        else:
            found[entity.id] = _other(entity, forms, entities)
    return found


def _forms(entity: Entity) -> list[_Form]:
    """The entity's name and aliases with their keys, name first, without empty or repeated keys."""
    out: dict[str, _Form] = {}
    for text in [entity.name, *entity.aliases]:
        key = entity_key(text, entity.type)
        if not key.endswith(":") and key not in out:
            out[key] = _Form(text, key, tuple(key.partition(":")[2].split()))
    return list(out.values())


def _person(entity: Entity, forms: dict[str, list[_Form]], text: str, entities: list[Entity]) -> Identity | None:
    own = forms[entity.id]
    full = [(form, name) for form in own if (name := person_name(form.words)) is not None and name.given]
    if full:
        anchor, name = full[0]
        keys = tuple(form.key for form, other in full if form is anchor or same_person(other, name))
        return Identity(anchor.key, anchor.text, "PERSON", keys, person=name)
    if not own or (bare := person_name(own[0].words)) is None:
        return None
    if _surname_shared(entity, bare, forms, entities) or _relative_named(entity, bare, forms, text, entities):
        return None
    return Identity(own[0].key, own[0].text, "PERSON", (own[0].key,), bare=bare)


def _surname_shared(entity: Entity, bare: PersonName, forms: dict[str, list[_Form]], entities: list[Entity]) -> bool:
    """Whether another person of the article is named in full with this surname."""
    return any(_named_in_full(forms[other.id], bare.surname) for other in _other_people(entity, entities))


def _relative_named(
    entity: Entity, bare: PersonName, forms: dict[str, list[_Form]], text: str, entities: list[Entity]
) -> bool:
    """Whether a person is named right after a family noun that follows this entity or has its surname.

    "Trump and his wife Melania", "Clinton's daughter Chelsea Clinton": a bare surname in such an
    article may be either of them.
    """
    ends = [span.end for span in entity.mentions]
    for other in _other_people(entity, entities):
        surnamed = _named_in_full(forms[other.id], bare.surname)
        for span in other.mentions:
            before = text[max(0, span.start - _POSSESSOR_REACH) : span.start]
            word = _LAST_WORD.search(before)
            if word is None or word.group(1).lower() not in FAMILY_NOUNS:
                continue
            noun_at = span.start - len(before) + word.start(1)
            if surnamed or any(noun_at - _POSSESSOR_REACH <= end <= noun_at for end in ends):
                return True
    return False


def _other_people(entity: Entity, entities: list[Entity]) -> list[Entity]:
    return [o for o in entities if o.id != entity.id and o.type.strip().upper() == "PERSON"]


def _named_in_full(forms: list[_Form], surname: str) -> bool:
    """Whether one of ``forms`` is a full name (given name and surname) with ``surname``."""
    return any(
        (name := person_name(form.words)) is not None and name.given and name.surname == surname for form in forms
    )


def _other(entity: Entity, forms: dict[str, list[_Form]], entities: list[Entity]) -> Identity | None:
    """A non-person: found by its names that are not one word of another of its names."""
    own = forms[entity.id]
    longer = {word for form in own if len(form.words) > 1 for word in form.words}
    names = [form for form in own if len(form.words) > 1 or form.words[0] not in longer] or own[:1]
    if not names:
        return None
    anchor = names[0]
    if len(anchor.words) == 1 and _ends_another(entity, anchor.words[0], forms, entities):
        return None
    return Identity(anchor.key, anchor.text, entity.type, tuple(form.key for form in names))


def _ends_another(entity: Entity, word: str, forms: dict[str, list[_Form]], entities: list[Entity]) -> bool:
    """Whether another entity of the same type has a longer name ending in ``word`` ("New York Post")."""
    return any(
        len(form.words) > 1 and form.words[-1] == word
        for other in entities
        if other.id != entity.id and other.type == entity.type
        for form in forms[other.id]
    )
