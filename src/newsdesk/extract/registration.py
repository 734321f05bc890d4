"""How a component module registers itself with spaCy, from its entry in :mod:`newsdesk.components`.

``@factory("quotes")`` on a component's make function is ``@Language.factory`` with the name,
``requires`` and ``assigns`` the registry declares, and it installs the component's ``Doc``
extensions. Extensions keep their values per Doc (in ``doc.user_data``): an unset list
extension reads as a new empty list, never a default shared by every Doc.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.components import COMPONENTS, Component, Output

Factory = TypeVar("Factory", bound=Callable[..., Any])
_KEY = "newsdesk"


def component(name: str) -> Component:
    """The registry entry of the component called ``name``."""
    for entry in COMPONENTS:
        if entry.name == name:
            return entry
    raise KeyError(f"no component named {name!r} in newsdesk.components.COMPONENTS")


def factory(name: str, *, default_config: dict[str, Any] | None = None) -> Callable[[Factory], Factory]:
    """Register the decorated make function as the spaCy factory of component ``name``;
    ``default_config`` holds the component's tuned values (overridable through ``add_pipe``)."""
    entry = component(name)
    for output in entry.outputs:
        install(output)
    return Language.factory(
        entry.factory, default_config=default_config or {}, requires=list(entry.requires), assigns=list(entry.assigns)
    )


def install(output: Output) -> None:
    """Declare ``doc._.<extension>`` with per-Doc storage, once per process."""
    if Doc.has_extension(output.extension):
        return
    key = f"{_KEY}:{output.extension}"

    def get(doc: Doc) -> Any:
        value = doc.user_data.get(key)
        return ([] if output.many else None) if value is None else value

    def set_(doc: Doc, value: Any) -> None:
        doc.user_data[key] = value

    Doc.set_extension(output.extension, getter=get, setter=set_)
