"""Objects read off the verb around a bare number (rule 8 of :mod:`.objects`): "killed 97" →
"people killed", "sent $5,000 to the party" → "sent to party", "the car is 16 feet long" →
"length of car", "Inflation hit 3.2%" → "Inflation"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdesk.extract.claims.expressions import Expression
from newsdesk.extract.claims.phrases import ObjectGuess, phrase
from newsdesk.extract.claims.predicates import (
    complement,
    dimension,
    is_measure_word,
    is_unit_noun,
    participle,
    pobj,
    same_block,
)

_NOUNS = ("NOUN", "PROPN")
# Dependency labels by which a bare number is what a people verb acts on ("killed 97").
_PEOPLE_VERB_DEPS = frozenset({"dobj", "nsubjpass", "conj", "attr", "npadvmod", "appos"})
PEOPLE_VERBS = {
    "kill": "killed", "wound": "wounded", "injure": "injured", "arrest": "arrested", "detain": "detained",
    "displace": "displaced", "evacuate": "evacuated", "abduct": "abducted", "kidnap": "kidnapped",
    "rescue": "rescued", "deport": "deported", "execute": "executed", "hospitalize": "hospitalized",
    "infect": "infected", "sentence": "sentenced", "free": "freed", "release": "released",
}  # fmt: skip
_MONEY_VERBS = frozenset({
    "spend", "invest", "allocate", "provide", "pledge", "release", "raise", "need", "ask", "request", "give",
    "earmark", "approve", "budget", "set", "pay", "cost", "lend", "loan", "donate", "offer", "announce", "seek",
})  # fmt: skip
# Money verbs that move a sum away from their subject (a sum they "cost" or "need" is said of
# their subject, and one they "receive" or "collect" is theirs).
_MOVE_VERBS = frozenset({"spend", "invest", "raise", "give", "pay", "lend", "loan", "donate", "send", "transfer",
                         "wire", "pledge", "provide", "allocate", "contribute", "earmark", "loot", "steal",
                         "embezzle", "siphon", "divert", "funnel", "bring"})  # fmt: skip
_MONEY_PREPS = ("on", "for", "to", "in", "towards")
# Entity types that are never what a sum of money is "for"/"in" ("$5 million in Kenya", "in 2020").
_NOT_OBJECTS = frozenset({"GPE", "LOC", "DATE", "TIME"})
# Verbs of travel whose distance is a range ("can go 300 miles", "flies 8,000 km"), and the units.
_TRAVEL_VERBS = frozenset({"go", "travel", "drive", "run", "deliver", "cover", "fly", "last", "reach", "manage"})
_DISTANCES = frozenset({"mi", "km"})
# Subordinators of a clause that is a condition or a time, not a purpose ("raise $5bn if …").
_CONDITION_MARKS = frozenset({"if", "unless", "when", "once", "because", "as", "while", "after", "before"})
# Entity types never what a verb's number measures: a dateline or a host country ("LONDON — …
# rose 3.1%", "Peru hosts 1.9 million") or a date; a river or a region (LOC) can be ("the
# river peaked at 3.8 metres").
_NOT_MEASURED = frozenset({"GPE", "DATE", "TIME"})
_NOTHING = ObjectGuess(None, None)


def people(verb: Token) -> str:
    """ "killed 97" → "people killed": a bare number after a people verb counts people."""
    return f"people {PEOPLE_VERBS[verb.lemma_.lower()]}"


def money_object(prep: Token, first: int) -> Token | None:
    """The noun of a money preposition ("on", "for", …) at or after token ``first``, unless it
    is a place or a date ("$5 million in Kenya", "in 2020")."""
    if prep.dep_ != "prep" or prep.lower_ not in _MONEY_PREPS or prep.i < first:
        return None
    noun = pobj(prep)
    if noun is None or noun.pos_ not in _NOUNS or noun.ent_type_ in _NOT_OBJECTS:
        return None
    return noun


@dataclass(frozen=True, slots=True)
class _Clause:
    """A bare number in the clause of the verb it hangs off, directly or through ``prep``."""

    doc: Doc
    ex: Expression
    top: Token
    verb: Token
    prep: Token | None


def from_verb(doc: Doc, ex: Expression, top: Token) -> ObjectGuess:
    """Rule 6: read off the verb around a bare number (see the module docstring)."""
    while top.dep_ in ("conj", "appos") and top.head.i != top.i and (is_unit_noun(top.head) or top.head.like_num
                                                                      or is_measure_word(top.head)):  # fmt: skip
        top = top.head  # "102.2 points, or 0.36%", "39 miles (63 kilometers)": the second hangs off the first
    if is_unit_noun(top.head) and top.head.i != top.i:
        top = top.head  # "fell 102.2 points": the points measure the fall
    verb, prep = top.head, None
    if verb.pos_ == "ADP" and verb.i != top.i:
        prep, verb = verb, verb.head
        while verb.head.i != verb.i and (
            is_unit_noun(verb) or verb.like_num or (verb.dep_ == "conj" and verb.head.like_num)
        ):
            verb = verb.head  # "lost 9.22 points, or 0.3%, to 3,093.08": "to" hangs off the points
    measured = _dimension(doc, ex, top) or _range(doc, ex, top, verb)
    if measured is not None:
        return measured
    lemma = verb.lemma_.lower()
    if lemma in PEOPLE_VERBS and top.dep_ in _PEOPLE_VERB_DEPS and prep is None:
        return ObjectGuess(people(verb), verb)  # "killed 97" (headlines tag "arrest" a noun)
    if verb.pos_ not in ("VERB", "AUX") or verb.i == top.i or not same_block(doc, top.i, verb.i):
        return _NOTHING
    clause = _Clause(doc, ex, top, verb, prep)
    for rule in (_spent_on, _money_moved, _added_to, _described, _predicate, _verb_subject):
        found = rule(clause)
        if found is not None:
            return found
    return _NOTHING


def _money_moved(clause: _Clause) -> ObjectGuess | None:
    """A sum a money verb moves: what was done with it and to whom ("sent $5,000 to the state
    party" → "sent to state party", "raise up to $12.9bn if …" → "raised"), never the one who
    moves it."""
    moved = clause.top.i > clause.verb.i and clause.top.dep_ not in ("nsubj", "nsubjpass")
    if clause.ex.kind != "money" or clause.verb.lemma_.lower() not in _MOVE_VERBS or not moved:
        return None
    done = participle(clause.verb)
    owners = [clause.verb, *(clause.doc[i] for i in range(clause.ex.start, clause.ex.end))]
    to = next((c for t in owners for c in t.children if c.lower_ in ("to", "from") and c.i > clause.top.i), None)
    whom = pobj(to) if to is not None else None
    if to is None or whom is None or whom.pos_ not in _NOUNS or not same_block(clause.doc, whom.i, clause.top.i):
        return ObjectGuess(done, clause.verb)
    return ObjectGuess(f"{done} {to.lower_} {phrase(clause.doc, whom, clause.ex.end).text}", clause.verb)


def _spent_on(clause: _Clause) -> ObjectGuess | None:
    """A money verb's "on"/"for"/"to" phrase, or its clause ("spend $3.2 million replacing water mains")."""
    if clause.ex.kind != "money" or clause.verb.lemma_.lower() not in _MONEY_VERBS:
        return None
    for child in clause.verb.children:
        if child.i <= clause.top.i:
            continue
        target = money_object(child, clause.top.i + 1)
        if target is not None:
            return phrase(clause.doc, target, clause.ex.end)
        if child.dep_ in ("advcl", "xcomp") and child.pos_ == "VERB" and not _conditional(child):
            target = next((c for c in child.children if c.dep_ == "dobj"), None)
            if target is None:
                return ObjectGuess(child.text, child)
            return ObjectGuess(f"{child.text} {phrase(clause.doc, target, clause.ex.end).text}", child)
    return None


def _conditional(verb: Token) -> bool:
    """Is this clause a condition or a time ("… if the deal goes ahead"), not what the money is for?"""
    return any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in verb.children)


