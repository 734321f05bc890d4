"""Cues the lexicon does not list, known by where they stand: '“…,” scoffed Ana Ruiz.', 'Roe gloated: “…”'.

A quotation the writer closes with a comma, a question or an exclamation mark inside it and
follows with a short clause of a subject and a past or present verb (either order) is
attributed by that verb, whatever the verb: news varies its manner-of-speaking verbs
("boomed", "gloated", "scoffed", "cracked") far past any list. Without a cue such a quotation
floated to the speaker of the quote before it, a wrong name shown with confidence. The same
holds for a verb that heads its clause and ends it with a colon or a comma right before a
quotation ("Roe gloated: “…”", "… and then boomed, “…”").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsdesk.extract.quotes.context import Context
from newsdesk.extract.quotes.cues import CueMatch
from newsdesk.vocab.stance import Expression

_INSIDE_CLOSE = ",?!"  # the writer's mark inside the closing quotation mark that announces an attribution
_CLOSING = "\"”»’'›"
_FINITE = frozenset({"VBD", "VBZ"})
_SUBJECT_POS = frozenset({"PRON", "PROPN", "DET", "NOUN", "ADJ", "NUM"})
_MAX_SUBJECT = 6  # "a longtime party official from Ohio"; longer runs are a clause of their own
_CLAUSE_END = frozenset({",", ".", ":", ";"})


def manner_cues(ctx: Context, cues: list[CueMatch]) -> list[CueMatch]:
    """A cue for each verb that attributes a quotation next to it and is no lexicon cue."""
    taken = {i for c in cues for i in range(c.first, c.end)}
    out = []
    for region in ctx.regions:
        if ctx.is_named(region):
            continue
        after = _attributing_verb(ctx, region.end) if _announces(ctx.text, region.end) else None
        before = _introducing_verb(ctx, region.start)
        for verb, end in ((after, after.i + 1 if after else 0), before or (None, 0)):
            if verb is not None and verb.i not in taken:
                expression = Expression((verb.lemma_.lower(),), "say", frozenset("c"))
                out.append(CueMatch(verb, verb, expression, verb.i, end))
                taken.add(verb.i)
    return out


def _introducing_verb(ctx: Context, start: int) -> tuple[Token, int] | None:
    """ "Roe gloated: “…”", "… and then boomed, “…”": a verb heading its clause, then a colon or a
    comma right before the quotation; with the end of the cue (past a colon, which is part of it)."""
    doc = ctx.doc
    span = doc.char_span(ctx.paragraph_start(start), start, alignment_mode="contract")
    tokens = [t for t in span if not t.is_space] if span is not None else []
    if len(tokens) < 2 or tokens[-1].text not in ",:" or ctx.quoted[tokens[-2].i]:
        return None
    verb = tokens[-2]
    if not _verb(verb) or verb.dep_ not in ("ROOT", "conj"):
        return None
    return verb, tokens[-1].i + 1 if tokens[-1].text == ":" else verb.i + 1


def _announces(text: str, end: int) -> bool:
    i = end
    while i > 0 and text[i - 1] in _CLOSING:
        i -= 1
    return i < end and i > 0 and text[i - 1] in _INSIDE_CLOSE


def _attributing_verb(ctx: Context, end: int) -> Token | None:
    """The verb of "<verb> <subject>" or "<subject> <verb>" right after ``end``, ending its clause."""
    span = ctx.doc.char_span(end, ctx.paragraph_end(end), alignment_mode="expand")
    tokens = [t for t in span if not t.is_space] if span is not None else []
    if not tokens or ctx.quoted[tokens[0].i]:
        return None
    if _verb(tokens[0]):
        subject = _subject_run(tokens[1:])
        closes = len(tokens) == subject + 1 or tokens[subject + 1].text in _CLAUSE_END
        return tokens[0] if subject and closes else None
    subject = _subject_run(tokens)
    if not subject or subject >= len(tokens) or not _verb(tokens[subject]):
        return None
    after = tokens[subject + 1 : subject + 2]
    return tokens[subject] if not after or after[0].text in _CLAUSE_END else None


def _verb(token: Token) -> bool:
    # A word: the tagger takes a sign-off dash ("― Ana Ruiz") for a verb now and then.
    return token.pos_ == "VERB" and token.tag_ in _FINITE and token.is_alpha


def _subject_run(tokens: list[Token]) -> int:
    """How many tokens from the start form a short subject noun phrase (0 if none or too long)."""
    n = 0
    while n < len(tokens) and tokens[n].pos_ in _SUBJECT_POS and not tokens[n].is_punct:
        n += 1
    return n if 0 < n <= _MAX_SUBJECT else 0
