"""The spaCy entity labels the stages sort names by, defined once.

Plain strings, so a stage that never runs spaCy (the store, the web desk) can use them too.
"""

from __future__ import annotations

from typing import Final

# Labels of names: the types an entity may have; the model's others (numeric ones, LANGUAGE) are not entities.
NAME_LABELS: Final = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"})
# Labels of numbers and dates, never part of a name or a title.
NUMERIC_LABELS: Final = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Labels of place names.
PLACE_LABELS: Final = frozenset({"GPE", "LOC"})
# Spans that are places only when the whole span is a known place name, under stricter
# rules (see extract/places/resolve.py): other NER labels the small model puts on places, and "SCAN",
# capitalised words the model left untagged ("Victoria sent 120 workers"). A NORP span is a place only
# when it is a country name outright ("Tajikistan"); demonyms ("Russian", "Central Asian") never match.
WHOLE_SPAN_LABELS: Final = frozenset({"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "SCAN"})
# NER labels whose tokens are never scanned for place names.
NOT_PLACE_LABELS: Final = NUMERIC_LABELS | {"LAW", "LANGUAGE"}
