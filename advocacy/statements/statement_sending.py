"""Sending an adopted statement and logging the answers: where it went (politicians, parties,
newspapers, anyone named) with the date, and who answered, when, and what they said.

The first sending moves the statement from «vedtatt» to «sendt» (recorded in its history);
later sendings add recipients. Same permissions as the lifecycle in `statements`.
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.statements.statement_rows import PUBLIC, editable_row
from advocacy.statements.statements import MAX_TEXT, move_status, parse_date, record_history


def send(
    db: sqlite_utils.Database,
    user: User,
    statement_id: int,
    recipients: list[tuple[str, object]],
    sent_on: dt.date | str,
) -> list[int]:
    """Record where an adopted statement went: (kind, id or name) pairs, e.g. ("politiker", 12),
    ("parti", "A"), ("avis", 3), ("annet", "Statsforvalteren"). The first sending moves it to
    «sendt»; later ones add recipients."""
    row, resolved, sent_on = check_send(db, user, statement_id, recipients, sent_on)
    with write(db):
        if row["status"] == "vedtatt":
            names = ", ".join(r["name"] for r in resolved)
            move_status(db, user, row, "sendt", {}, note=names)
        return [
            db["statement_recipients"].insert(
                {**r, "statement_id": statement_id, "sent_on": sent_on, "recorded_by": user.id}
            ).last_pk
            for r in resolved
        ]


def check_send(
    db: sqlite_utils.Database,
    user: User,
    statement_id: int,
    recipients: list[tuple[str, object]],
    sent_on: dt.date | str,
) -> tuple[dict, list[dict], str]:
    """(statement, resolved recipients, date) or the refusal `send` would give, unwritten."""
    row = editable_row(db, user, statement_id)
    if row["corrected_at"]:
        raise ValidationError(texts.STATEMENT_CORRECTED_NOT_SENT)
    if row["status"] not in PUBLIC:
        raise ValidationError(
            texts.STATEMENT_SEND_NOT_ADOPTED.format(status=texts.STATEMENT_STATUSES[row["status"]])
        )
    sent_on = parse_date(sent_on, "Sendt", allow_future=False)
    if sent_on is None:
        raise ValidationError(texts.STATEMENT_DATE_INVALID.format(value="", field="Sendt"))
    if sent_on < row["adopted_on"]:
        raise ValidationError(texts.STATEMENT_SENT_BEFORE_ADOPTED.format(
            date=texts.format_date(sent_on), adopted=texts.format_date(row["adopted_on"])))
    resolved = [_recipient(db, kind, value) for kind, value in recipients]
    if not resolved:
        raise ValidationError(texts.STATEMENT_NO_RECIPIENTS)
    return row, resolved, sent_on


def _recipient(db, kind: str, value) -> dict:
    queries = {
        "politiker": ("politician_id", "select politicians.name || coalesce(' (' || p.abbreviation || ')', '')"
                      " from politicians left join parties p on p.code = party_code"
                      " where politicians.id = ?"),
        "parti": ("party_code", "select name from parties where code = ?"),
        "avis": ("newspaper_id", "select name from newspapers where id = ?"),
    }
    name = str(value or "").strip()
    if kind == "annet" and 0 < len(name) <= 200:
        return {"kind": kind, "name": name}
    found = db.execute(queries[kind][1], [value]).fetchone() if kind in queries else None
    if found is None:
        raise ValidationError(texts.STATEMENT_UNKNOWN_RECIPIENT.format(value=value or kind))
    return {"kind": kind, queries[kind][0]: value, "name": found[0]}


def record_response(
    db: sqlite_utils.Database,
    user: User,
    statement_id: int,
    responder: str,
    responded_on: dt.date | str,
    summary: str,
    recipient_id: int | None = None,
) -> int:
    responder, responded_on, summary = check_response(
        db, user, statement_id, responder, responded_on, summary, recipient_id)
    with write(db):
        return db["statement_responses"].insert(
            {"statement_id": statement_id, "recipient_id": recipient_id, "responder": responder,
             "responded_on": responded_on, "summary": summary, "recorded_by": user.id}
        ).last_pk


def check_response(
    db: sqlite_utils.Database,
    user: User,
    statement_id: int,
    responder: str,
    responded_on: dt.date | str,
    summary: str,
    recipient_id: int | None = None,
) -> tuple[str, str, str]:
    """(responder, date, summary) cleaned, or the refusal `record_response` would give."""
    row = editable_row(db, user, statement_id)
    if row["status"] != "sendt":
        raise ValidationError(texts.STATEMENT_RESPONSE_NOT_SENT)
    responded_on = parse_date(responded_on, "Svardato", allow_future=False)
    responder, summary = (responder or "").strip(), (summary or "").strip()
    if not (responder and responded_on and summary):
        raise ValidationError(texts.STATEMENT_RESPONSE_NEEDS)
    if len(responder) > 200 or len(summary) > MAX_TEXT:
        raise ValidationError(texts.STATEMENT_FIELD_TOO_LONG.format(field="Svar", n=MAX_TEXT))
    if recipient_id is not None and not db.execute(
        "select 1 from statement_recipients where id = ? and statement_id = ?",
        [recipient_id, statement_id],
    ).fetchone():
        raise ValidationError(texts.STATEMENT_UNKNOWN_RECIPIENT.format(value=recipient_id))
    return responder, responded_on, summary


def remove_response(db: sqlite_utils.Database, user: User, response_id: int) -> None:
    """Undo `record_response`: take a response off the statement again (the «Angre» right
    after it was registered), noted in the statement's history. The same people who may
    record it may remove it."""
    found = db.execute("select statement_id, responder from statement_responses where id = ?",
                       [response_id]).fetchone()
    if found is None:
        raise ValidationError(texts.STATEMENT_RESPONSE_NOT_FOUND)
    row = editable_row(db, user, found[0])
    with write(db):
        db.execute("delete from statement_responses where id = ?", [response_id])
        record_history(db, row["id"], user, row["status"], row["status"],
                texts.STATEMENT_RESPONSE_REMOVED_NOTE.format(responder=found[1]))
