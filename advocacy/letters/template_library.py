"""The templates a user can fill: the bundled ones in letters/templates/ and uploaded ones.

A template is found by name: a bundled one by its kind or file name ("oppfolgingsbrev" or
"oppfolgingsbrev.docx"), an uploaded one by the name it was saved under. Uploaded templates are
stored (bytes, checksum and fields) only after the full check in documents.check_template has
passed, and only leadership may add them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.db import ROOT, write
from advocacy.documents import BUNDLED, TemplateReport, check_template, render
from advocacy.documents.fields import Field, sample_value
from advocacy.errors import ValidationError
from advocacy.letters import document_rows
from advocacy.permissions import ensure_permission

BUNDLED_DIR = ROOT / "letters" / "templates"

BUNDLED_DESCRIPTIONS = {
    "oppfolgingsbrev.docx": "Oppfølgingsbrev etter møte med politikere",
    "leserinnlegg.docx": "Leserinnlegg til lokalavisen",
    "uttalelse.docx": "Uttalelse / resolusjon vedtatt av styre eller årsmøte",
}

MAX_NAME = 80
DATE_FIELDS = {"dato", "motedato", "vedtaksdato"}
LIST_FIELDS = {"krav"}


@dataclass(frozen=True)
class TemplateFile:
    """One template's bytes and what the pages need to know about it."""

    name: str
    kind: str
    title: str
    filename: str
    data: bytes
    sha256: str
    bundled: bool


def bundled_templates() -> list[dict]:
    return [
        {"name": path.name, "description": BUNDLED_DESCRIPTIONS.get(path.name, ""),
         "size_kb": round(path.stat().st_size / 1024, 1)}
        for path in sorted(BUNDLED_DIR.glob("*.docx"))
    ]


def uploaded_templates(db: sqlite_utils.Database) -> list[dict]:
    return list(
        db.query(
            """select t.id, t.name, t.kind, t.filename, t.fields, u.full_name as uploaded_by,
                      t.uploaded_at
               from templates t left join users u on u.id = t.uploaded_by
               order by t.name"""
        )
    )


def available_templates(db: sqlite_utils.Database | None) -> list[dict]:
    """Every template a letter can be made from: bundled first, then uploaded, by name."""
    rows = [
        {"name": kind, "kind": kind, "title": template.title, "bundled": True}
        for kind, template in BUNDLED.items()
    ]
    if db is not None:
        rows += [
            {"name": row["name"], "kind": row["kind"], "title": row["name"], "bundled": False}
            for row in db.query("select name, kind from templates order by name")
        ]
    return rows


def load_template(db: sqlite_utils.Database | None, name: str) -> TemplateFile:
    """The template called ``name``: bundled, else uploaded. Raises ValidationError."""
    key = (name or "").strip()
    kind = key[:-5] if key.lower().endswith(".docx") else key
    if kind in BUNDLED:
        template = BUNDLED[kind]
        data = template.path.read_bytes()
        return TemplateFile(kind, kind, template.title, template.path.name, data,
                            hashlib.sha256(data).hexdigest(), True)
    row = None
    if db is not None and "templates" in db.table_names():
        row = db.execute(
            "select name, kind, filename, docx, sha256 from templates where name = ?", [key]
        ).fetchone()
    if row is None:
        raise ValidationError(texts.TEMPLATE_UNKNOWN.format(name=key))
    name, kind, filename, data, sha = row
    return TemplateFile(name, kind, name, filename, bytes(data), sha, False)


def field_info(name: str, kind: str | None = None) -> Field:
    """What a merge field is, for forms: from the bundled catalogue, or a generic entry."""
    templates = [BUNDLED[kind]] if kind in BUNDLED else []
    templates += list(BUNDLED.values())
    for template in templates:
        for field in template.fields:
            if field.name == name:
                return field
    return Field(name, "", sample_value(name), is_list=name in LIST_FIELDS)


