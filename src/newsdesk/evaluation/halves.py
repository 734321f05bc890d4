"""A fixed split of every dev set into a tuning half and a held-back half.

Rules are tuned on one half and confirmed on the other; the split must not move when pages
are added or reordered, so it is a hash of each page's own key (the benchmark's page id, the
snippet set's URL), never a position. The same rule serves every data set.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from newsdesk.errors import InputError

Half = Literal["tune", "check"]
HALVES: tuple[Half, Half] = ("tune", "check")


def half_of(key: str) -> Half:
    """The half ``key`` belongs to: by the parity of the first byte of its SHA-1."""
    return HALVES[hashlib.sha1(key.encode("utf-8")).digest()[0] % 2]


def in_half(key: str, half: str | None) -> bool:
    """Whether the page ``key`` is in ``half`` (every page when ``half`` is ``None``)."""
    if half is None:
        return True
    if half not in HALVES:
        raise InputError(f"unknown half {half!r}: use one of {', '.join(HALVES)}")
    return half_of(key) == half
