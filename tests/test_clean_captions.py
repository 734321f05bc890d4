"""Photo credits (clean/text/lexicon.CAPTION_CREDIT): a line ending in "/ AFP" is a caption."""

from __future__ import annotations

from newsdesk.clean.text.lines import make_line


def test_spaced_agency_credit_is_a_caption() -> None:
    assert make_line(0, "Jane ROE / AFP").furniture == "caption"
    assert make_line(0, "Protesters gather outside the court. Jan Novak / Reuters").furniture == "caption"
    assert make_line(0, "Prices rose 3/4 of a point on Tuesday, traders said.").furniture is None
