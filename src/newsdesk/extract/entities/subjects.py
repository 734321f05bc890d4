"""Names the model left untyped but the grammar shows to be a speaker: "Dempsey told reporters".

The small model misses many surnames and less common names (it tags "Weeks" a DATE, and no
entity at all for "Dempsey"), and those are often the very people an article quotes. A
capitalised proper noun that is the subject of a speech verb is taken as a person's name; a
compound of proper nouns before it ("Colton Sceviour said") is part of the name.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, ENT_TYPE, TAG
from spacy.tokens import Doc, Token

from newsdesk.extract.entities.scan import Ranges
from newsdesk.extract.entities.titles import PERSON_ROLES
from newsdesk.vocab.labels import NUMERIC_LABELS
from newsdesk.vocab.wordlists import word_list

# Verbs whose subject is someone speaking or writing. Narrower than the stance lexicon on purpose:
# "Apple offers", "the platform supports" name things, while things rarely "say" or "tell".
_SPEECH_VERBS = word_list("name_words.tsv", "speech-verb")
_CALENDAR = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december
    """.split()
)


def untyped_speakers(doc: Doc, quoted: Ranges, lower_words: set[str]) -> list[tuple[int, int]]:
    """Token ranges of proper-noun subjects of speech verbs that no model name covers, outside the
    ``quoted`` stretches; ``lower_words`` are the words the article writes in lower case.

    Not a word the article also writes in lower case ("State said" where "the state" appears too):
    that is a capitalised common noun. Checked on 400 PolNeAR train texts: 76 candidates before the
    singular, calendar and role filters, 30 people in a sample of 40 read by eye (the rest plural
    or calendar words, now excluded, and outlets such as "Forbes said"); 66 after them.
    """
    if not len(doc):
        return []
    # Only singular proper-noun subjects become Token objects (creating every Token costs).
    deps, tags, ent_types = doc.to_array([DEP, TAG, ENT_TYPE]).T
    hits = ((deps == doc.vocab.strings["nsubj"]) & (tags == doc.vocab.strings["NNP"])).nonzero()[0]
    if not len(hits):
        return []
    common = lower_words | _CALENDAR | PERSON_ROLES  # "Envoy warns …" names a role
    # A number or date label does not make a name ("Weeks said" tagged as a DATE is a speaker).
    numeric = [0, *(doc.vocab.strings[label] for label in NUMERIC_LABELS)]
    named = ~numpy.isin(ent_types, numeric)
    found: list[tuple[int, int]] = []
    for i in hits.tolist():
        token = doc[i]
        if not _speaker_name(token) or token.idx in quoted or token.lower_ in common:
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and _capitalised(doc[start - 1]):
            start -= 1
        if not any(named[start : token.i + 1]):
            found.append((start, token.i + 1))
    return found


def _speaker_name(token: Token) -> bool:
    """A singular proper noun ("Aides said", "Founding Fathers" are no one person) speaking."""
    head = token.head
    return _capitalised(token) and head.pos_ == "VERB" and head.lemma_.lower() in _SPEECH_VERBS


def _capitalised(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and len(token.text) > 1
