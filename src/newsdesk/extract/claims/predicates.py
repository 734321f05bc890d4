"""Objects read off what is said of a number rather than what it modifies (used by :mod:`.objects`).

- a unit word is never the object: "fell 102.2 points", "closed at 90.12 pence", "0.36%" in
  "102.2 points, or 0.36%" — the number measures the verb's subject (the index);
- a dimension adjective turns the subject into a measure: "the car is 16 feet long" →
  "length of car";
- a share described by its predicate: "65 percent were white" → "white";
- people counted by what was done to them or what they did: "killed 130 people" →
  "people killed", "120 people who attended the show" → "people who attended the show".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdesk.extract.claims.units import CURRENCY_WORDS, MEASURES
from newsdesk.extract.doc_text import doc_text

# Nouns that say how a number is counted, not what: the object lies elsewhere.
UNIT_NOUNS = frozenset({
    "point", "points", "pence", "penny", "cent", "cents", "p", "fold", "percent", "per", "basis", "%",
    "pc", "bps", "kw", "kwh", "hp", "horsepower", "mph", "kph",
})  # fmt: skip
# "16 feet long" → "length of …": the adjectives of size and what they measure.
_DIMENSIONS = {
    "long": "length", "wide": "width", "high": "height", "tall": "height", "deep": "depth", "thick": "thickness",
    "heavy": "weight", "old": "age", "broad": "width",
}  # fmt: skip
# Nouns too general to say what is counted without the verb that goes with them.
_GENERIC = frozenset({"people", "persons", "others", "individuals", "residents", "men", "women", "children"})
# Verbs too general to say what happened to what they count ("has 30 jets", "includes 12").
_LIGHT_VERBS = frozenset({
    "be", "have", "get", "take", "make", "include", "see", "reach", "add", "say", "give", "put", "do", "go",
    "come", "become", "remain", "hold", "own", "count", "number", "total", "find", "show", "use", "need",
})  # fmt: skip
# Verbs a generic noun is the object of that say what happened to the people ("killed 130 people").
_DONE_TO = frozenset({
    "kill", "wound", "injure", "arrest", "detain", "displace", "evacuate", "abduct", "kidnap", "rescue",
    "deport", "execute", "hospitalize", "infect", "employ", "hire", "affect", "strand", "hold", "free",
    "release", "treat", "vaccinate", "test", "lay", "fire", "sack",
})  # fmt: skip


def is_unit_noun(token: Token) -> bool:
    """Is this noun a unit ("points", "pence", "%", "dollars") rather than what is counted? A
    verb or adjective spelled like one is not ("the party won 49 seats", "real gains")."""
    if token.pos_ in ("VERB", "AUX", "ADJ", "ADV", "ADP"):
        return False
    return token.lower_ in UNIT_NOUNS or token.lower_ in CURRENCY_WORDS


def unit_owner(token: Token) -> Token:
    """The token a unit phrase hangs off, over "or"/"and" joins: "102.2 points, or 0.36%" → "fell"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.head if is_unit_noun(token) or token.like_num else token


def is_measure_word(token: Token) -> bool:
    """Is this a unit of measure ("miles", "kilometers", "tons")?"""
    return token.lower_ in MEASURES


def dimension(adjective: Token) -> str | None:
    """ "long" → "length": the measure a size adjective names."""
    return _DIMENSIONS.get(adjective.lower_)


def complement(verb: Token) -> Token | None:
    """The predicate of a copula ("were white", "are Asian", "were women"), if any."""
    if verb.lemma_.lower() != "be":
        return None
    return next((c for c in verb.children if c.dep_ in ("acomp", "attr")), None)


def people_phrase(noun: Token, text: str) -> str:
    """A generic people noun with the verb that says which people: "people killed",
    "people who attended the show"; any other noun's phrase unchanged."""
    if noun.lower_ not in _GENERIC:
        return _with_verb(noun, text)
    verb = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower() in _DONE_TO:
        how = [c.text for c in verb.lefts if c.dep_ == "advmod" and c.i == verb.i - 1]
        return " ".join([text, *how, verb.text if verb.tag_ == "VBN" else participle(verb)])
    clause = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.i > noun.i), None)
    if clause is None or not _describes(noun, clause):
        return text
    end = max(t.i for t in clause.subtree)
    words = noun.doc[noun.i + 1 : end + 1]
    return f"{text} {words.text}" if len(words) <= _MAX_CLAUSE_WORDS else text


