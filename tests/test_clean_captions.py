"""Photo credits (clean/text/lexicon.CREDIT_TAIL): a line ending in a picture credit is a
caption however long it is, and the line right above a bare credit is the caption it credits."""

from __future__ import annotations

from newsdesk.clean.text import clean_text
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


CAPTIONED = """Harbour council approves new sea wall after winter storms
By Ann Lee
The council voted nine to two on Tuesday night to build a new sea wall along the harbour front.
The wall will cost about fourteen million pounds and take two years to build, officials said on Wednesday.
Workers repair a breach in the old harbour wall in Port Elwen after the January storms flooded forty homes.
Photo: Jan Novak, AP
Residents who lost homes in the January storms have campaigned for a stronger wall since the spring.
Work is expected to start in March, once the contract has been signed by the regional government.
"""


def test_line_above_a_bare_credit_is_its_caption() -> None:
    cleaned = clean_text(CAPTIONED)
    reasons = {item.text: item.reason for item in cleaned.removed}
    caption = (
        "Workers repair a breach in the old harbour wall in Port Elwen after the January storms flooded forty homes."
    )
    assert reasons[caption] == "caption"
    assert reasons["Photo: Jan Novak, AP"] == "caption"
    assert len(cleaned.paragraphs) == 4
