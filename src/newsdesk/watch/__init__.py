"""Following sources: ``newsdesk watch`` polls feeds, sitemaps and sites and ingests their new stories.

Module map: :mod:`.http` (polite fetching: robots.txt, per-host delay, conditional GET,
retries, caps), :mod:`.listing` (a fetched feed, sitemap or home page → the item URLs it
names), :mod:`.loop` (one pass over the sources, the polling loop and its stop signal).
The pages themselves go through :mod:`newsdesk.ingest.local`, so a watched story is stored
exactly as an ingested one; what was seen is kept by :mod:`newsdesk.store.sources`.
"""
