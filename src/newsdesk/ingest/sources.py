"""What ``newsdesk ingest`` is given, turned into a list of small work items.

Inputs: page files (``.html``, ``.htm``, ``.html.gz``, ``.txt``, anything named explicitly),
directories (recursively, files with those suffixes), glob patterns, http(s) URLs, URL lists
(``.urls`` files or ``--urls FILE``: one URL a line, ``#`` comments), JSONL files (``.jsonl``,
``.ndjson``: ``{"url", "html"}``, ``{"url", "text"}`` or newsdesk records), and ``-`` for
stdin (JSONL when it starts with ``{``, else one page). Items carry paths and offsets, not
page contents, so a run over a million pages keeps the parent process small.

What a page is (:class:`PageMeta`: input format, URL, site, publication date) comes from the
command line for a single input, from a ``PAGE.meta.json`` sidecar next to a page file, or
from the fields of a JSONL line; each field given wins over what the cleaner finds in the page.
"""

from __future__ import annotations

import glob
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, cast, get_args

from newsdesk.errors import InputError
from newsdesk.read import InputFormatOption, is_url, not_a_regular_file
from newsdesk.read.decode import human_size
from newsdesk.read.warc import is_warc, list_warc_pages
from newsdesk.record import Article, iso_published

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".txt")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
URL_LIST_SUFFIXES = (".urls",)
SIDECAR_SUFFIX = ".meta.json"
_META_FIELDS = ("input_format", "url", "site", "published")


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What is known about a page from outside it; ``None`` leaves a field to the cleaner."""

    input_format: InputFormatOption = "auto"
    url: str | None = None
    site: str | None = None
    published: str | None = None

    def over(self, other: PageMeta) -> PageMeta:
        """These fields, and ``other``'s where these are unset."""
        return PageMeta(
            self.input_format if self.input_format != "auto" else other.input_format,
            self.url or other.url,
            self.site or other.site,
            self.published or other.published,
        )

    def apply(self, article: Article) -> None:
        """Give the cleaned article the site and date known from outside (the URL is the reader's)."""
        if self.site:
            article.site = self.site
        if self.published:
            article.published = self.published


def page_meta(data: dict[str, Any], where: str) -> PageMeta:
    """The metadata fields of a sidecar or JSONL object, checked; an :class:`InputError` names a bad one."""
    values = {key: data.get(key) for key in _META_FIELDS}
    for key, value in values.items():
        if value is not None and not isinstance(value, str):
            raise InputError(f'{where}: "{key}" must be a string')
    fmt = values["input_format"] or "auto"
    if fmt not in get_args(InputFormatOption):
        raise InputError(f'{where}: "input_format" must be one of {", ".join(get_args(InputFormatOption))}')
    url = values["url"]
    if url and not is_url(url):
        raise InputError(f'{where}: "url" must be an http(s) URL')
    published = values["published"]
    if published:
        published = iso_published(published)
        if published is None:
            raise InputError(f'{where}: "published" must be an ISO 8601 date (YYYY-MM-DD) or date-time')
    return PageMeta(cast(InputFormatOption, fmt), url or None, values["site"] or None, published)


def sidecar_meta(path: Path) -> PageMeta:
    """The ``PAGE.meta.json`` next to ``path`` (``page.html.meta.json``, else ``page.meta.json``), if any."""
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX), _stem_sidecar(path)):
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise InputError(f"{candidate.name}: not valid JSON: {exc}") from None
            if not isinstance(data, dict):
                raise InputError(f"{candidate.name}: must be a JSON object")
            return page_meta(data, candidate.name)
    return PageMeta()


def _stem_sidecar(path: Path) -> Path:
    lower = path.name.lower()
    for suffix in PAGE_SUFFIXES:
        if lower.endswith(suffix):
            return path.with_name(path.name[: -len(suffix)] + SIDECAR_SUFFIX)
    return path.with_name(path.stem + SIDECAR_SUFFIX)


# Standard input is spooled to disk for the workers: a JSONL stream of many pages may be large,
# but not without end (a runaway pipe must not fill the disk).
MAX_STDIN_BYTES = 1 << 30


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
    meta: PageMeta = PageMeta()


