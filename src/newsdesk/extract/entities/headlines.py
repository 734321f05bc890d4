"""What the words and lines around a name say about it: a pronoun right after a one-word name (which
of two people sharing a surname it is), a family noun before it (a relative), and a headline or
heading line, where the model runs capitalised verbs into names ("Ortega Says", "Questioning Rennick").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from newsdesk.extract.entities.mention import Mention, make_mention
from newsdesk.extract.entities.scan import Ranges, Scanner
from newsdesk.extract.entities.titles import is_title_token
from newsdesk.vocab.personal_names import FAMILY_NOUNS

# How far after a one-word name its pronoun may be: "Clinton kicked off her", "Aides to Clinton say she"
# (within 4 tokens in the family articles of 60 PolNeAR train texts; further on, the pronoun is as
# often someone else's).
_PRONOUN_REACH = 6
_PRONOUN_GENDERS = {"he": "m", "his": "m", "she": "f", "her": "f"}


def following_pronouns(doc: Doc, scanner: Scanner, mentions: list[Mention]) -> None:
    """Set :attr:`Mention.pronoun_gender` of one-word names from the pronoun just after them.

    Not across a comma, a sentence end or another name, not from inside a quotation, and not
    after a name that only modifies a noun: in "endorsed Clinton, said he", "a Clinton supporter
    who pledged his", "Clinton said, 'She was…'" the pronoun is someone else's (the five wrong
    of 45 decisions on the family articles of 60 PolNeAR train texts, all gone with these checks).
    """
    pronouns = [t for t in scanner.pronouns() if t.idx not in scanner.quoted]
    at = [t.i for t in pronouns]
    starts = [m.start for m in mentions]
    for n, mention in enumerate(mentions):
        if len(mention.words) != 1 or doc[mention.end - 1].dep_ == "compound":
            continue
        k = bisect_right(at, mention.end - 1)
        if k == len(at) or at[k] - mention.end >= _PRONOUN_REACH:
            continue
        next_name = starts[n + 1] if n + 1 < len(starts) else len(doc)
        between = range(mention.end, at[k] + 1)
        if next_name > at[k] and not any(doc[i].is_sent_start or doc[i].text == "," for i in between):
            mention.pronoun_gender = _PRONOUN_GENDERS[pronouns[k].lower_]


# Titles between a family noun and the name: "her husband, former President Bill Clinton".
_RELATIVE_REACH = 5


def after_family_noun(doc: Doc, start: int) -> bool:
    """Whether a family noun ("wife", "daughter") comes just before ``doc[start]``, over titles and commas."""
    i = start - 1
    while i >= max(0, start - _RELATIVE_REACH) and (
        doc[i].text == "," or is_title_token(doc[i]) or doc[i].lower_ == "former"
    ):
        i -= 1
    return i >= 0 and doc[i].lower_ in FAMILY_NOUNS


@dataclass(frozen=True, slots=True)
class Headings:
    """Short heading lines of the body, and the words the article writes in lower case: in a heading
    only such words, or a word in "-ing" ("Questioning"), are cut from a person's span."""

    lines: Ranges
    lower_words: set[str]

    def cuttable(self, words: list[str]) -> bool:
        return all(word in self.lower_words or word.endswith("ing") for word in words)


def trim_headline_people(doc: Doc, mentions: list[Mention], headings: Headings) -> None:
    """Cut a headline's or heading's person span to the name the body uses ("Obama Seeks", "Rip
    Donald Trump", "Questioning Rennick").

    In a title-case line or a short heading the model takes capitalised verbs into names; a full
    name or surname from the body inside the span is the name.
    """
    # In text order (a dict, not a set): among equally long names the first in the text wins, the
    # same on every run; a set's order changed with the interpreter's hash seed.
    in_heading = [m.start_char in headings.lines for m in mentions]
    body = dict.fromkeys(
        tuple(w.casefold() for w in m.words)
        for m, heading in zip(mentions, in_heading, strict=True)
        if m.label == "PERSON" and not m.shaky and not heading
    )
    full = sorted((name for name in body if len(name) >= 2), key=len, reverse=True)
    # Surnames of the body's full names, and the body's one-word names ("Ortega" all through an
    # article whose headline reads "Ortega Says …").
    surnames = {name[-1] for name in full} | {name[0] for name in body if len(name) == 1}
    for n, mention in enumerate(mentions):
        words = [t.text.casefold() for t in doc[mention.start : mention.end]]
        if not (mention.shaky or in_heading[n]) or mention.label != "PERSON" or tuple(words) in body:
            continue
        found = next(
            ((a, a + len(name)) for name in full for a in range(len(words)) if tuple(words[a : a + len(name)]) == name),
            next(((a, a + 1) for a, word in enumerate(words) if word in surnames), None),
        )
        if found is not None and not mention.shaky and not headings.cuttable(words[: found[0]] + words[found[1] :]):
            continue  # a heading's full name ("Dana Morrow's testimony") stays whole
        if found is not None:
            trimmed = make_mention(doc, mention.start + found[0], mention.start + found[1], "PERSON", mention.source)
            trimmed.shaky, trimmed.gender = mention.shaky, mention.gender
            mentions[n] = trimmed
