"""Pronoun speakers the entities component left open: "he said" after several people were named.

A reporting pronoun ("…,” he said") most often continues the sentence before it, whose subject
is the person the paragraph is about; the nearest name is often only someone that person talked
about ("Rendell praised Halvorsen …, but he said"). So the subject of the main clause before the
pronoun is preferred; then the latest earlier speaker, when still one of the last people named;
then the latest person named. A subject that is a person described, not named ("A president
who …"), means the pronoun is theirs: the description speaks, not a name nearby. "It" is an
organisation or a text ("it read"); a pronoun that replies is whom the sentence before asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Span, Token

from newsdesk.extract.entities.component import QUALIFYING_DEPS
from newsdesk.extract.entities.titles import ORG_ROLES, PERSON_ROLES, is_role
from newsdesk.extract.quotes.context import Context
from newsdesk.extract.quotes.words import quote_words

_PRONOUN_PARAGRAPHS = 3  # a pronoun's antecedent is named at most this many paragraphs back
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_GENDERED_NOUNS = frozenset(
    """woman man girl boy mother father wife husband daughter son sister brother lady gentleman widow widower
    grandmother grandfather aunt uncle niece nephew girlfriend boyfriend mom dad""".split()
)
_INDEFINITE = frozenset({"a", "an", "another"})
# Plural nouns of people that neither the role lexicon nor its suffixes know ("voters" and
# "officials" they do).
_HUMAN_GROUPS = frozenset(
    """people critics friends families relatives parents children students fans allies colleagues citizens
    women men""".split()
)
_COPULAS = frozenset({"be", "seem", "appear", "become", "remain"})
_BODIES = frozenset({"ORG", "GPE", "NORP"})
# Dependents that belong to a group's name ("Friends of Rask", "Rask and Mora"); relative clauses
# and appositives are left out of the name the desk shows.
_PHRASE_PARTS = frozenset({"prep", "cc", "conj", "compound", "amod", "nummod"})
# A pronoun answering is whom the sentence before asked ("… asked Ruiz … She replied").
_ANSWERS = frozenset({"reply", "respond", "answer", "retort"})
_ASKS = frozenset({"ask", "question"})
_SENTENCES_BACK = 2  # how many sentences before the pronoun's own the subject may be in


@dataclass(slots=True)
class Resolved:
    """Who a source phrase points at: an entity id or only a name, and whether a reader can tell
    who it is (``describable``: a name, a group or role, not a bare "they" or "some"; ``neuter``:
    what an earlier "it" stood for, an organisation or a text such as "the email")."""

    entity: str | None
    name: str
    gender: str | None
    person: bool
    describable: bool = True
    neuter: bool = False


class NameBook(Protocol):
    """What pronoun resolution needs of the article's names (see ``speaker._Names``)."""

    ctx: Context
    genders: dict[str, str]

    def canonical(self, name: str) -> str: ...

    def known_surname(self, name: str) -> bool: ...

    def by_name(self, start: int, end: int, head: Token | None = None) -> Resolved: ...


def unresolved(pronoun: Token, gender: str | None, *, person: bool) -> Resolved:
    """A pronoun no one could be found for: kept as the words the text uses, not describable."""
    return Resolved(None, pronoun.text, gender, person, describable=False)


def by_it(names: NameBook, pronoun: Token, history: list[tuple[int, Resolved]]) -> Resolved:
    """ "it said": the organisation that is the subject before it ("The union … It said"), else the
    speaker just before it when that is an organisation or a country within a few paragraphs (a
    person is never "it"). An "it" of "it is/seems <adjective or noun> …" points at nothing."""
    found = _antecedent_of_it(names, pronoun, history)
    if found is None:
        return unresolved(pronoun, None, person=False)
    found.neuter = True
    return found


