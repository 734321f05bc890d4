"""Turn an article record into safe, highlighted HTML: quotes in their speaker's colour, links on names.

The text of an article is untrusted (it is whatever a page said), and the highlighting has
to be built from character offsets, so this is the one place where the desk writes HTML
outside a Jinja template. Every piece of text is passed through :func:`markupsafe.escape`
on its own, and so is every attribute value; nothing from the record is ever concatenated
into markup unescaped. A ``<script>`` in an article therefore shows up as the text
``<script>``.

Layers nest strictly: paragraph ⊇ quote fragment ⊇ inline mark (entity, place, claim,
speaker, cue). Where the data's spans cross those lines (a mention that straddles a
quote's end, overlapping quotes), the spans are cut or the later one dropped, so the
output is always well-formed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pycountry
from markupsafe import Markup, escape

from newsdesk.components import UNRESOLVED_PLACE
from newsdesk.record import Article, Quote
from newsdesk.store.shown import sure_quote

# Eight speaker colours, told apart by hue, each dark enough for its underline and light
# enough as a background tint that black text on it keeps WCAG AA contrast (see desk.css).
PALETTE_SIZE = 8
UNKNOWN_SPEAKER = "unknown"
# A quote card's text loses the marks around each fragment (the template puts in its own “…”),
# and the spaces and commas left at its ends; fragments are joined as the record joins them.
_OPENING_MARKS = "\"'“‘«„"
_CLOSING_MARKS = "\"'”’»“"
_PADDING = " ,"
_FRAGMENT_JOIN = " … "
# How the record's warning begins for a page not in English (newsdesk.pipeline).
_LANGUAGE_WARNING = "language is"


@dataclass(frozen=True, slots=True)
class Inline:
    """A mark inside the text: what it is, its CSS class, where it links and its tooltip."""

    start: int
    end: int
    css: str
    href: str | None = None
    title: str | None = None


@dataclass(slots=True)
class QuoteView:
    """One quote as the page shows it: speaker, colour slot, cue, stance and provenance."""

    id: str
    speaker: str
    colour: str
    cue: str | None
    stance: str
    kind: str
    via: str | None
    text: str
    speaker_href: str | None = None
    sources: int = 1
    confidence: float | None = None
    # Below the desk's default threshold: listed on the article page, marked, left out of lists.
    unsure: bool = False
    # The words of a source nobody could name ("they"), shown after "unattributed".
    source_phrase: str | None = None


@dataclass(slots=True)
class Rendered:
    """An article ready for the template: headline and body as safe HTML, quotes as cards."""

    headline: Markup | None
    body: Markup
    quotes: list[QuoteView] = field(default_factory=list)
    speakers: list[tuple[str, str]] = field(default_factory=list)
    """(speaker name, colour slot) in order of first quote: the page's colour key."""
    foreign: str | None = None
    """The page's language by name when it is not English: the English-only stages skipped it."""
    notices: list[str] = field(default_factory=list)
    """The record's warnings to show above the text."""
    unplaced: list[str] = field(default_factory=list)
    """Names the model took for places that the gazetteer lacks: listed quietly under the places,
    since most are the model's mistakes (a company, a surname) and a few are small towns."""


Linker = Callable[[str], str | None]
"""Maps an article-local entity id (``E3``) to the URL of its page, or None."""


def _no_link(_: str) -> str | None:
    return None


