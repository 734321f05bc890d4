"""Numeric claims: every number that counts or measures something, with object, place and claimant.

:mod:`.numbers` parses amounts, :mod:`.units` knows currencies and units, :mod:`.expressions`
finds number expressions and rules out dates, ages, phone numbers and the like (with
:mod:`.non_counts` for results, addresses and index names),
:mod:`.objects` reads what is counted off the parse, :mod:`.categories` files it under a
category, and :mod:`.component` is the spaCy component ``newsdesk_claims`` that puts it
together on ``doc._.claims``.
"""
