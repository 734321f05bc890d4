"""What a number counts, read off the dependency parse (:mod:`.categories` files it under a category).

Rules, tried in order (each with the example it was written for); the phrase itself is built
by :mod:`.phrases` and the verb-side readings live in :mod:`.predicates`:

1. a unit with an "of" phrase counts that phrase: "2,300 tonnes of grain" → "grain",
   "70% of drivers" → "drivers", "71 kWh and 95 kWh of capacity" (shared by conjuncts);
2. a sum "worth" or "valued at": "a contract worth A$1.5 million" → "contract value";
3. "a 52-count complaint" → "counts in complaint"; "one in five adults" → "adults";
4. the noun the number modifies, with its compounds and adjectives: "10,000 Daesh fighters",
   "a 35 percent increase", plus a short "of" phrase after it: "soldiers of Daesh"; a one-word
   noun takes its verb ("visas awarded", "people killed"), a power unit names the quantity
   ("a 300-hp engine" → "engine power"); a unit word is never the object ("points", "pence");
5. the number's own "of" phrase: "dozens of people", "14 of the dead";
6. the noun the number completes through "of": "a town of 25,000", "a ransom of 50 million naira";
7. money "in" something: "$48 million in emergency funding";
8. the verb around a bare number: people verbs give "people killed"; a size adjective its
   measure ("16 feet long" → "length of car"); a distance after a travel verb a range ("go 300
   miles on a charge"); money verbs their "on"/"for" phrase or what was done with the sum and
   to whom ("sent $5,000 to the party" → "sent to party", never the sender, never a condition);
   a share its predicate ("65 percent were white" → "white"); other verbs their subject or,
   with "by"/"to"/"at", their object ("Inflation hit 3.2%", "the index fell 102 points to
   27,934" → "index", "raise council tax by 9.9%");
9. nothing found, or a pronoun ("nine of them"): the object of the previous claim in the
   same sentence (the component does this).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdesk.extract.claims.expressions import Expression
from newsdesk.extract.claims.phrases import ObjectGuess, per_thing, phrase
from newsdesk.extract.claims.predicates import is_unit_noun, of_child, people_phrase, pobj, rest_of_line, same_block
from newsdesk.extract.claims.verb_objects import PEOPLE_VERBS, from_verb, money_object, people
from newsdesk.extract.doc_text import doc_text

# ObjectGuess lives in .phrases; the component imports it from here.
__all__ = ["ObjectGuess", "find_object", "is_pronoun"]

_NOUNS = ("NOUN", "PROPN")
# Dependency labels by which a number modifies the noun after it ("10,000 fighters", "a 35 percent rise").
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
# A number followed by one of these counts the people in that state ("106 wounded").
_STATE_WORDS = frozenset({"wounded", "injured", "dead", "killed", "missing", "hurt", "detained", "arrested",
                          "displaced", "homeless", "unaccounted"})  # fmt: skip
_CHANGES = frozenset(
    {"rise", "increase", "fall", "drop", "decline", "cut", "jump", "growth", "gain", "hike", "reduction"}
)
_WORTH = frozenset({"worth", "valued", "costing", "totalling", "totaling"})
# What a unit measures of the thing it modifies ("a 300-hp engine" → "engine power").
_QUANTITY_OF_UNIT = {"hp": "power", "kW": "power", "MW": "capacity", "GW": "capacity", "lb-ft": "torque"}
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
    return from_verb(doc, ex, top)


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
        target = money_object(prep, ex.end)
        if target is None:
            continue
        if not same_block(doc, prep.i, target.i):
            return ObjectGuess(rest_of_line(doc, prep) or None, target)
        return phrase(doc, target, ex.end)
    return None


def _number_tokens(doc: Doc, ex: Expression, top: Token) -> list[Token]:
    """The number's top token, then its core number tokens: where its own phrases hang."""
    return [top, *[doc[i] for i in ex.core]]


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
    block_start = doc_text(doc).rfind("\n", 0, doc[ex.start].idx) + 1
    before = [t for t in doc[: ex.start] if t.idx >= block_start]
    verbs = [t for t in before if t.pos_ == "VERB" or t.lemma_.lower() in PEOPLE_VERBS]
    if not verbs:
        return _NOTHING
    verb = verbs[-1]
    if verb.lemma_.lower() in PEOPLE_VERBS and verb.i >= ex.start - 3:
        return ObjectGuess(people(verb), verb)
    objects = [t for t in before if t.i > verb.i and t.pos_ in _NOUNS and t.dep_ != "compound"]
    if objects:
        return phrase(doc, objects[0], ex.end)
    return _NOTHING
