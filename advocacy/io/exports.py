"""The one way data leaves the app as a spreadsheet: CSV and Excel, safe against formulas.

A cell that starts with = + - @ (or a tab or carriage return) is run as a formula by Excel and
LibreOffice ("formula injection"): a politician's name typed as `=HYPERLINK(...)` must arrive as
text. Such text gets a leading apostrophe, and Excel cells are written as explicit strings.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet would run as a formula, made inert; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _matrix(rows: Sequence[Mapping], columns: Mapping[str, str]) -> list[list]:
    header = [safe_cell(label) for label in columns.values()]
    return [header] + [[safe_cell(row.get(key)) for key in columns] for row in rows]


def to_csv(rows: Sequence[Mapping], columns: Mapping[str, str]) -> bytes:
    """Semicolon-separated UTF-8 with BOM: what Norwegian Excel opens correctly by double-click."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for record in _matrix(rows, columns):
        writer.writerow(["" if v is None else v for v in record])
    return buffer.getvalue().encode("utf-8-sig")


def to_excel(rows: Sequence[Mapping], columns: Mapping[str, str], sheet: str = "Data") -> bytes:
    """An .xlsx with a bold heading row, frozen, and every text cell stored as text."""
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet[:31]
    for r, record in enumerate(_matrix(rows, columns), start=1):
        for c, value in enumerate(record, start=1):
            cell = worksheet.cell(row=r, column=c)
            if isinstance(value, str):
                cell.value = value
                cell.data_type = TYPE_STRING  # openpyxl would otherwise store "=…" as a formula
            elif isinstance(value, (int, float, dt.date)) or value is None:
                cell.value = value
            else:
                cell.value = str(value)
                cell.data_type = TYPE_STRING
            if r == 1:
                cell.font = Font(bold=True)
    worksheet.freeze_panes = "A2"
    for c, label in enumerate(columns.values(), start=1):
        worksheet.column_dimensions[worksheet.cell(row=1, column=c).column_letter].width = max(
            10, min(50, len(str(label)) + 4))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
