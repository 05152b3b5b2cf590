"""Key figures for the Oversikt page, computed in SQL so they stay cheap at national scale."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from . import meetings
from .accounts import User


def key_figures(db: sqlite_utils.Database, user: User, today: dt.date | None = None) -> dict:
    today = today or dt.date.today()
    since = (today - dt.timedelta(days=90)).isoformat()

    def one(sql: str, params: list | None = None) -> int:
        return db.execute(sql, params or []).fetchone()[0]

    figures = {
        "municipalities": one("select count(*) from municipalities"),
        "municipalities_with_positions": one(
            "select count(distinct kommunenummer) from positions"
        ),
        "positions_last_90_days": one(
            "select count(*) from positions where decided_on >= ?", [since]
        ),
        "politicians": one("select count(*) from politicians where in_office = 1"),
        "published_letters": one(
            "select count(*) from documents where kind in ('leserinnlegg', 'kronikk') "
            "and status = 'publisert'"
        ),
        "overdue_followups": None,
    }
    if user.role in ("leder", "lokallag"):
        figures["overdue_followups"] = len(meetings.overdue_followups(db, user, today))
    return figures


def meetings_per_chapter(db: sqlite_utils.Database) -> list[dict]:
    return list(
        db.query(
            """select c.name as chapter, count(mt.id) as meetings, max(mt.held_on) as last_meeting
               from chapters c left join meetings mt on mt.chapter_id = c.id
               group by c.id order by meetings desc, c.name"""
        )
    )
