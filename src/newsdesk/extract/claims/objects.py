"""What a number counts, read off the dependency parse (:mod:`.categories` files it under a category).

Rules, tried in order (each with the example it was written for):

1. a unit with an "of" phrase counts that phrase: "2,300 tonnes of grain" → "grain",
   "70% of drivers" → "drivers";
2. the noun the number modifies, with its compounds and adjectives: "10,000 Daesh fighters",
   "a 35 percent increase", plus an "of" phrase after it: "soldiers of Daesh";
3. the number's own "of" phrase: "dozens of people", "14 of the dead";
4. the noun the number completes through "of": "a town of 25,000", "a ransom of 50 million naira";
5. money "in" something: "$48 million in emergency funding";
6. the verb around a bare number: people verbs give the participle ("killed 97" → "killed"),
   money verbs their "on"/"for"/"to" phrase or their clause ("spend $3.2 million replacing
   water mains"), and other verbs their subject or, with "by", their object ("Inflation hit
   3.2%", "raise council tax by 9.9%");
7. nothing found, or a pronoun ("nine of them"): the object of the previous claim in the
   same sentence (the component does this).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdesk.extract.claims.expressions import Expression
from newsdesk.extract.claims.phrases import ObjectGuess, per_thing, phrase
from newsdesk.extract.claims.predicates import (
    complement,
    dimension,
    is_measure_word,
    is_unit_noun,
    of_child,
    participle,
    people_phrase,
    pobj,
    rest_of_line,
    same_block,
)

_NOUNS = ("NOUN", "PROPN")
# Dependency labels by which a number modifies the noun after it ("10,000 fighters", "a 35 percent rise").
# ObjectGuess lives in .phrases; the component imports it from here.
__all__ = ["ObjectGuess", "find_object", "is_pronoun"]

_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
# Dependency labels by which a bare number is what a people verb acts on ("killed 97").
_PEOPLE_VERB_DEPS = frozenset({"dobj", "nsubjpass", "conj", "attr", "npadvmod", "appos"})
_PEOPLE_VERBS = {
    "kill": "killed", "wound": "wounded", "injure": "injured", "arrest": "arrested", "detain": "detained",
    "displace": "displaced", "evacuate": "evacuated", "abduct": "abducted", "kidnap": "kidnapped",
    "rescue": "rescued", "deport": "deported", "execute": "executed", "hospitalize": "hospitalized",
    "infect": "infected", "sentence": "sentenced", "free": "freed", "release": "released",
}  # fmt: skip
_MONEY_VERBS = frozenset({
    "spend", "invest", "allocate", "provide", "pledge", "release", "raise", "need", "ask", "request", "give",
    "earmark", "approve", "budget", "set", "pay", "cost", "lend", "loan", "donate", "offer", "announce", "seek",
})  # fmt: skip
# Money verbs that move a sum from someone (a sum they "cost" or "need" is said of their subject).
_MOVE_VERBS = frozenset({"spend", "invest", "raise", "give", "pay", "lend", "loan", "donate", "send", "transfer",
                         "wire", "pledge", "provide", "allocate", "contribute", "earmark", "loot", "steal",
                         "embezzle", "siphon", "divert", "funnel", "bring", "collect", "receive"})  # fmt: skip
_MONEY_PREPS = ("on", "for", "to", "in", "towards")
# A number followed by one of these counts the people in that state ("106 wounded").
_STATE_WORDS = frozenset({"wounded", "injured", "dead", "killed", "missing", "hurt", "detained", "arrested",
                          "displaced", "homeless", "unaccounted"})  # fmt: skip
_CHANGES = frozenset(
    {"rise", "increase", "fall", "drop", "decline", "cut", "jump", "growth", "gain", "hike", "reduction"}
)
_WORTH = frozenset({"worth", "valued", "costing", "totalling", "totaling"})
# Entity types that are never what a sum of money is "for"/"in" ("$5 million in Kenya", "in 2020").
_NOT_OBJECTS = frozenset({"GPE", "LOC", "DATE", "TIME"})
# What a unit measures of the thing it modifies ("a 300-hp engine" → "engine power").
_QUANTITY_OF_UNIT = {"hp": "power", "kW": "power", "MW": "capacity", "GW": "capacity", "lb-ft": "torque"}
# Verbs of travel whose distance is a range ("can go 300 miles", "flies 8,000 km"), and the units.
_TRAVEL_VERBS = frozenset({"go", "travel", "drive", "run", "deliver", "cover", "fly", "last", "reach", "manage"})
_DISTANCES = frozenset({"mi", "km"})
# Subordinators of a clause that is a condition or a time, not a purpose ("raise $5bn if …").
_CONDITION_MARKS = frozenset({"if", "unless", "when", "once", "because", "as", "while", "after", "before"})
# Entity types never what a verb's number measures: a dateline or a host country ("LONDON — …
# rose 3.1%", "Peru hosts 1.9 million") or a date; a river or a region (LOC) can be ("the
# river peaked at 3.8 metres").
_NOT_MEASURED = frozenset({"GPE", "DATE", "TIME"})
_PRONOUNS = frozenset({"them", "they", "it", "those", "these", "whom", "which", "us", "we", "you", "all"})


_NOTHING = ObjectGuess(None, None)


def find_object(doc: Doc, ex: Expression) -> ObjectGuess:
    """The counted thing: the first of the rules in the module docstring that finds one."""
    top = _top(doc, ex)
    rules = (_unit_of, _state_word, _headline, _worth, _per_thing, _proportion, _modified_noun, _own_of, _of_head)
    for rule in (*rules, _money_in):
        found = rule(doc, ex, top)
        if found is not None:
            return found
    return _from_verb(doc, ex, top)


def is_pronoun(text: str | None) -> bool:
    """Is an object only a pronoun ("them"), to be replaced by the previous claim's object?"""
    return text is not None and text.lower() in _PRONOUNS


