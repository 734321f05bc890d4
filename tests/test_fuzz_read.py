"""Fuzzing the read and clean stages: arbitrary bytes and HTML-ish text never raise anything
but :class:`InputError`, and the cleaners' output is plain text within the input's bounds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_strategies import html_ish, page, words
from newsdesk.clean import clean
from newsdesk.errors import InputError
from newsdesk.read import read_bytes
from newsdesk.record import Cleaned, Document

# Reproducible in CI (derandomize) and no per-example time limit on a shared 2-core machine.
FUZZ = settings(max_examples=50, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, fmt: str = "auto") -> Document | None:
    """Read ``data``; a refusal is fine (``None``), any other exception fails the test."""
    try:
        return read_bytes(data, input_format=fmt)  # type: ignore[arg-type]
    except InputError as exc:
        assert "\n" not in exc.reason and exc.reason
        return None


def _clean(doc: Document) -> Cleaned | None:
    try:
        return clean(doc)
    except InputError as exc:
        assert "\n" not in exc.reason and exc.reason
        return None


@FUZZ
@given(st.binary(max_size=2000))
def test_read_bytes_on_arbitrary_bytes(data: bytes) -> None:
    doc = _read(data)
    if doc is not None:
        assert doc.content.strip()
        assert doc.input_format in ("html", "text")


@FUZZ
@given(html_ish, st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"]))
def test_read_bytes_on_html_ish_text(text: str, codec: str) -> None:
    _read(text.encode(codec, errors="replace"))


@FUZZ
@given(st.one_of(html_ish, page()), st.sampled_from(["auto", "html", "text", "article"]))
def test_cleaners_never_raise_but_input_error(text: str, fmt: str) -> None:
    doc = _read(text.encode("utf-8", errors="surrogatepass"), fmt)
    if doc is None:
        return
    cleaned = _clean(doc)
    if cleaned is not None:
        assert all(isinstance(par, str) and "\x00" not in par for par in cleaned.paragraphs)
        assert cleaned.title is None or "\x00" not in cleaned.title


@FUZZ
@given(st.lists(st.sampled_from(["<!---->", "<!-- c -->", "<p>", "&amp;", "\x0b", "\x1b"]), min_size=1), words)
def test_runs_of_markup_before_text_are_read(run: list[str], text: str) -> None:
    doc = _read(("".join(run) * 20 + " " + text * 20).encode())
    if doc is not None:
        _clean(doc)


# Small cases the fuzzing found, kept as plain tests.


@pytest.mark.parametrize("data", [b"\x7f", b" \x7f \n"])
def test_only_control_characters_is_empty_input(data: bytes) -> None:
    with pytest.raises(InputError, match="empty input"):
        read_bytes(data)


_CHARSETS = st.one_of(
    st.sampled_from(
        ["undefined", "utf-7", "utf-16", "x-user-defined", "rot13", "base64", "hex", "idna", "mbcs", "zlib"]
    ),
    st.text(max_size=12),
)


@FUZZ
@given(_CHARSETS, st.binary(max_size=200))
def test_any_declared_charset_decodes_or_refuses(charset: str, body: bytes) -> None:
    """A page declares its own encoding; whatever it names, reading falls back or refuses."""
    head = f'<html><head><meta charset="{charset}"><title>Storm</title></head><body><p>'.encode("utf-8", "replace")
    _read(head + body + b" Rain fell on the town all day.</p></body></html>")


def test_a_codec_that_refuses_to_decode_falls_back() -> None:
    page = b'<html><head><meta charset="undefined"></head><body><p>Caf\xe9 opens on Tuesday.</p></body></html>'
    doc = read_bytes(page)
    assert "Café" in doc.content and doc.warnings
