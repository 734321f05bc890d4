"""The desk's extraction runs in worker processes: the per-page budget applies there, and a full
pool answers "busy" at once instead of queueing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.budget import OverBudget
from newsdesk.web.extractor import Busy, Extractor

EXAMPLE = Path(__file__).resolve().parent.parent / "src" / "newsdesk" / "examples" / "harbour_strike.txt"


@pytest.fixture(scope="module")
def pool() -> Iterator[Extractor]:
    extractor = Extractor(workers=1, queue=0)
    yield extractor
    extractor.close()


def test_a_page_is_extracted_in_a_worker_process(pool: Extractor) -> None:
    record = pool.extract(EXAMPLE.read_bytes(), url=None, input_format="auto", max_bytes=1_000_000, seconds=120)
    assert record["schema"] == "newsdesk/article@1" and record["quotes"]


def test_the_budget_applies_in_the_worker(pool: Extractor) -> None:
    with pytest.raises(OverBudget, match="time budget per page"):
        pool.extract(EXAMPLE.read_bytes(), url=None, input_format="auto", max_bytes=1_000_000, seconds=0.001)


def test_a_full_pool_is_busy_not_a_queue(pool: Extractor) -> None:
    assert pool._slots.acquire(blocking=False)  # the one slot taken, as by a request in flight
    try:
        with pytest.raises(Busy, match="try again"):
            pool.extract(b"x", url=None, input_format="auto", max_bytes=1_000, seconds=5)
    finally:
        pool._slots.release()
