"""Checks every test of an extracted record shares: each span points at real text."""

from __future__ import annotations

from newsdesk.record import Article


def check_spans(article: Article) -> None:
    """Every span in the record points at real text: text[start:end] is the span's text."""
    n = len(article.text)
    for span in article.spans():
        assert 0 <= span.start < span.end <= n, span
    for quote in article.quotes:
        if quote.cue is not None:
            assert article.text[quote.cue.start : quote.cue.end] == quote.cue.text
        if quote.speaker is not None:
            assert article.text[quote.speaker.start : quote.speaker.end].strip()
    for claim in article.claims:
        assert article.text[claim.start : claim.end] == claim.text
