"""Reliability tables: does a predicted ``confidence`` mean what it says?

Predictions are put in confidence buckets and each bucket's measured precision is set beside
its mean confidence; a calibrated extractor has the two close in every bucket. Used by
``newsdesk eval places`` and ``newsdesk eval claims`` (the ``reliability`` key of ``--json``)
and for the table in docs/confidence.md.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

# Bucket edges: fifths of the 0–1 scale, the last one closed (1.0 falls in 0.8–1.0).
EDGES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


@dataclass(slots=True)
class Judged:
    """One prediction: the confidence it was given (None when it had none) and whether it was right."""

    confidence: float | None
    correct: bool


@dataclass(slots=True)
class Bucket:
    """Predictions whose confidence falls in ``[low, high)`` (``None`` bounds: no confidence given)."""

    low: float | None
    high: float | None
    predicted: int
    correct: int
    precision: float
    mean_confidence: float | None


def reliability(judged: Iterable[Judged]) -> list[Bucket]:
    """The non-empty buckets, lowest first; predictions without a confidence come last, on their own."""
    items = list(judged)
    buckets: list[Bucket] = []
    for low, high in itertools.pairwise(EDGES):
        inside = [j for j in items if j.confidence is not None and _in(j.confidence, low, high)]
        if inside:
            buckets.append(_bucket(low, high, inside))
    unset = [j for j in items if j.confidence is None]
    if unset:
        buckets.append(_bucket(None, None, unset))
    return buckets


def _in(value: float, low: float, high: float) -> bool:
    return low <= value < high or (high == EDGES[-1] and value == high)


def _bucket(low: float | None, high: float | None, items: list[Judged]) -> Bucket:
    given = [j.confidence for j in items if j.confidence is not None]
    right = sum(j.correct for j in items)
    mean = sum(given) / len(given) if given else None
    return Bucket(low, high, len(items), right, right / len(items), mean)
