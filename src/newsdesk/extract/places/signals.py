"""What the words around a candidate place say about it.

Four kinds of evidence read from the text, not the gazetteer:

- US state abbreviations ("Scranton, Pa.", "(R-Ky.)", "Austin, TX") become mentions of their
  own, flagged so they resolve to the state rather than a namesake ("Pa" in Burkina Faso).
  AP abbreviations count after a place's comma, after a party letter, or where the model
  tagged them as a place; two-letter postal codes only after a place's comma, where they
  cannot be an ordinary capitalised word.
- Locative context ("in", "near", "from", "-based"): a name the model typed as a person or
  an organisation ("near Palmyra") is a place only with such a word before it.
- Names of things that hold a place name: "the Paris agreement", "the California GOP",
  "Bank of Japan" (an organisation span, "of", the place). Such a mention is no place.
- A game's result ("Minnesota beat Buffalo 4-2"): a city or state there is a club's name.
- A title or honorific right before ("Mr. Jackson", "Sen. Warren"), or a speech verb after a
  name the model typed as a person ("Lincoln said"): a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from newsdesk.vocab.labels import PLACE_LABELS
from newsdesk.vocab.names import KEY_HONORIFICS
from newsdesk.vocab.wordlists import word_list

if TYPE_CHECKING:
    from newsdesk.extract.places.mentions import Mention

# "N.J.", "W.Va.", "D.C." / "Calif.", "Ky." / "TX": shapes a state abbreviation can have.
_ABBREVIATION = re.compile(r"(?<![\w.])(?:(?:[A-Z]\.)+(?:[A-Z][a-z]\.)?|[A-Z][a-z]{1,4}\.|[A-Z]{2}(?![\w.]))")
# Postal codes that are also words ("..., OK", "..., IN"): never read as states.
_POSTAL_WORDS = frozenset({"OK", "IN", "OR", "ME", "HI", "OH"})
# A capitalised word and a comma right before: the abbreviation is the place's container.
_AFTER_PLACE = re.compile(r"[A-Z][\w.'’-]*,\s$")
# A capitalised word right after: the abbreviation is an honorific before a name.
_NAME_AFTER = re.compile(r"\s+[A-Z]")
# A party letter and a hyphen before: "(R-Ky.)", "D-Calif.".
_AFTER_PARTY = re.compile(r"(?<![\w-])[RDI]-$")
# Words before a name that put it on the map ("fighting near Palmyra"); "of" and "to" are
# left out, as they also come before organisations ("Bank of", "according to").
LOCATIVE_WORDS = frozenset(
    {"in", "near", "from", "at", "into", "across", "outside", "around", "toward", "towards", "via", "inside"}
)
# Nouns before "of" that make the name a settlement's: "the town of", "the port city of".
_SETTLEMENTS = frozenset({"city", "town", "village", "capital", "port", "suburb", "hamlet", "township"})
# Verbs of a game's result: a city or state as their subject or object is a club's short name
# ("Minnesota beat Buffalo 4-2"); a country stays a place (a national team is labelled).
_RESULT_VERBS = frozenset(
    {"beat", "defeat", "edge", "rout", "top", "down", "blank", "sweep", "outscore", "lose", "tie", "draw",
     "thrash", "trounce", "upset", "overpower", "outlast", "hammer", "crush", "shut"}
)  # fmt: skip
# A score in the sentence ("4-2", "3–1").
_SCORE = re.compile(r"\b\d{1,3}[-–]\d{1,3}\b")
# A win-loss record in brackets after the name: "Buffalo (10-5-2)".
_RECORD = re.compile(r"\s*\(\d{1,3}-\d{1,3}(?:-\d{1,3})?\)")
# Prepositions that join the other side to a result verb ("lost to Toronto").
_RESULT_PREPOSITIONS = frozenset({"to", "over", "against", "with"})
# Nouns after a place name that make it part of the name of an agreement ("the Paris agreement").
_AGREEMENT_WORDS = frozenset(
    {"agreement", "agreements", "accord", "accords", "treaty", "protocol", "protocols", "convention", "pact"}
)


# Words after a name that make it a state's (or province's) name rather than its city's: its
# office-holders and votes ("the New York delegation", "the Washington primary"). And titles of
# legislators and governors: "Senator Jane Doe of New York", "a senator from Washington" name the
# state they represent. Found on unlabelled PolNeAR train texts, where "New York" was read as
# the city in 9 of 13 such articles; see mark_context.
_OFFICE_WORDS = frozenset(
    {"senator", "senators", "governor", "congressman", "congresswoman", "delegation", "delegates", "legislature",
     "legislator", "legislators", "lawmakers", "primary", "caucus", "caucuses", "attorney"}
)  # fmt: skip
_LEGISLATOR_TITLES = frozenset(
    {"senator", "sen", "representative", "rep", "governor", "gov", "congressman", "congresswoman", "democrat",
     "republican", "legislator", "assemblyman", "assemblywoman"}
)  # fmt: skip
# How far back, in tokens, a legislator's title may stand before "of"/"from" ("Representative
# Peter T. King of"): five name tokens and the title.
_TITLE_REACH = 6


def abbreviation_mentions(text: str, is_state: Callable[[str], bool], tagged: Iterable[Mention]) -> list[Mention]:
    """State abbreviations as mentions: after a place's comma, after a party letter, or where a
    place-labelled mention starts at one (that mention is replaced: its period kept)."""
    from newsdesk.extract.places.mentions import Mention

    at_tagged = {m.start: m for m in tagged if m.label in PLACE_LABELS or m.label == "DATELINE"}
    out: list[Mention] = []
    for match in _ABBREVIATION.finditer(text):
        abbreviation = match.group()
        if not is_state(abbreviation):
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        placed = bool(_AFTER_PLACE.search(before) or _AFTER_PARTY.search(before))
        postal = not abbreviation.endswith(".")
        if abbreviation.rstrip(".").lower() in KEY_HONORIFICS and _NAME_AFTER.match(text, match.end()):
            continue  # "Ms. Jones", "Mr. Smith": an honorific, not Mississippi
        if postal and abbreviation in _POSTAL_WORDS:
            continue
        if placed or (not postal and match.start() in at_tagged):
            label = at_tagged[match.start()].label if match.start() in at_tagged else "ABBREVIATION"
            out.append(Mention(match.start(), match.end(), abbreviation, label, abbreviation=True))
    return out


def mark_context(doc: Doc, mention: Mention) -> None:
    """Set the mention's locative, in-name, club and title flags from the words around it."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return
    mention.locative = _locative(doc, span)
    mention.in_name = _in_name(doc, span)
    mention.club = _club(span)
    mention.titled = _titled(doc, span)
    mention.type_word = mention.type_word or _office(doc, span)


