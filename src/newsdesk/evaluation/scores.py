"""Precision, recall and F1, named, for every evaluator."""

from __future__ import annotations

from typing import NamedTuple, Protocol


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


class RunReport(Protocol):
    """What an extraction evaluation reports of one system's run (benchmark or snippet set)."""

    system: str
    mode: str
    style: str | None
    half: str | None
    pages: int
    seconds: float
    errors: list[str]

    @property
    def precision(self) -> float: ...

    @property
    def recall(self) -> float: ...

    @property
    def f1(self) -> float: ...

    @property
    def pages_per_second(self) -> float: ...


def run_dict(data: str, report: RunReport, counts: dict[str, object]) -> dict[str, object]:
    """A run's JSON fields in one order for both data sets; ``counts`` (raw tallies) follow ``pages``."""
    return {
        "data": data,
        "system": report.system,
        "mode": report.mode,
        "style": report.style,
        "half": report.half,
        "pages": report.pages,
        **counts,
        "precision": round(report.precision, 4),
        "recall": round(report.recall, 4),
        "f1": round(report.f1, 4),
        "seconds": round(report.seconds, 3),
        "pages_per_second": round(report.pages_per_second, 2),
        "errors": report.errors,
    }