def _antecedent_of_it(names: NameBook, pronoun: Token, history: list[tuple[int, Resolved]]) -> Resolved | None:
    earliest = paragraphs_back(names.ctx.text, pronoun.idx, _PRONOUN_PARAGRAPHS)
    if pronoun.head.lemma_ in _COPULAS and any(c.dep_ in ("acomp", "attr") for c in pronoun.head.children):
        return None  # "it is premature to …", "it is another story"
    subject = _subject_before(names.ctx, pronoun, earliest)
    if subject is not None and subject.tag_ in ("NN", "NNP") and _organisation(names.ctx, subject):
        found = names.by_name(*_char_span(_group_phrase(subject)), head=subject)
        if found.describable and not found.person:
            return found
    if subject is not None and subject.tag_ == "NN" and subject.lemma_.lower() in quote_words("speech-product"):
        return _document(names, subject)
    # Only the speaker just before, when an organisation: with someone else in between, "it" is
    # more often the thing talked about (PolNeAR dev: 4 of 9 "it" right with any earlier one).
    last = history[-1] if history and history[-1][0] >= earliest else None
    document = _document_before(names.ctx, pronoun, earliest)
    if document is not None and (last is None or document.idx > last[0]):
        return _document(names, document)  # "Ruiz held up a sign. “…,” it read."
    if last is not None and (last[1].entity is not None or last[1].neuter) and not last[1].person:
        return last[1]  # "The union …, it said. “…,” it added"; "“…,” it reads. “…,” it said"
    return None


def _document_before(ctx: Context, pronoun: Token, earliest: int) -> Token | None:
    """The latest put-out text ("a sign", "the email", "in the affidavit") that is an argument of
    the main verb of the pronoun's sentence or the one before, or the subject of a main verb up to
    :data:`_SENTENCES_BACK` sentences before: something not an organisation that still "says" or
    "reads" is a text. One named inside a clause ("the disclosure that she used a private email")
    is talked about, not talking."""
    index = ctx.sentence_index(pronoun.i)
    products = quote_words("speech-product")
    for back in range(min(index, _SENTENCES_BACK) + 1):
        start, end = ctx.sentences[index - back]
        for token in reversed(ctx.doc[start : min(end, pronoun.i)]):
            if token.idx < earliest:
                return None
            text = token.tag_ == "NN" and not ctx.quoted[token.i] and token.lemma_.lower() in products
            if text and _main_argument(token, subject_only=back == _SENTENCES_BACK):
                return token
    return None


def _main_argument(token: Token, *, subject_only: bool) -> bool:
    """Whether ``token`` is the subject of its sentence's main verb, or (unless ``subject_only``)
    its object or the object of a preposition on it."""
    if token.dep_ in _SUBJECTS:
        return _main_verb(token.head)
    if subject_only:
        return False
    if token.dep_ in ("dobj", "attr"):
        return _main_verb(token.head)
    return token.dep_ == "pobj" and token.head.dep_ == "prep" and _main_verb(token.head.head)


def _main_verb(verb: Token) -> bool:
    """The sentence's root, a verb joined to it ("smiled and lifted a sign"), or a clause the parser
    hung on a root after it ("the paper notes …, it lists …, and it says")."""
    joined = verb.dep_ == "conj" or (verb.dep_ == "ccomp" and verb.i < verb.head.i)
    return verb.dep_ == "ROOT" or (joined and verb.head.dep_ == "ROOT")


def _document(names: NameBook, subject: Token) -> Resolved:
    """ "A letter from the tenants' union reached the council. “…,” it said": a document speaks for
    whoever its "from" or "by" phrase names, else it is the source itself (as "the report said")."""
    author = next(
        (
            obj
            for prep in subject.children
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by")
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN")
        ),
        None,
    )
    if author is not None:
        found = names.by_name(*_char_span(_group_phrase(author)), head=author)
        if found.describable:
            return found
    return Resolved(None, _group_phrase(subject).text, None, False)


def by_they(names: NameBook, pronoun: Token) -> Resolved:
    """ "they said": the plural subject before it ("Aid agencies warned … They said"), as a group;
    names joined by "and" ("Rask and Mora") are the pair, no one entity."""
    earliest = paragraphs_back(names.ctx.text, pronoun.idx, _PRONOUN_PARAGRAPHS)
    subject = _subject_before(names.ctx, pronoun, earliest)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return unresolved(pronoun, None, person=False)
    phrase = _group_phrase(subject)
    if any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in subject.children):
        return Resolved(None, phrase.text, None, False)
    if subject.tag_ not in ("NNS", "NNPS") or not _speaking_group(subject):
        return unresolved(pronoun, None, person=False)
    if subject.pos_ == "NOUN":
        return Resolved(None, phrase.text, None, False)  # "Chinese local governments", "Friends of Rask"
    found = names.by_name(*_char_span(phrase), head=subject)
    return found if found.describable else unresolved(pronoun, None, person=False)