def _office(doc: Doc, span: Span) -> bool:
    """ "the New York delegation", "Senator Jane Doe of New York", "a senator from Ohio": the name
    is the state the office belongs to (read as a type word: the division beats the city)."""
    if span.end < len(doc) and doc[span.end].lower_ in _OFFICE_WORDS:
        return True
    if span.start < 2 or doc[span.start - 1].lower_ not in ("of", "from"):
        return False
    before = doc[max(0, span.start - 1 - _TITLE_REACH) : span.start - 1]
    return any(t.lower_.rstrip(".") in _LEGISLATOR_TITLES for t in before)


def _locative(doc: Doc, span: Span) -> bool:
    """A locative word right before, or governing the list the name is in ("in Tigray, Afar and
    Amhara"), "the town of" before, or "-based" after."""
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in LOCATIVE_WORDS:
        return True
    head = span.root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_WORDS:
        return True
    if before is not None and before.lower_ == "of" and span.start > 1 and doc[span.start - 2].lower_ in _SETTLEMENTS:
        return True  # "the border city of Cucuta"
    after = doc[span.end : span.end + 2]
    return after.text.replace(" ", "").lower().startswith("-based")


def _in_name(doc: Doc, span: Span) -> bool:
    """ "the Paris agreement", "the California GOP", "Federal Reserve Bank of New York"."""
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in _AGREEMENT_WORDS:
        return True
    if after is not None and after.ent_type_ == "ORG" and after.ent_iob_ == "B" and span[-1].whitespace_:
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        owner = doc[span.start - 2]
        return owner.ent_type_ == "ORG" and owner.ent_iob_ != "O" and span[0].ent_type_ != "ORG"
    return False


def _club(span: Span) -> bool:
    """ "Minnesota beat Buffalo 4-2", "Boston lost to Toronto": a side of a game's result, when
    the verb's clause has a score or the other side is a name too; or a team's record right after
    the name ("Buffalo (10-5-2)")."""
    after = span.doc[span.end : span.end + 8]  # not doc.text: that joins the whole Doc
    if _RECORD.match(span[-1].whitespace_ + after.text):
        return True
    token = span.root
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ in _RESULT_PREPOSITIONS:
        verb = verb.head
    elif token.dep_ not in ("nsubj", "dobj"):
        return False
    if verb.pos_ != "VERB" or verb.lemma_ not in _RESULT_VERBS:
        return False
    sides = [t for t in verb.children if t.dep_ in ("nsubj", "dobj") and t.i != token.i]
    sides += [t for p in verb.children if p.lower_ in _RESULT_PREPOSITIONS for t in p.children if t.i != token.i]
    clause = span.doc[verb.left_edge.i : verb.right_edge.i + 1]  # not span.sent: that walks the Doc
    return bool(_SCORE.search(clause.text)) or any(t.pos_ == "PROPN" for t in sides)


def _titled(doc: Doc, span: Span) -> bool:
    """ "Mr. Jackson", "Gov. Lincoln": a capitalised honorific or person title right before; or
    a name the model typed as a person that is the subject of a speech verb ("Lincoln said";
    "Moscow said", tagged as a place, stays one)."""
    root = span.root
    speaker = root.dep_ == "nsubj" and root.head.lemma_ in word_list("name_words.tsv", "speech-verb")
    if speaker and root.ent_type_ == "PERSON":
        return True
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    word = before.text.rstrip(".").lower()
    return before.text[:1].isupper() and (word in KEY_HONORIFICS or word in word_list("title_words.tsv", "person-role"))
