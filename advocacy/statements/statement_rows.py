"""One statement as stored, read or changed as «statement.read» / «statement.edit» allow: the
rows both the lifecycle (statements) and the Word document (statement_letters) stand on."""

from __future__ import annotations

import json

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.errors import ValidationError
from advocacy.permissions import PUBLIC_STATEMENTS, ensure_permission

PUBLIC = PUBLIC_STATEMENTS


def get_row(db: sqlite_utils.Database, statement_id: int) -> dict:
    for row in db.query("select * from statements where id = ?", [statement_id]):
        return row
    raise ValidationError(texts.STATEMENT_NOT_FOUND.format(id=statement_id))


def readable(db: sqlite_utils.Database, user: User, statement_id: int) -> dict:
    row = get_row(db, statement_id)
    ensure_permission(user, "statement.read", row)
    row["demands"] = demands_list(row["demands"])
    return row


def editable_row(db: sqlite_utils.Database, user: User, statement_id: int) -> dict:
    row = get_row(db, statement_id)
    ensure_permission(user, "statement.edit", row)
    return row


def demands_list(value) -> list[str]:
    """Demands as a list, from stored JSON, a list, or text with one demand per line."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = value.splitlines()
        value = parsed if isinstance(parsed, list) else [str(parsed)]
    cleaned = (str(item).strip().lstrip("-•*–").strip() for item in value)
    return [item for item in cleaned if item]
