"""Reliability tables: buckets of confidence against measured precision."""

from __future__ import annotations

from newsdesk.evaluation.reliability import Judged, reliability


def test_buckets_hold_their_predictions_and_measure_precision() -> None:
    judged = [Judged(0.9, True), Judged(1.0, True), Judged(0.85, False), Judged(0.1, False), Judged(None, True)]
    buckets = reliability(judged)
    assert [(b.low, b.high, b.predicted, b.correct) for b in buckets] == [
        (0.0, 0.2, 1, 0),
        (0.8, 1.0, 3, 2),
        (None, None, 1, 1),
    ]
    top = buckets[1]
    assert abs(top.precision - 2 / 3) < 1e-9 and top.mean_confidence is not None
    assert abs(top.mean_confidence - 0.9167) < 1e-3
    assert buckets[-1].mean_confidence is None


def test_no_predictions_give_no_buckets() -> None:
    assert reliability([]) == []
