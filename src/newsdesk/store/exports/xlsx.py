"""The ``xlsx`` export: the quote and claim sheets as one Excel workbook (openpyxl).

A workbook keeps types a CSV loses: values are numbers and dates are dates in the sheet. It
is written in openpyxl's write-only mode, so rows stream and a large store never sits in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from newsdesk.store import Store
from newsdesk.store.exports import file_format
from newsdesk.store.exports.sheets import CLAIMS, QUOTES, CellKind, Selection, Sheet, claim_rows, quote_rows


@file_format("xlsx")
def export_xlsx(store: Store, path: Path, *, everything: bool = False) -> int:
    """Write a workbook with a Quotes and a Claims sheet to ``path``; returns the rows of both."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    selection = Selection(everything=everything)
    count = _add_sheet(book, QUOTES, quote_rows(store, selection))
    count += _add_sheet(book, CLAIMS, claim_rows(store, selection))
    book.save(path)
    return count


def _add_sheet(book: Any, sheet: Sheet, rows: Iterable[dict[str, Any]]) -> int:
    from openpyxl.cell import WriteOnlyCell

    worksheet = book.create_sheet(sheet.name)
    worksheet.append([column.header for column in sheet.columns])
    count = 0
    for row in rows:
        cells = []
        for column in sheet.columns:
            cell = WriteOnlyCell(worksheet, value=_cell_value(row.get(column.key), column.kind))
            if column.kind == "text" and cell.value is not None:
                cell.data_type = "s"  # page text starting with "=" stays text, never a formula
            cells.append(cell)
        worksheet.append(cells)
        count += 1
    return count


def _cell_value(value: Any, kind: CellKind) -> Any:
    if value is None:
        return None
    if kind == "date":
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            return str(value)
    return value
