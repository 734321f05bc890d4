"""Writing an article's numeric claims, keyed so one claim printed in many places groups together."""

from __future__ import annotations

import math

from newsdesk.record import Claim
from newsdesk.store.text import digest
from newsdesk.store.writers import ArticleRows, Batch, writer
from newsdesk.vocab.names import fold

# Characters of context kept either side of a claim, at most, within its sentence.
_CONTEXT_CHARS = 400


def claim_key(claim: Claim, claimant_id: int | None) -> str:
    """Equal for one claimant stating one value about one object, wherever it was printed."""
    who = f"entity:{claimant_id}" if claimant_id else f"name:{fold(claim.claimant.name if claim.claimant else '')}"
    numbers = ",".join("" if v is None else repr(float(v)) for v in (claim.value, claim.low, claim.high))
    return digest(who, numbers, claim.unit or "", fold(claim.object or ""))


def _context(text: str, start: int, end: int) -> str:
    """The sentence around a span, so ``claims --about`` can match words near the number."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n")) + 1
    rights = [pos for mark in (". ", "! ", "? ", "\n") if (pos := text.find(mark, end)) >= 0]
    right = min(rights) + 1 if rights else len(text)
    return " ".join(text[max(left, start - _CONTEXT_CHARS) : min(right, end + _CONTEXT_CHARS)].split())


@writer("claims")
def write_claims(batch: Batch) -> None:
    """Insert the articles' claims with their claimant entity and the quote they come from."""
    batch.db.copy_rows("claims", _COLUMNS, [row for rows in batch.articles for row in _rows(rows)])


_COLUMNS = (
    "article_id", "local_id", "claim_key", "text", "value", "low", "high", "qualifier", "unit", "object", "category",
    "country", "claimant_entity_id", "claimant_name", "quote_id", "context", "start_char", "end_char", "confidence",
    "statistic",
)  # fmt: skip


def _rows(target: ArticleRows) -> list[tuple[object, ...]]:
    """One article's claim rows."""
    article, entity_ids, quote_ids = target.article, target.ids["entities"], target.ids["quotes"]
    rows: list[tuple[object, ...]] = []
    for claim in article.claims:
        if not all(v is None or math.isfinite(v) for v in (claim.value, claim.low, claim.high)):
            continue  # an infinity or NaN (a record from elsewhere) would break every query that reads it
        claimant = claim.claimant
        claimant_id = entity_ids.get(claimant.entity) if claimant and claimant.entity else None
        rows.append(
            (
                target.pk,
                claim.id,
                claim_key(claim, claimant_id),
                claim.text,
                claim.value,
                claim.low,
                claim.high,
                claim.qualifier,
                claim.unit,
                claim.object,
                claim.category,
                claim.place.upper() if claim.place else None,
                claimant_id,
                claimant.name if claimant else None,
                quote_ids.get(claim.quote) if claim.quote else None,
                _context(article.text, claim.start, claim.end),
                claim.start,
                claim.end,
                claim.confidence,
                claim.statistic,
            )
        )
    return rows