def _unit_of(doc: Doc, ex: Expression, top: Token) -> ObjectGuess | None:
    """Rule 1: a unit's "of" phrase ("2,300 tonnes of grain", "70% of drivers")."""
    if ex.kind not in ("measure", "percent", "money"):
        return None
    unit = doc[ex.end - 1]
    of = of_child(unit)
    conjuncts = [c for c in unit.children if c.dep_ == "conj"]
    if of is None and conjuncts and conjuncts[0].lower_ == unit.lower_:
        of = of_child(conjuncts[0])  # "71 kWh and 95 kWh of battery capacity": the phrase is shared
    if of is None or not same_block(doc, ex.end - 1, of.i):
        return None
    return phrase(doc, of, ex.end)


def _per_thing(doc: Doc, ex: Expression, top: Token) -> ObjectGuess | None:
    """ "a 52-count complaint": the things counted in the noun after (see :func:`.phrases.per_thing`)."""
    return per_thing(doc, ex.end, ex.end) if ex.kind == "count" else None


def _people(verb: Token) -> str:
    """ "killed 97" → "people killed": a bare number after a people verb counts people."""
    return f"people {_PEOPLE_VERBS[verb.lemma_.lower()]}"


def _proportion(doc: Doc, ex: Expression, top: Token) -> ObjectGuess | None:
    """ "one in five adults", "three out of 10 voters": the noun after the base."""
    k = ex.end + (2 if doc[ex.end : ex.end + 2].text.lower() == "out of" else 1)
    if k >= len(doc) - 1 or doc[k - 1].lower_ not in ("in", "of") or not doc[k].like_num:
        return None
    noun = doc[k + 1]
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head  # "one in five Senate seats"
    return phrase(doc, noun, k + 1) if noun.pos_ in _NOUNS else None