# A clause this long (tokens) is a sentence of its own, not a description; set by hand.
_MAX_CLAUSE_WORDS = 8


def _with_verb(noun: Token, text: str) -> str:
    """A counted noun with the verb that says what happened to it: "visas awarded", "humans
    sent", "immigrants expected" (objects and passive subjects of a content verb, or a
    participle right after the noun)."""
    verb = noun.head
    if " " in text:
        return text  # "Venezuelan migrants" already says which; a verb would crowd it out
    if noun.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower() not in _LIGHT_VERBS:
        return f"{text} {verb.text if verb.tag_ == 'VBN' else participle(verb)}"
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is not None and after.dep_ == "acl" and after.head.i == noun.i and after.tag_ in ("VBN", "VBG"):
        return f"{text} {after.text}"
    return text


def _describes(noun: Token, clause: Token) -> bool:
    """Is the clause after a noun a description of it ("people who ate", "people living nearby"),
    not a parse that ran on into the sentence's own verb ("women and six men vied for …")?"""
    first = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    relative = first is not None and first.lower_ in ("who", "that", "whom")
    return relative or (clause.tag_ in ("VBN", "VBG") and clause.i == noun.i + 1)


def participle(verb: Token) -> str:
    """ "killed" from "kill"/"kills"/"killing", "sent" from "send", "pinned" from "pin"."""
    if verb.tag_ in ("VBD", "VBN") and verb.lower_.endswith("ed"):
        return verb.lower_
    lemma = verb.lemma_.lower()
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    short = len(lemma) <= _MAX_DOUBLING and lemma[-1] not in "aeiouwxy"
    if short and lemma[-2:-1] in tuple("aeiou") and lemma[-3:-2] not in tuple("aeiou"):
        return lemma + lemma[-1] + "ed"  # "pin" → "pinned", "ban" → "banned"
    return lemma + "ed"


# Verbs of at most this many letters ending consonant-vowel-consonant double the consonant
# ("pin", "ban", "stop"); longer ones mostly do not ("visit", "open").
_MAX_DOUBLING = 4
# Past participles of the irregular verbs news uses with counts and sums.
_IRREGULAR = {
    "send": "sent", "spend": "spent", "lend": "lent", "pay": "paid", "lay": "laid", "hold": "held", "win": "won",
    "lose": "lost", "give": "given", "take": "taken", "bring": "brought", "buy": "bought", "sell": "sold",
    "build": "built", "shoot": "shot", "fight": "fought", "catch": "caught", "seek": "sought", "steal": "stolen",
    "strike": "struck", "leave": "left", "keep": "kept", "find": "found", "meet": "met", "draw": "drawn",
    "put": "put", "cut": "cut", "set": "set", "hit": "hit", "hurt": "hurt", "let": "let", "shut": "shut",
    "free": "freed", "flee": "fled", "feed": "fed", "see": "seen", "throw": "thrown", "drive": "driven",
}  # fmt: skip


def rest_of_line(doc: Doc, token: Token) -> str:
    """The words after ``token`` up to the end of its line."""
    text = doc_text(doc)
    end = text.find("\n", token.idx)
    return text[token.idx + len(token.text) : end].strip()


def of_child(token: Token) -> Token | None:
    """The noun of the token's "of" phrase ("tonnes of grain" → "grain")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return pobj(child)
    return None


def pobj(prep: Token) -> Token | None:
    """The object of a preposition."""
    for child in prep.children:
        if child.dep_ == "pobj":
            return child
    return None


def same_block(doc: Doc, a: int, b: int) -> bool:
    """Are two tokens in the same paragraph? The small model's sentences can run from a
    headline into the dateline ("…in Georgia\n\nATLANTA —")."""
    lo, hi = min(a, b), max(a, b)
    return not any("\n" in t.text_with_ws for t in doc[lo:hi])