@dataclass
class Inputs:
    """The work items of one run, and the temporary files (stdin) to remove afterwards."""

    items: list[Item] = field(default_factory=list)
    temporary: list[Path] = field(default_factory=list)

    def cleanup(self) -> None:
        for path in self.temporary:
            path.unlink(missing_ok=True)


def collect(inputs: list[str], url_files: list[str] | None = None, meta: PageMeta | None = None) -> Inputs:
    """Expand the command line's inputs into work items, in a stable order; ``meta`` (the command
    line's) goes with every page file and URL."""
    out = _collect(inputs, url_files)
    if meta is not None and meta != PageMeta():
        out.items = [replace(item, meta=meta) if item.path or item.url else item for item in out.items]
    return out


def _collect(inputs: list[str], url_files: list[str] | None) -> Inputs:
    out = Inputs()
    for name in inputs:
        if name == "-":
            _stdin(out)
        elif is_url(name):
            out.items.append(Item(source=name, url=name))
        elif Path(name).is_dir():
            found = _walk(Path(name))
            if not found:
                out.items.append(Item(source=name, error="a folder with no pages in it (.html, .txt, .jsonl, .warc…)"))
            for path in found:
                _file(out, path, explicit=False)
        elif not Path(name).exists() and glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                out.items.append(Item(source=name, error="no file matches this pattern"))
            for match in matches:
                if Path(match).is_dir():
                    for path in _walk(Path(match)):
                        _file(out, path, explicit=False)
                elif not match.lower().endswith(SIDECAR_SUFFIX):
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
            if (
                not filename.startswith(".")
                and not lower.endswith(SIDECAR_SUFFIX)
                and lower.endswith(PAGE_SUFFIXES + JSONL_SUFFIXES + URL_LIST_SUFFIXES + WARC_SUFFIXES)
            ):
                found.append(Path(dirpath) / filename)
    return found


def _file(out: Inputs, path: Path, *, explicit: bool) -> None:
    lower = path.name.lower()
    problem = not_a_regular_file(path) if path.exists() else None
    if problem:
        out.items.append(Item(source=str(path), error=problem))
    elif lower.endswith(JSONL_SUFFIXES):
        _jsonl(out, path, str(path))
    elif lower.endswith(URL_LIST_SUFFIXES):
        _url_list(out, path)
    elif explicit or lower.endswith(PAGE_SUFFIXES + WARC_SUFFIXES):  # a folder's archives too
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
            listing = list_warc_pages(Path(item.path))
        except InputError as exc:
            out.append(Item(source=item.source, error=str(exc)))
            continue
        out.extend(
            Item(source=f"{url} (in {item.source})", url=url or None, warc=(item.path, offset, item.path))
            for offset, url in listing.pages
        )
        if listing.problem:
            out.append(Item(source=item.source, error=listing.problem))
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


def _copy_at_most(source: IO[bytes], target: IO[bytes], limit: int) -> int:
    """Copy up to ``limit + 1`` bytes (enough to tell that there was more); the bytes copied."""
    copied = 0
    while copied <= limit:
        chunk = source.read(min(1 << 20, limit + 1 - copied))
        if not chunk:
            break
        target.write(chunk)
        copied += len(chunk)
    return copied


def _stdin(out: Inputs) -> None:
    """Spool stdin to a temporary file, so workers can read it like any other input."""
    with tempfile.NamedTemporaryFile(prefix="newsdesk-stdin-", delete=False) as handle:
        copied = _copy_at_most(sys.stdin.buffer, handle, MAX_STDIN_BYTES)
    path = Path(handle.name)
    out.temporary.append(path)
    if copied > MAX_STDIN_BYTES:
        out.items.append(Item(source="-", error=f"standard input over {human_size(MAX_STDIN_BYTES)}: refused"))
        return
    with path.open("rb") as spooled:
        start = spooled.read(64).lstrip()
    if start.startswith(b"{"):
        _jsonl(out, path, "-")
    else:
        out.items.append(Item(source="-", path=str(path)))
