"""Where a reported clause ends: at a quotation the writer closed with a comma inside it.

'that he had “expanded the party,” claiming …', '“Yes, I back her,” Jane Roe, a donor, told
…': the comma inside the closing mark is the writer's, and it ends the reported words when
what follows is the writer's narrative (a participle phrase, or the attribution's own source
and cue), not more of the quote. The parse often runs the clause on past the mark, and a content that swallows the
narrative after it reads as the speaker's words on a desk.
"""

from __future__ import annotations

import re

from newsdesk.extract.quotes.context import Context
from newsdesk.extract.quotes.draft import Draft
from newsdesk.extract.quotes.spans import CharSpan, trim

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLOSING = "\"”»’'›"
# What may follow a comma-closed quotation and still belong to the reported clause: another
# quotation, or a conjunction joining the next piece of the same list or clause.
_CONTINUES = re.compile(r"\s*(?:and|or|but|nor)\b")
_ANY_MARK = re.compile("[\"“”„«»‘]|''")  # an opening or double mark (’ is also an apostrophe)


def cut_comma_closed(ctx: Context, drafts: list[Draft]) -> None:
    """End each content at the first comma-closed quotation inside it that unquoted narrative follows."""
    for draft in drafts:
        draft.content = [_cut(ctx, fragment, draft.cue) for fragment in draft.content]


def _cut(ctx: Context, span: CharSpan, cue: CharSpan | None) -> CharSpan:
    start, end = span
    for region in ctx.regions:
        if region.end <= start or ctx.is_named(region):
            continue
        if region.start >= end:
            break
        close = region.fragments[-1][1]
        if start <= region.start and close < end and _comma_closed(ctx.text, close) and _narrative(ctx, close, end):
            return trim(ctx.text, start, close) if _writers(ctx, close, end, cue) else span
    return span


def _writers(ctx: Context, close: int, end: int, cue: CharSpan | None) -> bool:
    """Whether the tail is the writer's: a participle phrase ("…,” claiming …", "…,” referring to …")
    or the attribution's own source and cue the content ran over ("“…,” Tom Reed, a farmer, told").

    Other tails go on with the reported clause ('“…,” when it comes to …', '“…,” language that …'):
    PolNeAR gold spans them with the quotation.
    """
    if cue is not None and close <= cue[0] < end:
        return True
    tail = ctx.doc.char_span(close, end, alignment_mode="expand")
    word = next((t for t in tail if not (t.is_punct or t.is_space)), None) if tail is not None else None
    if word is None:
        return False
    # "…because X testified that they were “truthful,” it is also …": a subject and its finite
    # verb open a clause of their own, the writer's, not a piece of the reported one.
    own_clause = word.dep_ == "nsubj" and word.head.tag_ in _FINITE and word.head.idx > word.idx
    return word.tag_ in ("VBG", "VBN") or (own_clause and word.head.idx < end)


def _comma_closed(text: str, close: int) -> bool:
    """Whether the quotation ending at ``close`` has a comma right inside its closing mark."""
    i = close
    while i > 0 and text[i - 1] in _CLOSING:
        i -= 1
    return i < close and i > 0 and text[i - 1] == ","


def _narrative(ctx: Context, close: int, end: int) -> bool:
    """Whether the text after the closing mark, up to the content's end, is plain narrative.

    A tail with another quotation in it ('that while “…,” the attacks “may …”') still
    reports the speaker's words, and so does one a conjunction joins on.
    """
    tail = ctx.text[close:end]
    return bool(tail.strip()) and _CONTINUES.match(tail) is None and not _ANY_MARK.search(tail)