def _speaking_group(subject: Token) -> bool:
    """Whether a plural subject can speak: people or organisations ("Democrats", "officials",
    "voters", "unions"), not "such measures" or "the bills"."""
    lemma = subject.lemma_.lower()
    return subject.pos_ == "PROPN" or lemma in ORG_ROLES or lemma in _HUMAN_GROUPS or is_role(subject, "PERSON")


def _group_phrase(subject: Token) -> Span:
    """The subject's noun phrase without relative clauses or asides: "Friends of Mr. Rask",
    "Chinese local governments", "Rask and Mora"."""
    kept = [subject.i] + [c.right_edge.i for c in subject.children if c.dep_ in _PHRASE_PARTS and c.i > subject.i]
    end = max(kept) + 1
    while end > subject.i + 1 and (
        subject.doc[end - 1].is_punct or subject.doc[end - 1].is_space or subject.doc[end - 1].dep_ == "cc"
    ):
        end -= 1  # "women consultants and", "Rask, a former mayor,"
    return subject.doc[subject.left_edge.i : end]


def _char_span(span: Span) -> tuple[int, int]:
    return span.start_char, span.end_char


def _organisation(ctx: Context, subject: Token) -> bool:
    """Whether a subject names an organisation or a country: a name of that type, "the union"."""
    holding = [
        e for e in ctx.ents_in(subject.left_edge.idx, subject.idx + len(subject)) if e.start <= subject.i < e.end
    ]
    if holding:
        return holding[0].label_ in _BODIES
    return subject.pos_ == "NOUN" and subject.lemma_.lower() in ORG_ROLES


def by_pronoun(names: NameBook, pronoun: Token, gender: str, history: list[tuple[int, Resolved]]) -> Resolved:
    """A he/she: the subject before it, else the latest compatible earlier speaker, else the latest
    such person named before."""
    ctx = names.ctx
    earliest = paragraphs_back(ctx.text, pronoun.idx, _PRONOUN_PARAGRAPHS)
    subject = _person_of(names, _answerer(pronoun, _subject_before(ctx, pronoun, earliest)))
    if isinstance(subject, Span) and names.genders.get(names.canonical(subject.text)) in (gender, None):
        return _learn_gender(names, names.by_name(subject.start_char, subject.end_char), gender, alone=False)
    if isinstance(subject, Token):
        return _described(names, subject, pronoun, gender)
    speakers = [r for offset, r in history if offset >= earliest and r.person and r.gender in (gender, None)]
    # A name inside a quotation is talked about, not talking ("… rather than Barack Obama," he said),
    # and so is one that only qualifies a noun.
    people = [
        e
        for e in ctx.ents_in(earliest, pronoun.idx)
        if e.label_ == "PERSON" and not ctx.quoted[e.start] and e.root.dep_ not in QUALIFYING_DEPS
    ]
    named = [
        e for e in reversed(people) if names.genders.get(names.canonical(e.text)) in (gender, None) and len(e.text) > 1
    ]
    chosen: Resolved | None = None
    if speakers and (not named or speakers[-1].name in {names.canonical(e.text) for e in named[:2]}):
        chosen = speakers[-1]
        if named and chosen.gender is None and names.genders.get(names.canonical(named[0].text)) == gender:
            # The latest name known to be a "she" over an earlier speaker of unknown gender.
            chosen = names.by_name(named[0].start_char, named[0].end_char)
    elif named:
        chosen = names.by_name(named[0].start_char, named[0].end_char)
    if chosen is None:
        return unresolved(pronoun, gender, person=True)
    alone = len({r.name for r in speakers} | {names.canonical(e.text) for e in named}) == 1
    return _learn_gender(names, chosen, gender, alone=alone)


def _answerer(pronoun: Token, subject: Token | None) -> Token | None:
    """ "A reporter asked Ruiz about the vote. She replied: …": who answers is whom the sentence
    before asked, not who asked."""
    if subject is None or pronoun.head.lemma_ not in _ANSWERS or subject.head.lemma_ not in _ASKS:
        return subject
    asked = [c for c in subject.head.children if c.dep_ in ("dobj", "dative")]
    return asked[0] if asked else subject


