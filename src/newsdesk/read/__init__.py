"""The read stage: turn a path, URL, stream or string into a decoded :class:`Document`.

Everything that can go wrong before cleaning (missing file, directory, unreachable URL,
binary or oversized input, unknown encoding) is raised here as an :class:`InputError`.
"""

from __future__ import annotations

import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from newsdesk.errors import InputError
from newsdesk.read.decode import DEFAULT_MAX_BYTES, decode, human_size
from newsdesk.read.detect import looks_like_html
from newsdesk.read.fetch import fetch
from newsdesk.read.warc import is_warc, iter_warc
from newsdesk.record import Document, InputFormat
from newsdesk.vocab.characters import C0_CONTROLS

__all__ = [
    "DEFAULT_MAX_BYTES",
    "InputFormatOption",
    "is_url",
    "iter_documents",
    "not_a_regular_file",
    "read",
    "read_bytes",
]

InputFormatOption = Literal["auto", "html", "text", "article"]
Source = str | bytes | Path


# Control characters are text in no page; lxml refuses a document holding one ("\x0b" in a
# headline hid a whole article's body). Here form feed and DEL go too, deliberately: a form feed
# in a document's text makes lxml refuse an element holding it, and a page of DEL alone is empty.
# The binary check (read.decode) counts neither, as a plain text file may break pages with \f.
_CONTROL = re.compile(rf"[{C0_CONTROLS}\f\x7f]")
# Tags in an HTML page beyond which it is generated or hostile, not an article: the largest of the
# 1,080 real pages in the extraction benchmark and the snippet set has 19,629 "<"; a page of one
# million "<p>" took two minutes to clean.
MAX_TAGS = 200_000


def is_url(source: str) -> bool:
    """True for an ``http://`` or ``https://`` address."""
    return source.lower().startswith(("http://", "https://"))


def read(
    source: Source,
    *,
    input_format: InputFormatOption = "auto",
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read ``source`` into a :class:`Document`.

    ``source`` is a :class:`~pathlib.Path`; ``bytes`` of a page; ``"-"`` for stdin; an
    http(s) URL; the path of an existing file; or, when it has a newline or a ``<`` in
    it, the page's own text. Any other string is taken as a path that does not exist.
    """
    source_path: str | None = None
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, Path):
        data, source_path = _read_file(source, max_bytes), str(source)
    elif source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        source_path = "-"
    elif is_url(source):
        data = fetch(source, max_bytes=max_bytes)
        url = url or source
    elif "\n" in source or "<" in source:
        return build_document(source, [], input_format, url, None)
    else:
        data, source_path = _read_file(Path(source), max_bytes), source
    return read_bytes(data, input_format=input_format, url=url, source_path=source_path, max_bytes=max_bytes)


def iter_documents(
    sources: Iterable[Source],
    *,
    input_format: InputFormatOption = "auto",
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[tuple[str, Document | InputError]]:
    """Read many sources in order; a WARC file expands into one document per page in it.

    Yields ``(name, document)`` or ``(name, error)``: a bad source never stops the stream.
    Pages from a WARC are named ``URL (in FILE)`` and carry the URL the crawler recorded.
    """
    for source in sources:
        name = source.decode("utf-8", "replace")[:40] if isinstance(source, bytes) else str(source)
        if isinstance(source, (str, Path)) and not (isinstance(source, str) and is_url(source)):
            path = Path(source)
            if is_warc(path) and path.is_file():
                yield from _warc_documents(path, input_format, max_bytes)
                continue
        try:
            yield name, read(source, input_format=input_format, url=url, max_bytes=max_bytes)
        except InputError as exc:
            yield name, exc


def _warc_documents(
    path: Path, input_format: InputFormatOption, max_bytes: int
) -> Iterator[tuple[str, Document | InputError]]:
    try:
        for page_url, body in iter_warc(path, max_bytes=max_bytes):
            name = f"{page_url} (in {path})"
            if isinstance(body, InputError):
                yield name, body
                continue
            try:
                yield (
                    name,
                    read_bytes(
                        body,
                        input_format=input_format,
                        url=page_url or None,
                        source_path=str(path),
                        max_bytes=max_bytes,
                    ),
                )
            except InputError as exc:
                yield name, exc
    except InputError as exc:
        yield str(path), exc


def read_bytes(
    data: bytes,
    *,
    input_format: InputFormatOption = "auto",
    url: str | None = None,
    source_path: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Decode raw bytes of a page into a :class:`Document`."""
    text, warnings = decode(data, max_bytes=max_bytes)
    return build_document(text, warnings, input_format, url, source_path)


def build_document(
    text: str,
    warnings: list[str],
    input_format: InputFormatOption,
    url: str | None,
    source_path: str | None,
) -> Document:
    """Settle the input format (by content when ``auto``) and wrap up the document."""
    # Control characters become spaces first, so a page of nothing else is empty too.
    text = _CONTROL.sub(" ", text.removeprefix("\ufeff"))
    if not text.strip():
        raise InputError("empty input")
    fmt: InputFormat
    fmt = ("html" if looks_like_html(text) else "text") if input_format == "auto" else input_format
    if fmt == "html" and text.count("<") > MAX_TAGS:
        raise InputError(f"too many HTML tags (over {MAX_TAGS:,}): not an article page")
    return Document(content=text, input_format=fmt, url=url, source_path=source_path, warnings=warnings)


def not_a_regular_file(path: Path) -> str | None:
    """Why ``path`` is not read: a named pipe, device or socket would block or never end."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return "not a regular file (a named pipe, device or socket): refused"


def _read_file(path: Path, max_bytes: int) -> bytes:
    """Read a file's bytes, refusing directories, missing paths and oversized files."""
    try:
        if path.is_dir():
            raise InputError("is a directory (give the files in it, or use `newsdesk ingest`)")
        if not path.exists():
            raise InputError("no such file")
        problem = not_a_regular_file(path)
        if problem:
            raise InputError(problem)
        size = path.stat().st_size
        compressed = path.suffix == ".gz"
        if size > max_bytes and not compressed:
            raise InputError(f"too large ({human_size(size)}, the limit is {human_size(max_bytes)})")
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
