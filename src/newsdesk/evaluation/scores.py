"""Precision, recall and F1, named, for every evaluator."""

from __future__ import annotations

from typing import NamedTuple


class PRF(NamedTuple):
    """Precision, recall and their harmonic mean."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        """The scores with F1 computed (0.0 when both are 0)."""
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)
