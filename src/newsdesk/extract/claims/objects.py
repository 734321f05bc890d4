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
# A number followed by one of these counts the people in that state ("106 wounded").
_STATE_WORDS = frozenset({"wounded", "injured", "dead", "killed", "missing", "hurt", "detained", "arrested",
                          "displaced", "homeless", "unaccounted"})  # fmt: skip
_CHANGES = frozenset(
    {"rise", "increase", "fall", "drop", "decline", "cut", "jump", "growth", "gain", "hike", "reduction"}
)
_WORTH = frozenset({"worth", "valued", "costing", "totalling", "totaling"})
# Entity types that are never what a sum of money is "for"/"in" ("$5 million in Kenya", "in 2020").
_NOT_OBJECTS = frozenset({"GPE", "LOC", "DATE", "TIME"})
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


def find_object(doc: Doc, ex: Expression) -> tuple[str | None, Token | None, bool]:
    """The counted thing's text and head token, and whether it is only a guess from the verb
    (a subject or object of the verb around a bare number, which a previous claim in the
    sentence overrides: "Victoria sent 120 workers, while New South Wales sent 80")."""
    floor = ex.end
    unit_of = _of_child(doc[ex.end - 1]) if ex.kind in ("measure", "percent", "money") else None
    if unit_of is not None and _same_block(doc, ex.end - 1, unit_of.i):
        return (*_phrase(doc, unit_of, floor), False)
    after = doc[ex.end] if ex.end < len(doc) else None
    if after is not None and after.lower_ in _STATE_WORDS and ex.kind == "count":
        return after.text, after, False  # "106 wounded", "12 missing", "31 dead"
    top = _top(doc, ex)
    head = top.head
    if not _same_block(doc, top.i, head.i):
        return _headline(doc, ex, top)
    if head.lower_ in _WORTH:  # "a contract worth A$1.5 million", "claims worth …"
        noun = head.head if head.head.pos_ in ("NOUN", "PROPN") and head.head.i < top.i else doc[max(head.i - 1, 0)]
        if noun.pos_ in ("NOUN", "PROPN"):
            return (*_phrase(doc, noun, floor), False)
    if (
        top.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i >= floor
    ):
        if head.lemma_.lower() in _CHANGES:  # "a 35 percent rise in tourist arrivals"
            of = next((_pobj(c) for c in head.children if c.dep_ == "prep" and c.lower_ == "in"), None)
            if of is not None and _same_block(doc, head.i, of.i):
                return (*_phrase(doc, of, floor), False)
            if of is not None:  # the parse ran on into the dateline: take the words up to the blank line
                end = doc.text.find("\n", head.idx)
                return doc.text[head.idx + len(head.text) : end].strip().removeprefix("in ") or None, of, False
        return (*_phrase(doc, head, floor, with_of=True), False)
    for token in (top, *[doc[i] for i in ex.core]):
        own_of = _of_child(token)
        if own_of is not None:
            if own_of.lower_ in ("which", "whom"):
                antecedent = next((t.head for t in own_of.ancestors if t.dep_ == "relcl"), None)
                if antecedent is not None:
                    return (*_phrase(doc, antecedent, floor), False)  # "libraries, 25 of which"
            return (*_phrase(doc, own_of, floor), False)
    if head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i < top.i:
        return (*_phrase(doc, head.head, floor), False)
    if ex.kind == "money":
        for token in (top, *[doc[i] for i in ex.core]):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in _MONEY_PREPS and child.i >= floor:
                    pobj = _pobj(child)
                    if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in _NOT_OBJECTS:
                        if not _same_block(doc, child.i, pobj.i):  # "… for Western Balkans rail link\n\nBRUSSELS"
                            end = doc.text.find("\n", child.idx)
                            return doc.text[child.idx + len(child.text) : end].strip() or None, pobj, False
                        return (*_phrase(doc, pobj, floor), False)
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
        state = _VERB_CATEGORIES.get(verb.lemma_.lower()) if verb is not None else None
        return f"people/{state or 'other'}"
    if lemma in EQUIPMENT or lower in EQUIPMENT:
        return "equipment"
    return "other"


def is_pronoun(text: str | None) -> bool:
    """Is an object only a pronoun ("them"), to be replaced by the previous claim's object?"""
    return text is not None and text.lower() in _PRONOUNS


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


