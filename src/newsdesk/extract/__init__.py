"""The extract stage: newsdesk's spaCy components, one per file, and how their results reach the record.

Each component is a registered spaCy factory (``nlp.add_pipe("newsdesk_quotes")``) that
writes record types from :mod:`newsdesk.record` onto ``Doc`` extensions:
``doc._.entities``, ``doc._.quotes``, ``doc._.places``, ``doc._.claims``, ``doc._.tone``.
:data:`COMPONENTS` lists them in pipeline order; :func:`fill` copies a Doc's results into
an :class:`~newsdesk.record.Article`.

Writing a component: one module here, registered with ``@Language.factory("newsdesk_<name>")``;
import the module at the bottom of this file (so the factory exists before ``add_pipe``) and
add its name to :data:`COMPONENTS`. A component must assign new lists to the extensions,
never append to the shared defaults. Entity ids are "E1", "E2", … in order of first mention,
quote ids "Q1", …, claim ids "C1", …; ``newsdesk.extract.entities.entity_for_span(doc, start,
end)`` maps a character span to the entity that has a mention there.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.record import Article

# Pipeline order matters: quotes resolve speakers to entities, claims need quotes and places.
COMPONENTS: list[str] = ["newsdesk_entities", "newsdesk_quotes", "newsdesk_places", "newsdesk_claims", "newsdesk_tone"]

for _name, _default in (("entities", []), ("quotes", []), ("places", []), ("claims", []), ("tone", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def fill(article: Article, doc: Doc) -> None:
    """Copy the components' results from ``doc`` (made from ``article.text``) into ``article``."""
    article.entities = list(doc._.entities)
    article.quotes = list(doc._.quotes)
    article.places = list(doc._.places)
    article.claims = list(doc._.claims)
    article.tone = doc._.tone


# Component modules, imported last so their factories are registered before add_pipe.
from newsdesk.extract import (  # noqa: E402
    claims,  # noqa: F401
    entities,  # noqa: F401
    places,  # noqa: F401
    quotes,  # noqa: F401
    tone,  # noqa: F401
)
