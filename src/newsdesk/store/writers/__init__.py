"""Writers of what the extraction components found: one module per component, registered by name.

Each module registers one function with ``@writer("<component name>")`` (the names of
:data:`newsdesk.components.COMPONENTS`); :func:`write_components` runs them in the registry's
order, so a writer finds the store ids of what earlier components wrote (a quote's speaker
entity, a claim's quote) in :attr:`ArticleRows.ids`. A component whose results live on the
article row (tone) has no tables and no writer.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from newsdesk.components import COMPONENTS
from newsdesk.record import Article
from newsdesk.store.backend import Backend, StoreError


@dataclass(slots=True)
class ArticleRows:
    """One article being written: where its rows go, and the ids its components' rows got."""

    db: Backend
    article: Article
    pk: int
    """The article's row id."""
    story_group: int
    ids: dict[str, dict[str, int]] = field(default_factory=dict)
    """Component name → the record's local id ("E1", "Q2") → the row id it was stored under."""


Writer = Callable[[ArticleRows], None]
_WRITERS: dict[str, Writer] = {}


def writer(name: str) -> Callable[[Writer], Writer]:
    """Register the decorated function as the writer of component ``name``."""

    def register(function: Writer) -> Writer:
        _WRITERS[name] = function
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


def write_components(rows: ArticleRows) -> None:
    """Write every component's rows of one article, in pipeline order."""
    registered = writers()
    for component in COMPONENTS:
        if component.tables:
            registered[component.name](rows)
