"""What a number counts, read off the dependency parse, and the category that follows from it.

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

from spacy.tokens import Doc, Token

from newsdesk.extract.claims.expressions import Expression

_NP_LEFT = frozenset({"compound", "amod", "nmod", "nn"})
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
_MONEY_PREPS = ("on", "for", "to", "in", "towards")
_PRONOUNS = frozenset({"them", "they", "it", "those", "these", "whom", "which", "us", "we", "you", "all"})

# Category by the counted noun's lemma (people first, then equipment); see docs/gold-format.md.
PEOPLE_CATEGORIES = {
    "fighters": {"fighter", "militant", "insurgent", "rebel", "jihadist", "gunman", "extremist", "terrorist",
                 "combatant", "guerrilla", "mercenary", "recruit"},
    "troops": {"troop", "soldier", "personnel", "marine", "sailor", "servicemember", "paratrooper", "officer",
               "peacekeeper", "reservist", "guard", "policeman", "police", "garrison"},
    "killed": {"killed", "dead", "death", "fatality", "body", "executed", "corpse"},
    "wounded": {"wounded", "injured", "casualty", "injury", "patient", "infected"},
    "arrested": {"arrested", "detained", "prisoner", "detainee", "arrest", "captive", "hostage", "abducted",
                 "kidnapped", "sentenced"},
    "displaced": {"displaced", "refugee", "migrant", "evacuee", "asylum", "evacuated", "deported", "returnee"},
    "protesters": {"protester", "protestor", "demonstrator", "marcher", "rioter", "striker"},
}  # fmt: skip
PEOPLE_WORDS = frozenset({
    "people", "person", "civilian", "resident", "child", "woman", "man", "worker", "student", "visitor",
    "villager", "family", "citizen", "voter", "member", "employee", "passenger", "spectator", "fan", "victim",
    "firefighter", "doctor", "nurse", "teacher", "journalist", "inhabitant", "adult", "teenager", "girl", "boy",
    "household", "tourist", "supporter", "engineer", "staff", "volunteer", "farmer", "pilgrim", "official",
    "individual", "survivor", "crew", "delegate",
})  # fmt: skip
_VERB_CATEGORIES = {"kill": "killed", "die": "killed", "wound": "wounded", "injure": "wounded", "hurt": "wounded",
                    "arrest": "arrested", "detain": "arrested", "abduct": "arrested", "kidnap": "arrested",
                    "displace": "displaced", "flee": "displaced", "evacuate": "displaced", "protest": "protesters",
                    "march": "protesters", "rally": "protesters"}  # fmt: skip
EQUIPMENT = frozenset({
    "weapon", "gun", "rifle", "missile", "rocket", "drone", "tank", "vehicle", "helicopter", "aircraft", "plane",
    "jet", "warship", "ship", "vessel", "bomb", "shell", "mine", "munition", "artillery", "launcher",
    "submarine", "fighter jet", "howitzer", "grenade", "ammunition", "motorcycle", "boat", "frigate", "carrier",
})  # fmt: skip


def find_object(doc: Doc, ex: Expression) -> tuple[str | None, Token | None]:
    """The counted thing's text and head token, or (None, None) when the parse gives nothing."""
    span = range(ex.start, ex.end)
    unit_of = _of_child(doc[ex.end - 1]) if ex.kind in ("measure", "percent", "money") else None
    if unit_of is not None:
        return _phrase(doc, unit_of)
    top = _top(doc, ex)
    head = top.head
    if top.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") and head.i not in span:
        if head.pos_ in ("NOUN", "PROPN") and head.i > top.i:
            return _phrase(doc, head, with_of=True)
    for token in (top, *[doc[i] for i in ex.core]):
        own_of = _of_child(token)
        if own_of is not None:
            return _phrase(doc, own_of)
    if head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i < top.i:
        return _phrase(doc, head.head)
    if ex.kind == "money":
        for token in (top, *[doc[i] for i in ex.core]):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "in":
                    pobj = _pobj(child)
                    if pobj is not None and pobj.ent_type_ not in ("GPE", "LOC", "DATE"):
                        return _phrase(doc, pobj)
    return _from_verb(doc, ex, top)


