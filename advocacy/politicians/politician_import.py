"""Importing politicians from the spreadsheets volunteers really have.

Three steps, the same in the page and on the command line:
1. `imports.read_table` reads the CSV or .xlsx; `suggest_mapping(table)` proposes which column
   holds which field (the page lets the user change it).
2. `preview_import` checks every row and says, per row, what would happen: new, update of an
   existing politician (same name and municipality), merged with an earlier row of the file, or
   rejected with its problems (row and column as in the user's spreadsheet).
3. `apply_import` writes all of it in one transaction, or nothing if any row is rejected.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from advocacy import clock, texts
from advocacy.accounts.accounts import User
from advocacy.db import refresh_statistics, write
from advocacy.errors import ValidationError
from advocacy.io import imports
from advocacy.io.imports import Problem, Table
from advocacy.permissions import ensure_permission
from advocacy.policy.municipality_codes import MunicipalityIndex
from advocacy.politicians.politicians import (
    ExistingIndex,
    change_row,
    clean_politician,
    insert_rows,
    name_key,
    parties_lookup,
)

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("navn", "fullt navn", "fullt_navn", "politiker", "representant", "name"),
    "party": ("parti", "partinavn", "liste", "partiliste", "party"),
    "kommune": ("kommune", "kommunenummer", "kommunenr", "knr", "kommunenavn", "municipality"),
    "role": ("rolle", "verv", "funksjon", "role"),
    "committee": ("utvalg", "komité", "komite", "hovedutvalg", "committee"),
    "term": ("periode", "valgperiode", "term"),
    "email": ("e-post", "epost", "e-postadresse", "mail", "email"),
    "phone": ("telefon", "tlf", "mobil", "telefonnummer", "phone"),
    "notes": ("notater", "notat", "merknad", "kommentar", "notes"),
}
REQUIRED = ("name", "kommune")
ACTIONS = {"new": "Ny", "update": "Oppdateres", "merge": "Slås sammen", "rejected": "Avvist"}


@dataclass
class RowPlan:
    row: int
    action: str  # new | update | merge | rejected
    values: dict
    key: tuple[str, str] | None = None
    existing_id: int | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportPreview:
    filename: str
    rows: list[RowPlan]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def rejected(self) -> int:
        return self.count("rejected")

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]

    def summary(self) -> dict[str, int]:
        return {"imported": self.count("new"), "updated": self.count("update"),
                "rejected": self.rejected}

    def table_rows(self) -> list[dict]:
        """One line per file row for the preview table."""
        return [
            {"rad": r.row, "handling": ACTIONS[r.action], "navn": r.values.get("name"),
             "kommune": r.values.get("kommunenummer"),
             "merknad": " ".join([str(p) for p in r.problems] + r.notes)}
            for r in self.rows
        ]


def suggest_mapping(table: Table) -> dict[str, str | None]:
    return imports.suggest_mapping(table.columns, SYNONYMS)


def preview_import(
    db: sqlite_utils.Database, table: Table, mapping: dict[str, str | None]
) -> ImportPreview:
    """What the import would do, row by row. Raises ValidationError if a required column is
    not mapped or the file has no rows."""
    for name in REQUIRED:
        if not mapping.get(name):
            raise ValidationError(texts.IMPORT_COLUMN_MISSING.format(
                field=texts.POLITICIAN_FIELD_LABELS[name]))
    if not table.rows:
        raise ValidationError(f"{table.filename}: {texts.IMPORT_NOTHING}")
    municipalities, parties = MunicipalityIndex(db), parties_lookup(db)
    first_row: dict[tuple[str, str], int] = {}
    plans = []
    cleaned = [(number, *clean_politician(raw, municipalities, parties))
               for number, raw in imports.mapped_rows(table, {k: mapping.get(k) for k in SYNONYMS})]
    existing = ExistingIndex(db, [values["kommunenummer"] for _, values, problems, _ in cleaned
                                  if not problems])
    for number, values, problems, notes in cleaned:
        plan = RowPlan(number, "new", values, notes=notes)
        if problems:
            plan.action = "rejected"
            plan.problems = [Problem(number, mapping.get(f) or texts.POLITICIAN_FIELD_LABELS[f], m)
                             for f, m in problems.items()]
        else:
            plan.key = (name_key(values["name"]), values["kommunenummer"])
            if plan.key in first_row:
                plan.action = "merge"
                plan.notes.append(texts.IMPORT_DUPLICATE_IN_FILE.format(row=first_row[plan.key]))
            else:
                first_row[plan.key] = number
                plan.existing_id = existing.find(values["name"], values["kommunenummer"])
                if plan.existing_id:
                    plan.action = "update"
                    plan.notes.append(texts.IMPORT_MATCHES_EXISTING)
        plans.append(plan)
    return ImportPreview(table.filename, plans)


def apply_import(db: sqlite_utils.Database, user: User, preview: ImportPreview) -> dict[str, int]:
    """Write the previewed import in one transaction; nothing at all if any row was rejected.

    Rows for the same person are merged (a later row's non-empty values win), and an existing
    politician gets the file's non-empty values: an empty cell never erases what is known.
    """
    ensure_permission(user, "politician.edit")
    if preview.rejected:
        raise ValidationError(texts.IMPORT_REJECTED.format(n=preview.rejected))
    merged: dict[tuple[str, str], dict] = {}
    for plan in preview.rows:
        target = merged.setdefault(plan.key, {})
        target.update({k: v for k, v in plan.values.items() if v not in (None, "")})
    now = clock.stamp()
    counts = {"imported": 0, "updated": 0, "rejected": 0}
    with write(db):
        new_rows = []
        index = ExistingIndex(db, [values["kommunenummer"] for values in merged.values()])
        for values in merged.values():
            existing = index.find(values["name"], values["kommunenummer"])
            if existing:
                changes = {k: v for k, v in values.items() if k != "name"}
                if "party_code" in changes:
                    changes["party_text"] = None
                elif "party_text" in changes:
                    changes["party_code"] = None
                change_row(db, existing, {**changes, "updated_at": now})
                counts["updated"] += 1
            else:
                new_rows.append(values)
        insert_rows(db, new_rows)
        counts["imported"] = len(new_rows)
    refresh_statistics(db, only_if_stale=True)  # a first import can grow the table 100-fold
    return counts


def import_file(
    db: sqlite_utils.Database, user: User, filename: str, data: bytes
) -> tuple[ImportPreview, dict[str, int]]:
    """Read, map automatically, preview and apply: the command line's one-shot import.

    Returns the preview and the counts; with rejected rows the counts are zero except
    `rejected`, and nothing is written.
    """
    table = imports.read_table(filename, data)
    preview = preview_import(db, table, suggest_mapping(table))
    if preview.rejected:
        return preview, {"imported": 0, "updated": 0, "rejected": preview.rejected}
    return preview, apply_import(db, user, preview)
