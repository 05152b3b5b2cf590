"""What every correction (rettelse) of an append-only history shares: the reason, the mark it
leaves and the refusal to correct a row twice.

A correction marks a wrong row of positions, stances or statements (`corrected_at`,
`corrected_by`, `correction_reason`): the row stays in the history, shown as «Rettet» with who
and why, and no longer counts anywhere (`current_positions.VALID`). Each history module has its
own `correct(db, user, row_id, reason, replacement=None)` with its own permission check; the
database refuses any other change of those rows (migration m092).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import sqlite_utils

from advocacy import clock, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError

MAX_REASON = 500
COLUMNS = ("corrected_at", "corrected_by", "correction_reason")


def clean_reason(reason: str | None) -> str:
    """The reason, whitespace tidied; refused if empty or too long (before anything is written)."""
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError(texts.CORRECTION_REASON_REQUIRED)
    if len(text) > MAX_REASON:
        raise ValidationError(texts.CORRECTION_REASON_TOO_LONG.format(n=MAX_REASON))
    return text


def marking(user: User, reason: str) -> dict:
    """The columns that mark a row as corrected now by `user`."""
    return {"corrected_at": clock.stamp(),
            "corrected_by": user.id, "correction_reason": reason}


def _who(db: sqlite_utils.Database, user_id: int | None) -> str:
    row = db.execute("select full_name from users where id = ?", [user_id]).fetchone()
    return row[0] if row else texts.CORRECTED_BY_UNKNOWN


def mark(row: dict, who: str | None) -> str:
    """«Rettet: <grunn> (<hvem>, <dato>)» for a corrected row, "" for one that counts."""
    if not row.get("corrected_at"):
        return ""
    return texts.CORRECTED_MARK.format(reason=row["correction_reason"],
                                       who=who or texts.CORRECTED_BY_UNKNOWN,
                                       date=texts.format_date(row["corrected_at"]))


def refuse_corrected(db: sqlite_utils.Database, row: dict) -> None:
    """A corrected row is corrected once: say when, by whom and why."""
    if row.get("corrected_at"):
        raise ValidationError(texts.CORRECTION_ALREADY.format(
            date=texts.format_date(row["corrected_at"]), who=_who(db, row["corrected_by"]),
            reason=row["correction_reason"]))


def get(db: sqlite_utils.Database, table: str, row_id: int) -> dict:
    """One row of `table` (a fixed name from the caller) by id, or a Norwegian refusal."""
    for row in db.query(f"select * from {table} where id = ?", [row_id]):  # noqa: S608
        return row
    raise ValidationError(texts.CORRECTION_NOT_FOUND.format(id=row_id))


class Save(Protocol):
    def __call__(self, db: sqlite_utils.Database, row_id: int, mark: dict,
                 clean: dict | None) -> int | None: ...


def apply(db: sqlite_utils.Database, user: User, table: str, row_id: int, reason: str,
          clean: dict | None, refuse_same: Callable[..., None], save: Save) -> int | None:
    """Mark the wrong row and record the right one (`clean`, already checked), in one
    transaction; the checks that another writer may have made stale are taken again inside it.
    `save` is the history module's own write (it owns its table): it puts the mark on the row
    and inserts `clean`. Returns the new row's id, or None."""
    with write(db):
        refuse_corrected(db, get(db, table, row_id))
        if clean is not None:
            refuse_same(db, clean, except_id=row_id)
        return save(db, row_id, marking(user, reason), clean)
