"""An object as a reader says it: the counted noun with the words that say what it is.

"10,000 Daesh fighters" → "Daesh fighters", "soldiers of Daesh", "Japan's Nikkei 225",
"homes and businesses"; a container noun gives way to what it contains ("the number of
electric vehicles" → "electric vehicles").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdesk.extract.claims.predicates import of_child

_NP_LEFT = frozenset({"compound", "amod", "nmod", "nn"})
_NOUNS = ("NOUN", "PROPN")
# Tokens from a noun to the head of its "of" phrase kept in an object ("soldiers of Daesh" is 2,
# "leaders of the ruling Union Solidarity and Development Party" 7); set on the tune half.
_MAX_OF_GAP = 3
# Nouns that only hold what is counted: the object is their "of" phrase.
_CONTAINERS = frozenset({"number", "amount", "total", "tally", "count", "level"})


@dataclass(frozen=True, slots=True)
class ObjectGuess:
    """What a number counts: the phrase, its head token, and whether it is only a guess from
    the verb (a subject or object of the verb around a bare number, which a previous claim in
    the sentence overrides: "Victoria sent 120 workers, while New South Wales sent 80")."""

    text: str | None
    head: Token | None
    guessed: bool = False


def phrase(doc: Doc, noun: Token, floor: int, *, with_of: bool = False, guessed: bool = False) -> ObjectGuess:
    """The noun with its compounds/adjectives, never reaching back into the number expression
    (which ends at ``floor`` when it precedes the noun); conjuncts joined without a preposition
    between ("homes and businesses"), and an "of" phrase if asked ("soldiers of Daesh")."""
    contained = of_child(noun) if noun.lower_ in _CONTAINERS else None
    if contained is not None and contained.pos_ in _NOUNS:
        noun = contained  # "the number of electric vehicles" → "electric vehicles"
    first = noun.i
    lowest = floor if floor <= noun.i else 0
    for child in sorted(noun.lefts, key=lambda t: -t.i):
        # a number between the count and its noun names a model ("five 787 Dreamliner sales")
        model = child.like_num and floor == child.i and child.dep_ == "nummod" and doc[child.i - 1].lower_ != "of"
        if child.i == first - 1 and child.i >= lowest and ((child.dep_ in _NP_LEFT and not child.like_num) or model):
            first = child.i
    # "home-improvement retailer", "big-name politicians": a hyphen glues the word before it on.
    owner = next((c for c in noun.lefts if c.dep_ == "poss" and c.pos_ in _NOUNS), None)
    if owner is not None and noun.pos_ == "PROPN" and owner.left_edge.i >= lowest and owner.i < first:
        first = owner.left_edge.i  # "Japan's Nikkei": whose index it is
    while first - 2 >= lowest and doc[first - 1].text == "-" and not doc[first - 2].whitespace_:
        if doc[first - 1].whitespace_ or not doc[first - 2].is_alpha:
            break
        if doc[first - 2].like_num:
            first += 1 if first < noun.i else 0  # "three-year contract": a type, not what the sum is for
            break
        first -= 2
    last = noun.i
    if noun.pos_ == "PROPN" and noun.i + 1 < len(doc) and doc[noun.i + 1].like_num and doc[noun.i + 1].head.i == noun.i:
        last = noun.i + 1  # "Nikkei 225", "FTSE 100": the number is part of the name
    for child in noun.rights:
        between = doc[noun.i + 1 : child.i]
        if (
            child.dep_ == "conj"
            and child.pos_ in ("NOUN", "PROPN")
            and not any(t.pos_ in ("ADP", "NUM") for t in between)
        ):
            last = max(last, child.i)
    if with_of:
        of = of_child(noun)
        if of is not None and of.pos_ in ("NOUN", "PROPN") and not of.like_num and of.i - noun.i <= _MAX_OF_GAP:
            last = max(last, of.i)  # "soldiers of Daesh", not "leaders of the ruling … Party"
    while first < noun.i and doc[first].pos_ in ("DET", "PUNCT"):
        first += 1
    return ObjectGuess(doc[first : last + 1].text, noun, guessed)


def per_thing(doc: Doc, end: int, floor: int) -> ObjectGuess | None:
    """ "a 52-count complaint" → "counts in complaint", "a 300-page report" → "pages in report":
    a number glued by a hyphen to a singular noun counts those things in the noun after it."""
    if end + 2 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_ or doc[end].whitespace_:
        return None
    part = doc[end + 1]
    if part.tag_ != "NN" or not part.is_alpha or part.head.i <= part.i or part.head.pos_ != "NOUN":
        return None
    whole = phrase(doc, part.head, part.i + 1)
    return ObjectGuess(f"{_plural(part.lower_)} in {whole.text}", part.head)


def _plural(word: str) -> str:
    """English plural of a regular noun ("count" → "counts", "company" → "companies")."""
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
