"""Normalisation helpers shared by the writer and the queries.

Keys decide what the store treats as "the same": the same person across articles and
sites, the same quote across wire copies, the same claim repeated by several outlets. They
are deliberately simple (accents, case, punctuation and spacing ignored) so that a user can
predict them, and they live in one place so that writing and querying agree. The fold itself is
:func:`newsdesk.vocab.names.fold`, which the extract stage's name keys share.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from functools import lru_cache

from newsdesk.vocab.names import KEY_HONORIFICS, fold

_WORD = re.compile(r"\w+")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# Entity names kept folded: a news stream names the same few thousand entities over and over
# (each of the writer bench's articles has ~43 entities, with 2-3 names each, mostly seen before).
_NAME_CACHE = 1 << 16


@lru_cache(maxsize=_NAME_CACHE)
def entity_key(name: str, entity_type: str) -> str:
    """The cross-article identity of an entity: its type and folded name, honorifics dropped ("Mr X" is "X")."""
    words = fold(name).split()
    while len(words) > 1 and words[0] in KEY_HONORIFICS:
        words = words[1:]
    return f"{entity_type.strip().upper()}:{' '.join(words)}"


def digest(*parts: str) -> str:
    """A short stable hash of some strings, for unique keys."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def content_hash(text: str) -> str:
    """What makes two fetches of one URL "the same page": the cleaned text, exactly."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def words(text: str) -> list[str]:
    """The folded word tokens of ``text``. ASCII text has no accents to fold and its other folding
    (quotes, spacing) never changes a word, so lower case is all it takes: the full fold of every
    quote was a tenth of the store writer's client time."""
    if text.isascii():
        return _WORD.findall(text.lower())
    return _WORD.findall(fold(text))


def jaccard(a: str, b: str) -> float:
    """Jaccard similarity of the word sets of two short texts (quotes)."""
    sa, sb = set(words(a)), set(words(b))
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def iso_date(published: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO 8601 publication date, or None when there is none."""
    if not published:
        return None
    match = _DATE.match(published.strip())
    return "-".join(match.groups()) if match else None


def now() -> str:
    """The current UTC time as ISO 8601 text (timestamps are text in both backends)."""
    return datetime.now(UTC).isoformat(timespec="seconds")
