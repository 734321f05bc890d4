"""The registry of extraction components: the one list every stage derives its own from.

Each :class:`Component` says what spaCy's factory registration says (the factory name,
what it ``requires`` and ``assigns``, so ``nlp.analyze_pipes()`` checks the order) and what
newsdesk needs around it: the module that registers the factory, the ``Doc`` extensions it
assigns and how each reaches the :class:`~newsdesk.record.Article`, and the store tables it
owns. The pipeline builds spaCy's pipeline from :data:`COMPONENTS`; the store deletes a
revision's rows and exports tables from it; the web desk shows one partial per component.

This module imports no spaCy and no stage, so the store and the web desk can read it. Adding a
component is one entry here; the files it needs are listed in docs/architecture.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from newsdesk.record import Article


@dataclass(frozen=True, slots=True)
class Output:
    """One ``Doc`` extension a component assigns, and how its value enters the record."""

    extension: str
    """The ``doc._.<extension>`` name."""
    many: bool
    """A list (a new empty one per Doc until the component runs) or a single value (``None``)."""
    fill: Callable[[Article, Any], None]
    """Puts the extension's value into the article record."""


@dataclass(frozen=True, slots=True)
class Component:
    """What one extraction component is and what it touches."""

    name: str
    """Short name: the sub-package of :mod:`newsdesk.extract` and the key of its store writer."""
    factory: str
    """spaCy factory name (``nlp.add_pipe(factory)``)."""
    module: str
    """Module whose import registers the factory (spaCy is imported there, not here)."""
    outputs: tuple[Output, ...]
    requires: tuple[str, ...] = ()
    """spaCy's ``requires``: annotations that must be set before it runs."""
    tables: tuple[str, ...] = ()
    """Store tables holding this component's rows of one article, referring tables first."""
    exports: tuple[str, ...] = ()
    """Store tables the csv/parquet exports write for it, referred-to tables first."""

    @property
    def assigns(self) -> tuple[str, ...]:
        """spaCy's ``assigns``: the extensions this component sets."""
        return tuple(f"doc._.{output.extension}" for output in self.outputs)


def _set(field: str, many: bool) -> Callable[[Article, Any], None]:
    """A ``fill`` that copies an extension's value to the record field of the same name."""

    def fill(article: Article, value: Any) -> None:
        setattr(article, field, list(value or ()) if many else value)

    return fill


def _quote_tones(article: Article, tones: Mapping[str, float | None] | None) -> None:
    """The tone component scores quotes it does not own: their scores join the quote records here."""
    for quote in article.quotes:
        quote.tone = (tones or {}).get(quote.id)


# How a warning names a place the places component could not resolve (the desk lists these apart).
UNRESOLVED_PLACE = "unresolved place: "


def _unresolved_places(article: Article, names: list[str] | None) -> None:
    """Place names the places component could not resolve become the article's warnings."""
    article.warnings += [UNRESOLVED_PLACE + name for name in names or ()]


def _output(extension: str, many: bool = True) -> Output:
    return Output(extension, many, _set(extension, many))


# Pipeline order matters: quotes resolve speakers to entities, claims need quotes and places,
# tone scores the quotes.
COMPONENTS: Final[tuple[Component, ...]] = (
    Component(
        name="entities",
        factory="newsdesk_entities",
        module="newsdesk.extract.entities.component",
        outputs=(_output("entities"),),
        requires=("token.dep", "doc.ents"),
        tables=("mentions", "entity_titles", "article_entities"),
        exports=("entities", "article_entities", "entity_titles", "mentions"),
    ),
    Component(
        name="quotes",
        factory="newsdesk_quotes",
        module="newsdesk.extract.quotes.component",
        outputs=(_output("quotes"),),
        requires=("token.dep", "doc._.entities"),
        tables=("quotes",),
        exports=("quote_groups", "quotes"),
    ),
    Component(
        name="places",
        factory="newsdesk_places",
        module="newsdesk.extract.places.component",
        outputs=(_output("places"), Output("unresolved_places", True, _unresolved_places)),
        requires=("doc.ents",),
        tables=("places",),
        exports=("places",),
    ),
    Component(
        name="claims",
        factory="newsdesk_claims",
        module="newsdesk.extract.claims.component",
        outputs=(_output("claims"),),
        requires=("token.dep", "doc._.quotes", "doc._.places"),
        tables=("claims",),
        exports=("claims",),
    ),
    Component(
        name="tone",
        factory="newsdesk_tone",
        module="newsdesk.extract.tone",
        outputs=(_output("tone", many=False), Output("quote_tones", False, _quote_tones)),
        requires=("doc._.quotes",),
    ),
)


def component_tables() -> tuple[str, ...]:
    """Every table holding one article's extracted rows, in an order safe to delete them in
    (the last component's first: claims cite quotes, quotes cite entities)."""
    return tuple(table for component in reversed(COMPONENTS) for table in component.tables)


def export_tables() -> tuple[str, ...]:
    """The tables the csv/parquet exports write, each after the tables it refers to."""
    components = tuple(table for component in COMPONENTS for table in component.exports)
    return ("story_groups", "articles", *components, "ingest_errors")
