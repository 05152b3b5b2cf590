"""The argument bank: approved paragraphs, with their sources and the date they were checked.

Anyone who writes may propose a paragraph (status 'forslag'); leadership approves it (it needs at
least one source and a date checked), rejects it with a note, or archives an approved one that
has gone stale. Writers insert approved paragraphs into their drafts (``insert``). A paragraph
whose sources were checked more than STALE_AFTER_DAYS ago is still usable but flagged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import sqlite_utils

from advocacy import clock, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.permissions import allowed, ensure_permission

STALE_AFTER_DAYS = 365
STATUSES = tuple(texts.ARGUMENT_STATUSES)

_COLUMNS = """a.id, a.title, a.body, a.sources, a.checked_on, a.lever_id, l.name as lever,
    a.status, a.proposed_by, p.full_name as proposer, a.proposed_at, d.full_name as decider,
    a.decided_at, a.note, a.is_demo"""
_FROM = """arguments a left join levers l on l.id = a.lever_id
    left join users p on p.id = a.proposed_by left join users d on d.id = a.decided_by"""


def list_arguments(
    db: sqlite_utils.Database,
    user: User,
    *,
    status: str | None = "godkjent",
    lever_id: str | None = None,
    search: str = "",
) -> list[dict]:
    """Arguments by status (None: all), lever and a search in title, text and sources.

    Everybody sees the approved ones; a writer sees their own proposals too (status
    'forslag' or 'avvist'), leadership sees every proposal."""
    where, params = ["1 = 1"], {}
    if status:
        where.append("a.status = :status")
        params["status"] = status
    if status != "godkjent" and not allowed(user, "argument.approve"):
        where.append("(a.status = 'godkjent' or a.proposed_by = :me)")
        params["me"] = user.id
    if lever_id:
        where.append("a.lever_id = :lever")
        params["lever"] = lever_id
    if search.strip():
        where.append("(a.title like :q or a.body like :q or a.sources like :q)")
        params["q"] = f"%{search.strip()}%"
    rows = list(db.query(
        f"select {_COLUMNS} from {_FROM} where {' and '.join(where)} "  # noqa: S608 - fixed
        "order by a.status = 'godkjent' desc, coalesce(l.sort_order, 999), a.title", params))
    for row in rows:
        row["stale"] = is_stale(row["checked_on"])
    return rows


def get_argument(db: sqlite_utils.Database, argument_id: int) -> dict:
    row = next(db.query(f"select {_COLUMNS} from {_FROM} where a.id = ?",  # noqa: S608
                        [argument_id]), None)
    if row is None:
        raise ValidationError(texts.ARGUMENT_NOT_FOUND.format(id=argument_id))
    row["stale"] = is_stale(row["checked_on"])
    return row


def is_stale(checked_on: str | None, today: dt.date | None = None) -> bool:
    if not checked_on:
        return True
    age = (today or dt.date.today()) - dt.date.fromisoformat(checked_on[:10])
    return age.days > STALE_AFTER_DAYS


def propose(db: sqlite_utils.Database, user: User, values: Mapping[str, Any]) -> int:
    """A new proposal (title, body, sources, checked_on, lever_id) from any user."""
    row = _clean(db, values, approving=False)
    with write(db):
        return db["arguments"].insert(
            {**row, "status": "forslag", "proposed_by": user.id}).last_pk


def update(db: sqlite_utils.Database, user: User, argument_id: int,
           values: Mapping[str, Any]) -> None:
    """Change the wording or sources: leadership always, the proposer while it is a proposal."""
    current = get_argument(db, argument_id)
    ensure_permission(user, "argument.edit", current)
    row = _clean(db, {**current, **values}, approving=current["status"] == "godkjent")
    with write(db):
        db["arguments"].update(argument_id, row)


def approve(db: sqlite_utils.Database, user: User, argument_id: int,
            checked_on: dt.date | None = None) -> None:
    """Leadership approves a proposal: it must have sources and a date checked."""
    ensure_permission(user, "argument.approve")
    current = get_argument(db, argument_id)
    if current["status"] == "godkjent":
        raise ValidationError(texts.ARGUMENT_NOT_PROPOSAL.format(status="godkjent"))
    values = {**current}
    if checked_on is not None:
        values["checked_on"] = checked_on
    row = _clean(db, values, approving=True)
    with write(db):
        db["arguments"].update(argument_id, {
            **row, "status": "godkjent", "decided_by": user.id, "decided_at": _now()})


def reject(db: sqlite_utils.Database, user: User, argument_id: int, note: str = "") -> None:
    _decide(db, user, argument_id, "avvist", note, expected=("forslag",))


def archive(db: sqlite_utils.Database, user: User, argument_id: int, note: str = "") -> None:
    _decide(db, user, argument_id, "arkivert", note, expected=("godkjent",))


def _decide(db, user, argument_id, status, note, expected) -> None:
    ensure_permission(user, "argument.approve")
    current = get_argument(db, argument_id)
    if current["status"] not in expected:
        raise ValidationError(texts.ARGUMENT_NOT_PROPOSAL.format(
            status=texts.ARGUMENT_STATUSES[current["status"]].lower()))
    with write(db):
        db["arguments"].update(argument_id, {"status": status, "decided_by": user.id,
                                             "decided_at": _now(),
                                             "note": (note or "").strip() or None})


def insert(text: str, argument: Mapping[str, Any]) -> str:
    """The draft with the argument's paragraph added as a paragraph of its own.

    Placed before the last paragraph when the draft ends with the demand ("Derfor ber vi …"),
    so the demand stays last; otherwise at the end."""
    if argument["status"] != "godkjent":
        raise ValidationError(texts.ARGUMENT_NOT_APPROVED)
    paragraph = argument["body"].strip()
    parts = [p for p in (text or "").strip().split("\n\n") if p.strip()]
    if parts and parts[-1].lstrip().lower().startswith(("derfor ber", "vi ber")):
        parts.insert(len(parts) - 1, paragraph)
    else:
        parts.append(paragraph)
    return "\n\n".join(parts)


def source_list(argument: Mapping[str, Any]) -> list[str]:
    return [line.strip() for line in (argument.get("sources") or "").splitlines()
            if line.strip()]


def _clean(db, values: Mapping[str, Any], *, approving: bool) -> dict:
    title = str(values.get("title") or "").strip()
    body = str(values.get("body") or "").strip()
    if not title:
        raise ValidationError(texts.ARGUMENT_TITLE_REQUIRED)
    if not body:
        raise ValidationError(texts.ARGUMENT_BODY_REQUIRED)
    sources = "\n".join(source_list(values))
    checked = values.get("checked_on")
    if isinstance(checked, str) and checked:
        checked = dt.date.fromisoformat(checked[:10])
    if checked and checked > dt.date.today():
        raise ValidationError(texts.ARGUMENT_CHECKED_FUTURE.format(date=texts.format_date(checked)))
    if approving and not sources:
        raise ValidationError(texts.ARGUMENT_SOURCES_REQUIRED)
    if approving and not checked:
        raise ValidationError(texts.ARGUMENT_CHECKED_REQUIRED)
    lever = values.get("lever_id") or None
    if lever and not db.execute("select 1 from levers where id = ?", [lever]).fetchone():
        raise ValidationError(texts.ARGUMENT_LEVER_UNKNOWN.format(value=lever))
    return {"title": title[:200], "body": body, "sources": sources,
            "checked_on": checked.isoformat() if checked else None, "lever_id": lever}


def _now() -> str:
    return clock.stamp()
