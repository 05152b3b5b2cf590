"""Correcting an adopted statement version (rettelse).

An adopted version's words and adoption facts are frozen (a trigger refuses any change), so a
version adopted with a mistake is put right by a correction: the version is marked with who and
why, stays in the archive and the version chain shown as «Rettet», and stops counting: it is no
longer the newest version, cannot be sent, and a new version may be made beside it. The status
history records the correction too. Optionally a new draft carrying its text (with changes) is
made in the same transaction, to be adopted as usual.

Who may correct is who may change the statement («statement.edit»).
"""

from __future__ import annotations

import sqlite_utils

from advocacy import corrections, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.statements import statement_rows, statements


def correct(
    db: sqlite_utils.Database,
    user: User,
    statement_id: int,
    reason: str,
    replacement: dict | None = None,
) -> int | None:
    """Mark an adopted version as corrected. With `replacement` (text fields to change; {} to
    carry the text unchanged) a new draft version is made from it. Returns the draft's id or
    None."""
    row = statement_rows.editable_row(db, user, statement_id)
    reason = corrections.clean_reason(reason)
    if row["adopted_on"] is None:
        raise ValidationError(texts.STATEMENT_CORRECT_ONLY_ADOPTED)
    corrections.refuse_corrected(db, row)
    clean = statements.clean_fields(replacement) if replacement is not None else None
    with write(db):
        row = statement_rows.get_row(db, statement_id)
        corrections.refuse_corrected(db, row)
        statements.mark_corrected(db, statement_id, corrections.marking(user, reason))
        statements.record_history(db, statement_id, user, row["status"], row["status"],
                           texts.CORRECTED_MARK.format(reason=reason, who=user.full_name,
                                                       date=texts.format_date(
                                                           statements.now())))
        if clean is None:
            return None
        return statements.insert_version(db, user, row, clean)


def correction_of(db: sqlite_utils.Database, row: dict) -> str:
    """«Rettet: …» for a corrected statement row, "" otherwise."""
    if not row.get("corrected_at"):
        return ""
    who = db.execute("select full_name from users where id = ?",
                     [row["corrected_by"]]).fetchone()
    return corrections.mark(row, who[0] if who else None)
