"""What the organisation does in one municipality: meetings, letters and chapter activity.

The municipality profile shows these next to the policy. Each list keeps the one access rule of its
records, `permissions.read_scope`: «meeting.read» (leadership all, a chapter its own; the writing
group none), «document.read» (leadership all, others their own and their chapter's). Politicians are public and come from `politicians`.
"""

from __future__ import annotations

import sqlite_utils

from advocacy.accounts.accounts import User
from advocacy.errors import PermissionDenied
from advocacy.meetings import meetings
from advocacy.permissions import read_scope


def municipality_meetings(
    db: sqlite_utils.Database, user: User, kommunenummer: str, limit: int = 100
) -> list[dict]:
    """Meetings held about this municipality that the user may read, newest first."""
    try:
        where, params = read_scope(user, "meeting.read")
    except PermissionDenied:
        return []
    return list(db.query(
        f"""select mt.id, mt.held_on, mt.kind, c.name as chapter, mt.summary, mt.asks,
                   mt.promises, mt.followup_due, mt.followup_done_on,
                   {meetings.POLITICIANS_PRESENT} as politicians
            from meetings mt join chapters c on c.id = mt.chapter_id
            where mt.kommunenummer = :knr and {where}
            order by mt.held_on desc, mt.id desc limit :limit""",  # noqa: S608 - fixed text
        {**params, "knr": kommunenummer, "limit": limit},
    ))


def municipality_documents(
    db: sqlite_utils.Database, user: User, kommunenummer: str, limit: int = 100
) -> list[dict]:
    """Letters, reader letters and statements tied to this municipality that the user may see."""
    where, params = read_scope(user, "document.read")
    return list(db.query(
        f"""select d.id, d.kind, d.title, d.status, n.name as newspaper, d.sent_on,
                   d.published_on, d.link
            from documents d left join newspapers n on n.id = d.newspaper_id
            where d.kommunenummer = :knr and {where}
            order by coalesce(d.published_on, d.sent_on, d.updated_at) desc, d.id desc
            limit :limit""",  # noqa: S608 - fixed text
        {**params, "knr": kommunenummer, "limit": limit},
    ))


def chapter_activity(db: sqlite_utils.Database, kommunenummer: str) -> list[dict]:
    """Chapters based in or active in this municipality: meetings held here, the last one,
    and documents about it. Counts only, so every role may see them."""
    return list(db.query(
        """select c.name as chapter, c.organisation,
                  (c.kommunenummer = :knr) as based_here,
                  (select count(*) from meetings mt
                   where mt.chapter_id = c.id and mt.kommunenummer = :knr) as meetings,
                  (select max(held_on) from meetings mt
                   where mt.chapter_id = c.id and mt.kommunenummer = :knr) as last_meeting,
                  (select count(*) from documents d
                   where d.chapter_id = c.id and d.kommunenummer = :knr) as documents
           from chapters c
           where c.kommunenummer = :knr
              or exists (select 1 from meetings mt
                         where mt.chapter_id = c.id and mt.kommunenummer = :knr)
           order by based_here desc, meetings desc, c.name""",
        {"knr": kommunenummer},
    ))