def web_url(value: Any) -> str | None:
    """Only http(s) addresses become links: a stored ``javascript:`` URL must never be clickable."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def unquoted(text: str) -> str:
    """A quote's words without the quotation marks and trailing comma around them (pages add their own).

    Each fragment of a quote split by narrative ("…," he said, "…") loses its own marks, so the page's
    one pair encloses them all; a fragment that does not open with a mark keeps the marks inside it
    (a mixed quote's "was a “great success”" keeps its closing mark).
    """
    return _FRAGMENT_JOIN.join(_unquoted_fragment(part) for part in text.split(_FRAGMENT_JOIN))


def _unquoted_fragment(text: str) -> str:
    text = text.strip(_PADDING)
    if text[:1] in _OPENING_MARKS:
        text = text[1:].rstrip(_PADDING)
        if text[-1:] in _CLOSING_MARKS:
            text = text[:-1]
    return text.strip(_PADDING)


def speaker_colours(quotes: Iterable[Quote]) -> dict[str, str]:
    """Colour slot (``c0``…``c7``, or ``unknown``) per speaker key, in order of first quote."""
    out: dict[str, str] = {}
    for quote in quotes:
        key = speaker_key(quote)
        if key == UNKNOWN_SPEAKER:
            out[key] = UNKNOWN_SPEAKER
        elif key not in out:
            used = sum(1 for value in out.values() if value != UNKNOWN_SPEAKER)
            out[key] = f"c{used % PALETTE_SIZE}"
    return out


def speaker_key(quote: Quote) -> str:
    """One key per speaker within an article: the entity id, else the name as written."""
    if quote.speaker is None:
        return UNKNOWN_SPEAKER
    return quote.speaker.entity or f"name:{quote.speaker.name.casefold()}"


def quote_views(
    article: Article, link_entity: Linker = _no_link, sources: dict[str, int] | None = None
) -> list[QuoteView]:
    """The article's quotes as cards, ``sources`` giving how many stored articles carry each."""
    colours = speaker_colours(article.quotes)
    views = []
    for quote in article.quotes:
        via = None
        if quote.via is not None:
            via = quote.via.medium + (f", {quote.via.outlet}" if quote.via.outlet else "")
        speaker = quote.speaker
        views.append(
            QuoteView(
                id=quote.id,
                speaker=speaker.name if speaker else "unattributed",
                colour=colours[speaker_key(quote)],
                cue=quote.cue.text if quote.cue else None,
                stance=quote.stance,
                kind=quote.kind,
                via=via,
                text=unquoted(_FRAGMENT_JOIN.join(article.text[s.start : s.end] for s in quote.content)),
                speaker_href=link_entity(speaker.entity) if speaker and speaker.entity else None,
                sources=(sources or {}).get(quote.id, 1),
                confidence=quote.confidence,
                unsure=not sure_quote(quote.confidence),
                source_phrase=quote.source_phrase.text if speaker is None and quote.source_phrase else None,
            )
        )
    return views


def inline_marks(article: Article, link_entity: Linker = _no_link, link_place: Linker = _no_link) -> list[Inline]:
    """Entity, place and claim marks, and each quote's speaker and cue, before overlap removal."""
    marks: list[Inline] = []
    for claim in article.claims:
        who = claim.claimant.name if claim.claimant else "the publication"
        about = f" {claim.object}" if claim.object else ""
        marks.append(Inline(claim.start, claim.end, "claim", None, f"claim: {claim.text}{about} (per {who})"))
    for quote in article.quotes:
        if quote.speaker is not None:
            href = link_entity(quote.speaker.entity) if quote.speaker.entity else None
            marks.append(Inline(quote.speaker.start, quote.speaker.end, "speaker", href, None))
        if quote.cue is not None:
            marks.append(Inline(quote.cue.start, quote.cue.end, "cue", None, f"cue: {quote.cue.lemma}"))
    for place in article.places:
        href = link_place(place.country) if place.country else None
        for span in place.mentions:
            marks.append(Inline(span.start, span.end, "place", href, f"{place.name} ({place.kind})"))
    for entity in article.entities:
        href = link_entity(entity.id)
        for span in entity.mentions:
            marks.append(Inline(span.start, span.end, f"entity t-{entity.type.lower()}", href, entity.name))
    return marks


def non_overlapping(marks: Iterable[Inline], limit: int) -> list[Inline]:
    """Keep marks in priority order (the order given), dropping any that overlap one already kept."""
    kept: list[Inline] = []
    taken: list[tuple[int, int]] = []
    for mark in marks:
        if not 0 <= mark.start < mark.end <= limit:
            continue
        if any(mark.start < end and start < mark.end for start, end in taken):
            continue
        kept.append(mark)
        taken.append((mark.start, mark.end))
    return sorted(kept, key=lambda m: m.start)


def paragraphs(text: str, body_start: int) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of the body: text between blank lines, trimmed of empty ones."""
    out: list[tuple[int, int]] = []
    position = body_start
    while position <= len(text):
        end = text.find("\n\n", position)
        end = len(text) if end < 0 else end
        if text[position:end].strip():
            out.append((position, end))
        position = end + 2
    return out


def render_article(
    article: Article,
    link_entity: Linker = _no_link,
    link_place: Linker = _no_link,
    sources: dict[str, int] | None = None,
) -> Rendered:
    """Headline and body as escaped, highlighted HTML, plus the quote cards and colour key."""
    text = article.text
    views = quote_views(article, link_entity, sources)
    colour = {view.id: view.colour for view in views}
    fragments = [
        Fragment(span.start, span.end, quote.id)
        for quote in article.quotes
        for span in quote.content
        if span.end > span.start
    ]
    quote_spans = _disjoint(sorted(fragments), len(text))
    marks = non_overlapping(inline_marks(article, link_entity, link_place), len(text))
    headline = None
    if article.body_start > 0:
        head_end = text.find("\n\n")
        head_end = article.body_start if head_end < 0 else min(head_end, article.body_start)
        headline = _render_range(text, 0, head_end, quote_spans, marks, colour)
    body = Markup("").join(
        Markup("<p>") + _render_range(text, start, end, quote_spans, marks, colour) + Markup("</p>\n")
        for start, end in paragraphs(text, article.body_start)
    )
    speakers: dict[str, tuple[str, str]] = {}
    for view in views:  # one key entry per colour: "Zamir Kabulov", not also "Kabulov"
        slot = view.colour + (view.speaker if view.colour == UNKNOWN_SPEAKER else "")
        speakers.setdefault(slot, (view.speaker, view.colour))
    foreign = language_name(article.language) if article.language != "en" else None
    rendered = Rendered(headline, body, views, list(speakers.values()), foreign)
    for warning in article.warnings:
        if warning.startswith(UNRESOLVED_PLACE):
            rendered.unplaced.append(warning.removeprefix(UNRESOLVED_PLACE))
        elif not (foreign and warning.startswith(_LANGUAGE_WARNING)):  # said by the language note
            rendered.notices.append(warning)
    return rendered


def language_name(code: str | None) -> str:
    """ "German" for ``de``: a reader may not know the ISO 639 code; the code itself when unknown."""
    if not code:
        return "an undetected language"
    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    return str(found.name) if found is not None else code


class Fragment(NamedTuple):
    """One span of a quote's content, with the quote's id."""

    start: int
    end: int
    quote: str


def _disjoint(spans: list[Fragment], limit: int) -> list[Fragment]:
    """Quote fragments in text order, each later overlap cut to start where the previous ended."""
    out: list[Fragment] = []
    for start, end, quote_id in spans:
        start = max(start, out[-1].end if out else 0, 0)
        end = min(end, limit)
        if start < end:
            out.append(Fragment(start, end, quote_id))
    return out


def _render_range(
    text: str,
    start: int,
    end: int,
    quotes: list[Fragment],
    marks: list[Inline],
    colour: dict[str, str],
) -> Markup:
    """One paragraph: cut at every boundary, then open and close tags so that they nest."""
    quotes = [q for q in quotes if q.start < end and start < q.end]
    marks = [m for m in marks if m.start < end and start < m.end]
    cuts = {start, end}
    for q_start, q_end, _ in quotes:
        cuts.update(pos for pos in (q_start, q_end) if start < pos < end)
    for inline in marks:
        cuts.update(pos for pos in (inline.start, inline.end) if start < pos < end)
    points = sorted(cuts)
    out: list[str] = []
    open_quote: str | None = None
    open_mark: Inline | None = None
    for left, right in itertools.pairwise(points):
        quote = next((q for q in quotes if q.start <= left and right <= q.end), None)
        quote_id = quote.quote if quote else None
        mark = next((m for m in marks if m.start <= left and right <= m.end), None)
        if open_mark is not None and (mark is not open_mark or quote_id != open_quote):
            out.append(_close(open_mark))
            open_mark = None
        if quote_id != open_quote:
            if open_quote is not None:
                out.append("</span>")
            if quote_id is not None:
                out.append(_open_quote(quote_id, colour.get(quote_id, UNKNOWN_SPEAKER)))
            open_quote = quote_id
        if mark is not None and open_mark is None:
            out.append(_open(mark))
            open_mark = mark
        out.append(str(escape(text[left:right])))
    if open_mark is not None:
        out.append(_close(open_mark))
    if open_quote is not None:
        out.append("</span>")
    return Markup("".join(out))


def _open_quote(quote_id: str, colour: str) -> str:
    qid = escape(quote_id)
    return (
        f'<span class="quote spk-{escape(colour)}" tabindex="0" data-quote="{qid}" aria-describedby="quote-card-{qid}">'
    )


def _open(mark: Inline) -> str:
    title = f' title="{escape(mark.title)}"' if mark.title else ""
    if mark.href:
        return f'<a class="mark {escape(mark.css)}" href="{escape(mark.href)}"{title}>'
    return f'<span class="mark {escape(mark.css)}"{title}>'


def _close(mark: Inline) -> str:
    return "</a>" if mark.href else "</span>"


class ToneBar(NamedTuple):
    """One month of a speaker's tone, as a bar from the middle: left when negative, right when positive."""

    month: str
    tone: float
    quotes: int
    left: float
    width: float


def tone_rows(rows: list[dict[str, Any]]) -> list[ToneBar]:
    """Bars (in a 0–100 box, 50 is neutral) for each month's average quote tone.

    A quote's tone is a compound score from −1 to +1 (:mod:`newsdesk.extract.tone`), so the bars
    share that fixed scale: a month near neutral stays near the middle whatever the other months
    are. A tone that rounds to zero shows as +0.00, never −0.00.
    """
    bars = []
    for row in rows:
        tone = round(float(row["tone"]), 2) + 0.0  # + 0.0 turns −0.0 into 0.0
        width = round(50 * min(1.0, abs(tone)), 1)
        bars.append(ToneBar(str(row["month"]), tone, int(row["quotes"]), 50 - width if tone < 0 else 50, width))
    return bars
