"""Numbers as exports write them: exact and without exponents.

``str(1.6e11)`` and ``f"{v:g}"`` give ``1.6e+11``, which spreadsheet and GKG readers take as
text (or, in GKG's comma-separated Amounts, as two fields); every export writes through here.
"""

from __future__ import annotations

from decimal import Decimal


def plain(value: float | int | None) -> str:
    """``value`` in positional notation with no trailing zeros (``160000000000``, ``0.00012``); "" for None."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    # repr is the shortest string that reads back as the same float; Decimal expands its exponent.
    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
