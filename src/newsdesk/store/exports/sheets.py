"""The flat sheets for spreadsheet users: one row per quote (``quotes-csv``) or per claim
(``claims-csv``), each with who said it, their title and where and when it was published.

The same rows back the ``xlsx`` workbook and the desk's CSV download links, which narrow them
with a :class:`Selection` (the quotes of one speaker, the hits of one search). CSV is written
UTF-8 with a byte-order mark: without it Excel reads UTF-8 as the local code page and shows
“ ” as mojibake. Text cells that would start a formula in a spreadsheet are prefixed with an
apostrophe (OWASP's advice for CSV from untrusted pages); numbers are written exactly, never
with an exponent.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal

from newsdesk.store import Store
from newsdesk.store.exports import stream_format
from newsdesk.store.exports.numbers import plain
from newsdesk.store.shown import shown_quote_rows, trusted_rows

CellKind = Literal["text", "number", "date"]
# A spreadsheet starts a formula at a cell beginning with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Column:
    """One sheet column: its header, the query's key and how a cell is typed."""

    header: str
    key: str
    kind: CellKind = "text"


@dataclass(frozen=True, slots=True)
class Sheet:
    """A flat sheet: its name (the workbook tab) and columns."""

    name: str
    columns: tuple[Column, ...]


@dataclass(frozen=True, slots=True)
class Selection:
    """Which rows of a sheet: all (the defaults), or the given ids or one speaker's, hidden rows only
    when ``everything``."""

    everything: bool = False
    ids: list[int] | None = None
    entity: int | None = None


_SOURCE = (
    Column("Article title", "article_title"),
    Column("Site", "site"),
    Column("URL", "url"),
    Column("Date", "published_date", "date"),
)
QUOTES = Sheet(
    "Quotes",
    (
        Column("Speaker", "speaker"),
        Column("Speaker title", "speaker_title"),
        Column("Quote", "content"),
        Column("Cue", "cue"),
        Column("Stance", "stance"),
        Column("Kind", "kind"),
        *_SOURCE,
    ),
)
CLAIMS = Sheet(
    "Claims",
    (
        Column("Claimant", "claimant"),
        Column("Claimant title", "claimant_title"),
        Column("Claim", "text"),
        Column("Value", "value", "number"),
        Column("Low", "low", "number"),
        Column("High", "high", "number"),
        Column("Unit", "unit"),
        Column("Object", "object"),
        Column("Category", "category"),
        Column("Cue", "cue"),
        Column("Stance", "stance"),
        Column("Kind", "kind"),
        *_SOURCE,
    ),
)

_ARTICLE = "a.title AS article_title, a.site, a.url, a.published_date"
# A speaker is named as the store names the entity across articles (as the speaker page does), so
# a pivot on the column gathers their quotes; a speaker with no entity as the article names them.
_QUOTES_SQL = (
    "SELECT COALESCE(e.name, q.speaker_name) AS speaker, q.speaker_title, q.content, q.cue, q.stance, q.kind, "
    f"{_ARTICLE} FROM quotes q JOIN articles a ON a.id = q.article_id "
    "LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE 1 = 1"
)
# A claim's claimant is named as a speaker is; its title is its quote's speaker title, else a title the
# article gives the claimant; cue, stance and kind are its quote's (only a quote the selection shows).
_CLAIMS_SQL = (
    "SELECT COALESCE(ce.name, c.claimant_name) AS claimant, "
    "COALESCE(q.speaker_title, (SELECT MIN(t.title) FROM entity_titles t "
    "WHERE t.entity_id = c.claimant_entity_id AND t.article_id = c.article_id)) AS claimant_title, c.text, "
    "c.value, c.low, c.high, c.unit, c.object, c.category, q.cue, q.stance, q.kind, "
    f"{_ARTICLE} FROM claims c JOIN articles a ON a.id = c.article_id "
    "LEFT JOIN entities ce ON ce.id = c.claimant_entity_id LEFT JOIN quotes q ON q.id = c.quote_id"
)


def quote_rows(store: Store, selection: Selection) -> Iterator[dict[str, Any]]:
    """The quote sheet's rows, oldest article first (undated ones last)."""
    sql, params = _QUOTES_SQL, list[Any]()
    if not selection.everything:
        where, params = shown_quote_rows("q")
        sql += where
    sql, params = _narrow(sql, params, "q", selection, "q.speaker_entity_id")
    return store.db.stream(sql + " ORDER BY a.published_date NULLS LAST, a.id, q.start_char", params)


def claim_rows(store: Store, selection: Selection) -> Iterator[dict[str, Any]]:
    """The claim sheet's rows, oldest article first (undated ones last)."""
    sql, params = _CLAIMS_SQL, list[Any]()
    if not selection.everything:
        shown, params = shown_quote_rows("q")
        trusted, more = trusted_rows("c")
        sql, params = sql + shown + " WHERE 1 = 1" + trusted, params + more
    else:
        sql += " WHERE 1 = 1"
    sql, params = _narrow(sql, params, "c", selection, "c.claimant_entity_id")
    return store.db.stream(sql + " ORDER BY a.published_date NULLS LAST, a.id, c.start_char", params)


def _narrow(sql: str, params: list[Any], alias: str, selection: Selection, entity: str) -> tuple[str, list[Any]]:
    """``sql`` restricted to the selection's ids and entity."""
    if selection.ids is not None:
        sql += f" AND {alias}.id IN ({', '.join('?' * len(selection.ids)) or 'NULL'})"
        params = params + list(selection.ids)
    if selection.entity is not None:
        sql += f" AND {entity} = ?"
        params = [*params, selection.entity]
    return sql, params


def write_csv(out: IO[str], sheet: Sheet, rows: Iterable[dict[str, Any]]) -> int:
    """The sheet as CSV with a BOM and a header row; returns the number of data rows."""
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([column.header for column in sheet.columns])
    count = 0
    for row in rows:
        writer.writerow([csv_cell(row.get(column.key), column.kind) for column in sheet.columns])
        count += 1
    return count


def csv_cell(value: Any, kind: CellKind) -> str:
    """One cell as CSV text: numbers exact, text defused of formulas."""
    if value is None:
        return ""
    if kind == "number":
        return plain(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


@stream_format("quotes-csv")
def export_quotes_csv(store: Store, out: IO[str], *, everything: bool = False) -> int:
    """One CSV row per quote; returns the number of quotes."""
    return write_csv(out, QUOTES, quote_rows(store, Selection(everything=everything)))


@stream_format("claims-csv")
def export_claims_csv(store: Store, out: IO[str], *, everything: bool = False) -> int:
    """One CSV row per claim; returns the number of claims."""
    return write_csv(out, CLAIMS, claim_rows(store, Selection(everything=everything)))
