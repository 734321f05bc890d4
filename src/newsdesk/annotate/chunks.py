"""Annotating a long text: in paragraph-aligned chunks, joined back with the text's own offsets.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) because its parser and entity
recogniser hold the whole text in memory at once, and long before that limit one text costs more
memory than a batch of news pages. A long article is cut into chunks, at the last paragraph break
of each window when there is one (a paragraph break ends a sentence in news text, so the cut changes
no sentence), else a line break, a full stop or a space, and only as a last resort inside a word.
The chunks go through ``nlp.pipe`` and are joined with ``Doc.from_docs`` without added whitespace, so
the joined Doc's text is the article's text character for character and every offset found in it is
an offset in the article.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Characters spaCy annotates at once in a long text. Its parser and entity recogniser take about 3.3 KB
# per character in flight (peak over the loaded model for a 200,000-character text we wrote: 670 MB in
# one piece, 374 MB in chunks of 100,000 and 85 MB in chunks of 20,000, one at a time), so a text
# over this is annotated in chunks of at most this size, one at a time (a text at spaCy's own limit in
# one piece would take over 3 GB, extrapolated). News articles are far shorter: annotated whole, as before.
CHUNK_CHARACTERS = 100_000
# Where a chunk may end, best first: after a paragraph break, a line break, a sentence's full stop,
# any space. A cut is taken only in the second half of its window, so every chunk but the last holds
# at least half the limit and a text of n characters makes at most 2n/limit + 1 chunks.
_CUTS = ("\n\n", "\n", ". ", " ")


def chunk_ends(text: str, limit: int) -> list[int]:
    """The offsets where the chunks of ``text`` end (the last is ``len(text)``); each chunk holds at
    most ``limit`` characters and ends after the best cut its window offers."""
    if limit < 2:
        raise ValueError(f"a chunk limit of {limit} characters is too small")
    ends: list[int] = []
    start = 0
    while len(text) - start > limit:
        start += _cut(text[start : start + limit])
        ends.append(start)
    ends.append(len(text))
    return ends


def _cut(window: str) -> int:
    """Where in a full window the chunk ends: just after the last, best cut in its second half."""
    for mark in _CUTS:
        at = window.rfind(mark, len(window) // 2)
        if at >= 0:
            return at + len(mark)
    return len(window)


def split(text: str, limit: int) -> list[str]:
    """``text`` as consecutive chunks of at most ``limit`` characters that join back to it."""
    return [text[a:b] for a, b in pairwise([0, *chunk_ends(text, limit)])]


def chunk_limit(nlp: Language) -> int:
    """The most characters ``nlp`` annotates in one piece: a longer text goes in chunks."""
    return min(nlp.max_length, CHUNK_CHARACTERS)


def annotate_in_chunks(nlp: Language, text: str) -> Doc:
    """spaCy's components over ``text`` in chunks of at most :func:`chunk_limit`, one at a time, joined
    into one Doc whose text is ``text``. The joined Doc carries tokens, tags, parse, sentences and
    entities; not the tensor, which nothing downstream reads."""
    from spacy.tokens import Doc

    docs = list(nlp.pipe(split(text, chunk_limit(nlp)), batch_size=1))
    # spaCy's stub lacks the ``exclude`` keyword Doc.from_docs has taken since 3.3.
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
    if doc.text != text:
        raise RuntimeError("the annotated chunks do not join back into the text")
    return doc
