"""The places component (``newsdesk_places``): every place an article names, geocoded offline.

:mod:`.gazetteer` holds the data, :mod:`.mentions` says what counts as a mention,
:mod:`.resolve` disambiguates, and :mod:`.component` is the spaCy component that fills
``doc._.places``.
"""
