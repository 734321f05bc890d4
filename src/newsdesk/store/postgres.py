"""The PostgreSQL backend (psycopg 3): the same schema and queries, for a team sharing one store."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row

from newsdesk.store.backend import Backend, FtsClause, Params, Row, SearchKind, StoreError

# The head :meth:`PostgresBackend.insert_rows` accepts: a table and its columns.
_INSERT_HEAD = re.compile(r"INSERT INTO (\w+) \(([\w, ]+)\)")
# Any 64-bit number, constant: the advisory lock that serialises concurrent migrators.
_MIGRATION_LOCK = 7_301_982_411


def _placeholders(sql: str) -> str:
    """Portable ``?`` placeholders to psycopg's ``%s`` (a literal ``%`` must be doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _clean(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL characters, which a broken page may contain."""
    return value.replace("\x00", "") if isinstance(value, str) and "\x00" in value else value


_IS_TEXT = str.__instancecheck__


def _as_text(value: Any) -> str | None:
    """A value as PostgreSQL reads it from text (numbers in Python's shortest exact form, bytes in hex)."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return "\\x" + value.hex()
    return _clean(value) if isinstance(value, str) else str(value)


def _clean_row(row: Params) -> Params:
    """:func:`_clean` on every value, the row itself when none needs it (the writer sends ~200 rows per
    article: a call per value was a tenth of its client time on PostgreSQL)."""
    if "\x00" in "".join(filter(_IS_TEXT, row)):  # C calls only: half the time of a generator
        return [_clean(value) for value in row]
    return row


class PostgresBackend(Backend):
    """One psycopg connection; the store runs its own BEGIN/COMMIT."""

    name = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            self.conn: psycopg.Connection[Row] = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {' '.join(str(exc).split())}") from None
        self._types: dict[str, dict[str, str]] = {}
        """Table → column → SQL type, for :meth:`insert_rows`."""

    def execute(self, sql: str, params: Params = ()) -> None:
        self.conn.execute(_placeholders(sql), [_clean(v) for v in params])

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            with self.conn.cursor() as cursor:
                cursor.executemany(_placeholders(sql), [[_clean(v) for v in row] for row in rows])

    def insert_rows(self, head: str, rows: Sequence[Params], tail: str = "") -> list[Row]:
        """One statement for all the rows: ``{head} SELECT … FROM unnest(<a text array per column>) {tail}``,
        each column cast to its type. Parsed once whatever the number of rows: a multi-row VALUES of
        thousands of parameters cost more to parse than it saved, and one pipelined statement per row
        cost ~15 µs of client time a row (the writer bench's quote groups, ~20 an article)."""
        if not rows:
            return []
        match = _INSERT_HEAD.fullmatch(head)
        if match is None:
            raise StoreError(f"not an INSERT INTO <table> (<columns>): {head}")
        columns = [column.strip() for column in match.group(2).split(",")]
        types = self._column_types(match.group(1), columns)
        names = ", ".join(f"c{index}" for index in range(len(columns)))
        casts = ", ".join(f"v.c{index}::{types[column]}" for index, column in enumerate(columns))
        arrays = ", ".join("%b::text[]" for _ in columns)  # binary: long texts go without escaping
        sql = f"{_placeholders(head)} SELECT {casts} FROM unnest({arrays}) AS v({names}) {_placeholders(tail)}"
        cursor = self.conn.execute(sql.rstrip(), [[_as_text(v) for v in values] for values in zip(*rows, strict=True)])
        return cursor.fetchall() if cursor.description else []

    def _column_types(self, table: str, columns: list[str]) -> dict[str, str]:
        """The SQL types of a table's columns, read once (again when a migration added one since)."""
        known = self._types.get(table, {})
        if any(column not in known for column in columns):
            rows = self.query(
                "SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute "
                "WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped",
                (table,),
            )
            known = self._types[table] = {row["attname"]: row["type"] for row in rows}
        return known

    def query_in(self, sql: str, values: Sequence[Any]) -> list[Row]:
        """One array parameter (``= ANY(?)``) for the whole list: one statement text however many values."""
        if not values:
            return []
        return self.query(sql.replace("IN ({marks})", "= ANY(?)"), [list(values)])

    def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Params]) -> None:
        """``COPY … FROM STDIN``: a third of a multi-row INSERT's time per row (no statement to parse
        and plan), measured on the writer bench's mentions and quotes."""
        if not rows:
            return
        with self.conn.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(_clean_row(row))

    def insert_ids(self, table: str, columns: Sequence[str], rows: Sequence[Params]) -> list[int]:
        """Ids taken from the table's identity sequence first, then the rows copied with them."""
        if not rows:
            return []
        taken = self.query(
            "SELECT nextval(pg_get_serial_sequence(?, 'id')) AS id FROM generate_series(1, ?)", (table, len(rows))
        )
        ids = sorted(int(row["id"]) for row in taken)
        self.copy_rows(table, ("id", *columns), [(pk, *row) for pk, row in zip(ids, rows, strict=True)])
        return ids

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        cursor = self.conn.execute(_placeholders(sql), [_clean(v) for v in params])
        return cursor.fetchall() if cursor.description else []

    def stream(self, sql: str, params: Params = ()) -> Iterator[Row]:
        with self.conn.cursor() as cursor:
            yield from cursor.stream(_placeholders(sql), [_clean(v) for v in params])

    def script(self, sql: str) -> None:
        # Without parameters psycopg sends the text as one simple query: several statements are fine.
        self.conn.execute(sql)

    def begin(self) -> None:
        self.conn.execute("BEGIN")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def lock_migrations(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [_MIGRATION_LOCK])

    def read_only(self) -> None:
        self.conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    @contextmanager
    def deadline(self, seconds: float) -> Iterator[None]:
        """``statement_timeout`` for the block: the server cancels any one statement that runs longer."""
        self.conn.execute(f"SET statement_timeout = {max(1, round(seconds * 1000))}")
        try:
            yield
        finally:
            self.conn.execute("RESET statement_timeout")

    def table_exists(self, table: str) -> bool:
        return self.scalar("SELECT to_regclass(?) IS NOT NULL AS found", (table,)) is True

    def columns(self, table: str) -> list[tuple[str, str]]:
        rows = self.query(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
        # The generated tsvector columns are search machinery, not data.
        return [
            (row["column_name"], _portable_type(row["data_type"])) for row in rows if row["data_type"] != "tsvector"
        ]

    def group_concat(self, expr: str) -> str:
        return f"string_agg(DISTINCT {expr}, ',')"

    def fts(self, kind: SearchKind, query: str) -> FtsClause:
        tsquery = "websearch_to_tsquery('english', ?) AS tsq"
        if kind == "article":
            return FtsClause(f"articles a, {tsquery}", "a.search @@ tsq", "ts_rank_cd(a.search, tsq)", (query,))
        source = f"quotes q JOIN articles a ON a.id = q.article_id, {tsquery}"
        return FtsClause(source, "q.search @@ tsq", "ts_rank_cd(q.search, tsq)", (query,))

    def snippets(self, kind: SearchKind, ids: list[int], query: str, mark: tuple[str, str]) -> dict[int, str]:
        if not ids:
            return {}
        start, stop = (m.replace('"', "") for m in mark)
        if kind == "article":
            options = (
                f'StartSel="{start}", StopSel="{stop}", MinWords=12, MaxWords=30, MaxFragments=2, '
                'FragmentDelimiter=" … "'
            )
            sql = "SELECT a.id, ts_headline('english', a.text, tsq, ?) AS snippet FROM articles a, "
        else:
            options = f'StartSel="{start}", StopSel="{stop}", HighlightAll=true'
            sql = "SELECT a.id, ts_headline('english', a.content, tsq, ?) AS snippet FROM quotes a, "
        sql += f"websearch_to_tsquery('english', ?) AS tsq WHERE a.id IN ({', '.join('?' * len(ids))})"
        return {int(row["id"]): row["snippet"] for row in self.query(sql, (options, query, *ids))}

    def type_tokens(self) -> dict[str, str]:
        return {"{pk}": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "{blob}": "BYTEA"}


def _portable_type(data_type: str) -> str:
    if re.search(r"int|serial", data_type):
        return "integer"
    if re.search(r"double|real|numeric", data_type):
        return "real"
    if data_type == "bytea":
        return "blob"
    return "text"
