"""The extract stage: newsdesk's spaCy components, one sub-package (or module) each.

Every component is declared once, in :data:`newsdesk.components.COMPONENTS`; its module
registers the spaCy factory (``@factory("<name>")`` from :mod:`.registration`) and writes record
types from :mod:`newsdesk.record` onto ``Doc`` extensions: ``doc._.entities``, ``doc._.quotes``,
``doc._.places``, ``doc._.claims``, ``doc._.tone`` and ``doc._.quote_tones``.
:func:`load_factories` imports those modules; :func:`fill` copies a Doc's results into an
:class:`~newsdesk.record.Article`.

This package imports no spaCy itself: the vocabularies and record types under it can be read
by the store and the web desk without loading a model. Entity ids are "E1", "E2", … in order
of first mention, quote ids "Q1", …, claim ids "C1", …
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from newsdesk.components import COMPONENTS
from newsdesk.record import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc


def load_factories() -> list[str]:
    """Import every component module (registering its factory); returns the factory names in pipeline order."""
    for entry in COMPONENTS:
        importlib.import_module(entry.module)
    return [entry.factory for entry in COMPONENTS]


def fill(article: Article, doc: Doc) -> None:
    """Copy the components' results from ``doc`` (made from ``article.text``) into ``article``."""
    for entry in COMPONENTS:
        for output in entry.outputs:
            output.fill(article, getattr(doc._, output.extension))
