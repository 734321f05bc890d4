"""Teaser zones (clean/text/body.py): a menu header's zone ends where the article's metadata starts."""

from __future__ import annotations

from newsdesk.clean.text import clean_text

PAGE = """Home
Latest
Videos
Harbour council approves new sea wall after winter storms
By Ann Lee
November 19, 2019
The council voted nine to two on Tuesday night to build a new sea wall along the harbour front.
Advertisement
The wall will cost about fourteen million pounds and take two years to build, officials said on Wednesday.
Residents who lost homes in the January storms have campaigned for a stronger wall since the spring.
Work is expected to start in March, once the contract has been signed by the regional government.
"""


def test_byline_and_date_end_a_menu_header_zone() -> None:
    cleaned = clean_text(PAGE)
    assert cleaned.paragraphs[0] == (
        "The council voted nine to two on Tuesday night to build a new sea wall along the harbour front."
    )
    assert len(cleaned.paragraphs) == 4
    assert cleaned.byline == "Ann Lee"
    assert cleaned.published == "2019-11-19"


ARTIKEL = [
    "Der Stadtrat hat am Dienstag den Bau einer neuen Ufermauer beschlossen, nach den Stürmen im Winter.",
    "Die Mauer soll rund vierzehn Millionen Euro kosten und in zwei Jahren fertig sein, sagte die Stadt.",
    "Anwohner, die im Januar ihre Häuser verloren hatten, fordern seit dem Frühjahr eine stärkere Mauer.",
    "Die Arbeiten beginnen im März, sobald die Landesregierung den Vertrag unterschrieben hat.",
]
TEASERS = ["Das könnte Sie auch interessieren", "Neue Fähre für die Inseln", "Hafenfest fällt aus"]


def test_a_teaser_header_in_another_language_marks_a_teaser_block() -> None:
    cleaned = clean_text("\n".join(["Ufermauer kommt", *ARTIKEL[:2], *TEASERS, *ARTIKEL[2:]]))
    assert cleaned.paragraphs == ARTIKEL
    assert {r.text: r.reason for r in cleaned.removed}[TEASERS[0]] == "teaser block"
