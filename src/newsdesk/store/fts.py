"""User search text → an FTS5 query with the same meaning as PostgreSQL's ``websearch_to_tsquery``.

Passing user text straight to FTS5 ``MATCH`` fails on ordinary input (a stray quote, a
hyphen, ``AND`` in lower case) and lets users write column filters. Both backends instead
accept one small, forgiving syntax: words (all required), ``"exact phrases"``, ``or``
between two terms, and ``-word`` to exclude. Every term reaches FTS5 as a quoted string.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


def fts5_query(text: str) -> str:
    """The FTS5 query for ``text``; a query that can match nothing when ``text`` has no words."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    join_next = False
    for match in _TOKEN.finditer(text):
        negate, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None and bare.lower() == "or":
            join_next = bool(groups)
            continue
        if bare is not None and bare.startswith("-"):
            negate, bare = "-", bare[1:]
        term = _phrase(phrase if phrase is not None else bare or "")
        if term is None:
            continue
        if negate:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    if not groups:
        return '""'
    query = " AND ".join(f"({' OR '.join(group)})" if len(group) > 1 else group[0] for group in groups)
    return query + "".join(f" NOT {term}" for term in excluded)


def _phrase(text: str) -> str | None:
    words = _WORD.findall(text)
    return '"' + " ".join(words) + '"' if words else None
