"""Direct quotations: which quoted stretches a cue introduces, and quotes with no verb at all.

A quote is tied to a cue by adjacency, not by the parse ("“…,” said X. “…”" parses badly
across the marks): the quotation right before the attribution clause, right after the cue
("X said: “…”", possibly in the next paragraph), and the quotations that continue the same
paragraph after it. Three attributions need no verb: speaker labels ("PENCE: …", a
headline's "Caddell: …"), sign-offs ("“…” — Jane Roe") and floating quotes (a quoted
sentence after an attributed quote, which inherits its speaker).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsdesk.extract.quotes.context import STATEMENT_WORDS, Context
from newsdesk.extract.quotes.draft import Draft
from newsdesk.extract.quotes.marks import QuoteRegion
from newsdesk.extract.quotes.spans import CharSpan, trim

# Gaps within a paragraph: spaces (a no-break space too) and the punctuation allowed there.
_GAP_BEFORE = re.compile("[ \t\u00a0,—–-]*")  # between a quote and the "she said" after it
_GAP_AFTER = re.compile("[ \t\u00a0,]*")  # between "she said," and the quote after it
_GAP_AFTER_COLON = re.compile(r"\s*")  # a colon may introduce the next paragraph
_GAP_CONTINUE = re.compile("[ \t\u00a0.,;!?]*")  # between "she said." and the next quote of the paragraph
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"”’']|$)|\n")
_SIGN_OFF = re.compile(r"\s*([―—–]|--?)[^\S\n]*([A-Z][^,\n]{1,60}?)\.?[^\S\n]*(?=,|\n|$)")
_QUOTE_STARTS_AFTER = '.!?:;,(—–―"”’'  # a quote that opens a sentence follows one of these (or nothing)
_LABEL_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "&", "de", "van", "von", "al"})
_DASHES = frozenset({"-", "--", "—", "–", "―"})  # a spaced dash between a heading and a label
_MAX_LABEL_WORDS = 5  # speaker labels ("Sen. Tim Kaine:") are short; longer prefixes are sentences
# Labels that head page furniture or the writer's own sections, never a speaker's words.
_NOT_SPEAKERS = frozenset(
    label.strip()
    for label in """
    source|sources|see more|read more|more|related|watch|listen|update|updated|editor's note|editor’s note|
    note|photo|photos|video|column|opinion|analysis|advertisement|sponsored|correction|disclosure|
    also read|also see|recommended|trending|background|context|key points|what we know|tags|topics
    """.split("|")
) - {""}
# A label opening a transcript paragraph: up to five capitalised words and a colon.
_TRANSCRIPT_LABEL = re.compile(r"[\"“]?(?:[A-Z][\w.’'-]*\s){0,4}[A-Z][\w.’'-]*:\s")
_CLOSING_MARKS = "\"”»’'›"
_URL = re.compile(r"(?:https?://|www\.)\S")
# Between a cue and the quotation it introduces: "telling the crowd at a rally in Ohio on Monday, “…”".
_MAX_MODIFIER_TOKENS = 12
_CLAUSE_HEADS = frozenset({"VERB", "AUX"})  # a verb between them starts a clause of its own
_FLOATING_PARAGRAPHS = 2  # a floating quote inherits a speaker named at most this many paragraphs back


def quotes_around(
    ctx: Context, clause: CharSpan, cue_end: int, colon: bool, cue_head: Token | None = None
) -> list[CharSpan]:
    """Quotation fragments an attribution clause introduces, in text order; [] if none.

    ``clause`` runs from the start of the source-and-cue clause to its end, ``cue_end`` is
    where the cue itself ends (a quote may follow "said," even when the source comes after).
    """
    text = ctx.text
    fragments: list[CharSpan] = []
    clause_end = _clause_end(ctx, clause[1])
    after = ctx.region_starting_after(cue_end)
    gap = _GAP_AFTER_COLON if colon else _GAP_AFTER
    introduces = after is not None and (
        gap.fullmatch(text, cue_end, after.start) is not None
        or (ctx.is_statement(after) and _modifiers_between(ctx, cue_head, cue_end, after.start))
    )
    before = ctx.region_ending_before(clause[0])
    if before is not None and _reported_before(ctx, before, clause[0], introduces=introduces):
        fragments.extend(before.fragments)
    # A title or scare quote right after the verb is its object ("to reject “Trump”"), not what it reports.
    if after is not None and introduces:
        fragments.extend(after.fragments)
        clause_end = after.end
    elif not fragments:
        return []
    follower = ctx.region_starting_after(clause_end)
    while (
        follower is not None
        and _GAP_CONTINUE.fullmatch(text, clause_end, follower.start)
        and _unattributed(ctx, follower)
    ):
        fragments.extend(follower.fragments)
        clause_end = follower.end
        follower = ctx.region_starting_after(clause_end)
    return fragments


def _modifiers_between(ctx: Context, cue_head: Token | None, cue_end: int, quote_start: int) -> bool:
    """Whether only the cue's own addressee and modifiers stand between it and a quotation that
    a comma or colon introduces: "telling reporters, “…”", "answered, after a pause: “…”",
    "told the news agency in an interview, “…”" (no clause of their own, one paragraph). A "that"
    makes the quotation a reported clause ("said that, “…”"), which annotation spans with its "that"."""
    if cue_head is None or "\n" in ctx.text[cue_end:quote_start]:
        return False
    lead = ctx.text[cue_end:quote_start].rstrip(" \t\u00a0")
    if not lead or lead[-1] not in ",:":
        return False
    between = ctx.doc.char_span(cue_end, cue_end + len(lead), alignment_mode="expand")
    if between is None or not 0 < len(between) <= _MAX_MODIFIER_TOKENS:
        return False
    return all(
        token.is_punct or (cue_head in token.ancestors and token.pos_ not in _CLAUSE_HEADS and token.dep_ != "mark")
        for token in between
    )


def _reported_before(ctx: Context, region: QuoteRegion, clause_start: int, *, introduces: bool) -> bool:
    """Whether the quotation just before an attribution clause is what it reports.

    '“A.” He added, “B.”': a quotation that ended its sentence is not what a cue that
    introduces the next quotation reports.
    """
    if not _GAP_BEFORE.fullmatch(ctx.text, region.end, clause_start) or not _opens_sentence(ctx, region):
        return False
    return not (introduces and region.closed and _closes_with_period(ctx.text, region.end))


def _unattributed(ctx: Context, region: QuoteRegion) -> bool:
    """Whether a quotation ends its paragraph, or runs into another quote, with no cue of its own.

    "“…,” she said. “…”" continues her quote; in "“…,” she said. “…,” he wrote." the second
    quotation belongs to the cue after it (its comma before the closing mark announces one).
    """
    end = region.end
    if end >= 2 and ctx.text[end - 2] == "," and region.closed:
        return False
    rest = ctx.text[end : ctx.paragraph_end(end)].strip()
    # A quotation closed with a period inside it ends a statement: whatever follows in the paragraph
    # ("“A,” Roe said. “B.” Poe said: “C.”") starts a new sentence, not an attribution of it.
    return not rest or rest[0] in "\"“«'‘" or (region.closed and _closes_with_period(ctx.text, end))


def _closes_with_period(text: str, end: int) -> bool:
    i = end
    while i > 0 and text[i - 1] in _CLOSING_MARKS:
        i -= 1
    return i < end and i > 0 and text[i - 1] == "."


def labels(ctx: Context) -> list[Draft]:
    """Speaker labels: a short name and a colon opening a paragraph ("PENCE: …", "Poll: …").

    A transcript paragraph may open with a quotation mark before the label; the label's
    words are all capitalised ("Sen. Tim Kaine", "WALLACE") and hold no verb, which is
    what tells "Caddell: Voters worried" from "The answer is simple: …".
    """
    doc, out = ctx.doc, []
    for token in doc:
        if token.text != ":" or token.whitespace_ == "":
            continue
        region = _transcript_region(ctx, token.idx) if ctx.quoted[token.i] else None
        if ctx.quoted[token.i] and region is None:
            continue
        first = _first_token(ctx, ctx.paragraph_start(token.idx))
        if 0 <= first < token.i and doc[first].is_quote:
            first += 1
        prefix = doc[first : token.i] if 0 <= first < token.i else None
        if prefix is None or len(prefix) > _MAX_LABEL_WORDS or not all(_label_word(t) for t in prefix):
            continue
        if prefix.text.lower() in _NOT_SPEAKERS:
            continue  # "SOURCE: News agencies", "SEE MORE: …": page furniture, not a speaker
        content = trim(ctx.text, token.idx + 1, ctx.paragraph_end(token.idx))
        if len(ctx.text[content[0] : content[1]].split()) < 2 or _URL.match(ctx.text, content[0]):
            continue  # "AP: https://…": a link credited to its outlet, not a speaker's words
        source = trim(ctx.text, prefix.start_char, token.idx)
        fragments = [content, *_turn_continues(ctx, region, content[1])] if region is not None else [content]
        out.append(Draft((token.idx, token.idx + 1), ":", "say", source, prefix.root, fragments, frame="label"))
    return out


def dashed_labels(ctx: Context) -> list[Draft]:
    """Speaker labels after a dash inside a paragraph, before a quotation: "Heading - Jane Roe: “…”".

    Round-ups open each item with a heading, a dash, the quoted writer and a colon; the
    quotation right after the colon is the writer's (PolNeAR train, first 200 articles: 9
    gold direct quotes framed so, all missed or credited to a word of the heading). The
    quotation must follow the colon directly, so "Update - Note: the vote is…" is no quote.
    Its frame is its own: the next item's quotation is no continuation of this one.
    """
    out = []
    for token in ctx.doc:
        if token.text != ":" or ctx.quoted[token.i]:
            continue
        region = ctx.region_starting_after(token.idx + 1)
        if region is None or not _GAP_AFTER.fullmatch(ctx.text, token.idx + 1, region.start):
            continue
        prefix = _after_dash(ctx, token)
        if prefix is None or prefix.text.lower() in _NOT_SPEAKERS:
            continue
        source = trim(ctx.text, prefix.start_char, token.idx)
        out.append(
            Draft((token.idx, token.idx + 1), ":", "say", source, prefix.root, list(region.fragments), "dashed-label")
        )
    return out


def _after_dash(ctx: Context, colon: Token) -> Span | None:
    """The label words between a spaced dash and ``colon`` in its paragraph, if they are a label."""
    start = ctx.paragraph_start(colon.idx)
    i = colon.i - 1
    while i >= 0 and ctx.doc[i].idx >= start and i >= colon.i - _MAX_LABEL_WORDS:
        token = ctx.doc[i]
        if token.text in _DASHES and token.i > 0 and ctx.doc[token.i - 1].whitespace_:
            prefix = ctx.doc[i + 1 : colon.i]
            return prefix if len(prefix) and all(_label_word(t) for t in prefix) else None
        i -= 1
    return None


def _transcript_region(ctx: Context, offset: int) -> QuoteRegion | None:
    """The quotation a transcript runs in, when the paragraph holding ``offset`` opens one of its fragments.

    A transcript quoted whole opens every paragraph with a mark ("\"WALLACE: …"), so its
    speaker labels sit inside one long quotation.
    """
    region = ctx.region_containing(offset)
    if region is None or len(region.fragments) < 2:
        return None
    start = ctx.paragraph_start(offset)
    return region if any(s == start for s, _ in region.fragments) else None


def _turn_continues(ctx: Context, region: QuoteRegion, after: int) -> list[CharSpan]:
    """The paragraphs of a transcript turn after its labelled one, up to the next label."""
    out = []
    for start, end in region.fragments:
        if start <= after:
            continue
        span = trim(ctx.text, start, end)
        words = ctx.text[span[0] : span[1]].split()
        if len(words) < STATEMENT_WORDS or _TRANSCRIPT_LABEL.match(ctx.text, span[0]):
            break
        out.append(span)
    return out


def _label_word(token: Token) -> bool:
    if token.is_upper and len(token) > 1:
        return True
    if token.pos_ in ("VERB", "AUX"):
        return False
    # A capital first letter, not title case: "McCann", "DeSantis" are label words too.
    capital = token.text[:1].isupper() and token.text[:1].isalpha()
    return capital or token.lower_ in _LABEL_FUNCTION_WORDS or (token.is_punct and token.text in ".-’'")


def sign_offs(ctx: Context, used: set[int]) -> list[Draft]:
    """Quotes signed by a dash and a name after them: "“…” ― Jane Roe, teacher"."""
    out = []
    for region in ctx.regions:
        if region.start in used:
            continue
        match = _SIGN_OFF.match(ctx.text, region.end)
        if match is None:
            continue
        name = trim(ctx.text, match.start(2), match.end(2))
        span = ctx.doc.char_span(*name, alignment_mode="expand")
        if span is None or len(span) > _MAX_LABEL_WORDS + 1:
            continue
        dash = (match.start(1), match.end(1))
        out.append(Draft(dash, match.group(1), "say", name, span.root, list(region.fragments), "sign-off"))
    return out


def floating(ctx: Context, drafts: list[Draft], used: set[int]) -> list[Draft]:
    """Quoted sentences no cue claims, attached to the attributed quote just before them.

    A quote introduced by a colon ("She went on:") runs on over the next quoted paragraphs
    as more fragments of the same attribution, and so does a quote later in the same
    paragraph ("“A,” she said. “B.”": annotation gives A and B as one attribution's two
    fragments; PolNeAR train, merging them raised linked-exact F1 48.6 → 49.1); a floating
    quote in a later paragraph becomes a quote of its own that inherits the earlier one's speaker.
    """
    out: list[Draft] = []
    direct = sorted((d for d in drafts if d.content and d.source is not None), key=lambda d: d.content[-1][1])
    for region in ctx.regions:
        if region.start in used or not _opens_sentence(ctx, region) or _words(ctx, region) < STATEMENT_WORDS:
            continue
        if ctx.text[region.start : region.end].isupper():
            continue  # “DIVISIVE, STUPID AND WRONG”: a quoted headline, not a statement
        previous = _last_before(direct, region.start)
        if previous is None or _paragraphs_between(ctx, previous.content[-1][1], region.start) > _FLOATING_PARAGRAPHS:
            continue
        if any(previous.anchor < d.anchor < region.start for d in drafts if d is not previous):
            continue
        same_paragraph = _paragraphs_between(ctx, previous.content[-1][1], region.start) == 0
        # After an action ("X endorsed Y. “…”") the quotation is a quote of its own, not more of the act.
        if previous.speech and (previous.frame in ("colon", "label") or same_paragraph):
            previous.content.extend(region.fragments)
            continue
        if _someone_else_between(ctx, previous, region):
            # Another person named since the last speaker: the quotation may be theirs (PolNeAR
            # train[:400]: 3 of 18 such inherited speakers right), so nobody is named.
            draft = Draft(None, "", "say", None, None, list(region.fragments), frame="floating")
            out.append(draft)
            continue
        draft = Draft(None, "", "say", previous.source, previous.source_root, list(region.fragments))
        draft.frame, draft.inherited_from = "floating", previous
        out.append(draft)
        direct.append(draft)
        direct.sort(key=lambda d: d.content[-1][1])
    return out


def _someone_else_between(ctx: Context, previous: Draft, region: QuoteRegion) -> bool:
    """Whether a person other than ``previous``'s source is named outside quotation marks between
    its words and the quotation ``region``."""
    if previous.source is None:
        return False
    source = ctx.text[previous.source[0] : previous.source[1]]
    between = ctx.ents_in(previous.content[-1][1], region.start)
    return any(e.label_ == "PERSON" and not ctx.quoted[e.start] and e.text.split()[-1] not in source for e in between)


def _clause_end(ctx: Context, offset: int) -> int:
    """Where the attribution clause that runs to ``offset`` ends: the sentence end or a quote."""
    match = _SENTENCE_END.search(ctx.text, offset)
    end = match.start() if match is not None else len(ctx.text)
    region = ctx.region_starting_after(offset)
    return min(end, region.start) if region is not None else end


def _opens_sentence(ctx: Context, region: QuoteRegion) -> bool:
    """Whether a quotation starts its own sentence (not a phrase quoted inside one)."""
    i = region.start
    while i > 0 and ctx.text[i - 1] in " \t\u00a0":
        i -= 1
    return i == 0 or ctx.text[i - 1] == "\n" or ctx.text[i - 1] in _QUOTE_STARTS_AFTER


def _words(ctx: Context, region: QuoteRegion) -> int:
    return sum(len(ctx.text[s:e].split()) for s, e in region.fragments)


def _first_token(ctx: Context, offset: int) -> int:
    span = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _last_before(drafts: list[Draft], offset: int) -> Draft | None:
    before = [d for d in drafts if d.content[-1][1] <= offset]
    return before[-1] if before else None


def _paragraphs_between(ctx: Context, start: int, end: int) -> int:
    return ctx.text.count("\n\n", start, end) or ctx.text.count("\n", start, end)
