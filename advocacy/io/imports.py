"""Reading the spreadsheets volunteers really have, before any domain rules look at them.

CSV from Excel comes comma- or semicolon-separated, in UTF-8 (with or without BOM) or
Windows-1252; .xlsx comes from Excel or LibreOffice. `read_table` turns either into rows of text
keyed by the file's own column headings; `suggest_mapping` matches headings to our fields by
their Norwegian names; each importer (politicians, positions) then validates the mapped rows and
writes all or nothing. Every problem names the file, row and column, as the user sees them in
their spreadsheet (the heading is row 1). Rows are read as a stream and the limits are checked
on the way, so an oversized file is refused as soon as it is over, not after it was read whole.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from advocacy import texts
from advocacy.errors import ValidationError
from advocacy.io import xlsx_guard

MAX_BYTES = 10 * 1024 * 1024
# Rows are counted while the file is read, so a sheet of 300,000 rows stops at row 50,001
# instead of being read whole first. Blank rows are skipped but counted against a wider limit
# (a sheet whose only cell sits in row 1,048,576 is refused too). A cell longer than any field
# we store, a NUL byte (binary data, never text a volunteer typed) and a row wider than any
# list we read are refused with their row and column. Hostile .xlsx archives are refused by
# `xlsx_guard` before openpyxl parses anything.
MAX_ROWS = 50_000
MAX_PHYSICAL_ROWS = 2 * MAX_ROWS
MAX_COLUMNS = 1000
MAX_CELL_CHARS = 20_000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input row, in the user's own coordinates."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"rad {self.row}")
        if self.column:
            where.append(f"kolonne «{self.column}»")
        return f"{', '.join(where).capitalize()}: {self.message}" if where else self.message


@dataclass
class Table:
    filename: str
    columns: list[str]
    rows: list[dict[str, str]]
    row_numbers: list[int] = field(default_factory=list)


def normalise_heading(text: str) -> str:
    """"E-post ", "e_post" and "EPOST" all become "epost"; æøå are kept."""
    text = unicodedata.normalize("NFC", str(text or "")).strip().lower()
    return "".join(ch for ch in text if ch.isalnum())


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped) if the bytes are valid UTF-8, else Windows-1252 (Excel's).

    Raises UnicodeDecodeError for a file with a UTF-8 BOM that is not UTF-8, and for bytes
    Windows-1252 does not define."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _encoding_error(filename: str, data: bytes, exc: UnicodeDecodeError) -> ValidationError:
    """Where in the user's spreadsheet the unreadable byte is: its line and column."""
    offset = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
    bad = data[offset]
    line_start = data.rfind(b"\n", 0, offset) + 1
    first_line = data.split(b"\n", 1)[0]
    delimiter = max((b";", b",", b"\t"), key=first_line.count)
    return ValidationError(texts.CSV_BAD_ENCODING.format(
        name=filename, row=data.count(b"\n", 0, offset) + 1,
        column=data[line_start:offset].count(delimiter) + 1, byte=bad))


def _read_csv(filename: str, data: bytes) -> Iterator[list[str]]:
    try:
        text = decode(data)
    except UnicodeDecodeError as exc:
        raise _encoding_error(filename, data, exc) from exc
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # a field over the csv module's own limit, a stray quote
            reason = (texts.CSV_FIELD_TOO_LONG.format(limit=csv.field_size_limit())
                      if "field larger" in str(exc) else texts.CSV_BAD_SYNTAX)
            raise ValidationError(texts.CSV_UNREADABLE.format(
                name=filename, row=reader.line_num, reason=reason)) from exc
        yield record


class _StreamedSheet(ReadOnlyWorksheet):
    """A read-only sheet that does not read its <dimension> (see _open_first_sheet)."""

    def _get_size(self) -> None:
        pass


class _FirstSheetReader(ExcelReader):
    """An openpyxl reader that loads only the first worksheet, streamed."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                self.wb._sheets.append(
                    _StreamedSheet(self.wb, sheet.name, rel.target, self.shared_strings))
                return


def _open_first_sheet(filename: str, data: bytes):
    """The workbook (read-only) and its first worksheet, whose rows are parsed as they are
    iterated. The sheet's own <dimension> is not read: openpyxl would parse a sheet without one
    whole to look for it, and «A1:XFD1048576» would pad every row to 16,384 cells; each row is
    as wide as its last cell instead."""
    reader = None
    try:
        reader = _FirstSheetReader(io.BytesIO(data), read_only=True, data_only=True)
        reader.read()
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        if reader is not None:
            reader.archive.close()
        raise ValidationError(texts.XLSX_UNREADABLE.format(
            name=filename, reason=type(exc).__name__)) from exc
    if not reader.wb.worksheets:
        reader.archive.close()
        raise ValidationError(texts.XLSX_NO_SHEET.format(name=filename))
    return reader.wb, reader.wb.worksheets[0]


def _read_xlsx(filename: str, data: bytes) -> Iterator[list[str]]:
    """The first sheet's rows, streamed: reading stops where the caller stops."""
    xlsx_guard.check_archive(filename, data)
    workbook, sheet = _open_first_sheet(filename, data)
    try:
        rows = sheet.iter_rows(values_only=True)
        number = 0
        while True:
            try:
                values = next(rows)
            except StopIteration:
                return
            except Exception as exc:  # a cell openpyxl cannot convert, a bad shared string
                raise ValidationError(texts.XLSX_UNREADABLE_ROW.format(
                    name=filename, row=number + 1)) from exc
            number += 1
            if len(values) > MAX_COLUMNS:
                raise ValidationError(texts.FILE_TOO_MANY_COLUMNS.format(
                    name=filename, row=number, n=len(values), limit=MAX_COLUMNS))
            yield ["" if v is None else _cell_text(v) for v in values]
    finally:
        workbook.close()


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and hasattr(value, "hour"):  # a datetime from a date cell
        return value.date().isoformat() if (value.hour, value.minute) == (0, 0) else str(value)
    return str(value)


