"""The places component (``newsdesk_places``): every place an article names, geocoded offline.

:mod:`.gazetteer` holds the data, :mod:`.mentions` says what counts as a mention (with
:mod:`.signals`, what the surrounding words say: state abbreviations, locative words, names
inside other names, clubs, titles), :mod:`.resolve` disambiguates, :mod:`.focus` marks what
the article is about, :mod:`.confidence` scores each place, and :mod:`.component` is the
spaCy component that fills ``doc._.places``.
"""
