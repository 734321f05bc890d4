"""The source of an inverted attribution when the parse lost it: '“…,” said Mary Stone, a teacher'.

News puts the verb before its subject after a quotation ('“…,” added a state official') and
at a sentence's start ('Said Mary Stone, “…”'). The small parser often makes that subject
the subject of a later participle ("…, half joking"), an adverb of the verb, or an
appositive elsewhere, and the quote is left with no speaker. The noun phrase right after
the cue is who spoke: in this construction nothing else can stand there.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsdesk.extract.quotes.context import Context
from newsdesk.extract.quotes.cues import CueMatch
from newsdesk.extract.quotes.spans import CharSpan, trim

# A source noun phrase after an inverted verb ("a longtime state party official", "Mr. Ray
# Stone"); longer runs of words are no noun phrase the rule can trust.
_MAX_WORDS = 6
_PHRASE_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "NUM"})
_HEAD_POS = frozenset({"PROPN", "NOUN"})
_NOT_SOURCES = frozenset({"DATE", "TIME"})  # '“…,” said Tuesday': when, not who
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_AFTER_QUOTATION = re.compile("[”\"»’']\\s*,?[^\\S\\n]*$")


def inverted_source(cue: CueMatch, ctx: Context) -> tuple[CharSpan, Token] | None:
    """The noun phrase right after an inverted cue, and its head; None when the cue is not inverted."""
    doc = ctx.doc
    if cue.head.tag_ not in _FINITE or cue.last != cue.head:
        return None  # only a finite verb inverts: after "…,” referring to X" X is the object
    first = doc[cue.first]
    # A sentence opens with an inverted verb only in the past ("Said Ana Ruiz, …"); a present
    # form there is an imperative or a heading ("SEE MORE: …").
    opens = bool(first.is_sent_start) and cue.head.tag_ == "VBD"
    if not opens and not _AFTER_QUOTATION.search(ctx.text, ctx.paragraph_start(first.idx), first.idx):
        return None
    words: list[Token] = []
    for token in doc[cue.end : cue.end + _MAX_WORDS + 1]:
        if not _phrase_word(token) or ctx.quoted[token.i] or token.ent_type_ in _NOT_SOURCES:
            break
        words.append(token)
    heads = [t for t in words if t.pos_ in _HEAD_POS or _name_word(t)]
    if not heads or len(words) > _MAX_WORDS or not _ends_phrase(doc, cue.end + len(words), heads[-1]):
        return None
    return trim(ctx.text, words[0].idx, words[-1].idx + len(words[-1])), heads[-1]


def _phrase_word(token: Token) -> bool:
    return token.pos_ in _PHRASE_POS or _name_word(token)


def _name_word(token: Token) -> bool:
    """A capitalised word inside a sentence is a name, whatever tag the parser gave it ("Skelly" as ADV)."""
    return token.text[:1].isupper() and token.is_alpha and not token.is_sent_start


def _ends_phrase(doc: Doc, index: int, head: Token) -> bool:
    """Whether the phrase stops at punctuation, the text's end or a clause that describes its head
    ('“…,” read the notice posted on the door'), not inside a longer clause."""
    if index >= len(doc) or doc[index].is_punct:
        return True
    return doc[index].dep_ in ("acl", "relcl") and doc[index].head == head


# Words a set-off source phrase before its verb may hold: "her senior policy adviser, Jake
# Sorel,", "Tom Reeve, founder of the Civic League,". No verb: a clause is no source phrase.
_SET_OFF_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "NUM", "ADP", "PART", "CCONJ", "PUNCT", "SPACE"})
_MAX_SET_OFF_WORDS = 14  # a name and a role with a place ("X, founder of the Y Center of Z,")


def set_off_source(cue: CueMatch, ctx: Context) -> tuple[CharSpan, Token] | None:
    """A subject the parse hung elsewhere, set off by a comma or a quotation before its verb.

    "In a statement, her adviser, Jake Sorel, said: …" and "“…,” Tom Reeve, founder of the
    League, tells …": the parser makes the phrase an apposition of the noun before it, and the
    verb is left with no subject. The comma-separated noun phrases right before the verb, after
    any prepositional opener ("In a statement,"), are the source when they hold no verb and no
    quotation; their first noun group is the head.
    """
    doc = ctx.doc
    i = cue.first - 1
    while i >= 0 and not ctx.quoted[i] and "\n" not in doc[i].text and _set_off_word(doc[i]):
        i -= 1
    chunks = _chunks(list(doc[i + 1 : cue.first]))
    while chunks and chunks[0][0].pos_ == "ADP":
        chunks.pop(0)  # "In a statement to the paper," opens the sentence; it is not who spoke
    if not chunks or (len(chunks) == len(_chunks(list(doc[i + 1 : cue.first]))) and (i < 0 or not doc[i].is_quote)):
        return None  # no comma or quotation sets the phrase off: the parse's own reading stands
    head = [t for t in chunks[0] if t.pos_ in _HEAD_POS or _name_word(t)]
    if not head or sum(len(c) for c in chunks) > _MAX_SET_OFF_WORDS:
        return None
    first, last = chunks[0][0], chunks[-1][-1]
    span = trim(ctx.text, first.idx, last.idx + len(last))
    if len(chunks) > 1 and ctx.text.startswith(",", span[1]):
        span = (span[0], span[1] + 1)  # an apposition keeps its closing comma, as in indirect._phrase
    return span, head[-1]


def _chunks(words: list[Token]) -> list[list[Token]]:
    """The comma-separated parts of ``words``, without their commas, empty ones left out."""
    out: list[list[Token]] = [[]]
    for token in words:
        if token.text == ",":
            out.append([])
        elif not token.is_space:
            out[-1].append(token)
    return [chunk for chunk in out if chunk]


def _set_off_word(token: Token) -> bool:
    return token.pos_ in _SET_OFF_POS or (token.pos_ == "PRON" and token.dep_ == "poss") or _name_word(token)
