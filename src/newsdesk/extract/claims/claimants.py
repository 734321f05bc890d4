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
- a number in a relative clause inside reported speech, or giving the size of a place ("the
  nation of 53 million people", real-news-geo's policy), is background the publication
  supplies ("…said the ban, which followed attacks that killed 130 people, would stay");
- a number under a cue that is no statement ("aiming to", "hoped") inside the content of
  a statement is that statement's ("said it would spend …, aiming to create 400,000 jobs");
- an outlet that quotes someone "as saying" passes the words on: the quoted person claims;
- the speaker is named by :mod:`.speakers` (a dateline or an unresolved pronoun is nobody);
- without a quote, the owner of a statement, estimate or finding noun governing the number
  claims it (:mod:`.owners`: "the agency's estimate of 3.1 percent", "its forecast of 1.8
  percent"), and so does whoever puts a figure at it ("the operator put the figure at 41%";
  "the data puts …" is the publication's own reading);
- a number after a parenthetical cue in the same sentence continues the reported clause
  ("…, the agency said, and 1.6 million of them have permits");
- a number inside the speaker's own description ("according to three people briefed on the
  talks", "said the agency, which fell 2,000 pages short") is not the speaker's.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdesk.extract.claims.cues import (
    Context,
    claim_words,
    cue_token,
    is_claim_cue,
    is_document,
    path_to,
    publication,
)
from newsdesk.extract.claims.owners import author, document_owner, owner_claimant, subject_document
from newsdesk.extract.claims.speakers import speaker_claimant
from newsdesk.record import PUBLICATION, Claimant, Quote

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
    if quote is not None and counts(ctx.doc, quote, top) and not _describes_speaker(ctx, quote, top):
        claimant = _quoted_person(ctx, quote) or _speaker(ctx, quote)
        if claimant is not None:
            return Attribution(claimant, quote, "quote-direct" if quote.kind == "direct" else "quote-indirect")
    owner = document_owner(ctx, top) or _estimator(ctx, top)
    if owner is not None:
        return Attribution(owner, None, "document")
    trailing = _trailing_quote(ctx, top, start)
    claimant = speaker_claimant(ctx, trailing) if trailing is not None else None
    if trailing is not None and claimant is not None:
        return Attribution(claimant, trailing, "quote-indirect")
    return Attribution(publication(), None, "publication")


def _speaker(ctx: Context, quote: Quote) -> Claimant | None:
    return speaker_claimant(ctx, quote) if quote.speaker is not None else subject_document(ctx, quote)


def _quoted_person(ctx: Context, quote: Quote) -> Claimant | None:
    """The person an outlet quotes ("The agency quoted a witness as saying …" → the witness):
    the outlet only passes the words on."""
    cue = cue_token(ctx.doc, quote)
    if cue is None or cue.lemma_.lower() != "quote":
        return None
    quoted = next((c for c in cue.children if c.dep_ == "dobj"), None)
    return owner_claimant(ctx, quoted) if quoted is not None else None


def _estimator(ctx: Context, top: Token) -> Claimant | None:
    """Who puts a figure at the number ("The operator put the figure at 41%", "The agency
    estimated the damage at $3 billion"): the speaker of that verb's quote, else its subject."""
    at = top.head
    verb = at.head
    if top.dep_ != "pobj" or at.lower_ != "at" or verb.lemma_.lower() not in claim_words("estimate-verb"):
        return None
    for quote in ctx.quotes:
        cue = cue_token(ctx.doc, quote)
        if quote.speaker is not None and cue is not None and cue.i == verb.i:
            return speaker_claimant(ctx, quote)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and is_document(subject):
        subject = author(subject)  # "the agency's data puts …"; data of no one are the publication's
    return owner_claimant(ctx, subject) if subject is not None else None


def _trailing_quote(ctx: Context, top: Token, start: int) -> Quote | None:
    """The statement whose cue closes the reported clause before the number, in the same
    sentence ("Colombia hosts 2.9 million migrants, the agency said, and 1.6 million of them
    have permits"; "…, the Commission said, part of a 9 billion euro plan")."""
    sentence = top.sent
    for quote in ctx.quotes:
        cue = cue_token(ctx.doc, quote)
        if cue is None or cue.sent.start != sentence.start or not cue.idx < start or not is_claim_cue(quote):
            continue
        if _describes_speaker(ctx, quote, top):
            continue
        before = [span for span in quote.content if span.end <= cue.idx]
        if before and len(before) == len(quote.content) and before[0].start >= sentence.start_char:
            return quote
    return None


def _describes_speaker(ctx: Context, quote: Quote, top: Token) -> bool:
    """Is the number part of the speaker's own description ("according to three people briefed
    on the talks", "said the agency, which fell 2,000 pages short")? It counts the source, or
    is the writer's aside about it, not what the source says."""
    speaker = quote.speaker
    if speaker is None:
        return False
    if speaker.start <= top.idx < speaker.end:
        return True
    span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root in top.ancestors


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
    """A description the writer adds: a relative clause the number sits in but is not the
    relative pronoun's antecedent of ("…, which followed attacks that killed 130 people," but not
    "libraries, 25 of which close"), or the size of a place or body ("the nation of 53 million")."""
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in claim_words("size-noun")
    ):
        return True
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
