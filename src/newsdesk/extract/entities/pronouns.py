"""Pronouns that refer to a person: "He stated …" after "… Kabulov claimed."

Deliberately conservative, because a pronoun attached to the wrong person misattributes a quote,
which is worse than leaving it unresolved. A subject "he"/"she" or a possessive "his"/"her" is
linked only when exactly one person could be meant:

- the people named earlier in the same sentence, if any, else in the nearest of the two previous
  sentences that names someone — names inside quotation marks do not count (the speaker of
  "“Biden is wrong,” he said" is not Biden), and pronouns inside quotation marks are skipped;
- among those, people whose gender is known to differ (from "Mr."/"Ms." or an earlier pronoun)
  are set aside, and exactly one person must remain;
- a pronoun in a subordinate clause before a name in its own sentence ("When he arrived,
  Kabulov said") is left alone: it points forward; one opening a reporting clause after the
  reported words ("People like Scott, he said") looks past the names in those words;
- so is one whose window holds two capitalised proper nouns the model did not tag (a person
  it missed could be meant), a described person of the pronoun's gender ("the woman"), or a
  main clause whose subject is a person newly described ("A president who … Osei …, he said");
- genders come from "Mr."/"Ms.", from common given names ("Donald", "Julie") and from pronouns
  already linked.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Container

from spacy.tokens import Doc, Token

from newsdesk.extract.entities.scan import Ranges, Scanner
from newsdesk.extract.entities.titles import PERSON_ROLES, is_title_token

_GENDER = {"he": "m", "his": "m", "she": "f", "her": "f"}
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_FEMALE_NOUNS = frozenset(
    "woman women girl mother wife daughter sister lady widow grandmother aunt niece girlfriend mom".split()
)
_MALE_NOUNS = frozenset(
    "man men boy father husband son brother gentleman widower grandfather uncle nephew boyfriend dad".split()
)
_REPORTING = frozenset("say tell add note explain write argue insist continue ask reply recall warn".split())
# How many sentences (not counting those wholly inside quotation marks) back an antecedent may be.
_LOOKBACK = 2


def resolve(
    doc: Doc,
    scanner: Scanner,
    people: list[tuple[int, int]],
    genders: dict[int, str],
    quotes: Ranges,
    names: Container[int],
) -> list[tuple[int, int]]:
    """Link pronouns to people; ``people`` holds (first character, entity) of every person mention.

    ``genders`` (entity → "m"/"f") is read and extended with what the linked pronouns say;
    ``names`` holds the token indices of all name mentions. Returns (pronoun token, entity) pairs.
    """
    sentences = [(sent.start, sent.end, sent.start_char, sent.end_char) for sent in doc.sents]
    starts = [start_char for _, _, start_char, _ in sentences]
    # Sentences wholly inside quotation marks name nobody the pronoun can mean; the look-back skips
    # them, so "“…. …. ….,” he said" reaches the sentence before a quote of several sentences.
    spoken = {n for n, (_, _, a, b) in enumerate(sentences) if a in quotes and max(a, b - 1) in quotes}
    named = [(start, entity) for start, entity in people if start not in quotes]
    in_sentence: dict[int, set[int]] = {}
    for start, entity in named:
        in_sentence.setdefault(bisect_right(starts, start) - 1, set()).add(entity)
    candidates = [token for token in scanner.pronouns() if token.idx not in quotes]
    events = sorted([(start, 0, entity) for start, entity in named] + [(t.idx, 1, t.i) for t in candidates])
    seen: dict[int, list[int]] = {}  # sentence → people named so far, pronouns included
    links: list[tuple[int, int]] = []
    for position, is_pronoun, item in events:
        sentence = bisect_right(starts, position) - 1
        current = seen.setdefault(sentence, [])
        if not is_pronoun:
            current.append(item)
            continue
        token = doc[item]
        word = token.lower_
        if not _referring(token.dep_, word):
            continue
        # A pronoun in a subordinate clause before a new name points forward: "When he arrived, X said".
        if in_sentence.get(sentence, set()) - set(current) and token.head.dep_ != "ROOT":
            continue
        earlier = itertools.islice((b for b in range(sentence - 1, -1, -1) if b not in spoken), _LOOKBACK)
        own = current and not _after_reported_words(doc, token)
        source = sentence if own else next((b for b in earlier if seen.get(b)), None)
        if source is None:
            continue
        last = item if source == sentence else sentences[source][1]
        first = sentences[source][0]
        if (
            _unknown_name(doc, first, last, names)
            or _unnamed_person(doc, first, item, _GENDER[word])
            or _new_person_subject(doc, first, last)
        ):
            continue
        target = _antecedent(seen[source], _GENDER[word], genders)
        if target is not None:
            links.append((item, target))
            genders.setdefault(target, _GENDER[word])
            current.append(target)
    return links


def _after_reported_words(doc: Doc, pronoun: Token) -> bool:
    """Whether the pronoun opens a reporting clause after what was said: "People like Scott, he said".

    The names before it belong to the reported words, so the speaker is someone named earlier.
    """
    verb = pronoun.head
    return (
        verb.i == pronoun.i + 1
        and verb.lemma_ in _REPORTING
        and pronoun.i > 0
        and doc[pronoun.i - 1].text in (",", "”", '"', "’", "'")
    )


def _referring(dep: str, word: str) -> bool:
    """Subject "he"/"she", possessive "his"/"her" (object "her" is left alone)."""
    return dep in _SUBJECT if word in ("he", "she") else dep == "poss"


def _unknown_name(doc: Doc, start: int, end: int, names: Container[int]) -> bool:
    """Whether ``doc[start:end]`` holds what looks like a name the model missed ("Ana Ruiz"): two
    capitalised proper nouns in a row outside every mention, not title words. The person it names
    could be the pronoun's antecedent, so the pronoun is left alone."""
    previous = False
    for token in doc[start:end]:
        unexplained = (
            token.pos_ == "PROPN"
            and token.is_title
            and token.i not in names
            and not token.ent_type_
            and not is_title_token(token)
        )
        if unexplained and previous:
            return True
        previous = unexplained
    return False


def _unnamed_person(doc: Doc, start: int, end: int, gender: str) -> bool:
    """Whether ``doc[start:end]`` mentions a person by description ("the woman", "a man") that the
    pronoun could just as well mean: "The woman disputes the idea that she needed …". Relatives
    of a named person ("his father") are not counted: the pronoun that follows is rarely theirs."""
    nouns = _FEMALE_NOUNS if gender == "f" else _MALE_NOUNS
    return any(token.lower_ in nouns and any(c.dep_ == "det" for c in token.children) for token in doc[start:end])


def _new_person_subject(doc: Doc, start: int, end: int) -> bool:
    """Whether the main clause of ``doc[start:end]`` has a person described, not named, as its
    subject ("A president who authorized the raid that killed Karim Osei will …"): the pronoun
    after it is that person's, not the one named inside the description."""
    return any(
        token.dep_ in _SUBJECT
        and token.head.dep_ == "ROOT"
        and token.tag_ == "NN"
        and (token.lower_ in PERSON_ROLES or token.lower_ in _FEMALE_NOUNS or token.lower_ in _MALE_NOUNS)
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in token.children)
        for token in doc[start:end]
    )


def _antecedent(window: list[int], gender: str, genders: dict[int, str]) -> int | None:
    """The one person a pronoun can mean, or None."""
    # People known to be of the other gender are no competition; anyone else is.
    fitting = {entity for entity in window if genders.get(entity, gender) == gender}
    return fitting.pop() if len(fitting) == 1 else None
