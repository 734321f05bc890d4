"""Definite descriptions that refer to a person already named: "the envoy said" after
"Russian envoy Zamir Kabulov …".

News names a person once and then often calls them by their role. Linking "the envoy" to
Zamir Kabulov lets a quote whose speaker is "the envoy" count as his. As with pronouns, a wrong
link misattributes a quote, so the rule is narrow:

- the description is "the" + an optional adjective + a personal role noun ("the envoy", "the
  former minister"), outside quotation marks and outside every named mention;
- exactly one person named *before* it has a title containing that role word ("Special
  Presidential Envoy for Afghanistan", "career diplomat"); with two such people ("the
  minister" after two ministers) nothing is linked;
- the noun is not followed by a name or "of"/"for" phrase that makes it a new title ("the
  minister of health", "the envoy Dorin Malek" is a title + name, handled by titles).
"""

from __future__ import annotations

from bisect import insort

from spacy.tokens import Doc, Token

from newsdesk.extract.entities.scan import Ranges
from newsdesk.extract.entities.titles import PERSON_ROLES
from newsdesk.record import Entity, Span

# Role words too general to pick one person out ("the official", "the leader", "the member"):
# articles use them for several people without titling any of them so.
_VAGUE = frozenset({"official", "officials", "leader", "member", "head", "chief", "spokesperson", "source"})


# Adjectives that make "the <role>" someone else or no one yet ("the next president", "the
# first candidate to …"). Found on 200 PolNeAR train texts: 65 links, these the wrong ones.
_NOT_THIS_ONE = frozenset(
    "next new future first last only previous other another second third potential possible eventual "
    "prospective ideal".split()
)
# Title words that make the role someone's deputy.
_DEPUTIES = frozenset({"vice", "deputy", "assistant", "associate", "acting", "under", "co"})


def link_descriptions(doc: Doc, entities: list[Entity], quotes: Ranges) -> None:
    """Add each description that can only mean one earlier-named person to that person's mentions."""
    people = [e for e in entities if e.type == "PERSON" and e.titles]
    if not people:
        return
    named = [(m.start, m.end) for e in entities for m in e.mentions]
    for token in doc:
        span = _description(token)
        if span is None:
            continue
        start, end = span
        if start in quotes or any(a < end and start < b for a, b in named):
            continue
        former = any(child.lower_ == "former" for child in token.lefts)
        fitting = [
            p for p in people if p.mentions[0].start < start and any(_fits(token.lower_, t, former) for t in p.titles)
        ]
        if len(fitting) == 1:
            insort(fitting[0].mentions, Span(start, end), key=lambda s: s.start)


def _fits(role: str, title: str, former: bool) -> bool:
    """Whether a person titled ``title`` can be "the [former] <role>": the role word is in the
    title, not as a deputy's ("Vice President" is not "the president"), and a former holder is
    only "the former <role>"."""
    words = title.lower().split()
    if role not in words:
        return False
    before = words[words.index(role) - 1] if words.index(role) > 0 else ""
    return before not in _DEPUTIES and (former or "former" not in words)


def _description(token: Token) -> tuple[int, int] | None:
    """The character span of "the [adjective] <role>" headed by ``token``, or None."""
    if token.pos_ != "NOUN" or token.lower_ not in PERSON_ROLES or token.lower_ in _VAGUE:
        return None
    if token.dep_ == "attr":
        return None  # "Shuster is the incumbent": a predicate, already a title
    left = list(token.lefts)
    if not left or left[0].lower_ != "the" or left[0].dep_ != "det" or len(left) > 2:
        return None
    if any(child.dep_ not in ("det", "amod") or child.lower_ in _NOT_THIS_ONE for child in left):
        return None
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and (following.pos_ == "PROPN" or following.lower_ in ("of", "for")):
        return None
    return left[0].idx, token.idx + len(token.text)
