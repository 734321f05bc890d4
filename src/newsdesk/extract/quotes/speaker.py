"""Speaker resolution: every attribution of one person should point at one entity.

A source phrase is a full name ("longtime pollster Pat Caddell"), a short one ("Caddell",
"Mr. Caddell"), a pronoun ("he") or a relative "who". The entities component, when it
runs first, clusters names and answers ``entity_for_span``; what it cannot answer is
resolved here: a relative pronoun to the noun its clause modifies, a personal pronoun to
the latest earlier speaker (or person named) of a compatible gender, and a short name to
the earlier full name it abbreviates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from spacy.tokens import Doc, Span, Token

from newsdesk.extract.quotes.context import Context
from newsdesk.extract.quotes.draft import Draft
from newsdesk.record import Entity, Speaker

EntityLookup = Callable[[Doc, int, int], Entity | None]

_RELATIVE = frozenset({"who", "which", "that", "whom"})
_MALE = frozenset({"he", "him", "his", "himself", "mr.", "mr"})
_FEMALE = frozenset({"she", "her", "hers", "herself", "mrs.", "mrs", "ms.", "ms", "miss"})
_TITLES = frozenset(
    {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "miss", "sen.", "rep.", "gov.", "gen.", "prof."}
)
_NAME_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
_PRONOUN_PARAGRAPHS = 3  # a pronoun's antecedent is named at most this many paragraphs back


@dataclass(slots=True)
class _Resolved:
    entity: str | None
    name: str
    gender: str | None
    person: bool


# Names that only say where or whose a group of speakers is when they modify a common noun:
# "Officials in New Delhi", "Afghan officials", "Russian intelligence networks".
_QUALIFIER_TYPES = frozenset({"GPE", "LOC", "FAC", "NORP"})
# Heads that speak for their possessor ("Smith's office said", "the ministry's spokesman said").
_SPEAKS_FOR = frozenset(
    """
    office spokesman spokeswoman spokesperson representative campaign administration government team
    staff camp lawyer attorney counsel press secretary ministry department agency statement account
    """.split()
)
# Heads of a source phrase that name a group rather than someone named: "officials", "many" (in
# "Many in Hong Kong fear …"), "some", "those", "most".
_GROUP_HEADS = frozenset({"NOUN", "ADJ", "PRON", "DET", "NUM"})


def resolve(ctx: Context, drafts: list[Draft], lookup: EntityLookup | None) -> list[Speaker | None]:
    """One :class:`Speaker` per draft (None when it has no source), in the drafts' order."""
    names = _Names(ctx, lookup)
    out: list[Speaker | None] = []
    history: list[tuple[int, _Resolved]] = []  # (offset, speaker) of earlier attributions
    done: dict[int, _Resolved] = {}
    for draft in drafts:
        if draft.source is None or draft.source_root is None:
            out.append(None)
            continue
        if draft.inherited_from is not None and id(draft.inherited_from) in done:
            resolved = done[id(draft.inherited_from)]
        else:
            resolved = names.resolve(draft.source, draft.source_root, history)
        done[id(draft)] = resolved
        history.append((draft.source[0], resolved))
        out.append(Speaker(resolved.entity, resolved.name, draft.source[0], draft.source[1]))
    return out


def _names_a_group(head: Token, name: Span) -> bool:
    """Whether ``name`` only says which group ``head`` is: "supporters of Maria Lindqvist",
    "Rudolph's supporters", "villagers in Dunmarrow" (also when the model takes the village for
    a person or a firm).

    A plural head followed by "of"/"in"/"from" and the name, or after a possessive person
    ("Rudolph's supporters"): the group speaks, not the one it is named after. Organisations the
    group belongs to ("members of the union") still speak. A singular head after a possessive
    speaks for it only when it is an office, a spokesperson or the like ("Smith's office said";
    not "Veltra's parent company").
    """
    if name.root.dep_ == "poss" and name.root.head == head:
        return not _owner_speaks(head, person=name.label_ == "PERSON")
    if head.tag_ != "NNS" or name.root.dep_ != "pobj":
        return False
    preposition = name.root.head
    if preposition.head != head or preposition.lower_ not in {"of", "in", "from"}:
        return False
    return name.label_ == "PERSON" or preposition.lower_ != "of"


