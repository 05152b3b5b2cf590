"""How fast an oversized workbook is refused: 300,000 rows against a sheet at the limit.

The row limit is enforced while the sheet is read, so refusing a workbook of 300,000 rows
should cost about what reading one of 50,000 rows (the most an import takes) costs, plus the
guard's pass over every part; before, the whole sheet was read first (40–140 s).

    python benchmarks/bench_hostile_xlsx.py

Prints the median of three for both and their ratio; the goal is ≤ 2× and under 10 s.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook  # noqa: E402

from advocacy.errors import ValidationError  # noqa: E402
from advocacy.io import imports  # noqa: E402

SHEET = "xl/worksheets/sheet1.xml"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def workbook(rows: int) -> bytes:
    """A workbook made by openpyxl whose sheet is replaced by `rows` rows of inline strings
    (openpyxl would take minutes to write 300,000 rows itself)."""
    wb = Workbook()
    wb.active.append(["navn", "kommune"])
    small = io.BytesIO()
    wb.save(small)
    body = "".join(
        f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>Person {i}</t></is></c>'
        f'<c r="B{i}"><v>3301</v></c></row>' for i in range(2, rows + 2))
    sheet = (f'<worksheet xmlns="{NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
             'navn</t></is></c><c r="B1" t="inlineStr"><is><t>kommune</t></is></c></row>'
             f"{body}</sheetData></worksheet>").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            z.writestr(info.filename, sheet if info.filename == SHEET else source.read(info))
    return out.getvalue()


def timed(data: bytes, refused: bool) -> float:
    start = time.perf_counter()
    try:
        imports.read_table("liste.xlsx", data)
        assert not refused, "the oversized workbook was read"
    except ValidationError:
        assert refused, "the workbook at the limit was refused"
    return time.perf_counter() - start


def measure() -> tuple[float, float]:
    at_limit, oversized = workbook(imports.MAX_ROWS), workbook(300_000)
    base = statistics.median(timed(at_limit, False) for _ in range(3))
    ours = statistics.median(timed(oversized, True) for _ in range(3))
    return ours, base


if __name__ == "__main__":
    ours, base = measure()
    ratio = ours / base
    ok = ratio <= 2 and ours < 10
    print(f"300 000 rader avvist: {ours:.2f} s; 50 000 rader lest: {base:.2f} s; "
          f"{ratio:.2f}× {'PASS' if ok else 'FAIL'}")
    sys.exit(0 if ok else 1)
