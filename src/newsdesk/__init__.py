"""newsdesk: who said what, about whom, where and how many — structured records from news pages.

>>> import newsdesk
>>> article = newsdesk.extract("page.html", url="https://example.org/story")
>>> print(article.to_json(indent=2))
"""

from __future__ import annotations

__version__ = "0.1.0"

from newsdesk.errors import InputError
from newsdesk.pipeline import extract
from newsdesk.record import Article

__all__ = ["Article", "InputError", "__version__", "extract"]
