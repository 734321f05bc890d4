"""The tone component (``newsdesk_tone``): GDELT-style lexicon tone of the article and of each quote.

Article tone follows GDELT's definition so the numbers read the same way: over the word
tokens of the text (alphabetic tokens, lower-cased), ``positive`` is the share of words in
the lexicon with a positive valence and ``negative`` the share with a negative valence, both
per 100 words; ``score`` = positive − negative (GDELT's "Tone", typically −10 … +10);
``polarity`` = positive + negative (how much of the text is emotionally loaded at all);
``word_count`` the number of words. There is no negation handling, as in GDELT: it is a
density measure, not a sentence classifier.

The lexicon is VADER's (``vader_lexicon.txt``, 7,500 entries rated by ten people each;
Hutto & Gilbert 2014), shipped inside the ``vaderSentiment`` package, read once per process.
Each quote's tone is a VADER-style compound score (−1 … +1) of its content tokens: the
sum of their lexicon valences, a valence scaled by VADER's −0.74 when one of VADER's negators
("not", "never", "n't", …) is among the three words before it, normalised as VADER does
(x / √(x² + 15)). VADER's other rules (capitals, intensifiers, "but", "!!") are left out:
running full VADER on every quote cost 7.0% of spaCy's time on PolNeAR dev (84 texts), this
whole component 0.3% (bench/bench_geo.py). The component owns only its own results: the
quotes' scores go to ``doc._.quote_tones`` (quote id → score), and the record assembly
(:mod:`newsdesk.components`) puts them on the quote records.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsdesk.extract.registration import factory
from newsdesk.record import Quote, Tone

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


# How many words back a negator still flips a valence (VADER's own window, not tuned here).
_NEGATION_WINDOW = 3


class ToneComponent:
    """spaCy component: fills ``doc._.tone`` and ``doc._.quote_tones`` (a score per quote id)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.tone = article_tone(doc)
        quotes: list[Quote] = doc._.quotes
        doc._.quote_tones = {quote.id: _quote_score(doc, quote) for quote in quotes}
        return doc


def _quote_score(doc: Doc, quote: Quote) -> float | None:
    tokens = [t for span in quote.content for t in _tokens(doc, span.start, span.end)]
    return compound([t.lower_ for t in tokens]) if tokens else None


@factory("tone")
def make_tone(nlp: Language, name: str) -> ToneComponent:
    """Factory for ``nlp.add_pipe("newsdesk_tone")`` (after quotes, to score them).

    VADER's lexicon is read here, when the pipeline loads, not inside the first Doc.
    """
    _analyzer()
    return ToneComponent()


def article_tone(doc: Doc) -> Tone:
    """GDELT-style tone of the whole text; see the module docstring."""
    lexicon = _analyzer().lexicon
    positive = negative = words = 0
    for token in doc:
        if not token.is_alpha:
            continue
        words += 1
        valence = lexicon.get(token.lower_)
        if valence is None:
            continue
        if valence > 0:
            positive += 1
        elif valence < 0:
            negative += 1
    if words == 0:
        return Tone(score=0.0, positive=0.0, negative=0.0, polarity=0.0, word_count=0)
    pos, neg = 100.0 * positive / words, 100.0 * negative / words
    return Tone(score=round(pos - neg, 4), positive=round(pos, 4), negative=round(neg, 4),
                polarity=round(pos + neg, 4), word_count=words)  # fmt: skip


def compound(words: list[str]) -> float:
    """VADER-style compound score of lower-cased words, −1 (most negative) … +1 (most positive)."""
    from vaderSentiment.vaderSentiment import N_SCALAR, NEGATE, normalize

    lexicon = _analyzer().lexicon
    negators = set(NEGATE)
    total = 0.0
    for i, word in enumerate(words):
        valence = lexicon.get(word)
        if valence is None:
            continue
        window = words[max(0, i - _NEGATION_WINDOW) : i]
        if any(w in negators or w.endswith("n't") for w in window):
            valence *= N_SCALAR
        total += valence
    return round(float(normalize(total)), 4) if total else 0.0


def quote_tone(text: str) -> float:
    """Compound score of a piece of text split on whitespace (for callers without a Doc)."""
    return compound([w.strip(".,;:!?\"'“”‘’()").lower() for w in text.split()])


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if t.is_alpha or t.lower_ == "n't"] if span is not None else []


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    """VADER, loaded once per process (it reads its lexicon files at construction)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()