def is_date_field(name: str) -> bool:
    return name in DATE_FIELDS


def field_catalogue() -> list[dict]:
    """Every bundled template's merge fields as rows for the Maler page."""
    return [
        {
            "template": template.path.name,
            "name": field.name,
            "description": field.description,
            "is_list": "ja" if field.is_list else "nei",
            "required": "ja" if field.required else "nei (kan stå tomt)",
            "sample": _sample_text(field.sample),
        }
        for template in BUNDLED.values()
        for field in template.fields
    ]


def _sample_text(value) -> str:
    if isinstance(value, dt.date):
        return texts.format_date(value)
    if isinstance(value, list | tuple):
        return " | ".join(str(item) for item in value)
    return str(value)


def check_upload(filename: str, data: bytes) -> TemplateReport:
    """The full check of an uploaded template (guard first, then parse and test fill)."""
    return check_template(filename, data)


def sample_fill(filename: str, data: bytes) -> bytes:
    """The template filled with sample values, for the test fill shown after an upload."""
    report = check_template(filename, data)
    return render(data, {name: sample_value(name) for name in report.fields})


def save_uploaded(
    db: sqlite_utils.Database, user: User, name: str, kind: str, filename: str, data: bytes
) -> int:
    """Store an uploaded template after it passes the check. Leadership only.

    Everything is checked before the write: the name (not empty, not a bundled name, not taken),
    the kind and the file itself. A refused file leaves the database unchanged.
    """
    ensure_permission(user, "template.manage")
    name = _checked_name(name, kind)
    report = check_template(filename, data)
    with write(db):
        if db.execute("select 1 from templates where name = ?", [name]).fetchone():
            raise ValidationError(texts.TEMPLATE_NAME_TAKEN.format(name=name))
        return db["templates"].insert(
            {
                "name": name,
                "kind": kind,
                "filename": report.filename,
                "sha256": hashlib.sha256(data).hexdigest(),
                "fields": json.dumps(report.fields, ensure_ascii=False),
                "docx": data,
                "uploaded_by": user.id,
            }
        ).last_pk


def _checked_name(name: str, kind: str) -> str:
    """The template's name, stripped, if it and the kind may be used (upload and rename)."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(texts.TEMPLATE_NAME_REQUIRED)
    if len(name) > MAX_NAME:
        raise ValidationError(texts.TEMPLATE_NAME_TOO_LONG.format(n=MAX_NAME))
    stem = name[:-5] if name.lower().endswith(".docx") else name
    if stem in BUNDLED:
        raise ValidationError(texts.TEMPLATE_NAME_BUNDLED.format(name=name))
    if kind not in texts.DOCUMENT_KINDS:
        raise ValidationError(texts.DOCUMENT_KIND_UNKNOWN.format(kind=kind))
    return name


def update_template(db: sqlite_utils.Database, user: User, template_id: int, name: str,
                    kind: str) -> None:
    """Rename an uploaded template or change its kind. Leadership only; the same checks as an
    upload. Unsent drafts follow the new name; a name that sent documents still carry (their
    stored copy records it) cannot be changed."""
    ensure_permission(user, "template.manage")
    current = db.execute("select name from templates where id = ?", [template_id]).fetchone()
    if current is None:
        raise ValidationError(texts.TEMPLATE_UNKNOWN.format(name=template_id))
    name = _checked_name(name, kind)
    old = current[0]
    with write(db):
        if name != old:
            if db.execute("select 1 from templates where name = ? and id != ?",
                          [name, template_id]).fetchone():
                raise ValidationError(texts.TEMPLATE_NAME_TAKEN.format(name=name))
            if db.execute("select 1 from documents where template = ? and docx is not null",
                          [old]).fetchone():
                raise ValidationError(texts.TEMPLATE_NAME_IN_SENT.format(name=old))
            document_rows.rename_template(db, old, name)
        db["templates"].update(template_id, {"name": name, "kind": kind})
