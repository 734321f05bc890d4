"""What a desk needs from the quote stage, scored on PolNeAR gold: its direct quotes.

PolNeAR's exact span scores reward every attribution alike; a desk mostly shows direct
quotes, in quotation marks, with a name beside them. These metrics (printed by
``newsdesk eval quotes`` beside the exact scores, key ``desk`` in ``--json``) measure that:

- a **gold direct quote** is a gold attribution at least half of whose content tokens (``\\w+``)
  lie inside quotation marks, as :func:`newsdesk.extract.quotes.marks.find_quotes` reads the
  text's marks (double, doubled and top-level single marks; a quote over several paragraphs).
- **overlap** of two contents is their shared tokens over the larger one's tokens, so each
  covers at least half of the other at 0.5 (a one-word scare quote inside a long gold
  paraphrase does not overlap it; a whole paragraph does not overlap one sentence of it).
- **found**: share of gold direct quotes that some predicted direct or mixed quote overlaps
  ≥ 0.5 (``found_any_kind`` also accepts an indirect one, to tell a miss from a wrong kind).
- **precision**: share of predicted direct and mixed quotes whose content overlaps ≥ 0.5 the
  content of some gold **quotation**: a gold attribution with at least one content token inside
  quotation marks (direct or mixed). A desk prints these in quotation marks, so one that matches
  only a gold paraphrase (or no attribution at all: a scare quote, a title) is wrong there.
  ``precision_any_attribution_pct`` also accepts a match with any gold attribution, to tell a
  paraphrase labelled direct from a quote that is no attribution at all. Kind ``action`` (a
  deed, not speech) and any other kind are never counted as direct or mixed. On PolNeAR dev
  (main of issue 13) the two read 90.7% and 91.9%; with double marks only (no single or doubled
  ones) the first read 77.4%, the issue's "a quarter match no gold quotation".
- **speaker right**: among found gold direct quotes, the best-overlapping predicted quote's
  speaker mention overlaps a gold source fragment (read from the cue where the annotator swapped
  the two labels: :func:`gold_source`), or its speaker entity has a mention that
  does (a pronoun resolved to the name counts); a gold quote with no source is right only
  when the prediction has no speaker either.

Matching is not one-to-one: two predictions of one gold quote both count as precise. With
``min_confidence``, predicted quotes whose record has a ``confidence`` below it are left out
(records without one are all kept), so the numbers describe what a desk above that threshold
shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsdesk.record import Article, Quote

if TYPE_CHECKING:
    from newsdesk.evaluation.quotes import Attribution

Span = tuple[int, int]
_TOKEN = re.compile(r"\w+")
# A gold content is a direct quote when at least this share of its tokens is inside quotation
# marks: the "mostly inside"; on PolNeAR dev 558 of 2192 gold attributions qualify.
DIRECT_SHARE = 0.5
OVERLAP = 0.5  # the threshold: shared tokens over the larger content's tokens
_SAY_FORMS = frozenset({"say", "says", "said"})
DESK_KINDS = ("direct", "mixed")  # the kinds a desk shows in quotation marks


@dataclass(slots=True)
class DeskScores:
    """Counts behind found, precision and speaker right; see the module docstring."""

    gold_direct: int = 0
    found: int = 0
    found_any_kind: int = 0
    speaker_right: int = 0
    predicted: int = 0
    predicted_right: int = 0
    predicted_any: int = 0

    def add_article(self, article: Article, gold: list[Attribution], min_confidence: float | None = None) -> None:
        """Score one article's quotes against its gold attributions."""
        quotes = [q for q in article.quotes if shown(q, min_confidence)]
        gold_tokens = [_tokens(article.text, g.content) for g in gold]
        inside = quoted_offsets(article.text)
        for g, tokens in zip(gold, gold_tokens, strict=True):
            if tokens and len(tokens & inside) >= DIRECT_SHARE * len(tokens):
                self._add_gold_direct(article, g, tokens, quotes)
        quotations = [tokens for tokens in gold_tokens if tokens & inside]
        for q in quotes:
            if q.kind in DESK_KINDS:
                tokens = _tokens(article.text, _spans(q))
                self.predicted += 1
                self.predicted_right += any(overlap(tokens, g) >= OVERLAP for g in quotations)
                self.predicted_any += any(overlap(tokens, g) >= OVERLAP for g in gold_tokens)

    def _add_gold_direct(self, article: Article, gold: Attribution, tokens: set[int], quotes: list[Quote]) -> None:
        """Found (as direct/mixed, and as any speech kind) and, if found, speaker right."""
        self.gold_direct += 1
        speech = [q for q in quotes if q.kind in (*DESK_KINDS, "indirect")]
        self.found_any_kind += _best(article.text, tokens, speech) is not None
        best = _best(article.text, tokens, [q for q in quotes if q.kind in DESK_KINDS])
        if best is not None:
            self.found += 1
            self.speaker_right += speaker_right(article, best, gold_source(article.text, gold))

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_direct": self.gold_direct,
            "found": self.found,
            "found_any_kind": self.found_any_kind,
            "predicted_direct_mixed": self.predicted,
            "predicted_right": self.predicted_right,
            "predicted_any_attribution": self.predicted_any,
            "speaker_right": self.speaker_right,
            "found_pct": _pct(self.found, self.gold_direct),
            "found_any_kind_pct": _pct(self.found_any_kind, self.gold_direct),
            "precision_pct": _pct(self.predicted_right, self.predicted),
            "precision_any_attribution_pct": _pct(self.predicted_any, self.predicted),
            "speaker_right_pct": _pct(self.speaker_right, self.found),
        }


