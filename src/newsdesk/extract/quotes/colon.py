"""Quotations a colon introduces with no reporting verb: "It drew a sharp reply from Senator Roe: “…”".

Writers often set up a quotation with a clause that names its source but holds no cue the
lexicon knows ("A reply came from the mayor's office:", "Few were as direct as Senator Jane
Roe:", "The committee's report put it plainly:"). When that clause names exactly one person or
organisation, the quotation after the colon is theirs; with two or more names in it (a reply
from one to another) nobody is guessed.
"""

from __future__ import annotations

from spacy.tokens import Span

from newsdesk.extract.quotes.context import Context
from newsdesk.extract.quotes.draft import Draft
from newsdesk.extract.quotes.marks import QuoteRegion
from newsdesk.extract.quotes.spans import CharSpan

_SOURCE_TYPES = frozenset({"PERSON", "ORG"})
# A name after these prepositions is where or to whom something was said ("in an interview with
# the Times:", "a letter to the governor:"), not who said it; "from" and "by" name the source.
_NOT_SOURCE_PREPOSITIONS = frozenset({"with", "to", "in", "on", "at", "for", "about", "of", "against"})
# How a name hangs inside a larger noun phrase: "a Channel Nine interview", "the mayor's office".
_INSIDE_NOUN_PHRASE = frozenset({"compound", "poss", "nmod", "amod"})
_BLANK = " \t\u00a0"


def colon_introduced(ctx: Context, used: set[int]) -> list[Draft]:
    """Drafts for statements right after a colon that ends a clause naming one source."""
    out: list[Draft] = []
    for region in ctx.regions:
        if region.start in used or not ctx.is_statement(region):
            continue
        colon = _colon_before(ctx, region)
        if colon is None:
            continue
        source = _one_source(ctx, colon)
        if source is None:
            continue
        span: CharSpan = (source.start_char, source.end_char)
        out.append(Draft((colon, colon + 1), ":", "say", span, source.root, list(region.fragments), "colon-clause"))
    return out


def _colon_before(ctx: Context, region: QuoteRegion) -> int | None:
    """The offset of a colon that ends the text right before a quotation (a paragraph break
    allowed: "… from Senator Roe:" closing a paragraph introduces the next one)."""
    i = region.start
    while i > 0 and ctx.text[i - 1] in _BLANK + "\n":
        i -= 1
    if i == 0 or ctx.text[i - 1] != ":" or ctx.text.count("\n\n", i, region.start) > 1:
        return None
    return i - 1


def _one_source(ctx: Context, colon: int) -> Span | None:
    """The one person or organisation the sentence up to ``colon`` names outside quotation marks."""
    token = ctx.doc.char_span(colon, colon + 1, alignment_mode="expand")
    if token is None:
        return None
    first, _ = ctx.sentence(token.start)
    start = max(ctx.doc[first].idx, ctx.paragraph_start(colon))
    names = [
        ent
        for ent in ctx.ents_in(start, colon)
        if ent.label_ in _SOURCE_TYPES
        and ent.text[:1].isalpha()
        and not ctx.quoted[ent.start]
        and not ctx.quoted[ent.end - 1]
        and not _after_preposition(ent)
    ]
    if len({ent.text for ent in names}) != 1:
        return None
    return names[-1]


def _after_preposition(ent: Span) -> bool:
    """Whether a name is the object of a preposition that marks a place or an addressee, or a
    modifier inside such an object ("in a Channel Nine interview", "at the mayor's office")."""
    token = ent.root
    while token.dep_ in _INSIDE_NOUN_PHRASE and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in _NOT_SOURCE_PREPOSITIONS
