"""Writers of what the extraction components found: one module per component, registered by name.

Each module registers one function with ``@writer("<component name>")`` (the names of
:data:`newsdesk.components.COMPONENTS`) that writes its rows for a whole batch of articles, one
statement per table, and may register a ``@preparer`` that reads what it needs from the store as it
was before the batch (before a revised article's old rows are deleted). :func:`write_components`
runs them in the registry's order, so a writer finds the store ids of what earlier components wrote
(a quote's speaker entity, a claim's quote) in :attr:`ArticleRows.ids`. A component whose results
live on the article row (tone) has no tables and no writer.

A batch is written as if its articles were written one after another: a writer that looks up
what is stored (an entity by name, a quote group by key) also looks at what the batch's earlier
articles wrote, so the rows and their ids are the ones an article-by-article write gives.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsdesk.components import COMPONENTS
from newsdesk.record import Article
from newsdesk.store.backend import Backend, StoreError


@dataclass(slots=True)
class ArticleRows:
    """One article of a batch: its record, the ids its rows hang on, and the ids its components' rows got."""

    article: Article
    pk: int
    """The article's row id."""
    story_group: int
    revised: bool = False
    """A new revision of a stored article (its old rows were there until this batch)."""
    ids: dict[str, dict[str, int]] = field(default_factory=dict)
    """Component name → the record's local id ("E1", "Q2") → the row id it was stored under."""


@dataclass(slots=True)
class Batch:
    """The articles one transaction writes, in order, and what the preparers read before it."""

    db: Backend
    articles: list[ArticleRows]
    before: dict[str, Any] = field(default_factory=dict)
    """Component name → what its preparer read from the store as it was before the batch."""

    def revised_before(self, position: int) -> set[int]:
        """Ids of the articles revised earlier in the batch than ``position``: their old rows are gone by then."""
        return {rows.pk for rows in self.articles[:position] if rows.revised}


Writer = Callable[[Batch], None]
_WRITERS: dict[str, Writer] = {}
_PREPARERS: dict[str, Writer] = {}


def writer(name: str) -> Callable[[Writer], Writer]:
    """Register the decorated function as the writer of component ``name``."""

    def register(function: Writer) -> Writer:
        _WRITERS[name] = function
        return function

    return register


def preparer(name: str) -> Callable[[Writer], Writer]:
    """Register the decorated function to read, before the batch deletes anything, what ``name``'s writer needs."""

    def register(function: Writer) -> Writer:
        _PREPARERS[name] = function
        return function

    return register


@cache
def writers() -> dict[str, Writer]:
    """Every registered writer, its module imported once (a writer is one file in this package)."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    missing = [c.name for c in COMPONENTS if c.tables and c.name not in _WRITERS]
    if missing:
        raise StoreError(f"no store writer for component(s): {', '.join(missing)}")
    return dict(_WRITERS)


def prepare_components(batch: Batch) -> None:
    """Run every preparer, in pipeline order (before the batch deletes revised articles' rows)."""
    writers()
    for component in COMPONENTS:
        if component.name in _PREPARERS:
            _PREPARERS[component.name](batch)


def write_components(batch: Batch) -> None:
    """Write every component's rows of the batch, in pipeline order."""
    registered = writers()
    for component in COMPONENTS:
        if component.tables:
            registered[component.name](batch)