def category(ex: Expression, head: Token | None) -> str:
    """ "money", "percent", "equipment", "other" or "people/<kind>" (fighters, troops, killed, …)."""
    if ex.kind in ("money", "percent"):
        return ex.kind
    if head is None or ex.kind == "measure":
        return "other"
    lemma = head.lemma_.lower()
    lower = head.lower_
    for kind, words in PEOPLE_CATEGORIES.items():
        if lemma in words or lower in words:
            return f"people/{kind}"
    if lemma in PEOPLE_WORDS or lower in PEOPLE_WORDS or head.ent_type_ == "NORP":
        verb = _governing_verb(head)
        kind = _VERB_CATEGORIES.get(verb.lemma_.lower()) if verb is not None else None
        return f"people/{kind or 'other'}"
    if lemma in EQUIPMENT or lower in EQUIPMENT:
        return "equipment"
    return "other"


def is_pronoun(text: str | None) -> bool:
    """Is an object only a pronoun ("them"), to be replaced by the previous claim's object?"""
    return text is not None and text.lower() in _PRONOUNS


def _top(doc: Doc, ex: Expression) -> Token:
    """The token of the number phrase whose head lies outside it (skipping qualifier words)."""
    inside = set(range(ex.core[0], ex.end))
    candidates = [doc[i] for i in sorted(inside) if doc[i].head.i not in inside or doc[i].head.i == doc[i].i]
    token = candidates[-1] if candidates else doc[ex.core[-1]]
    qualifier = set(range(ex.start, ex.core[0]))
    while token.head.i in qualifier and token.head.i != token.i:
        token = token.head
    return token


def _of_child(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return _pobj(child)
    return None


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            return child
    return None


def _phrase(doc: Doc, noun: Token, *, with_of: bool = False) -> tuple[str | None, Token | None]:
    """The noun with its compounds/adjectives (and conjuncts, and an "of" phrase if asked)."""
    first = noun.i
    for child in sorted(noun.lefts, key=lambda t: -t.i):
        if (child.i == first - 1 and child.dep_ in _NP_LEFT and not child.like_num) or (
            child.i == first - 1 and child.dep_ == "punct" and child.text == "-"
        ):
            first = child.i
    last = noun.i
    for child in noun.rights:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
            last = max(last, child.i)
    if with_of:
        of = _of_child(noun)
        if of is not None and of.pos_ in ("NOUN", "PROPN") and not of.like_num:
            last = max(last, of.i)
    while first < noun.i and doc[first].pos_ in ("DET", "PUNCT"):
        first += 1
    text = doc[first : last + 1].text
    return text, noun


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "amod":
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _from_verb(doc: Doc, ex: Expression, top: Token) -> tuple[str | None, Token | None]:
    head = top.head
    prep = None
    if head.pos_ == "ADP" and head.i != top.i:
        prep, head = head, head.head
    if head.pos_ not in ("VERB", "AUX") or head.i == top.i:
        return None, None
    lemma = head.lemma_.lower()
    if lemma in _PEOPLE_VERBS and top.dep_ in ("dobj", "nsubjpass", "conj", "attr", "npadvmod"):
        return _PEOPLE_VERBS[lemma], head
    if ex.kind == "money" and lemma in _MONEY_VERBS:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _MONEY_PREPS and child.i > top.i:
                pobj = _pobj(child)
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                    return _phrase(doc, pobj)
            if child.dep_ in ("advcl", "xcomp") and child.i > top.i and child.pos_ == "VERB":
                return doc[child.i : child.right_edge.i + 1].text.rstrip(" ,."), child
    if top.dep_ == "dobj" and prep is None:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "in") and child.i > top.i:
                pobj = _pobj(child)
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                    return _phrase(doc, pobj)
    wanted = ("dobj",) if prep is not None and prep.lower_ == "by" else ("nsubj", "nsubjpass")
    for child in head.children:
        if child.dep_ in wanted and child.i != top.i and child.pos_ in ("NOUN", "PROPN"):
            return _phrase(doc, child)
    return None, None
