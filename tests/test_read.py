"""The read stage: decoding, binary and size checks, HTML-vs-text detection, sources."""

from __future__ import annotations

import codecs
import gzip
import time
from pathlib import Path

import pytest

from newsdesk.errors import InputError
from newsdesk.read import read, read_bytes
from newsdesk.read.decode import decode
from newsdesk.read.detect import looks_like_html

BODY = "The café owners said on Monday that the new rules would hurt their business."


def test_control_characters_form_feeds_and_deletes_become_spaces() -> None:
    doc = read_bytes(f"{BODY}\x07{BODY}\x0c{BODY}\x7f".encode())
    assert doc.content == f"{BODY} {BODY} {BODY} "


def test_form_feeds_between_the_pages_of_a_text_file_are_not_binary() -> None:
    """The binary check counts control characters, but not the form feed a text file breaks pages with."""
    assert read_bytes(b"Page one.\x0cPage two.\x0cPage three.\n").content == "Page one. Page two. Page three.\n"


def test_utf8_passes_through_and_crlf_is_normalised() -> None:
    text, warnings = decode(("Title\r\n\r\n" + BODY).encode("utf-8"))
    assert text == "Title\n\n" + BODY
    assert warnings == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_byte_order_marks_choose_the_encoding(encoding: str) -> None:
    raw = (BODY).encode(encoding)
    if encoding == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    text, _ = decode(raw)
    assert text.lstrip("\ufeff") == BODY


def test_windows_1252_is_decoded_with_a_warning() -> None:
    text, warnings = decode(("Prices “soared” at the café — again. " * 3).encode("cp1252"))
    assert "“soared”" in text and "café" in text
    assert warnings == ["not valid UTF-8; decoded as cp1252"]


def test_mostly_utf8_with_a_corrupt_byte_stays_utf8() -> None:
    text, warnings = decode("Zürich talks — día uno ".encode() * 3 + b"\xff end")
    assert "Zürich" in text and "\ufffd" in text
    assert warnings and "invalid UTF-8" in warnings[0]


def test_meta_charset_is_honoured() -> None:
    page = '<html><head><meta charset="iso-8859-2"></head><body><p>Łódź</p></body></html>'
    text, _ = decode(page.encode("iso-8859-2"))
    assert "Łódź" in text


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty input"),
        (b"   \n\t ", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n", "PDF document"),
        (b"abc\x00\x01\x02\x00def", "NUL bytes"),
        (bytes(range(1, 32)) * 50, "binary file"),
    ],
)
def test_unusable_bytes_are_refused_with_a_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode(raw)


def test_size_cap_applies_before_and_after_gzip() -> None:
    with pytest.raises(InputError, match="too large"):
        decode(b"a" * 2000, max_bytes=1000)
    bomb = gzip.compress(b"a " * 100_000)
    assert len(bomb) < 1000
    with pytest.raises(InputError, match="too large once decompressed"):
        decode(bomb, max_bytes=10_000)
    assert decode(gzip.compress(BODY.encode()))[0] == BODY


def test_html_is_told_from_text_by_content() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert looks_like_html("  <!-- saved --> <html lang=en>")
    assert looks_like_html("<!-- a --><!---->\n<!-- b -->\n<!DOCTYPE html><p>x</p>")
    assert not looks_like_html("<!-- unclosed <html>")
    assert looks_like_html("<div><p>One</p><p>Two</p><p>Three</p></div>")
    assert not looks_like_html("Headline\n\nThe council said a <b> tag is not a page.\n")
    assert not looks_like_html("Plain scraped text with no tags at all.\n" * 20)


def test_auto_format_ignores_the_file_name(tmp_path: Path) -> None:
    disguised = tmp_path / "page.txt"
    disguised.write_text("<html><body><p>" + BODY + "</p></body></html>", encoding="utf-8")
    assert read(disguised).input_format == "html"
    plain = tmp_path / "page.html"
    plain.write_text("Headline\n\n" + BODY, encoding="utf-8")
    assert read(plain).input_format == "text"
    assert read(plain, input_format="article").input_format == "article"


def test_paths_directories_and_strings(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(str(tmp_path / "missing.html"))
    with pytest.raises(InputError, match="is a directory"):
        read(tmp_path)
    doc = read("Headline\n\n" + BODY)
    assert doc.input_format == "text" and doc.source_path is None
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(("<html><body><p>" + BODY + "</p></body></html>").encode()))
    assert read(gz).input_format == "html"


def test_read_bytes_keeps_url_and_path() -> None:
    doc = read_bytes(BODY.encode(), url="https://example.org/a", source_path="a.txt")
    assert (doc.url, doc.source_path, doc.input_format) == ("https://example.org/a", "a.txt", "text")


def _seconds(text: str) -> float:
    start = time.perf_counter()
    looks_like_html(text)
    return time.perf_counter() - start


def test_runs_of_comments_take_linear_time() -> None:
    """A run of empty comments once made detection backtrack exponentially (a page that never finished)."""
    for unit in ("<!---->", "<!-- c -->\n"):
        small = min(_seconds(unit * 40 + "plain words " * 250) for _ in range(3))
        large = min(_seconds(unit * 400 + "plain words " * 250) for _ in range(3))
        assert large < 50 * small + 0.01  # ten times the comments, about ten times the work