def shown(quote: Quote, min_confidence: float | None) -> bool:
    """Whether a quote passes the threshold; a record with no ``confidence`` always does."""
    return min_confidence is None or quote.confidence is None or quote.confidence >= min_confidence


def quoted_offsets(text: str) -> set[int]:
    """Start offsets of the tokens inside quotation marks, found by the quote stage's own mark
    parser (curly, straight, doubled and top-level single marks, stray closing marks, quotes
    running over paragraphs): the text's marks, not its predicted quotes, so gold stays gold."""
    from newsdesk.extract.quotes.marks import find_quotes

    return _tokens(text, tuple(fragment for region in find_quotes(text) for fragment in region.fragments))


def gold_source(text: str, gold: Attribution) -> tuple[Span, ...]:
    """The gold source, or the gold cue where the annotator swapped the two labels.

    In inverted attributions ("…,” said Jane Roe) PolNeAR's first annotator sometimes labelled
    "said" as the source and the name as the cue (dev: 5 attributions, train: 8; no other
    reporting verb). A one-word source that is a form of "say" next to a capitalised cue is read
    the other way round, so a quote given to Jane Roe is not counted wrong for the slip.
    """
    if len(gold.source) != 1 or not gold.cue:
        return gold.source
    source = text[gold.source[0][0] : gold.source[0][1]]
    cue = text[gold.cue[0][0] : gold.cue[0][1]]
    return gold.cue if source in _SAY_FORMS and cue[:1].isupper() else gold.source


def overlap(a: set[int], b: set[int]) -> float:
    """Shared tokens over the larger set's size: both cover at least this share of the other."""
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def speaker_right(article: Article, quote: Quote, source: tuple[Span, ...]) -> bool:
    """The predicted speaker is the gold source: same mention, or an entity with a mention there."""
    speaker = quote.speaker
    if speaker is None or not source:
        return speaker is None and not source
    mentions = [(speaker.start, speaker.end)]
    entity = next((e for e in article.entities if e.id == speaker.entity), None) if speaker.entity else None
    if entity is not None:
        mentions += [(m.start, m.end) for m in entity.mentions]
    return any(s < ge and gs < e for s, e in mentions for gs, ge in source)


def _best(text: str, tokens: set[int], quotes: list[Quote]) -> Quote | None:
    """The quote whose content overlaps ``tokens`` most, if it reaches :data:`OVERLAP`."""
    scored = [(overlap(tokens, _tokens(text, _spans(q))), i) for i, q in enumerate(quotes)]
    top = max(scored, default=(0.0, -1))
    return quotes[top[1]] if top[0] >= OVERLAP else None


def _spans(quote: Quote) -> tuple[Span, ...]:
    return tuple((c.start, c.end) for c in quote.content)


def _tokens(text: str, spans: tuple[Span, ...]) -> set[int]:
    return {m.start() for s, e in spans for m in _TOKEN.finditer(text, s, e)}


def _pct(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0
