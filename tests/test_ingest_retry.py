"""A batch that loses a deadlock to another writer is written again, not failed (both backends)."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import ArticleBuilder
from newsdesk.ingest import local
from newsdesk.ingest.worker import BatchResult, Parsed
from newsdesk.store import Store
from newsdesk.store.backend import retryable
from newsdesk.store.text import content_hash
from newsdesk.store.writer import write_records


class Deadlock(Exception):
    """What psycopg raises for a deadlock victim: an error carrying SQLSTATE 40P01."""

    sqlstate = "40P01"


def _batch(*titles: str) -> BatchResult:
    outcomes: list[Any] = []
    for title in titles:
        b = ArticleBuilder(title, f"The council of Ashby met on Monday about {title.lower()} and voted yes.")
        article = b.build()
        outcomes.append(Parsed(title, article, content_hash(article.text), None))
    return BatchResult(outcomes)


def test_a_deadlocked_batch_is_written_again(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}

    def losing_once(*args: Any) -> Any:
        calls["n"] += 1
        written = write_records(*args)
        if calls["n"] == 1:  # the first attempt loses a deadlock once it has written the batch
            raise Deadlock("deadlock detected")
        return written

    monkeypatch.setattr(local, "write_records", losing_once)
    stats = local.RunStats(inputs=2, workers=1)
    local.write_batch(store, _batch("Bridge plan", "School roof"), stats, on_error=None)
    assert (stats.added, stats.failed) == (2, 0)
    assert int(store.db.scalar("SELECT COUNT(*) AS n FROM articles")) == 2  # the first attempt left nothing


def test_a_deadlock_every_time_fails_the_page_not_the_run(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def always(*_args: Any) -> Any:
        raise Deadlock("deadlock detected")

    monkeypatch.setattr(local, "write_records", always)
    monkeypatch.setattr(local.time, "sleep", lambda _seconds: None)
    errors: list[str] = []
    stats = local.RunStats(inputs=1, workers=1)
    local.write_batch(store, _batch("Bridge plan"), stats, on_error=lambda _source, reason: errors.append(reason))
    assert stats.failed == 1 and errors and "Deadlock" in errors[0]


def test_what_counts_as_a_race_lost() -> None:
    assert retryable(Deadlock("x"))
    assert not retryable(ValueError("value too long"))