def _described(names: NameBook, subject: Token, pronoun: Token, gender: str) -> Resolved:
    """A person brought in by description ("A reporter for the wire service called it chaos. “…,”
    he said"): the person the entities component linked that phrase to, else the description."""
    phrase = _group_phrase(subject)
    described = names.by_name(*_char_span(phrase), head=subject)
    if described.entity is not None and described.person:
        return described
    between = [e for e in names.ctx.ents_in(phrase.end_char, pronoun.idx) if e.label_ == "PERSON"]
    # A bare "a woman" or "a president" tells a reader nothing; with someone named since, the
    # pronoun may be theirs: both stay unresolved.
    if not described.describable or len(phrase) <= 2 or between:
        return unresolved(pronoun, gender, person=True)
    return Resolved(None, phrase.text, gender, True)


def _learn_gender(names: NameBook, chosen: Resolved, gender: str, *, alone: bool) -> Resolved:
    """Only one person could be meant, so the pronoun tells their gender for later ones."""
    if chosen.gender is None and alone:
        names.genders[chosen.name] = gender
        chosen.gender = gender
    return chosen


def _subject_before(ctx: Context, pronoun: Token, earliest: int) -> Token | None:
    """Who the pronoun continues: the subject of the main clause of its own sentence before it,
    or of the nearest sentence before that outside quotation marks (pronoun subjects skipped)."""
    first, _ = ctx.sentence(pronoun.i)
    candidates = [ctx.doc[first : pronoun.i]]
    index = ctx.sentence_index(pronoun.i)
    # Sentences wholly inside quotation marks are the speaker's words, not the narration: the look
    # back passes over them ("X criticized Y. “…? …? …,” she said" reaches X).
    for start, end in reversed(ctx.sentences[:index]):
        if len(candidates) > _SENTENCES_BACK or ctx.doc[start].idx < earliest:
            break
        if not all(ctx.quoted[i] for i in range(start, end)):
            candidates.append(ctx.doc[start:end])
    for part in candidates:
        subject = main_subject(part)
        if subject is None or subject.i >= pronoun.i or ctx.quoted[subject.i] or subject.pos_ == "PRON":
            continue  # a pronoun subject ("Where he used to …, he said") goes back further
        return subject
    return None


def main_subject(part: Span) -> Token | None:
    """The subject of the main verb of ``part`` (the sentence root, or the root of the words it holds)."""
    roots = [t for t in part if t.dep_ == "ROOT" or t.head.i < part.start or t.head.i >= part.end]
    for root in roots[:1]:
        subjects = [c for c in root.children if c.dep_ in _SUBJECTS]
        if subjects:
            return subjects[0]
    return None


def _person_of(names: NameBook, subject: Token | None) -> Span | Token | None:
    """The named person a subject is ("Ed Rendell", "the host, Joe Madison"), the subject itself
    for a person newly described ("a senator"), None for anything else (a pronoun, a bill, a
    group, "the senator")."""
    if subject is None:
        return None
    for token in [subject, *(c for c in subject.children if c.dep_ == "appos")]:
        holding = names.ctx.ent_holding(token.i)
        if holding is not None:
            return holding if holding.label_ == "PERSON" or _a_person_after_all(names, holding) else None
    word = subject.lemma_.lower()
    if subject.pos_ == "NOUN" and subject.tag_ == "NN" and (word in PERSON_ROLES or word in _GENDERED_NOUNS):
        # "A president who …" brings in someone new; "the former senator" mostly goes back to a
        # person named before, whom the other rules find.
        return subject if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in subject.children) else None
    return None


def _a_person_after_all(names: NameBook, name: Span) -> bool:
    """A name the model typed otherwise that is a person: the surname of someone the article names
    in full ("Ebbing" after "Ruth Ebbing"), or one a "who" clause describes ("Tolle, who is 28")."""
    if names.known_surname(name.text):
        return True
    clauses = [c for c in name.root.children if c.dep_ == "relcl"]
    return any(c.lower_ == "who" and c.dep_ in _SUBJECTS for clause in clauses for c in clause.children)


def paragraphs_back(text: str, offset: int, paragraphs: int) -> int:
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
