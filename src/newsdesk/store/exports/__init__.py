"""Exports, one module per format, each registering itself here under its name.

A format either streams one file (``jsonl``, ``gkg``, ``quotes-csv``, ``gexf``…: a text stream,
stdout by default), writes one binary file at a path (``xlsx``), or writes one file per table
into a directory (``csv``, ``parquet``). ``newsdesk export`` lists
its ``--format`` choices from :func:`formats`, so adding a format is adding one module.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from newsdesk.store import Store


class StreamWriter(Protocol):
    """Writes the export to a text stream; returns the number of rows. What the desk hides by
    default — non-speech attributions and unsure quotes, unsure claims, sports and market-table
    figures — is left out unless ``everything`` (:mod:`newsdesk.store.shown`)."""

    def __call__(self, store: Store, out: IO[str], *, everything: bool = False) -> int: ...


class TableWriter(Protocol):
    """Writes one file per table into a directory; returns the rows of each table. Quotes and
    claims are filtered as for :class:`StreamWriter`."""

    def __call__(self, store: Store, directory: Path, *, everything: bool = False) -> dict[str, int]: ...


class FileWriter(Protocol):
    """Writes the export to one binary file at a path (a workbook cannot stream as text); returns
    the rows written. Quotes and claims are filtered as for :class:`StreamWriter`."""

    def __call__(self, store: Store, path: Path, *, everything: bool = False) -> int: ...


@dataclass(frozen=True, slots=True)
class Format:
    """One registered format: exactly one of ``stream``, ``file`` and ``tables`` is set."""

    name: str
    stream: StreamWriter | None = None
    tables: TableWriter | None = None
    file: FileWriter | None = None


_FORMATS: dict[str, Format] = {}


def stream_format(name: str) -> Callable[[StreamWriter], StreamWriter]:
    """Register the decorated function as the ``name`` format, written to one stream."""

    def register(write: StreamWriter) -> StreamWriter:
        _FORMATS[name] = Format(name, stream=write)
        return write

    return register


def table_format(name: str) -> Callable[[TableWriter], TableWriter]:
    """Register the decorated function as the ``name`` format, one file per table in a directory."""

    def register(write: TableWriter) -> TableWriter:
        _FORMATS[name] = Format(name, tables=write)
        return write

    return register


def file_format(name: str) -> Callable[[FileWriter], FileWriter]:
    """Register the decorated function as the ``name`` format, one binary file at a given path."""

    def register(write: FileWriter) -> FileWriter:
        _FORMATS[name] = Format(name, file=write)
        return write

    return register


def formats() -> dict[str, Format]:
    """Every format by name: importing this package's modules is what registers them."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return dict(sorted(_FORMATS.items()))
