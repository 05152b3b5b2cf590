"""Contacts with politicians: meetings, asks and promises, follow-ups and what is overdue."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from . import texts
from .accounts import User
from .errors import PermissionDenied


def _scope(user: User) -> tuple[str, dict]:
    """Which meetings a user may read: leadership all, a chapter member their chapter's."""
    if user.is_leader:
        return "1 = 1", {}
    if user.role == "lokallag":
        return "mt.chapter_id = :chapter", {"chapter": user.chapter_id}
    raise PermissionDenied(texts.NOT_ALLOWED)


def list_meetings(db: sqlite_utils.Database, user: User, limit: int = 200) -> list[dict]:
    where, params = _scope(user)
    return list(
        db.query(
            f"""select mt.id, mt.held_on, mt.kind, c.name as chapter, m.navn as kommune,
                       mt.summary, mt.followup_due, mt.followup_done_on,
                       (select group_concat(p.name, ', ') from meeting_politicians mp
                        join politicians p on p.id = mp.politician_id
                        where mp.meeting_id = mt.id) as politicians
                from meetings mt
                join chapters c on c.id = mt.chapter_id
                join municipalities m on m.kommunenummer = mt.kommunenummer
                where {where}
                order by mt.held_on desc, mt.id desc
                limit :limit""",  # noqa: S608 - only fixed fragments are joined
            {**params, "limit": limit},
        )
    )


def overdue_followups(
    db: sqlite_utils.Database, user: User, today: dt.date | None = None
) -> list[dict]:
    """Follow-ups past their due date and not done, oldest first."""
    where, params = _scope(user)
    today = today or dt.date.today()
    return list(
        db.query(
            f"""select mt.id, mt.held_on, mt.followup_due, c.name as chapter,
                       m.navn as kommune, u.full_name as owner
                from meetings mt
                join chapters c on c.id = mt.chapter_id
                join municipalities m on m.kommunenummer = mt.kommunenummer
                left join users u on u.id = mt.followup_owner_id
                where {where} and mt.followup_done_on is null
                      and mt.followup_due < :today
                order by mt.followup_due""",  # noqa: S608 - only fixed fragments are joined
            {**params, "today": today.isoformat()},
        )
    )
