"""The text of a parsed document, joined once.

spaCy's ``Doc.text`` joins every token on each access; a stage that reads it per claim or per
quote spends most of its time there (on PolNeAR dev the claims stage spent 60% of its time
re-joining texts). Cached in ``doc.user_data``: a parsed Doc's text never changes.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "newsdesk_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on the first call for this Doc and kept."""
    text = doc.user_data.get(_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_KEY] = text
    return text
