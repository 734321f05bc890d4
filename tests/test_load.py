"""The web desk under load while an ingest writes into the same store (scripts/load.py).

The checker is tested first on answers written here by hand — a whole article, and the ways a
reader could see one half written — then a small real run: `newsdesk serve` and `newsdesk ingest`
on one SQLite store, two client threads, 200 mixed requests.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import load


def answer(quotes: int = 2, stored_quotes: int = 2, revisions: tuple[int, ...] = (1,)) -> dict[str, Any]:
    """A ``GET /api/articles/{key}`` answer whose record lists ``quotes`` and whose store has ``stored_quotes``."""
    return {
        "key": "00aa11bb22cc33dd",
        "content_hash": "h1",
        "revision": 1,
        "record": {"id": "00aa11bb22cc33dd", "quotes": [{}] * quotes, "claims": [{}], "entities": [{}, {}]},
        "quotes": [{}] * stored_quotes,
        "claims": [{}],
        "entities": [{}, {}],
        "places": [],
        "revisions": [{"revision": n} for n in revisions],
    }


def test_a_whole_article_passes() -> None:
    assert load.inconsistency(answer()) is None


def test_child_rows_missing_from_the_record_are_a_partial_write() -> None:
    problem = load.inconsistency(answer(quotes=3, stored_quotes=0))
    assert problem is not None and "quotes: record lists 3, store has 0" in problem


def test_a_revision_not_yet_written_is_a_partial_write() -> None:
    assert load.inconsistency(answer(revisions=())) is not None


def test_a_view_that_differs_from_the_final_store_is_reported() -> None:
    tally = load.Tally()
    final = {"00aa11bb22cc33dd": load.seen(answer())}
    tally.details["00aa11bb22cc33dd"] = {load.seen(answer()), load.seen(answer(quotes=0, stored_quotes=0))}
    tally.listed["00aa11bb22cc33dd"] = {(2, 1), (0, 0)}
    found = load.changed(tally, final)
    assert len(found) == 2 and all(line.startswith("00aa11bb22cc33dd") for line in found)


def test_percentiles_of_nothing_are_zero() -> None:
    assert load.percentile([], 0.99) == 0.0 and load.percentile([1.0, 2.0, 3.0], 0.5) == 2.0


def test_readers_never_see_a_half_written_article_while_an_ingest_writes(tmp_path: Path) -> None:
    plan = load.Plan(str(tmp_path / "newsdesk.db"), pages=96, clients=2, requests=200)
    result = load.run(plan, tmp_path)
    assert result.errors == [] and result.partial == []
    assert set(result.statuses) == {200} and result.requests == 200 and result.rss_quiet
    assert result.ingest_exit == 0 and result.stored == 96 and result.checked > 0
    assert result.rss[-1] < result.rss[0] * 1.5, "server memory grew under load"


def test_the_check_catches_a_writer_that_commits_piece_by_piece(tmp_path: Path) -> None:
    """Negative control: the same load over a writer with no transaction must report half-written articles."""
    plan = load.Plan(str(tmp_path / "newsdesk.db"), pages=24, clients=2, requests=150)
    unsafe = [sys.executable, str(Path(__file__).with_name("unsafe_writer.py"))]
    result = load.run(plan, tmp_path, writer=unsafe)
    assert result.errors == [] and result.partial, "a partial write went unnoticed"