def _dimension(doc: Doc, ex: Expression, top: Token) -> ObjectGuess | None:
    """ "the car is 16 feet long and six feet wide" → "length of car", "width of car"."""
    adjective = top.head
    measure = dimension(adjective) if adjective.pos_ == "ADJ" and top.dep_ == "npadvmod" else None
    if measure is None:
        return None
    while adjective.dep_ == "conj" and adjective.head.i != adjective.i:
        adjective = adjective.head
    subject = next((c for c in adjective.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in _NOUNS:
        return ObjectGuess(measure, adjective)
    return ObjectGuess(f"{measure} of {phrase(doc, subject, ex.end).text}", subject)


def _range(doc: Doc, ex: Expression, top: Token, verb: Token) -> ObjectGuess | None:
    """ "will go 300 miles on a single charge" → "range on single charge": a distance after a
    verb of travel is how far something goes."""
    if ex.unit not in _DISTANCES or verb.lemma_.lower() not in _TRAVEL_VERBS or top.dep_ not in ("dobj", "npadvmod"):
        return None
    on = next((pobj(c) for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" and c.i > top.i), None)
    if on is None:
        return ObjectGuess("range", verb)
    return ObjectGuess(f"range on {phrase(doc, on, ex.end).text}", verb)


def _predicate(clause: _Clause) -> ObjectGuess | None:
    """A share and what is said of it: "65 percent were white" → "white"."""
    if clause.top.dep_ != "nsubj" or clause.prep is not None:
        return None
    said = complement(clause.verb)
    if said is None or said.like_num:
        return None
    if said.pos_ in _NOUNS:
        return phrase(clause.doc, said, clause.ex.end)
    return ObjectGuess(said.text, said) if said.pos_ == "ADJ" else None


def _added_to(clause: _Clause) -> ObjectGuess | None:
    """The "to" phrase of a verb whose object is the number ("add 0.4 percentage points to annual growth")."""
    if clause.top.dep_ != "dobj" or clause.prep is not None:
        return None
    for child in clause.verb.children:
        if child.dep_ == "prep" and child.lower_ == "to" and child.i > clause.top.i:
            noun = pobj(child)
            if noun is not None and noun.pos_ == "NOUN" and same_block(clause.doc, noun.i, clause.top.i):
                return phrase(clause.doc, noun, clause.ex.end)
    return None


def _described(clause: _Clause) -> ObjectGuess | None:
    """The noun a participle describes ("swarms covering up to 2,400 square kilometres")."""
    noun = clause.verb.head
    if clause.verb.dep_ != "acl" or noun.pos_ not in _NOUNS:
        return None
    return phrase(clause.doc, noun, clause.ex.end)


def _verb_subject(clause: _Clause) -> ObjectGuess | None:
    """A guess: the verb's subject ("Inflation hit 3.2%") or, with "by"/"at", its object
    ("raise council tax by 9.9%")."""
    by = clause.prep is not None and clause.prep.lower_ in ("by", "at", "to")
    wanted = ("dobj", "nsubj", "nsubjpass") if by else ("nsubj", "nsubjpass")
    children = [child for dep in wanted for child in clause.verb.children if child.dep_ == dep]
    for child in (c for c in children if not is_unit_noun(c)):  # "lost 9.22 points … to 3,093": not the points
        # the small model tags a noun object as a verb at times; a possessive shows it is a noun
        # ("increased its forecast by 0.1 points")
        noun = child.pos_ in _NOUNS or (child.dep_ == "dobj" and any(c.dep_ == "poss" for c in child.children))
        if (
            child.i != clause.top.i
            and noun
            and child.ent_type_ not in _NOT_MEASURED
            and same_block(clause.doc, child.i, clause.top.i)
        ):
            return phrase(clause.doc, child, clause.ex.end, with_of=True, guessed=True)
    return _name_before(clause) if not children and clause.verb.dep_ == "conj" else None


def _name_before(clause: _Clause) -> ObjectGuess | None:
    """A joined verb the parser left without a subject ("…, and the Nasdaq Composite dropped
    0.5%"): the name right before it."""
    before = clause.doc[clause.verb.i - 1] if clause.verb.i > 0 else None
    if before is None or before.pos_ != "PROPN" or before.like_num:
        return None
    return phrase(clause.doc, before, clause.ex.end, guessed=True)