def _phrase(doc: Doc, noun: Token, floor: int, *, with_of: bool = False) -> tuple[str | None, Token | None]:
    """The noun with its compounds/adjectives, never reaching back into the number expression
    (which ends at ``floor`` when it precedes the noun); conjuncts joined without a preposition
    between ("homes and businesses"), and an "of" phrase if asked ("soldiers of Daesh")."""
    first = noun.i
    lowest = floor if floor <= noun.i else 0
    for child in sorted(noun.lefts, key=lambda t: -t.i):
        if child.i == first - 1 and child.i >= lowest and child.dep_ in _NP_LEFT and not child.like_num:
            first = child.i
    # "home-improvement retailer", "big-name politicians": a hyphen glues the word before it on.
    while first - 2 >= lowest and doc[first - 1].text == "-" and not doc[first - 2].whitespace_:
        if doc[first - 1].whitespace_ or doc[first - 2].like_num or not doc[first - 2].is_alpha:
            break
        first -= 2
    last = noun.i
    for child in noun.rights:
        between = doc[noun.i + 1 : child.i]
        if (
            child.dep_ == "conj"
            and child.pos_ in ("NOUN", "PROPN")
            and not any(t.pos_ in ("ADP", "NUM") for t in between)
        ):
            last = max(last, child.i)
    if with_of:
        of = _of_child(noun)
        if of is not None and of.pos_ in ("NOUN", "PROPN") and not of.like_num:
            last = max(last, of.i)
    while first < noun.i and doc[first].pos_ in ("DET", "PUNCT"):
        first += 1
    return doc[first : last + 1].text, noun


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "amod":
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _headline(doc: Doc, ex: Expression, top: Token) -> tuple[str | None, Token | None, bool]:
    """A number whose parse runs across a blank line (the small model parses a headline into
    the dateline: "…kill at least 27\n\nTRIPOLI"): read it off the words before it instead —
    a people verb ("killed"), or "<verb> <object> by N" ("raises defence budget by 7.7%")."""
    block_start = doc.text.rfind("\n", 0, doc[ex.start].idx) + 1
    before = [t for t in doc[: ex.start] if t.idx >= block_start]
    verbs = [t for t in before if t.pos_ == "VERB" or t.lemma_.lower() in _PEOPLE_VERBS]
    if not verbs:
        return None, None, False
    verb = verbs[-1]
    if verb.lemma_.lower() in _PEOPLE_VERBS and verb.i >= ex.start - 3:
        return _PEOPLE_VERBS[verb.lemma_.lower()], verb, False
    objects = [t for t in before if t.i > verb.i and t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound"]
    if objects:
        return (*_phrase(doc, objects[0], ex.end), False)
    return None, None, False


def _from_verb(doc: Doc, ex: Expression, top: Token) -> tuple[str | None, Token | None, bool]:
    head = top.head
    prep = None
    if head.pos_ == "ADP" and head.i != top.i:
        prep, head = head, head.head
    lemma = head.lemma_.lower()
    if (
        lemma in _PEOPLE_VERBS
        and top.dep_ in ("dobj", "nsubjpass", "conj", "attr", "npadvmod", "appos")
        and prep is None
    ):
        return _PEOPLE_VERBS[lemma], head, False  # "killed 97" (headlines tag "arrest" a noun)
    if head.pos_ not in ("VERB", "AUX") or head.i == top.i or not _same_block(doc, top.i, head.i):
        return None, None, False
    if ex.kind == "money" and lemma in _MONEY_VERBS:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _MONEY_PREPS and child.i > top.i:
                pobj = _pobj(child)
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in _NOT_OBJECTS:
                    return (*_phrase(doc, pobj, ex.end), False)
            if child.dep_ in ("advcl", "xcomp") and child.i > top.i and child.pos_ == "VERB":
                target = next((c for c in child.children if c.dep_ == "dobj"), None)
                if target is None:
                    return child.text, child, False
                text, _ = _phrase(doc, target, ex.end)
                return f"{child.text} {text}", child, False  # "spend $3.2 million replacing water mains"
    if top.dep_ == "dobj" and prep is None:  # "add 0.4 percentage points to annual growth"
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "to" and child.i > top.i:
                pobj = _pobj(child)
                if pobj is not None and pobj.pos_ == "NOUN" and _same_block(doc, pobj.i, top.i):
                    return (*_phrase(doc, pobj, ex.end), False)
    if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
        return (*_phrase(doc, head.head, ex.end), False)  # "swarms covering up to 2,400 square kilometres"
    wanted = (
        ("dobj", "nsubj", "nsubjpass") if prep is not None and prep.lower_ in ("by", "at") else ("nsubj", "nsubjpass")
    )
    for dep in wanted:
        for child in head.children:
            if (
                child.dep_ == dep
                and child.i != top.i
                and child.pos_ in ("NOUN", "PROPN")
                and _same_block(doc, child.i, top.i)
            ):
                return (*_phrase(doc, child, ex.end), True)
    return None, None, False


def _same_block(doc: Doc, a: int, b: int) -> bool:
    """Are two tokens in the same paragraph? The small model's sentences can run from a
    headline into the dateline ("…in Georgia\n\nATLANTA —")."""
    lo, hi = min(a, b), max(a, b)
    return not any("\n" in t.text_with_ws for t in doc[lo:hi])
