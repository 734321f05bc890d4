"""Bytes to text: refuse what is not text, and decode what is, whatever its encoding.

Scraped pages arrive as UTF-8, Windows-1252, UTF-16 with a BOM, or bytes that are not
text at all. We decide in a fixed order, cheapest and most certain first: a byte-order
mark, known binary signatures, strict UTF-8, the charset an HTML page declares, and only
then charset-normalizer's statistical guess.
"""

from __future__ import annotations

import codecs
import re
import zlib

from newsdesk.errors import InputError

# Default cap on one page's size. Real article pages are 20 KB–3 MB of HTML; the cap
# stops a runaway file (a log, a dump, a video mislabelled .html) before it eats memory.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image or audio)"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

# Share of control characters (other than tab, newline, CR, form feed) above which a
# decoded text is treated as binary. Text pages have none; binaries decoded as cp1252
# have 5-30%. 1% leaves room for a few stray control bytes in a real scrape.
_MAX_CONTROL_SHARE = 0.01


def human_size(n: int) -> str:
    """``20971520`` → ``"20.0 MB"``: sizes in error messages a person can read."""
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n / 1000:.1f} KB"


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing to inflate past ``max_bytes`` (a zip bomb stops early)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(f"corrupt gzip data ({exc})") from None
    if len(out) > max_bytes:
        raise InputError(f"too large once decompressed (over the {human_size(max_bytes)} limit)")
    return out


def decode(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[str]]:
    """Return the text of ``data`` and any warnings about how it was decoded.

    Raises :class:`InputError` for empty, oversized or binary input.
    """
    if len(data) > max_bytes:
        raise InputError(f"too large ({human_size(len(data))}, the limit is {human_size(max_bytes)})")
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, max_bytes)
    if not data.strip():
        raise InputError("empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), encoding), []
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"binary file: {what}, not a web page or text")
    if b"\x00" in data[:4096]:
        raise InputError("binary file: contains NUL bytes, not a web page or text")
    try:
        return _checked(data.decode("utf-8"), "utf-8"), []
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            text = data.decode(name)
            return _checked(text, name), []
        except (LookupError, UnicodeDecodeError):
            pass
    return _guess(data)


def _guess(data: bytes) -> tuple[str, list[str]]:
    """Decode bytes that are neither UTF-8 nor their declared charset."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding in {"ascii", "utf_8"}:
        encoding = "cp1252"
    text = data.decode(encoding, errors="replace")
    return _checked(text, encoding), [f"not valid UTF-8; decoded as {encoding}"]


def _checked(text: str, encoding: str) -> str:
    """Refuse decoded text that is mostly control characters: a binary file in disguise."""
    sample = text[:20_000]
    if not sample.strip():
        raise InputError("empty input")
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(f"binary file: not text in {encoding} or any other encoding")
    return text.replace("\r\n", "\n").replace("\r", "\n")
