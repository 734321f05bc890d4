"""Fuzzing stored records: an article record read back from a JSONL file is untrusted, so a span
moved anywhere or a claim value set to anything is either kept (when the record still holds) or
refused with a one-line reason — never stored to break the desk later."""

from __future__ import annotations

import json
import math
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import ArticleBuilder
from newsdesk.cli import app
from newsdesk.record import Article

# Reproducible in CI, few examples; see tests/test_fuzz_read.py.
FUZZ = settings(max_examples=50, deadline=None, derandomize=True)

BODY = "Anna Berg said 40 homes were flooded in Estrel on Tuesday after the river rose in the night."


def _record() -> Article:
    b = ArticleBuilder("Estrel flood", BODY, url="https://news.example/flood")
    b.entity("Anna Berg")
    b.claim("40 homes", 40.0, "homes", "count")
    return b.article


@FUZZ
@given(st.integers(-(10**6), 10**6), st.integers(0, 10**6))
def test_moved_span_is_refused_exactly_when_outside_the_text(start: int, length: int) -> None:
    record = _record()
    mention = record.entities[0].mentions[0]
    mention.start, mention.end = start, start + length
    inside = start >= 0 and start + length <= len(record.text)
    assert (record.broken_invariant() is None) == inside


@FUZZ
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_claim_value_is_refused_exactly_when_not_finite(value: float) -> None:
    record = _record()
    record.claims[0].value = value
    assert (record.broken_invariant() is None) == math.isfinite(value)


def test_pipeline_records_keep_their_invariants() -> None:
    assert _record().broken_invariant() is None


def test_ingest_refuses_a_record_with_an_infinite_claim(tmp_path: Path) -> None:
    data = _record().to_dict()
    data["claims"][0]["value"] = math.inf
    feed = tmp_path / "records.jsonl"
    feed.write_text(json.dumps(data) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(feed), "--db", str(tmp_path / "desk.db"), "-w", "1"])
    assert result.exit_code == 1
    assert "not a finite number" in result.stderr + result.stdout


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


@FUZZ
@given(st.sampled_from(sorted(_record().to_dict())), _JSON)
def test_record_with_any_field_replaced_is_read_or_refused(key: str, value: object) -> None:
    """Only ValueError (pydantic's, or the invariant check) comes out of a record from a file."""
    data = _record().to_dict()
    data[key] = value
    try:
        record = Article.from_dict(data)
    except ValueError:
        return
    assert isinstance(record.broken_invariant(), str | None)
