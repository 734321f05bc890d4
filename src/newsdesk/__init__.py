"""newsdesk: who said what, about whom, where and how many — structured records from news pages.

>>> import newsdesk
>>> article = newsdesk.extract("page.html", url="https://example.org/story")
>>> print(article.to_json(indent=2))
"""

from __future__ import annotations

__version__ = "0.1.0"

import sys
from types import ModuleType
from typing import TYPE_CHECKING

from newsdesk.errors import InputError
from newsdesk.record import Article

if TYPE_CHECKING:
    from newsdesk.pipeline import extract

__all__ = ["Article", "InputError", "__version__", "extract"]


class _Package(ModuleType):
    """``newsdesk.extract`` loads the pipeline (and spaCy) on first use, so that importing the store or
    the web desk does not. A property, not a module ``__getattr__``: importing the ``newsdesk.extract``
    sub-package sets this same attribute to the sub-package, and the function must still win."""

    @property
    def extract(self) -> object:
        from newsdesk.pipeline import extract

        return extract

    @extract.setter
    def extract(self, value: object) -> None:
        """The import system naming the sub-package here: it stays in ``sys.modules`` all the same."""


sys.modules[__name__].__class__ = _Package
