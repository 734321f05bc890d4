"""The ``newsdesk_quotes`` spaCy component: every attribution of an article on ``doc._.quotes``.

Steps, each in its own module: find the quotations (:mod:`.marks`), the cues
(:mod:`.cues`), each cue's attribution (:mod:`.verbs`: source and content from :mod:`.indirect`
over the parse, :mod:`.direct` by adjacency to quotations), the verbless attributions (speaker labels,
sign-offs, floating quotes), then resolve speakers (:mod:`.speaker`) and read stance and
provenance. Runs after ``newsdesk_entities`` when that is in the pipeline (speakers then
point at its entities), and without it (speakers keep their names, with no entity id).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.extract.entities.component import entity_for_span
from newsdesk.extract.quotes.colon import colon_introduced
from newsdesk.extract.quotes.confidence import confidence, entity_types, evidence
from newsdesk.extract.quotes.context import Context
from newsdesk.extract.quotes.cues import CueMatch, find_cues
from newsdesk.extract.quotes.direct import dashed_labels, floating, labels, sign_offs
from newsdesk.extract.quotes.draft import Draft
from newsdesk.extract.quotes.indirect import according_to
from newsdesk.extract.quotes.manner import manner_cues
from newsdesk.extract.quotes.provenance import Named, provenance
from newsdesk.extract.quotes.spans import CharSpan
from newsdesk.extract.quotes.speaker import Source, resolve
from newsdesk.extract.quotes.tails import cut_comma_closed
from newsdesk.extract.quotes.verbs import cue_draft, drop_opener
from newsdesk.extract.registration import factory
from newsdesk.record import Cue, Quote, QuoteKind, Span, Via
from newsdesk.vocab.stance import Expression, Lexicon, lexicon


@factory("quotes")
def make_quotes(nlp: Language, name: str) -> QuoteComponent:
    """Factory for ``nlp.add_pipe("newsdesk_quotes")``."""
    return QuoteComponent()


class QuoteComponent:
    """Fills ``doc._.quotes`` with :class:`~newsdesk.record.Quote` records (ids Q1, Q2, … in text order)."""

    def __init__(self) -> None:
        self.lexicon = lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc, self.lexicon)
        return doc


def extract_quotes(doc: Doc, lex: Lexicon | None = None) -> list[Quote]:
    """All attributions of a parsed ``doc``, as records."""
    ctx = Context.build(doc)
    drafts = find_drafts(ctx, lex or lexicon())
    sources = resolve(ctx, drafts, entity_for_span)
    pairs = enumerate(zip(drafts, sources, strict=True), 1)
    quotes = [_record(ctx, n, draft, source) for n, (draft, source) in pairs]
    types = entity_types(doc)
    for quote, draft in zip(quotes, drafts, strict=True):
        quote.confidence = confidence(evidence(draft, quote, ctx.text, types))
    return quotes


def find_drafts(ctx: Context, lex: Lexicon) -> list[Draft]:
    """Every attribution the rules find, in text order, before speaker resolution."""
    cues = find_cues(ctx.doc, lex, ctx.quoted)
    cues = sorted(cues + manner_cues(ctx, cues), key=lambda c: c.first)
    # "…, claiming that …", "…, adding …": a participle cue after a comma starts an
    # attribution of its own, never the end of the previous one's content.
    stops = sorted(
        [ctx.doc[c.first].idx for c in cues if c.head.tag_ == "VBG" and _after_comma(ctx, c.first)]
        + [i for c in cues if (i := _coordinated_cue(ctx, c)) is not None]
    )
    heads = frozenset(c.head.i for c in cues)
    drafted = [(cue, d) for cue in cues if (d := cue_draft(ctx, cue, stops, heads)) is not None]
    found = _share_quotations(_enclosed(ctx, [d for _, d in drafted]))
    second = _second_claims(found)
    # A cue that lost its quotation to another reports only what its own parse gives it
    # ("…, referring to the plan": the plan), if that is not someone else's content either.
    claimed = {f for d in found if id(d) not in second for f in d.content}
    again = [
        d
        for cue, first in drafted
        if id(first) in second
        and (d := cue_draft(ctx, cue, stops, heads, beside=False)) is not None
        and not any(_overlaps(f, claimed) for f in d.content)
    ]
    found = [d for d in found if id(d) not in second] + again
    drafts = _outermost(found + _poll_drafts(ctx, [c.first for c in cues]))
    # A speaker label's turn ("FALLIN: Well, I think …") holds no attribution of its own:
    # cues inside it belong to the speaker's words, as in _outermost.
    turns = labels(ctx)
    drafts = [d for d in drafts if d.cue is None or not any(_inside(d.cue, t) for t in turns)]
    taken = {frag for d in drafts for frag in d.content}
    drafts.extend(d for d in turns if not any(_overlaps(f, taken) for f in d.content))
    # A dashed label names the quotation right after it; a cue in the heading before the dash does not.
    dashed = dashed_labels(ctx)
    claimed = {f for d in dashed for f in d.content}
    drafts = [d for d in drafts if not any(_overlaps(f, claimed) for f in d.content)] + dashed
    used = _used_regions(ctx, drafts)
    drafts.extend(sign_offs(ctx, used))
    used = _used_regions(ctx, drafts)
    drafts.extend(colon_introduced(ctx, used))
    used = _used_regions(ctx, drafts)
    drafts.extend(floating(ctx, drafts, used))
    _close_open_quotations(ctx, drafts)
    cut_comma_closed(ctx, drafts)
    drafts.sort(key=lambda d: d.anchor)
    return drafts


def _close_open_quotations(ctx: Context, drafts: list[Draft]) -> None:
    """Run a content that stops inside a quotation it opened on to that quotation's closing mark.

    The parse cuts a complement at its sentence end, so "told the paper, “A. B.”" reported
    only "A"; the quotation marks say where the speaker's words end (PolNeAR train, first 200
    articles: about 8 gold direct quotes were missed so). A quotation that opened before the
    content (the content is a phrase inside it) is left alone, and so is any stretch another
    draft already holds or one a double mark interrupts.
    """
    taken = {f for d in drafts for f in d.content}
    for draft in drafts:
        for i, (start, end) in enumerate(draft.content):
            region = ctx.region_containing(end - 1)
            quoted = next(((s, e) for s, e in region.fragments if s <= end - 1 < e), None) if region else None
            if quoted is None or quoted[0] < start - _OPENING_MARK or not _WORD.search(ctx.text, end, quoted[1]):
                continue
            if _DOUBLE_MARK.search(ctx.text, end - 1, quoted[1] - 1) or _overlaps(
                (end, quoted[1]), taken - {(start, end)}
            ):
                continue  # a double mark at or past the content's end: the marks were misread, keep it
            draft.content[i] = (start, quoted[1])


def _outermost(drafts: list[Draft]) -> list[Draft]:
    """Drop attributions whose cue sits inside another's content ("X said Y claimed Z").

    News attribution annotation never nests (PolNeAR train: 0 of 19,833 cues lie inside
    another attribution's content): the outer speaker is the one the article reports.
    When two drafts each hold the other's cue (a misparse), the one whose cue comes first wins.
    """

    out = []
    for draft in drafts:
        cue = draft.cue
        if cue is None:
            out.append(draft)
            continue
        outer = [d for d in drafts if d is not draft and _inside(cue, d)]
        if all(d.cue is not None and _inside(d.cue, draft) and cue[0] < d.cue[0] for d in outer):
            out.append(draft)
    return out


def _inside(cue: CharSpan, other: Draft) -> bool:
    return any(s <= cue[0] and cue[1] <= e for s, e in other.content)


# Nouns that make "in <the latest CNN poll>, X leads" an attribution to the poll (PolNeAR
# train: "in" is the 14th most frequent cue, 67 times, nearly all of them polls and surveys).
# Singular only: "lagging in the polls" is a standing, not a report (train[:100]: plural
# and "polling" gave 0 of 7 right; singular 2 of 2, dev 4 of 4).
_OPENING_MARK = 1  # a content may start just inside the quotation's opening mark
_WORD = re.compile(r"\w")
# A double mark ending the content or inside the stretch to add ("here,“ said X"): a closing
# mark typed as an opening one, so the quotation's extent is a misreading (2 of 9 on PolNeAR train).
_DOUBLE_MARK = re.compile('["“”„]')
_POLL_NOUNS = frozenset({"poll", "survey", "average"})
_POLL_IN = Expression(("in",), "according-to", frozenset("c"))


def _poll_drafts(ctx: Context, cue_starts: list[int]) -> list[Draft]:
    """ "In a Post-ABC poll released Sunday, Clinton led by 5 points": the poll says the clause."""
    out = []
    taken = set(cue_starts)
    for token in ctx.doc:
        if token.lower_ != "in" or token.dep_ != "prep" or ctx.quoted[token.i] or token.i in taken:
            continue
        obj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lower_ not in _POLL_NOUNS:
            continue
        cue = CueMatch(token, token, _POLL_IN, token.i, token.i + 1)
        found = according_to(cue, ctx)
        if found is None:
            continue
        content = [drop_opener(ctx, c) for c in found.content]
        if any(s <= ctx.doc[i].idx < e for i in cue_starts for s, e in content):
            continue
        span = (token.idx, token.idx + len(token))
        out.append(Draft(span, "in", "according-to", found.source, found.root, content, frame="according"))
    return out


def _coordinated_cue(ctx: Context, cue: CueMatch) -> int | None:
    """Offset of the "and" before a subjectless cue coordinated inside a reported clause.

    "Reyes said the pier was safe and added that …": the parser hangs "added" on "was";
    the reported clause ends before "and", and "added" is an attribution of its own.
    """
    verb = cue.head
    if verb.dep_ != "conj" or verb.head.dep_ != "ccomp" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    previous = ctx.doc[cue.first - 1] if cue.first > 0 else None
    if previous is None or previous.dep_ != "cc":
        return None
    # Only a cue that reports something ("and added that …", "and added: …"), not "and
    # would add $84 million".
    reports = cue.colon or any(c.dep_ == "ccomp" for c in verb.children)
    return previous.idx if reports else None


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _enclosed(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Drop a draft whose whole content is a piece of a quotation another draft reports whole:
    "spoke to reporters, telling the paper, “A. B.”" parses "A" as what "spoke" reports, while
    "telling" has the whole quotation."""
    quotations = {f for region in ctx.regions for f in region.fragments}
    whole = {f for d in drafts for f in d.content if f in quotations}
    return [d for d in drafts if not (d.content and all(_piece_of(f, whole) for f in d.content))]


def _piece_of(fragment: CharSpan, quotations: set[CharSpan]) -> bool:
    return fragment not in quotations and any(s <= fragment[0] and fragment[1] <= e for s, e in quotations)


def _share_quotations(drafts: list[Draft]) -> list[Draft]:
    """A content fragment two cues claim goes to the nearer cue only.

    '"A," Rendell said, suggesting "B"': both cues find both quotations next to them; each
    keeps the one beside it. A draft left with no content is dropped.
    """
    claims: dict[CharSpan, list[Draft]] = {}
    for draft in drafts:
        if draft.cue is not None and len(draft.content) > 1:
            for fragment in draft.content:
                claims.setdefault(fragment, []).append(draft)
    out = []
    for draft in drafts:
        cue = draft.cue
        if cue is None or len(draft.content) < 2:
            out.append(draft)
            continue
        kept = [f for f in draft.content if _nearest(f, claims.get(f, [draft])) is draft]
        if kept:
            draft.content = kept
            out.append(draft)
    return out


def _second_claims(drafts: list[Draft]) -> set[int]:
    """Ids of drafts whose cue claims the very content another draft's cue claims with more right.

    "“A,” Roe said, referring to the plan" and "As Roe said in a note explaining the plan, “A”":
    both cues find the quotation beside them, and the desk showed it twice. The quotation goes to
    speech over an act, a draft with a source over one without, then the cue nearest to it.
    (PolNeAR train[:400]: 54 such pairs, nearly all a "said" and a participle after it.)
    """
    best: dict[tuple[CharSpan, ...], Draft] = {}
    for draft in drafts:
        if draft.cue is None or not draft.content:
            continue
        key = tuple(draft.content)
        if key not in best or _preference(draft) > _preference(best[key]):
            best[key] = draft
    return {id(d) for d in drafts if d.cue is not None and d.content and best[tuple(d.content)] is not d}


def _preference(draft: Draft) -> tuple[bool, bool, int]:
    """How strong a cue's claim to its content is, for comparison: speech, a source, nearness."""
    assert draft.cue is not None
    return draft.speech, draft.source is not None, -_nearest_distance(draft.content[0], draft)


def _nearest_distance(fragment: CharSpan, draft: Draft) -> int:
    assert draft.cue is not None
    return max(draft.cue[0] - fragment[1], fragment[0] - draft.cue[1], 0)


def _nearest(fragment: CharSpan, drafts: list[Draft]) -> Draft:
    return min(drafts, key=lambda d: _nearest_distance(fragment, d))


def _after_comma(ctx: Context, first: int) -> bool:
    return first > 0 and ctx.doc[first - 1].text == ","


def _record(ctx: Context, number: int, draft: Draft, source: Source) -> Quote:
    cue = None
    if draft.cue is not None:
        cue = Cue(draft.cue[0], draft.cue[1], ctx.text[draft.cue[0] : draft.cue[1]], draft.lemma)
    return Quote(
        id=f"Q{number}",
        speaker=source.speaker,
        cue=cue,
        content=[Span(s, e) for s, e in draft.content],
        kind=_kind(ctx, draft.content, labelled=draft.frame in _LABEL_FRAMES) if draft.speech else "action",
        stance=draft.stance,
        via=_via(ctx, draft.cue, draft.source, draft.content) if draft.cue is not None else None,
        source_phrase=source.phrase,
    )


def _via(ctx: Context, cue: CharSpan, source: CharSpan | None, content: list[CharSpan]) -> Via | None:
    """Provenance from the sentence of the cue, with the quoted words blanked out."""
    span = ctx.doc.char_span(*cue, alignment_mode="expand")
    if span is None:
        return None
    first, last = ctx.sentence(span.root.i)
    start, end = ctx.doc[first].idx, ctx.doc[last - 1].idx + len(ctx.doc[last - 1])
    if source is not None:
        start, end = min(start, source[0]), max(end, source[1])
    start, end = max(start, ctx.paragraph_start(cue[0])), min(end, ctx.paragraph_end(cue[0]))
    named = [Named(e.start_char, e.end_char, e.label_) for e in ctx.ents_in(start, end)]
    return provenance(ctx.text, start, end, content, named)


# A speaker label's words are the speaker's: a title-case quotation after "Rep. Roe: …" in a
# headline (where every word is capitalised) quotes them, it names no work.
_LABEL_FRAMES = frozenset({"label", "dashed-label"})


def _kind(ctx: Context, content: list[CharSpan], *, labelled: bool = False) -> QuoteKind:
    """direct: every fragment is a quotation; mixed: some quotation inside; else indirect.
    (An attribution that reports an action, a state or the writer's own voice is kind "action"
    instead: kept, since attribution annotation counts it and PolNeAR is scored on everything
    extracted, but not a quote — the desk, speaker counts and exports leave it out.)

    Titles, nicknames and scare quotes ("the so-called “deep state”") are the writer's
    marks, not the source's words: they make no quote direct or mixed.
    """
    fragments = {f for r in ctx.regions if labelled or not ctx.is_named(r) for f in r.fragments}
    if all(f in fragments or _within_quote(ctx, f) for f in content):
        return "direct"
    if any(s < f[1] and f[0] < e for f in content for s, e in fragments):
        return "mixed"
    return "indirect"


def _within_quote(ctx: Context, span: CharSpan) -> bool:
    region = ctx.region_containing(span[0])
    return (
        region is not None
        and not ctx.is_named(region)
        and any(s <= span[0] and span[1] <= e for s, e in region.fragments)
    )


def _used_regions(ctx: Context, drafts: list[Draft]) -> set[int]:
    """Start offsets of the quotations some draft's content already covers."""
    spans = {c for d in drafts for c in d.content}
    return {r.start for r in ctx.regions if any(_overlaps(f, spans) for f in r.fragments)}


def _overlaps(span: CharSpan, others: set[CharSpan]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in others)
