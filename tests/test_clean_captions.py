"""Photo credits (clean/text/lexicon.CREDIT_TAIL): a line ending in a picture credit is a
caption however long it is."""

from __future__ import annotations

from newsdesk.clean.text.lines import make_line


def test_spaced_agency_credit_is_a_caption() -> None:
    assert make_line(0, "Jane ROE / AFP").furniture == "caption"
    assert make_line(0, "Protesters gather outside the court. Jan Novak / Reuters").furniture == "caption"
    assert make_line(0, "Prices rose 3/4 of a point on Tuesday, traders said.").furniture is None


def test_long_caption_ending_in_a_credit_is_a_caption() -> None:
    long = " ".join(["Fishermen haul their boats up the beach at dawn as the storm nears the coast."] * 5)
    assert make_line(0, f"{long} Jane ROE / AFP").furniture == "caption"
    assert make_line(0, f"{long} (AP Photo/Jan Novak)").furniture == "caption"
    assert make_line(0, f"{long} Photo: Jan Novak").furniture == "caption"
    assert make_line(0, f"{long} Getty Images").furniture == "caption"
    assert make_line(0, long).furniture is None