def _state_word(doc: Doc, ex: Expression, top: Token) -> ObjectGuess | None:
    """A count followed by the state of the people it counts ("106 wounded", "12 missing", "31 dead")."""
    after = doc[ex.end] if ex.end < len(doc) else None
    if after is None or after.lower_ not in _STATE_WORDS or ex.kind != "count":
        return None
    return ObjectGuess(after.text, after)


def _worth(doc: Doc, ex: Expression, top: Token) -> ObjectGuess | None:
    """The value of the noun a sum is the worth of ("a contract worth A$1.5 million" → "contract
    value", "the order is valued at $8.8 billion" → "order value")."""
    head = top.head
    if head.lower_ == "at" and head.head.lower_ in _WORTH:
        subject = next((c for c in head.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subject is None or subject.pos_ not in _NOUNS:
            return None
        return ObjectGuess(f"{phrase(doc, subject, ex.end).text} value", subject)  # "the order is valued at $8.8bn"
    if head.lower_ not in _WORTH:
        return None
    noun = head.head if head.head.pos_ in _NOUNS and head.head.i < top.i else doc[max(head.i - 1, 0)]
    return ObjectGuess(f"{phrase(doc, noun, ex.end).text} value", noun) if noun.pos_ in _NOUNS else None


def _modified_noun(doc: Doc, ex: Expression, top: Token) -> ObjectGuess | None:
    """Rule 2: the noun after the number that it modifies ("10,000 Daesh fighters", "soldiers
    of Daesh"); for a change, what changed ("a 35 percent rise in tourist arrivals")."""
    head = top.head
    if head.like_num and head.i >= ex.end and head.dep_ in _MODIFIER_DEPS:
        top, head = head, head.head  # "five 787 jets": the model number sits between
    if top.dep_ not in _MODIFIER_DEPS or head.pos_ not in _NOUNS or head.i < ex.end or is_unit_noun(head):
        return None
    changed = _changed(doc, ex, head) if head.lemma_.lower() in _CHANGES else None
    if changed is not None:
        return changed
    found = phrase(doc, head, ex.end, with_of=True)
    if ex.unit in _QUANTITY_OF_UNIT:  # "a 149-horsepower engine" measures the engine's power
        return ObjectGuess(f"{found.text} {_QUANTITY_OF_UNIT[ex.unit]}", head)
    return ObjectGuess(people_phrase(head, found.text or ""), head)


def _changed(doc: Doc, ex: Expression, change: Token) -> ObjectGuess | None:
    """The "in" phrase of a change noun; when the parse ran on into the dateline, the words up
    to the blank line instead."""
    of = next((pobj(c) for c in change.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    if of is None:
        return None
    if same_block(doc, change.i, of.i):
        return phrase(doc, of, ex.end)
    return ObjectGuess(rest_of_line(doc, change).removeprefix("in ") or None, of)


def _own_of(doc: Doc, ex: Expression, top: Token) -> ObjectGuess | None:
    """Rule 3: the number's own "of" phrase ("dozens of people", "14 of the dead"), or the
    antecedent of "which"/"whom" ("libraries, 25 of which")."""
    of = next((o for o in map(of_child, _number_tokens(doc, ex, top)) if o is not None), None)
    if of is not None and is_unit_noun(of) and of_child(of) is not None:
        of = of_child(of)  # "thousands of pounds of food"
    if of is None or is_unit_noun(of):
        return None  # "a tenth of a percentage point" measures, it does not count points
    if of.lower_ in ("which", "whom"):
        antecedent = next((t.head for t in of.ancestors if t.dep_ == "relcl"), None)
        if antecedent is not None:
            return phrase(doc, antecedent, ex.end)
    return phrase(doc, of, ex.end)


def _of_head(doc: Doc, ex: Expression, top: Token) -> ObjectGuess | None:
    """Rule 4: the noun the number completes through "of" ("a town of 25,000")."""
    head = top.head
    if head.lower_ != "of" or head.head.pos_ not in _NOUNS or head.head.i >= top.i:
        return None
    return phrase(doc, head.head, ex.end)


def _money_in(doc: Doc, ex: Expression, top: Token) -> ObjectGuess | None:
    """Rule 5: money "in"/"for"/… something ("$48 million in emergency funding"); when the
    parse ran on into the dateline, the words up to the blank line
    ("… for Western Balkans rail link\n\nBRUSSELS")."""
    if ex.kind != "money":
        return None
    for prep in (child for token in _number_tokens(doc, ex, top) for child in token.children):
        target = _money_object(prep, ex.end)
        if target is None:
            continue
        if not same_block(doc, prep.i, target.i):
            return ObjectGuess(rest_of_line(doc, prep) or None, target)
        return phrase(doc, target, ex.end)
    return None


def _number_tokens(doc: Doc, ex: Expression, top: Token) -> list[Token]:
    """The number's top token, then its core number tokens: where its own phrases hang."""
    return [top, *[doc[i] for i in ex.core]]


def _money_object(prep: Token, first: int) -> Token | None:
    """The noun of a money preposition ("on", "for", …) at or after token ``first``, unless it
    is a place or a date ("$5 million in Kenya", "in 2020")."""
    if prep.dep_ != "prep" or prep.lower_ not in _MONEY_PREPS or prep.i < first:
        return None
    noun = pobj(prep)
    if noun is None or noun.pos_ not in _NOUNS or noun.ent_type_ in _NOT_OBJECTS:
        return None
    return noun


def _top(doc: Doc, ex: Expression) -> Token:
    """The token of the number phrase whose head lies outside it (skipping qualifier words):
    the number itself when it attaches outside, else the unit or currency word."""
    inside = set(range(ex.core[0], ex.end))

    def outside(i: int) -> bool:
        return doc[i].dep_ != "punct" and (doc[i].head.i not in inside or doc[i].head.i == i)

    core = [doc[i] for i in ex.core if outside(i)]
    rest = [doc[i] for i in sorted(inside) if outside(i)]
    token = core[-1] if core else rest[-1] if rest else doc[ex.core[-1]]
    qualifier = set(range(ex.start, ex.core[0]))
    while token.head.i in qualifier and token.head.i != token.i:
        token = token.head
    return token


def _headline(doc: Doc, ex: Expression, top: Token) -> ObjectGuess | None:
    """A number whose parse runs across a blank line (the small model parses a headline into
    the dateline: "…kill at least 27\n\nTRIPOLI"): read it off the words before it instead —
    a people verb ("killed"), or "<verb> <object> by N" ("raises defence budget by 7.7%")."""
    if same_block(doc, top.i, top.head.i):
        return None
    block_start = doc.text.rfind("\n", 0, doc[ex.start].idx) + 1
    before = [t for t in doc[: ex.start] if t.idx >= block_start]
    verbs = [t for t in before if t.pos_ == "VERB" or t.lemma_.lower() in _PEOPLE_VERBS]
    if not verbs:
        return _NOTHING
    verb = verbs[-1]
    if verb.lemma_.lower() in _PEOPLE_VERBS and verb.i >= ex.start - 3:
        return ObjectGuess(_people(verb), verb)
    objects = [t for t in before if t.i > verb.i and t.pos_ in _NOUNS and t.dep_ != "compound"]
    if objects:
        return phrase(doc, objects[0], ex.end)
    return _NOTHING


@dataclass(frozen=True, slots=True)
class _Clause:
    """A bare number in the clause of the verb it hangs off, directly or through ``prep``."""

    doc: Doc
    ex: Expression
    top: Token
    verb: Token
    prep: Token | None


def _from_verb(doc: Doc, ex: Expression, top: Token) -> ObjectGuess:
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
    if lemma in _PEOPLE_VERBS and top.dep_ in _PEOPLE_VERB_DEPS and prep is None:
        return ObjectGuess(_people(verb), verb)  # "killed 97" (headlines tag "arrest" a noun)
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
        target = _money_object(child, clause.top.i + 1)
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
