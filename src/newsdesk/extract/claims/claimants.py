"""Who claims a number: a speaker through an explicit cue of saying, reporting, estimating or
finding, else the publication (docs/gold-format.md: "a claimant only through an explicit cue").

The cues are the quotes component's (``doc._.quotes``, each with its speaker, cue and stance
class, :mod:`newsdesk.vocab.stance`); this module decides which of them put a number in the
speaker's mouth, and names the speaker as a desk would:

- a cue counts when its stance class is saying, reporting/finding, "according to", claiming
  or warning, or its lemma is a ``cue`` of ``data/claim_words.tsv`` (believing, expecting,
  concluding, stressing), and it is not a ``not-cue`` there (acts such as "agreed", "thanked",
  "charged", "threatened"); wishes, plans, demands, denials and questions are no cues;
- a number that is the direct object of a saying verb is the act, not its content ("the stock
  added 2%", "it announced an order of 50 jets"); reporting verbs keep it ("reported 80 deaths");
- a number in a relative clause inside reported speech is background the publication supplies
  ("…said the ban, which followed attacks that killed 130 people, would stay");
- a number under a cue that is no statement ("aiming to", "hoped") inside the content of
  a statement is that statement's ("said it would spend …, aiming to create 400,000 jobs");
- the speaker is named by :mod:`.speakers` (a dateline or an unresolved pronoun is nobody);
- without a quote, the owner of a statement, estimate or finding noun governing the number
  claims it (:mod:`.owners`: "the agency's estimate of 3.1 percent", "its forecast of 1.8
  percent").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdesk.extract.claims.cues import PUBLICATION, Context, cue_token, is_claim_cue, path_to, publication
from newsdesk.extract.claims.owners import document_owner, subject_document
from newsdesk.extract.claims.speakers import speaker_claimant
from newsdesk.record import Claimant, Quote

__all__ = ["PUBLICATION", "Attribution", "Context", "attribute", "counts"]

# Classes whose cue keeps a number that is its direct object ("estimated 80 dead").
OBJECT_STANCES = frozenset({"report-find", "according-to"})
# Saying verbs whose object states an amount ("announced compensation of $10", "put the figure at 41%").
OBJECT_LEMMAS = frozenset({"say", "tell", "put", "announce", "cite", "quote", "state", "confirm", "give", "estimate",
                           "count", "calculate", "expect", "predict", "forecast"})  # fmt: skip
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})
_BACKGROUND_DEPS = frozenset({"relcl"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who claims a number, the quote it sits in (if it counts) and the rule that decided."""

    claimant: Claimant
    quote: Quote | None
    rule: str  # "quote-direct" | "quote-indirect" | "document" | "publication"


def attribute(ctx: Context, top: Token, start: int, end: int) -> Attribution:
    """The claimant of the number whose head token is ``top`` and characters [start, end)."""
    quote = _quote_at(ctx.quotes, start, end)
    if quote is not None and quote.cue is not None and not is_claim_cue(quote):
        # "said it would spend …, aiming to create 400 jobs": the plan is inside the statement
        quote = _outer_quote(ctx, quote) or quote
    if quote is not None and counts(ctx.doc, quote, top):
        claimant = speaker_claimant(ctx, quote) if quote.speaker is not None else subject_document(ctx, quote)
        if claimant is not None:
            return Attribution(claimant, quote, "quote-direct" if quote.kind == "direct" else "quote-indirect")
    owner = document_owner(ctx, top)
    if owner is not None:
        return Attribution(owner, None, "document")
    return Attribution(publication(), None, "publication")


def _quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    for quote in quotes:
        if any(span.start <= start and end <= span.end for span in quote.content):
            return quote
    return None


def _outer_quote(ctx: Context, inner: Quote) -> Quote | None:
    """The statement whose cue governs ``inner``'s cue in the parse, if any."""
    cue = cue_token(ctx.doc, inner)
    if cue is None:
        return None
    ancestors = {t.i for t in cue.ancestors}
    for quote in ctx.quotes:
        outer = cue_token(ctx.doc, quote) if quote is not inner and is_claim_cue(quote) else None
        if outer is not None and outer.i in ancestors:
            return quote
    return None


def counts(doc: Doc, quote: Quote, top: Token) -> bool:
    """Is the number part of what the quote's cue reports (not the act, not background)?"""
    if not is_claim_cue(quote):
        return False
    cue = cue_token(doc, quote)
    if cue is None:
        return True
    path = path_to(top, cue)
    if path is None:
        return not _counts_as_object(quote, cue)
    if quote.kind != "direct" and any(_is_background(t, top) for t in path):
        return False
    return not _counts_as_object(quote, cue)


def _is_background(token: Token, top: Token) -> bool:
    """A relative clause the number sits in but is not the relative pronoun's antecedent of
    ("…, which followed attacks that killed 130 people," but not "libraries, 25 of which close")."""
    if token.dep_ not in _BACKGROUND_DEPS:
        return False
    return not any(t.tag_ in ("WDT", "WP", "WP$") for t in top.subtree)


def _counts_as_object(quote: Quote, cue: Token) -> bool:
    """Is the cue a saying verb used for an act with an amount as its object ("the stock
    added 2%", "it announced an order of 50 jets")? Its whole sentence is then the publication's."""
    lemma = quote.cue.lemma.lower() if quote.cue else ""
    if quote.stance in OBJECT_STANCES or lemma in OBJECT_LEMMAS:
        return False
    return any(c.dep_ in _OBJECT_DEPS and any(t.like_num for t in c.subtree) for c in cue.children)
