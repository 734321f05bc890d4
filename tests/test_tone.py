"""Tone: GDELT-style article tone from VADER's lexicon and a compound score per quote."""

from __future__ import annotations

import pytest
import spacy

import newsdesk.extract  # noqa: F401  (registers the components and Doc extensions)
from newsdesk.extract.tone import ToneComponent, article_tone, compound
from newsdesk.record import Quote, Span


def test_article_tone_counts_lexicon_words_per_hundred() -> None:
    nlp = spacy.blank("en")
    tone = article_tone(nlp("The talks were a great success, but the attack killed ten people."))
    assert tone.word_count == 12
    # positive: great, success; negative: attack, killed
    assert tone.positive == pytest.approx(200 / 12, abs=1e-3)
    assert tone.negative == pytest.approx(200 / 12, abs=1e-3)
    assert tone.score == pytest.approx(0.0)
    assert tone.polarity == pytest.approx(400 / 12, abs=1e-3)


def test_empty_text_has_zero_tone() -> None:
    tone = article_tone(spacy.blank("en")("— 2024 —"))
    assert (tone.score, tone.word_count) == (0.0, 0)


def test_compound_sign_and_negation() -> None:
    assert compound(["a", "great", "success"]) > 0.5
    assert compound(["not", "a", "great", "success"]) < 0
    assert compound(["the", "meeting", "is", "on", "tuesday"]) == 0.0


def test_component_fills_article_and_quote_tone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsdesk_tone")
    text = "“This is a wonderful day for peace,” she said. “We condemn this horrible attack,” he said."
    first, second = text.index("This"), text.index("We condemn")
    doc = nlp.make_doc(text)
    doc._.quotes = [
        Quote("Q1", None, None, [Span(first, text.index(",”"))], "direct", "say"),
        Quote("Q2", None, None, [Span(second, text.rindex(",”"))], "direct", "say"),
    ]
    doc = ToneComponent()(doc)
    assert doc._.tone is not None and doc._.tone.word_count > 0
    assert doc._.quote_tones["Q1"] > 0 > doc._.quote_tones["Q2"]
    assert doc._.quotes[0].tone is None  # the quote records are the quotes component's, not tone's
