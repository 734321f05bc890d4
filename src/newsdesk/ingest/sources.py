"""What ``newsdesk ingest`` is given, turned into a list of small work items.

Inputs: page files (``.html``, ``.htm``, ``.html.gz``, ``.txt``, anything named explicitly),
directories (recursively, files with those suffixes), glob patterns, http(s) URLs, URL lists
(``.urls`` files or ``--urls FILE``: one URL a line, ``#`` comments), JSONL files (``.jsonl``,
``.ndjson``: ``{"url", "html"}``, ``{"url", "text"}`` or newsdesk records), and ``-`` for
stdin (JSONL when it starts with ``{``, else one page). Items carry paths and offsets, not
page contents, so a run over a million pages keeps the parent process small.
"""

from __future__ import annotations

import glob
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.errors import InputError
from newsdesk.read import is_url
from newsdesk.read.warc import is_warc, list_warc_pages

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".txt")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
URL_LIST_SUFFIXES = (".urls",)


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to ingest; exactly one of ``path``, ``url``, ``jsonl``, ``warc`` or ``error`` says what.

    A ``warc`` page is (file to read, record offset, file name to record as its source) and also
    carries the ``url`` its crawler recorded."""

    source: str
    path: str | None = None
    url: str | None = None
    jsonl: tuple[str, int] | None = None
    warc: tuple[str, int, str] | None = None
    error: str | None = None


@dataclass
class Inputs:
    """The work items of one run, and the temporary files (stdin) to remove afterwards."""

    items: list[Item] = field(default_factory=list)
    temporary: list[Path] = field(default_factory=list)

    def cleanup(self) -> None:
        for path in self.temporary:
            path.unlink(missing_ok=True)


def collect(inputs: list[str], url_files: list[str] | None = None) -> Inputs:
    """Expand the command line's inputs into work items, in a stable order."""
    out = Inputs()
    for name in inputs:
        if name == "-":
            _stdin(out)
        elif is_url(name):
            out.items.append(Item(source=name, url=name))
        elif Path(name).is_dir():
            for path in _walk(Path(name)):
                _file(out, path, explicit=False)
        elif not Path(name).exists() and glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                out.items.append(Item(source=name, error="no file matches this pattern"))
            for match in matches:
                if Path(match).is_dir():
                    for path in _walk(Path(match)):
                        _file(out, path, explicit=False)
                else:
                    _file(out, Path(match), explicit=True)
        else:
            _file(out, Path(name), explicit=True)
    for name in url_files or []:
        _url_list(out, Path(name))
    return out


def _walk(root: Path) -> list[Path]:
    """Ingestible files under ``root``, hidden files and folders skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            lower = filename.lower()
            if not filename.startswith(".") and lower.endswith(
                PAGE_SUFFIXES + JSONL_SUFFIXES + URL_LIST_SUFFIXES + WARC_SUFFIXES
            ):
                found.append(Path(dirpath) / filename)
    return found


def _file(out: Inputs, path: Path, *, explicit: bool) -> None:
    lower = path.name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        _jsonl(out, path, str(path))
    elif lower.endswith(URL_LIST_SUFFIXES):
        _url_list(out, path)
    elif explicit or lower.endswith(PAGE_SUFFIXES):
        out.items.append(Item(source=str(path), path=str(path)))


def expand_warcs(items: list[Item]) -> list[Item]:
    """Replace each WARC file by one item per page in it (record offset and URL), for the local ingest.

    The cluster runner keeps WARC files whole instead and lets a worker list their pages.
    """
    out: list[Item] = []
    for item in items:
        if not (item.path and is_warc(Path(item.path)) and Path(item.path).is_file()):
            out.append(item)
            continue
        try:
            pages = list_warc_pages(Path(item.path))
        except InputError as exc:
            out.append(Item(source=item.source, error=str(exc)))
            continue
        out.extend(
            Item(source=f"{url} (in {item.source})", url=url or None, warc=(item.path, offset, item.path))
            for offset, url in pages
        )
    return out


def _jsonl(out: Inputs, path: Path, source: str) -> None:
    """One item per non-blank line, by byte offset; the worker reads and parses the line."""
    try:
        with path.open("rb") as handle:
            offset = 0
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    out.items.append(Item(source=f"{source}:{number}", jsonl=(str(path), offset)))
                offset += len(line)
    except OSError as exc:
        out.items.append(Item(source=source, error=f"cannot read: {exc.strerror or exc}"))


def _url_list(out: Inputs, path: Path) -> None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        out.items.append(Item(source=str(path), error=f"cannot read: {exc.strerror or exc}"))
        return
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if is_url(text):
            out.items.append(Item(source=text, url=text))
        else:
            out.items.append(Item(source=f"{path}:{number}", error="not an http(s) URL"))


def _stdin(out: Inputs) -> None:
    """Spool stdin to a temporary file, so workers can read it like any other input."""
    with tempfile.NamedTemporaryFile(prefix="newsdesk-stdin-", delete=False) as handle:
        shutil.copyfileobj(sys.stdin.buffer, handle)
    path = Path(handle.name)
    out.temporary.append(path)
    with path.open("rb") as spooled:
        start = spooled.read(64).lstrip()
    if start.startswith(b"{"):
        _jsonl(out, path, "-")
    else:
        out.items.append(Item(source="-", path=str(path)))