def _someone_elses(head: Token) -> bool:
    """ "Lind's husband", "Pellman's supporters" with a name the model did not tag: not Lind or Pellman."""
    owners = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    return bool(owners) and not _owner_speaks(head, person=True)


def _owner_speaks(head: Token, *, person: bool) -> bool:
    """Whether a possessor speaks through the phrase ``head`` heads: a singular office or
    spokesperson speaks for it ("Smith's office", not "Veltra's parent company" or "Smith's
    wife"); a group speaks for an organisation ("the union's members") but not for a person
    ("Rudolph's supporters")."""
    if head.tag_ == "NNS":
        return not person
    return head.lemma_.lower() in _SPEAKS_FOR


class _Names:
    """The article's people: full names by surname, gender evidence, and the entity lookup."""

    def __init__(self, ctx: Context, lookup: EntityLookup | None) -> None:
        self.ctx, self.lookup = ctx, lookup
        self.full_names: dict[str, str] = {}
        self.genders: dict[str, str] = {}
        people = [e for e in ctx.ents if e.label_ == "PERSON"]
        for ent in people:
            words = [w for w in ent.text.split() if w.lower() not in _TITLES]
            if len(words) >= 2:
                self.full_names.setdefault(_surname(ent.text), " ".join(words))
        for ent in people:
            # "Mr. Clarke", "Ms. Ruiz": a title in front of a name tells its gender.
            title = ctx.doc[ent.start - 1].lower_ if ent.start > 0 else ""
            title = ent[0].lower_ if ent[0].lower_ in _TITLES else title
            gender = "m" if title in _MALE else "f" if title in _FEMALE else None
            if gender is not None:
                self.genders.setdefault(self.canonical(ent.text), gender)

    def canonical(self, name: str) -> str:
        """The full name a short one abbreviates ("Mr. Caddell" → "Pat Caddell"), else itself."""
        return self.full_names.get(_surname(name), name)

    def resolve(self, source: tuple[int, int], root: Token, history: list[tuple[int, _Resolved]]) -> _Resolved:
        word = root.lower_
        if word in _RELATIVE and root.head.dep_ == "relcl":
            antecedent = root.head.head
            return self.by_name(antecedent.left_edge.idx, antecedent.idx + len(antecedent), head=antecedent)
        if root.pos_ == "PRON" and (word in _MALE or word in _FEMALE):
            linked = self.lookup(self.ctx.doc, root.idx, root.idx + len(root)) if self.lookup else None
            if linked is not None:
                # The entities component links a pronoun only when one person can be meant.
                return _Resolved(linked.id, linked.name, "m" if word in _MALE else "f", True)
            return self.by_pronoun(root, "m" if word in _MALE else "f", history)
        if root.pos_ == "PRON" and word == "it" and source[1] - source[0] == 2:
            return self.by_it(root, history)
        return self.by_name(*source, head=root)

    def by_it(self, pronoun: Token, history: list[tuple[int, _Resolved]]) -> _Resolved:
        """ "it said": the latest earlier speaker that is an organisation or a country, when there is one
        within a few paragraphs (a person is never "it")."""
        earliest = _paragraphs_back(self.ctx.text, pronoun.idx, _PRONOUN_PARAGRAPHS)
        bodies = [r for offset, r in history if offset >= earliest and r.entity is not None and not r.person]
        return bodies[-1] if bodies else _Resolved(None, pronoun.text, None, False)

    def by_name(self, start: int, end: int, head: Token | None = None) -> _Resolved:
        """A named source: the entity the entities component knows there, else the name itself.

        Of several names in the phrase ("Irena Kovač, head of the Dock Workers union"), the
        one holding the phrase's head names the speaker.
        """
        ents = [e for e in self.ctx.ents_in(start, end) if e.label_ in _NAME_TYPES]
        if head is not None and head.pos_ in _GROUP_HEADS and not any(e.start <= head.i < e.end for e in ents):
            # "Officials in New Delhi", "residents of Kabul", "Afghan officials": the place or
            # nationality only says where or whose the speakers are, so it is not the speaker
            # ("a spokesman for the WFP" still speaks for the WFP).
            kept = [e for e in ents if e.label_ not in _QUALIFIER_TYPES and not _names_a_group(head, e)]
            if (ents and not kept) or (not kept and _someone_elses(head)):
                return _Resolved(None, self.ctx.text[start:end], None, False)
            ents = kept
        name_span: Span | None = None
        if ents:
            holding = [e for e in ents if head is not None and e.start <= head.i < e.end]
            people = [e for e in ents if e.label_ == "PERSON"]
            name_span = (holding or people or ents)[0]
        person = name_span is not None and name_span.label_ == "PERSON"
        entity = None
        if self.lookup is not None:
            if name_span is not None:
                entity = self.lookup(self.ctx.doc, name_span.start_char, name_span.end_char)
            entity = entity or self.lookup(self.ctx.doc, start, end)
        entity = entity or self._entity_named(self.ctx.text[start:end])
        if entity is not None:
            person = entity.type == "PERSON"  # the clustered type, over one mention's ("Twitter" as PERSON)
            return _Resolved(entity.id, entity.name, self.genders.get(self.canonical(entity.name)), person)
        name = name_span.text if name_span is not None else self.ctx.text[start:end]
        canonical = self.canonical(name)
        if canonical == name and len(name.split()) > 1 and name[:1].isupper():
            # A name the parser did not type ("Special Envoy Marek Voss"): later "Voss" is them.
            self.full_names.setdefault(_surname(name), name)
        return _Resolved(None, canonical, self.genders.get(canonical), person)

    def _entity_named(self, phrase: str) -> Entity | None:
        """An entity whose name ends the phrase: "Special Envoy Marek Voss" is the "Voss" the entities found.

        The parser may miss a name where its title runs into it; the entities component then
        only knows the later short mentions, which is still the person to point at.
        """
        if self.lookup is None:
            return None
        words = phrase.split()
        for entity in self.ctx.doc._.entities:
            name_words = entity.name.split()
            if entity.type == "PERSON" and name_words and words[-len(name_words) :] == name_words:
                return cast(Entity, entity)
        return None

    def by_pronoun(self, pronoun: Token, gender: str, history: list[tuple[int, _Resolved]]) -> _Resolved:
        """A he/she: the latest compatible earlier speaker, else the latest such person named before."""
        earliest = _paragraphs_back(self.ctx.text, pronoun.idx, _PRONOUN_PARAGRAPHS)
        speakers = [r for offset, r in history if offset >= earliest and r.person and r.gender in (gender, None)]
        # A name inside a quotation is talked about, not talking ("… rather than Barack Obama," he said).
        people = [
            e for e in self.ctx.ents_in(earliest, pronoun.idx) if e.label_ == "PERSON" and not self.ctx.quoted[e.start]
        ]
        named = [
            e
            for e in reversed(people)
            if self.genders.get(self.canonical(e.text)) in (gender, None) and len(e.text) > 1
        ]
        chosen: _Resolved | None = None
        if speakers and (not named or speakers[-1].name in {self.canonical(e.text) for e in named[:2]}):
            chosen = speakers[-1]
        elif named:
            chosen = self.by_name(named[0].start_char, named[0].end_char)
        if chosen is None:
            return _Resolved(None, pronoun.text, gender, True)
        if chosen.gender is None and len({r.name for r in speakers} | {self.canonical(e.text) for e in named}) == 1:
            # Only one person could be meant, so the pronoun tells their gender for later ones.
            self.genders[chosen.name] = gender
            chosen.gender = gender
        return chosen


def _surname(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in _TITLES]
    return words[-1].removesuffix("'s").removesuffix("’s") if words else name


def _paragraphs_back(text: str, offset: int, paragraphs: int) -> int:
    """Start offset of the paragraph ``paragraphs`` non-blank paragraphs before ``offset``'s."""
    start = text.rfind("\n", 0, offset) + 1
    for _ in range(paragraphs):
        if start == 0:
            break
        previous = text.rfind("\n", 0, start - 1)
        while previous > 0 and not text[previous + 1 : start].strip():
            previous = text.rfind("\n", 0, previous)
        start = previous + 1
    return start
