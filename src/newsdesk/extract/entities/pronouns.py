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
  Kabulov said") is left alone: it points forward.
"""

from __future__ import annotations

from spacy.tokens import Doc

_GENDER = {"he": "m", "his": "m", "she": "f", "her": "f"}
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_OPENING = frozenset({"“", "«", "„"})
_CLOSING = frozenset({"”", "»"})
_STRAIGHT = frozenset({'"', "``", "''"})
# How many sentences back an antecedent may be: "Kabulov claimed. “…” He stated …" is two.
_LOOKBACK = 2


def quoted(doc: Doc) -> bytearray:
    """1 for tokens inside (or being) quotation marks; a paragraph break closes an open quote."""
    mask = bytearray(len(doc))
    inside = False
    for token in doc:
        text = token.text
        if "\n" in text:
            inside = False
        elif text in _OPENING:
            inside, mask[token.i] = True, 1
        elif text in _CLOSING:
            inside, mask[token.i] = False, 1
        elif text in _STRAIGHT:
            inside, mask[token.i] = not inside, 1
        elif inside:
            mask[token.i] = 1
    return mask


def resolve(
    doc: Doc, people: dict[int, tuple[int, int]], genders: dict[int, str], mask: bytearray
) -> list[tuple[int, int]]:
    """Link pronouns to people; ``people`` maps a mention's first token to (its end, its entity).

    ``genders`` (entity → "m"/"f") is read and extended with what the linked pronouns say.
    Returns (pronoun token index, entity) pairs.
    """
    links: list[tuple[int, int]] = []
    history: list[list[int]] = []
    for sent in doc.sents:
        current: list[int] = []
        later = {people[i][1] for i in range(sent.start, sent.end) if i in people and not mask[i]}
        i = sent.start
        while i < sent.end:
            if i in people and not mask[i]:
                end, entity = people[i]
                current.append(entity)
                i = end
                continue
            token = doc[i]
            gender = _GENDER.get(token.lower_)
            if gender is not None and not mask[i] and _referring(token.dep_, token.lower_):
                forward = bool(later - set(current)) and token.head.dep_ != "ROOT"
                target = None if forward else _antecedent(current, history, gender, genders)
                if target is not None:
                    links.append((i, target))
                    genders.setdefault(target, gender)
                    current.append(target)
            i += 1
        history.append(current)
    return links


def _referring(dep: str, word: str) -> bool:
    """Subject "he"/"she", possessive "his"/"her" (object "her" is left alone)."""
    return dep in _SUBJECT if word in ("he", "she") else dep == "poss"


def _antecedent(current: list[int], history: list[list[int]], gender: str, genders: dict[int, str]) -> int | None:
    """The one person a pronoun can mean, or None."""
    windows = [current] if current else [s for s in history[-_LOOKBACK:][::-1] if s][:1]
    if not windows:
        return None
    # People known to be of the other gender are no competition; anyone else is.
    fitting = {entity for entity in windows[0] if genders.get(entity, gender) == gender}
    return fitting.pop() if len(fitting) == 1 else None
