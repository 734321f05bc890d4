"""The web desk and JSON API over the store (FastAPI + Jinja); ``newsdesk serve`` runs it.

Module map: :mod:`.app` (the application), :mod:`.data` (the store handle per request),
:mod:`.views` (HTML pages), :mod:`.api` (JSON), :mod:`.render` and :mod:`.charts` (what the
pages show), :mod:`.common` (query parameters shared by pages and API), :mod:`.security`
(request limits). Every query is a :class:`newsdesk.store.Store` method: this package holds no
SQL, and it loads spaCy only when a user pastes a page to extract.
"""
