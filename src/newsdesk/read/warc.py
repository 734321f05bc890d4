"""Read the HTML responses out of a WARC (or ARC) file, streaming, one record at a time.

Crawls arrive as WARC files holding thousands to millions of pages; we never load the
whole file. Only successful (2xx) HTTP responses whose content type is HTML or plain
text are pages; request, metadata, revisit and redirect records are skipped.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.errors import InputError

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: Path) -> bool:
    """True for ``.warc``, ``.warc.gz``, ``.arc`` and ``.arc.gz`` files, by name."""
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def is_page(record: ArcWarcRecord) -> bool:
    """A successful (2xx) HTTP response with an HTML or plain-text body."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and ctype.startswith(_PAGE_TYPES)


def iter_warc(path: Path, *, max_bytes: int) -> Iterator[tuple[str, bytes | InputError]]:
    """Yield ``(url, page bytes)`` for each page in the archive, or ``(url, error)`` for an oversized one.

    Raises :class:`InputError` if the file cannot be opened or is not a WARC at all.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        handle = path.open("rb")
        head = _head(path)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    if not head.startswith((b"WARC/", b"filedesc://")):
        handle.close()
        raise InputError("not a WARC file: it does not start with a WARC or ARC header")
    pages = 0
    with handle:
        try:
            for record in ArchiveIterator(handle, arc2warc=True):
                if not is_page(record):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                body = record.content_stream().read(max_bytes + 1)
                pages += 1
                if len(body) > max_bytes:
                    yield url, InputError(f"too large (over the {max_bytes} byte limit)")
                else:
                    yield url, body
        except ArchiveLoadFailed as exc:
            raise InputError(f"not a readable WARC file ({_first_line(exc)})") from None
        except Exception as exc:  # warcio fails in many ways on a damaged record (even AttributeError)
            raise InputError(f"damaged WARC record after {pages} pages ({type(exc).__name__})") from None
    if not pages:
        raise InputError("no HTML responses in this WARC")


def _first_line(exc: Exception) -> str:
    """An exception's first line, printable and short: warcio quotes the damaged bytes it found."""
    first = (str(exc).splitlines() or [type(exc).__name__])[0]
    return "".join(ch if ch.isprintable() else "?" for ch in first)[:120]


def _head(path: Path) -> bytes:
    """The first bytes of the archive's first record, through gzip if need be."""
    with path.open("rb") as raw:
        magic = raw.read(2)
    opener = gzip.open if magic == b"\x1f\x8b" else open
    with opener(path, "rb") as handle:
        return bytes(handle.read(16))


@dataclass(frozen=True, slots=True)
class WarcListing:
    """The pages of an archive (record offset, URL), and why the listing stopped early, if it did."""

    pages: list[tuple[int, str]]
    problem: str | None = None


def list_warc_pages(path: Path) -> WarcListing:
    """``(record offset, URL)`` of every page in the archive, without parsing any page.

    Work can then be split by offset: a page is read back with :func:`read_warc_page`. A file
    that is not a WARC raises :class:`InputError`; one that breaks part-way keeps the pages
    before the break and says where it stopped; one with no HTML response says so.
    """
    from warcio.archiveiterator import ArchiveIterator

    try:
        head = _head(path)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    if not head.startswith((b"WARC/", b"filedesc://")):
        raise InputError("not a WARC file: it does not start with a WARC or ARC header")
    pages: list[tuple[int, str]] = []
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle, arc2warc=True)
            for record in records:
                if is_page(record):
                    pages.append((records.get_record_offset(), record.rec_headers.get_header("WARC-Target-URI") or ""))
    except Exception as exc:  # warcio fails in many ways on a damaged record (even AttributeError)
        reason = f"{type(exc).__name__}: {_first_line(exc)}"
        return WarcListing(pages, f"damaged WARC record after {len(pages)} pages ({reason})")
    if not pages:
        return WarcListing(pages, "no HTML responses in this WARC")
    return WarcListing(pages)


def read_warc_page(path: Path, offset: int, *, max_bytes: int) -> bytes:
    """The HTTP body of the record at ``offset`` (as given by :func:`list_warc_pages`)."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        handle.seek(offset)
        record = next(iter(ArchiveIterator(handle, arc2warc=True)))
        body = bytes(record.content_stream().read(max_bytes + 1))
    if len(body) > max_bytes:
        raise InputError(f"too large (over the {max_bytes} byte limit)")
    return body
