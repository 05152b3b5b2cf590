"""The templates a user can fill: the bundled ones in letters/templates/ and uploaded ones."""

from __future__ import annotations

import sqlite_utils

from .db import ROOT

BUNDLED_DIR = ROOT / "letters" / "templates"

BUNDLED_DESCRIPTIONS = {
    "oppfolgingsbrev.docx": "Oppfølgingsbrev etter møte med politikere",
    "leserinnlegg.docx": "Leserinnlegg til lokalavisen",
    "uttalelse.docx": "Uttalelse / resolusjon vedtatt av styre eller årsmøte",
}


def bundled_templates() -> list[dict]:
    return [
        {"name": path.name, "description": BUNDLED_DESCRIPTIONS.get(path.name, ""),
         "size_kb": round(path.stat().st_size / 1024, 1)}
        for path in sorted(BUNDLED_DIR.glob("*.docx"))
    ]


def uploaded_templates(db: sqlite_utils.Database) -> list[dict]:
    return list(
        db.query(
            """select t.name, t.kind, t.filename, t.fields, u.full_name as uploaded_by,
                      t.uploaded_at
               from templates t left join users u on u.id = t.uploaded_by
               order by t.name"""
        )
    )
