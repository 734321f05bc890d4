"""The spaCy component ``newsdesk_entities``: fills ``doc._.entities`` from the stages the package
docstring lists; :func:`entity_for_span` maps a character span (a quote's speaker) to its entity.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from newsdesk.extract.entities.cluster import cluster, entity_name, entity_type, name_parts
from newsdesk.extract.entities.descriptions import link_descriptions
from newsdesk.extract.entities.gazetteer import Gazetteer, default_gazetteer, given_name_genders
from newsdesk.extract.entities.mention import Mention, make_mention
from newsdesk.extract.entities.mentions import ORGANISATION_WORDS, build_matcher, collect
from newsdesk.extract.entities.pronouns import resolve
from newsdesk.extract.entities.scan import Scanner
from newsdesk.extract.entities.titles import ORG_ROLES, PERSON_ROLES, titles_of, word_of
from newsdesk.extract.registration import factory
from newsdesk.record import Entity, Span
from newsdesk.vocab.labels import NAME_LABELS
from newsdesk.vocab.names import COURTESY_TITLES

__all__ = ["EntitiesComponent", "entity_for_span", "find_entities"]

_TITLED = frozenset({"PERSON", "ORG"})


@factory("entities")
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    """spaCy factory: ``nlp.add_pipe("newsdesk_entities")``."""
    return EntitiesComponent(nlp)


class EntitiesComponent:
    """Fills ``doc._.entities``. The gazetteer matcher is built once, when the component is added."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or default_gazetteer()
        self.matcher = build_matcher(nlp, self.gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = find_entities(doc, self.gazetteer, self.matcher)
        return doc


def entity_for_span(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping the character span ``[start, end)`` the most, or None.

    A speaker span "Russian envoy Zamir Kabulov" overlaps the mention "Zamir Kabulov" more than
    the NORP mention "Russian", so it resolves to the person; ties go to the earlier entity.
    """
    best: Entity | None = None
    best_overlap = 0
    for entity in doc._.entities:
        for span in entity.mentions:
            overlap = min(end, span.end) - max(start, span.start)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
    return best


def find_entities(doc: Doc, gazetteer: Gazetteer, matcher: PhraseMatcher) -> list[Entity]:
    """The entities of ``doc``, from its named entities; titles and pronouns need the dependency parse.

    Without a parser in the pipeline the names are still clustered and typed, with no titles and
    no pronouns.
    """
    scanner = Scanner(doc)
    parsed = doc.has_annotation("DEP")
    collected = collect(doc, scanner, gazetteer, matcher)
    mentions = collected.mentions
    groups = cluster(mentions, collected.links)
    types = [entity_type([mentions[i] for i in group]) for group in groups]
    if parsed:
        _people_by_title(doc, mentions, groups, types)
    _missed_name_parts(doc, scanner, mentions, groups, types)
    if parsed:
        _pronouns(doc, scanner, mentions, groups, types)
    names = {i for m in mentions if m.source != "pronoun" for i in range(m.start, m.end)}
    entities: list[Entity] = []
    for group, type_ in zip(groups, types, strict=True):
        members = sorted((mentions[i] for i in group), key=lambda m: m.start)
        if type_ not in NAME_LABELS or all(m.shaky and not m.entries for m in members):
            continue  # only in a title-case headline: "Avoid Bad Optics" is not an organisation
        name = entity_name(members)
        aliases = list(dict.fromkeys(m.text for m in members if m.source != "pronoun" and m.text != name))
        titles: dict[str, str] = {}
        if type_ in _TITLED and parsed:
            for m in members:
                for title in titles_of(doc, m.start, m.end, type_, names, prename=m.source != "pronoun"):
                    titles.setdefault(title.casefold(), title)
        spans = [Span(m.start_char, m.end_char) for m in members]
        entities.append(Entity("", name, type_, list(titles.values()), aliases, spans))
    entities.sort(key=lambda e: e.mentions[0].start)
    if parsed:
        link_descriptions(doc, entities, scanner.quoted)
    for n, entity in enumerate(entities, 1):
        entity.id = f"E{n}"
    return entities


def _people_by_title(doc: Doc, mentions: list[Mention], groups: list[list[int]], types: list[str]) -> None:
    """Retype as PERSON a name the model called something else but the text gives a personal title.

    "Enrique Peña Nieto, the Mexican president" and "Vann Newkirk, a writer for The Atlantic" come
    out of the small model as organisations; a title headed by a personal role word (the lexicon,
    not a suffix guess) on a two-to-four-word capitalised name that the gazetteer does not know
    says otherwise.
    """
    for n, (group, type_) in enumerate(zip(groups, types, strict=True)):
        if type_ in ("PERSON", "GPE", "LOC", "EVENT", "LAW"):
            continue
        members = [mentions[i] for i in group]
        if any(m.entries for m in members) or not any(_looks_like_a_name(m) for m in members):
            continue
        for m in members:
            found = titles_of(doc, m.start, m.end, "PERSON")
            if any(word.rstrip(".").lower() in PERSON_ROLES for title in found for word in title.split()):
                types[n] = "PERSON"
                break


def _looks_like_a_name(mention: Mention) -> bool:
    """Two to four capitalised words, none of them an organisation word ("Tax Policy Center" is not)."""
    return 2 <= len(mention.words) <= 4 and all(
        w[:1].isupper() and w not in ORGANISATION_WORDS and w.lower() not in ORG_ROLES for w in mention.words
    )


def _missed_name_parts(
    doc: Doc, scanner: Scanner, mentions: list[Mention], groups: list[list[int]], types: list[str]
) -> None:
    """Add surnames of the article's people that the model did not tag ("Brenner is a career banker").

    A capitalised word (or an all-caps one, as transcripts label speakers: "PENCE:") equal to one
    person's surname, outside every model entity (so not the month in "in May"), not a stop word
    and not inside a longer capitalised name. As in clustering, a surname two people share goes to
    the one named in full most often, then to the nearest earlier one.
    """
    surnames: dict[str, list[tuple[int, int]]] = {}  # surname → (start of a full-name mention, group)
    for n, (group, type_) in enumerate(zip(groups, types, strict=True)):
        if type_ == "PERSON":
            for i in group:
                words = mentions[i].words
                if len(name_parts(mentions[i])) >= 2 and len(words[-1]) >= 3:
                    surnames.setdefault(words[-1], []).append((mentions[i].start, n))
                    surnames.setdefault(words[-1].upper(), []).append((mentions[i].start, n))
    if not surnames:
        return
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for token in scanner.word_tokens(list(surnames)):
        if token.i in taken or token.ent_type_ or token.is_stop or not (token.is_title or token.is_upper):
            continue
        in_longer_name = any(
            0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title for j in (token.i - 1, token.i + 1)
        )
        if in_longer_name and not (token.i > 0 and word_of(doc[token.i - 1]) in COURTESY_TITLES):
            continue
        options = surnames[token.text]
        counts = Counter(n for _, n in options)
        best = max(counts.values())
        leaders = [(start, n) for start, n in options if counts[n] == best]
        earlier = [n for start, n in leaders if start < token.i]
        owner = earlier[-1] if earlier else leaders[0][1]
        mentions.append(make_mention(doc, token.i, token.i + 1, "PERSON", "name-part"))
        groups[owner].append(len(mentions) - 1)


# A name that only qualifies a noun ("a Lena Holt tribute") is not who a pronoun after it means; a
# possessor may be ("Ruiz's website … she vows": PolNeAR train, dropping possessors moved more
# pronouns to a wrong person than to the right one). The quote stage's pronoun rule reads it too.
QUALIFYING_DEPS = frozenset({"compound", "nmod"})


def _pronouns(doc: Doc, scanner: Scanner, mentions: list[Mention], groups: list[list[int]], types: list[str]) -> None:
    """Add the pronouns that can only mean one of the article's people to that person's mentions."""
    people: list[tuple[int, int]] = []
    genders: dict[int, str] = {}
    given = given_name_genders()
    for n, (group, type_) in enumerate(zip(groups, types, strict=True)):
        if type_ != "PERSON":
            continue
        for i in group:
            if doc[mentions[i].start : mentions[i].end].root.dep_ not in QUALIFYING_DEPS:
                people.append((mentions[i].start_char, n))
            gender = mentions[i].gender  # from "Mr."/"Ms."
            if gender is not None:
                genders[n] = gender
        if n not in genders:
            # The given name of a full name; a lone given name ("Melanie said") when that is all there is.
            longest = max(len(mentions[i].words) for i in group)
            firsts = {given.get(mentions[i].words[0], "") for i in group if len(mentions[i].words) == longest}
            if len(firsts) == 1 and "" not in firsts:
                genders[n] = firsts.pop()
    if not people:
        return
    names = {i for m in mentions for i in range(m.start, m.end)}
    for i, n in resolve(doc, scanner, people, genders, scanner.quoted, names):
        mentions.append(make_mention(doc, i, i + 1, "PERSON", "pronoun"))
        groups[n].append(len(mentions) - 1)
