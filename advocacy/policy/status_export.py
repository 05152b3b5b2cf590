"""The national status sheet: one row per municipality, one column per lever.

Written through `exports.to_excel` / `exports.to_csv` (the one formula-safe export), from the
CLI (`python -m advocacy export-status --out FILE.xlsx`) and from the Oversikt page. Each lever
column holds the current value as people read it ("02:00", "ja", "12. mars 2024"); the last
columns count how many levers meet the goal and how many are known.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from advocacy import texts
from advocacy.errors import ValidationError
from advocacy.io import exports
from advocacy.policy import municipalities


def status_table(
    db: sqlite_utils.Database, fylkesnummer: str | None = None, with_status: bool = False
) -> tuple[list[dict], dict[str, str]]:
    """(rows, columns) for the export: every municipality (of a county), every active lever.

    With `with_status` each lever also gets a status column ("oppfyller målet", …).
    """
    levers = list(db.query("select * from levers where active = 1 order by sort_order, id"))
    cells = municipalities.statuses(db, levers, fylkesnummer=fylkesnummer)
    columns = {"kommunenummer": "Kommunenr.", "kommune": "Kommune", "fylke": "Fylke"}
    for lever in levers:
        columns[lever["id"]] = lever["name"]
        if with_status:
            columns[f"{lever['id']}__status"] = f"{lever['name']} – status"
    columns["meets"] = "Saker som oppfyller målet"
    columns["known"] = "Saker med kjent verdi"
    rows = []
    for m in municipalities.list_municipalities(db, fylkesnummer=fylkesnummer):
        knr = m["kommunenummer"]
        row = {"kommunenummer": knr, "kommune": m["visningsnavn"], "fylke": m["fylke"],
               "meets": 0, "known": 0}
        for lever in levers:
            cell = cells[knr][lever["id"]]
            row[lever["id"]] = cell["shown_value"] or None
            status = cell["status"]
            if with_status:
                row[f"{lever['id']}__status"] = status.text
            row["meets"] += status.code == "oppfyller"
            row["known"] += status.code != "ukjent"
        rows.append(row)
    return rows, columns


def export_bytes(db: sqlite_utils.Database, fmt: str, fylkesnummer: str | None = None,
                 with_status: bool = False) -> bytes:
    rows, columns = status_table(db, fylkesnummer, with_status)
    if fmt == "csv":
        return exports.to_csv(rows, columns)
    return exports.to_excel(rows, columns, sheet="Status per kommune")


def write_file(db: sqlite_utils.Database, out: str | Path, with_status: bool = False) -> int:
    """Write the sheet to `out` (.xlsx or .csv by its suffix); returns the number of rows."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError(texts.EXPORT_FORMAT_UNKNOWN.format(path=out))
    if not out.parent.is_dir():
        raise ValidationError(texts.EXPORT_DIR_MISSING.format(path=out.parent))
    data = export_bytes(db, suffix[1:], with_status=with_status)
    out.write_bytes(data)
    return db.execute("select count(*) from municipalities").fetchone()[0]
