"""One statement as stored, and who may read or change it: the rows both the lifecycle
(statements) and the Word document (statement_letters) stand on."""

from __future__ import annotations

import json

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.errors import PermissionDenied, ValidationError

PUBLIC = ("vedtatt", "sendt")


def get_row(db: sqlite_utils.Database, statement_id: int) -> dict:
    for row in db.query("select * from statements where id = ?", [statement_id]):
        return row
    raise ValidationError(texts.STATEMENT_NOT_FOUND.format(id=statement_id))


def can_read(user: User, row: dict) -> bool:
    if user.is_leader or row["status"] in PUBLIC:
        return True
    return user.role == "lokallag" and row["chapter_id"] == user.chapter_id


def can_edit(user: User, row: dict) -> bool:
    """Leadership all statements; a chapter member their chapter's (not the organisation's)."""
    return user.can_edit_chapter(row["chapter_id"])


def readable(db: sqlite_utils.Database, user: User, statement_id: int) -> dict:
    row = get_row(db, statement_id)
    if not can_read(user, row):
        raise PermissionDenied(texts.NOT_ALLOWED)
    row["demands"] = demands_list(row["demands"])
    return row


def editable_row(db: sqlite_utils.Database, user: User, statement_id: int) -> dict:
    row = get_row(db, statement_id)
    if not can_edit(user, row):
        raise PermissionDenied(texts.NOT_ALLOWED)
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