def read_table(filename: str, data: bytes) -> Table:
    """Rows of a CSV or .xlsx file as text, keyed by its headings. Raises ValidationError."""
    name = PurePath(filename).name
    if len(data) > MAX_BYTES:
        raise ValidationError(texts.FILE_TOO_BIG.format(name=name, mb=MAX_BYTES // (1024 * 1024)))
    if not data.strip():
        raise ValidationError(texts.FILE_EMPTY.format(name=name))
    suffix = PurePath(name).suffix.lower()
    if suffix == ".xlsx" or data[:2] == b"PK":
        records = _read_xlsx(name, data)
    elif suffix in (".csv", ".txt", ""):
        records = _read_csv(name, data)
    else:
        raise ValidationError(texts.FILE_KIND.format(name=name))
    try:
        return _table(name, records)
    finally:
        records.close()  # an xlsx stream closes its workbook


def _table(name: str, records: Iterator[list[str]]) -> Table:
    headings = [str(h).strip() for h in next(records, [])]
    if len(headings) > MAX_COLUMNS:
        raise ValidationError(texts.FILE_TOO_MANY_COLUMNS.format(
            name=name, row=1, n=len(headings), limit=MAX_COLUMNS))
    while headings and not headings[-1]:
        headings.pop()
    if not any(headings):
        raise ValidationError(texts.FILE_NO_HEADINGS.format(name=name))
    for number, heading in enumerate(headings, start=1):
        if "\x00" in heading:
            raise ValidationError(texts.FILE_CELL_NUL.format(name=name, row=1, column=number))
    duplicates = sorted(h for h, n in Counter(headings).items() if h and n > 1)
    if duplicates:
        raise ValidationError(texts.FILE_DUPLICATE_HEADING.format(name=name,
                                                                  heading=duplicates[0]))
    rows, numbers = [], []
    for index, record in enumerate(records, start=2):
        if index > MAX_PHYSICAL_ROWS + 1:
            raise ValidationError(texts.FILE_TOO_MANY_BLANK_ROWS.format(
                name=name, limit=MAX_PHYSICAL_ROWS))
        if not any(str(v).strip() for v in record):
            continue  # blank lines are common at the end of spreadsheets
        row = {h: (record[i].strip() if i < len(record) else "")
               for i, h in enumerate(headings) if h}
        for heading, value in row.items():
            if len(value) > MAX_CELL_CHARS:
                raise ValidationError(texts.FILE_CELL_TOO_LONG.format(
                    name=name, row=index, column=heading, n=len(value), limit=MAX_CELL_CHARS))
            if "\x00" in value:
                raise ValidationError(texts.FILE_CELL_NUL.format(name=name, row=index,
                                                                 column=heading))
        rows.append(row)
        numbers.append(index)
        if len(rows) > MAX_ROWS:
            raise ValidationError(texts.FILE_TOO_MANY_ROWS.format(name=name, limit=MAX_ROWS))
    return Table(name, [h for h in headings if h], rows, numbers)


def suggest_mapping(columns: list[str], synonyms: dict[str, tuple[str, ...]]) -> dict[str, str | None]:
    """Our field → the file's column, matched on normalised headings and their synonyms."""
    by_norm = {normalise_heading(c): c for c in columns}
    mapping = {}
    for name, words in synonyms.items():
        candidates = (normalise_heading(w) for w in (name, *words))
        mapping[name] = next((by_norm[c] for c in candidates if c in by_norm), None)
    return mapping


def mapped_rows(table: Table, mapping: dict[str, str | None]) -> list[tuple[int, dict[str, str]]]:
    """(row number, {our field: value}) for each row, using the user's column mapping."""
    return [
        (number, {name: (row.get(column, "") if column else "") for name, column in mapping.items()})
        for number, row in zip(table.row_numbers, table.rows, strict=True)
    ]
