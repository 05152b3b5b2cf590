"""Reading the spreadsheets volunteers really have, before any domain rules look at them.

CSV from Excel comes comma- or semicolon-separated, in UTF-8 (with or without BOM) or
Windows-1252; .xlsx comes from Excel or LibreOffice. `read_table` turns either into rows of text
keyed by the file's own column headings; `suggest_mapping` matches headings to our fields by
their Norwegian names; each importer (politicians, positions) then validates the mapped rows and
writes all or nothing. Every problem names the file, row and column, as the user sees them in
their spreadsheet (the heading is row 1).
"""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from .errors import ValidationError

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
MAX_XLSX_UNPACKED = 100 * 1024 * 1024
# Hostile spreadsheets (a zip bomb, thousands of parts, a DTD with entities, macros) are refused
# before openpyxl parses anything; a cell longer than any field we store is refused with its row
# and column, and so is a NUL byte (binary data, never text a volunteer typed).
MAX_XLSX_ENTRIES = 500
MAX_XLSX_RATIO = 200
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
    """UTF-8 (a BOM is dropped) if the bytes are valid UTF-8, else Windows-1252 (Excel's)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(filename: str, data: bytes) -> tuple[list[str], list[list[str]]]:
    text = decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:  # e.g. a field over the csv module's own limit
        raise ValidationError(
            f"{filename}: filen kan ikke leses som CSV ({exc}). Ingenting ble lagret.") from exc
    return (records[0] if records else []), records[1:]


def _read_xlsx(filename: str, data: bytes) -> tuple[list[str], list[list[str]]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_xlsx_archive(filename, archive)
    except zipfile.BadZipFile as exc:
        raise ValidationError(f"{filename}: filen er ikke en gyldig Excel-fil (.xlsx).") from exc
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ValidationError(f"{filename}: Excel-filen kan ikke leses ({exc}).") from exc
    sheet = workbook.worksheets[0]
    records = [["" if v is None else _cell_text(v) for v in row] for row in sheet.iter_rows(
        values_only=True)]
    workbook.close()
    return (records[0] if records else []), records[1:]


def _check_xlsx_archive(filename: str, archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_XLSX_ENTRIES:
        raise ValidationError(f"{filename}: Excel-filen har uvanlig mange deler ({len(infos)}) "
                              "og ble ikke lest.")
    if sum(info.file_size for info in infos) > MAX_XLSX_UNPACKED:
        raise ValidationError(f"{filename}: Excel-filen er for stor utpakket.")
    for info in infos:
        if info.compress_size and info.file_size / info.compress_size > MAX_XLSX_RATIO \
                and info.file_size > 1024 * 1024:
            raise ValidationError(f"{filename}: Excel-filen er pakket mistenkelig tett "
                                  "(mulig «zip-bombe») og ble ikke lest.")
        name = info.filename.lower()
        if name.endswith("vbaproject.bin"):
            raise ValidationError(f"{filename}: Excel-filen inneholder makroer og ble ikke lest.")
        if name.endswith((".xml", ".rels")):
            with archive.open(info) as part:
                head = part.read(4096)
            if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
                raise ValidationError(f"{filename}: Excel-filen inneholder en DTD og ble ikke "
                                      "lest.")


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
        raise ValidationError(f"{name}: filen er større enn {MAX_BYTES // (1024 * 1024)} MB.")
    if not data.strip():
        raise ValidationError(f"{name}: filen er tom.")
    suffix = PurePath(name).suffix.lower()
    if suffix == ".xlsx" or data[:2] == b"PK":
        headings, records = _read_xlsx(name, data)
    elif suffix in (".csv", ".txt", ""):
        headings, records = _read_csv(name, data)
    else:
        raise ValidationError(f"{name}: bare CSV- og Excel-filer (.csv, .xlsx) kan leses inn.")
    headings = [str(h).strip() for h in headings]
    while headings and not headings[-1]:
        headings.pop()
    if not any(headings):
        raise ValidationError(f"{name}: første rad må inneholde kolonnenavn.")
    duplicates = {h for h in headings if h and headings.count(h) > 1}
    if duplicates:
        raise ValidationError(
            f"{name}: kolonnenavnet «{sorted(duplicates)[0]}» står flere ganger i første rad."
        )
    rows, numbers = [], []
    for index, record in enumerate(records, start=2):
        if not any(str(v).strip() for v in record):
            continue  # blank lines are common at the end of spreadsheets
        row = {h: (record[i].strip() if i < len(record) else "")
               for i, h in enumerate(headings) if h}
        for heading, value in row.items():
            if len(value) > MAX_CELL_CHARS:
                raise ValidationError(f"{name}: rad {index}, kolonne «{heading}»: cellen har "
                                      f"{len(value)} tegn; høyst {MAX_CELL_CHARS} kan leses inn.")
            if "\x00" in value:
                raise ValidationError(f"{name}: rad {index}, kolonne «{heading}»: cellen "
                                      "inneholder et NUL-tegn (binære data), ikke tekst.")
        rows.append(row)
        numbers.append(index)
        if len(rows) > MAX_ROWS:
            raise ValidationError(f"{name}: filen har flere enn {MAX_ROWS} rader.")
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
