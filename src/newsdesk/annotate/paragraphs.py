"""``newsdesk_paragraphs``: a sentence starts after every blank-line paragraph break.

The parser of the small English model sometimes runs a headline into the first body
sentence, or one paragraph into the next. A paragraph break (a line break followed by an
empty line) always ends a sentence in news text, so the token after one is marked as a
sentence start before the parser runs; the parser keeps preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsdesk_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Mark the first token after each blank line as a sentence start."""
    after_break = False
    for token in doc:
        if token.is_space:
            if token.text.count("\n") >= 2:
                after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
            if token.i + 1 < len(doc) and not doc[token.i + 1].is_space:
                # With a preset start, the parser tends to cut again after the first word
                # ("Council | member Aram Vick said …"); a one-word sentence never opens a paragraph.
                doc[token.i + 1].is_sent_start = False
        after_break = False
        if "\n\n" in token.whitespace_:
            after_break = True
    return doc
