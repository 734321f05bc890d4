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
from newsdesk.vocab.characters import CONTROL

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
    """``20971520`` → ``"20.0 MiB"``: sizes in error messages a person can read."""
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n / 1024:.1f} KiB"


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
        except (LookupError, UnicodeError):  # unknown, or a codec that refuses to decode at all
            pass
    return _guess(data)


def _guess(data: bytes) -> tuple[str, list[str]]:
    """Decode bytes that are neither valid UTF-8 nor in their declared charset.

    A UTF-8 page with a few corrupt bytes stays UTF-8 (the bad bytes become U+FFFD).
    Otherwise charset-normalizer guesses; among the single-byte Latin code pages it cannot
    tell apart on short pages, Windows-1252 wins, as it is by far the most common on the web.
    """
    from charset_normalizer import from_bytes

    lenient = data.decode("utf-8", errors="replace")
    if any(ord(ch) > 127 and ch != "\ufffd" for ch in lenient):
        bad = lenient.count("\ufffd")
        return _checked(lenient, "utf-8"), [f"invalid UTF-8: {bad} undecodable characters replaced"]
    best = from_bytes(data[:200_000]).best()
    encoding = "cp1252"
    if best is not None and not _prefer_cp1252(data, best.encoding, best.could_be_from_charset):
        encoding = best.encoding
    text = data.decode(encoding, errors="replace")
    return _checked(text, encoding), [f"not valid UTF-8; decoded as {encoding}"]


# Single-byte Latin code pages that charset-normalizer confuses with Windows-1252 on short pages.
_LATIN_SINGLE_BYTE = frozenset(
    {"ascii", "utf_8", "latin_1", "cp1250", "cp1252", "cp1254", "cp1257", "cp1258"}
    | {f"iso8859_{n}" for n in (1, 2, 3, 4, 9, 10, 13, 14, 15, 16)}
)


def _prefer_cp1252(data: bytes, guess: str, alternatives: list[str]) -> bool:
    if "cp1252" in alternatives:
        return True
    if guess not in _LATIN_SINGLE_BYTE:
        return False
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _checked(text: str, encoding: str) -> str:
    """Refuse decoded text that is mostly control characters: a binary file in disguise."""
    sample = text[:20_000]
    if not sample.strip():
        raise InputError("empty input")
    # Counted by a regex because a loop over every character cost a twentieth of the clean stage (profiled).
    controls = len(CONTROL.findall(sample))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(f"binary file: not text in {encoding} or any other encoding")
    return text.replace("\r\n", "\n").replace("\r", "\n")
