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
Each quote's ``tone`` is VADER's compound score (−1 … +1, with VADER's own negation,
intensifier and "but" rules) of its content fragments joined by spaces.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.record import Quote, Tone

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


class ToneComponent:
    """spaCy component: fills ``doc._.tone`` and the ``tone`` of every quote in ``doc._.quotes``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.tone = article_tone(doc)
        quotes: list[Quote] = list(doc._.quotes)
        for quote in quotes:
            text = " ".join(doc.text[span.start : span.end] for span in quote.content)
            quote.tone = quote_tone(text) if text.strip() else None
        return doc


@Language.factory("newsdesk_tone")
def make_tone(nlp: Language, name: str) -> ToneComponent:
    """Factory for ``nlp.add_pipe("newsdesk_tone")`` (after quotes, to score them)."""
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


def quote_tone(text: str) -> float:
    """VADER compound score of a quote's text, −1 (most negative) … +1 (most positive)."""
    scores: dict[str, Any] = _analyzer().polarity_scores(text)
    return round(float(scores["compound"]), 4)


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    """VADER, loaded once per process (it reads its lexicon files at construction)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()
