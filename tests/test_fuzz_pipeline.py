"""Fuzzing every extraction component through the pipeline: arbitrary short texts never raise
anything but a plain :class:`InputError` (an "internal error" one counts as a failure), and what
comes out keeps every span invariant, with quotes inside the text and finite claim values."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_strategies import news_text, page, words
from newsdesk.errors import InputError
from newsdesk.pipeline import Pipeline, extract
from newsdesk.record import Article, Document

# Few examples (the model runs on each) and reproducible; see tests/test_fuzz_read.py.
FUZZ = settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

_PIPELINE = Pipeline()


@pytest.fixture(scope="module", autouse=True)
def _model() -> None:
    """Load the model once for the module, not inside the first example."""
    _PIPELINE.load()


def _extract(text: str, fmt: str) -> Article | None:
    doc = Document(content=text, input_format=fmt)  # type: ignore[arg-type]
    try:
        return _PIPELINE.extract(doc)
    except InputError as exc:
        assert "internal error" not in exc.reason, exc.reason
        assert "\n" not in exc.reason and exc.reason
        return None


def check_article(article: Article) -> None:
    """The invariants every record keeps, whatever the input."""
    assert article.broken_invariant() is None
    n = len(article.text)
    for span in article.spans():
        assert 0 <= span.start <= span.end <= n, span
    for quote in article.quotes:
        for part in quote.content:
            assert 0 <= part.start < part.end <= n, part
            assert article.text[part.start : part.end].strip(), part
    for claim in article.claims:
        assert article.text[claim.start : claim.end] == claim.text
        for value in (claim.value, claim.low, claim.high):
            assert value is None or math.isfinite(value), claim


# Sentences a quote, claim, entity or place component would pick up, mixed with fuzz.
_SENTENCE = st.tuples(words, st.sampled_from(["", " said", ", said ", " told reporters", " in Paris"]), words).map(
    lambda parts: f"“{parts[0]},”{parts[1]} {parts[2]}."
)
texts = st.one_of(
    news_text, st.lists(st.one_of(_SENTENCE, words, st.text(max_size=40)), min_size=1, max_size=12).map("\n\n".join)
)


@FUZZ
@given(texts, st.sampled_from(["article", "text"]))
def test_extract_on_short_texts(text: str, fmt: str) -> None:
    article = _extract(text, fmt)
    if article is not None:
        check_article(article)


@FUZZ
@given(st.one_of(page(), texts))
def test_public_extract_on_page_bytes(page_text: str) -> None:
    """The public entry point, from bytes: read (format by content), clean, annotate."""
    try:
        article = extract(page_text.encode("utf-8", errors="replace"))
    except InputError as exc:
        assert "internal error" not in exc.reason, exc.reason
        return
    check_article(article)
