"""What the desk shows unless asked for everything: quotes that are speech and sure enough, trusted claims.

One place for the default, so the desk's lists, the speaker counts, search, the API and every
export agree on it; a switch (``--all``, ``?all=1``, ``everything=True``) shows everything.
"""

from __future__ import annotations

from typing import Any

# The claim tracker's default: claims the extractor is at least this sure of (value, object and
# claimant right), and no sports or market-table figures. A switch (``--all``, ``?all=1``) shows
# everything. Set from the reliability table of ``newsdesk eval claims`` (docs/confidence.md).
MIN_CONFIDENCE = 0.5

# The desk's default for quotes: speech (not kind "action") the extractor is at least this sure
# of (speaker and content right). Chosen on the speaker audit (docs/speaker-audit.md, 82 real
# pages): at 0.5 / 0.6 / 0.7 / 0.8 the shown quotes were speech with the right speaker 64.8% /
# 69.7% / 81.9% / 97.4% of the time (39 judged at 0.8; chosen on that sample, so optimistic); on
# PolNeAR dev, which the choice did not see, quotes at 0.8 or above are right 91% of the time.
# NULL confidence (rows written before the field existed) passes.
MIN_QUOTE_CONFIDENCE = 0.8

# The tracker's default filter on a claims table aliased ``alias``; its one parameter is MIN_CONFIDENCE.
_TRUSTED_CLAIMS = " AND ({alias}.confidence IS NULL OR {alias}.confidence >= ?) AND {alias}.statistic IS NULL"


def trusted(claim: dict[str, Any]) -> bool:
    """Whether a claim of a JSON record passes the tracker's default filter (exports use it too)."""
    confidence = claim.get("confidence")
    return (confidence is None or confidence >= MIN_CONFIDENCE) and not claim.get("statistic")


def trusted_rows(alias: str = "c") -> tuple[str, list[Any]]:
    """The default filter as SQL over a claims table aliased ``alias`` (`` AND …``), with its parameters."""
    return _TRUSTED_CLAIMS.format(alias=alias), [MIN_CONFIDENCE]


_SHOWN_QUOTE = " AND {alias}.kind <> 'action' AND ({alias}.confidence IS NULL OR {alias}.confidence >= ?)"


def sure_quote(confidence: float | None) -> bool:
    """Whether a quote's confidence reaches the desk's default (none given: a row from before it existed)."""
    return confidence is None or confidence >= MIN_QUOTE_CONFIDENCE


def shown_quote(quote: dict[str, Any]) -> bool:
    """Whether a quote of a JSON record passes the desk's default filter."""
    return quote.get("kind") != "action" and sure_quote(quote.get("confidence"))


def shown_quote_rows(alias: str) -> tuple[str, list[Any]]:
    """The default quote filter as SQL over a quotes table aliased ``alias`` (`` AND …``), with its parameters."""
    return _SHOWN_QUOTE.format(alias=alias), [MIN_QUOTE_CONFIDENCE]


def shown_rows(table: str, alias: str) -> tuple[str, list[Any]]:
    """The default filter for rows of ``table`` (``quotes`` or ``claims``; others have none)."""
    if table == "quotes":
        return shown_quote_rows(alias)
    if table == "claims":
        return trusted_rows(alias)
    return "", []


def shown_record(record: dict[str, Any]) -> dict[str, Any]:
    """A JSON article record with only the quotes and claims the desk shows by default.

    A claim stated inside a hidden quote keeps its claimant but loses its ``quote`` link."""
    quotes = [q for q in record.get("quotes") or [] if shown_quote(q)]
    kept = {q.get("id") for q in quotes}
    claims = [c for c in record.get("claims") or [] if trusted(c)]
    for claim in claims:
        if claim.get("quote") not in kept:
            claim["quote"] = None
    return {**record, "quotes": quotes, "claims": claims}
