"""How likely a place is right (``Place.confidence``, 0–1): the name is a place, and this one.

The confidence is read off a few features of how the place was found and resolved, each one
a reason a reader can check:

- **kind**: a country or a named region is rarely a wrong reading; a city or first-level
  division may be a namesake.
- **tagged**: some mention came from the model's place labels (GPE, LOC), a dateline or a
  state abbreviation, rather than only from an untagged capitalised word or a span the model
  typed as a person or organisation.
- **readings**: how many places the name could still be after the rules (1: no competitor).
- **hard**: the text settled it (a container, "X region", the town's state named elsewhere).
- **mentions**: a place named twice or more is less likely an accident of tagging.
- **alias**: found by an alternate name, not the place's own.

A place starts from the measured precision of its evidence class and is lowered for each
weakness; see ``_BASE`` and ``_PENALTY`` for the values and what they were calibrated on.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.record import PlaceKind


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a place's confidence is computed from (see the module docstring)."""

    kind: PlaceKind
    tagged: bool
    readings: int
    hard: bool
    mentions: int
    alias: bool


# Starting points by (kind is country or region, tagged): the measured precision of each class,
# pooled over the tune half of the real-news dev set and tests/gold/geo.jsonl (306 places),
# shrunk towards lower values where the class is small. Measured: country/region tagged 156/156,
# city/division tagged 121/122, country/region untagged 6/6, city/division untagged 21/22
# (tune half alone 2/3).
_BASE = {
    (True, True): 0.99,
    (False, True): 0.97,
    (True, False): 0.9,
    (False, False): 0.8,
}
# Lowered by, for each weakness that applies. Same data: names with competing readings and no
# text evidence, named once, 28/29 right (others 279/280); names found by an alternate name 9/9
# here, but on PolNeAR dev such hits were mostly wrong before the alias rules (see resolve.py).
_PENALTY = {
    "competing readings": 0.03,  # the name could be another place, and no text evidence chose
    "single mention": 0.01,
    "alias": 0.05,
}
_FLOOR = 0.3


def confidence(evidence: Evidence) -> float:
    """The place's confidence from its evidence, rounded to two decimals."""
    value = _BASE[(evidence.kind in ("country", "region"), evidence.tagged)]
    if evidence.readings > 1 and not evidence.hard:
        value -= _PENALTY["competing readings"]
    if evidence.mentions == 1:
        value -= _PENALTY["single mention"]
    if evidence.alias:
        value -= _PENALTY["alias"]
    return round(max(value, _FLOOR), 2)
