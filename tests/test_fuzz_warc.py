"""Fuzzing the WARC reader: a WARC cut short, with garbage spliced in or appended, yields one
document or one :class:`InputError` per page and never raises."""

from __future__ import annotations

import tempfile
from io import BytesIO
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.errors import InputError
from newsdesk.read import iter_documents
from newsdesk.record import Document

# Reproducible in CI, few examples; see tests/test_fuzz_read.py.
FUZZ = settings(max_examples=50, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

_PAGE = b"<html><head><title>Storm</title></head><body>" + b"<p>Rain fell on the town all day and night.</p>" * 5


def _warc(pages: int) -> bytes:
    """An uncompressed WARC holding ``pages`` HTML responses."""
    out = BytesIO()
    writer = WARCWriter(out, gzip=False)
    for n in range(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.org/{n}", "response", payload=BytesIO(_PAGE), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


_GOOD = _warc(2)


@st.composite
def _damaged(draw: st.DrawFn) -> bytes:
    """The WARC above, cut at a random point or with random bytes spliced in at one."""
    at = draw(st.integers(0, len(_GOOD)))
    garbage = draw(st.one_of(st.binary(max_size=64), st.sampled_from([b"\r\n\r\n", b"WARC/1.0\r\n", b"\x00" * 8])))
    return draw(st.sampled_from([_GOOD[:at], _GOOD[:at] + garbage + _GOOD[at:], _GOOD + garbage]))


def _read_all(data: bytes) -> list[tuple[str, Document | InputError]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crawl.warc"
        path.write_bytes(data)
        return list(iter_documents([path]))


@FUZZ
@given(_damaged())
def test_damaged_warc_never_raises(data: bytes) -> None:
    for name, outcome in _read_all(data):
        assert isinstance(outcome, Document | InputError), name
        if isinstance(outcome, InputError):
            assert outcome.reason and "\n" not in outcome.reason


def test_intact_warc_yields_every_page() -> None:
    assert [isinstance(outcome, Document) for _, outcome in _read_all(_GOOD)] == [True, True]
