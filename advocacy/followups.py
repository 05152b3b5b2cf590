"""What must be followed up, by whom and by when, and who has not answered.

Open follow-ups are meetings whose follow-up is not marked done: overdue ("forfalt") when the due
date has passed, "snart" within a week, otherwise "senere". "No reply after 14 days": a follow-up
letter was sent at least 14 days ago and no reply has been recorded on the meeting; shown on the
meeting and on the politician the letter went to.
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from . import texts
from .accounts import User
from .calendar import CalendarItem, to_ics
from .meetings import read_scope

SOON_DAYS = 7


def _status(due: str, today: dt.date) -> str:
    if due < today.isoformat():
        return "forfalt"
    if due <= (today + dt.timedelta(days=SOON_DAYS)).isoformat():
        return "snart"
    return "senere"


def open_followups(
    db: sqlite_utils.Database, user: User, *, today: dt.date | None = None,
    chapter_id: int | None = None, owner_id: int | None = None,
) -> list[dict]:
    """Follow-ups not yet done, due first; filter by chapter and owner."""
    today = today or dt.date.today()
    where, params = read_scope(user)
    clauses = [where, "mt.followup_done_on is null", "mt.followup_due is not null"]
    if chapter_id:
        clauses.append("mt.chapter_id = :chapter_id")
        params["chapter_id"] = chapter_id
    if owner_id:
        clauses.append("mt.followup_owner_id = :owner_id")
        params["owner_id"] = owner_id
    rows = list(db.query(
        f"""select mt.id, mt.held_on, mt.kind, mt.followup_due, mt.chapter_id,
                   c.name as chapter, m.navn as kommune, mt.followup_owner_id as owner_id,
                   u.full_name as owner, mt.asks, mt.topics,
                   (select group_concat(p.name, ', ') from meeting_politicians mp
                    join politicians p on p.id = mp.politician_id
                    where mp.meeting_id = mt.id) as politicians
            from meetings mt
            join chapters c on c.id = mt.chapter_id
            join municipalities m on m.kommunenummer = mt.kommunenummer
            left join users u on u.id = mt.followup_owner_id
            where {' and '.join(clauses)}
            order by mt.followup_due, mt.id""",  # noqa: S608 - only fixed fragments are joined
        params))
    silent = no_reply_meeting_ids(db, user, today=today)
    for row in rows:
        row["status"] = _status(row["followup_due"], today)
        row["days_overdue"] = max((today - dt.date.fromisoformat(row["followup_due"])).days, 0)
        row["no_reply"] = row["id"] in silent
    return rows


_SILENT = """
select distinct mt.id as meeting_id, coalesce(d.politician_id, mp.politician_id) as politician_id
from meetings mt
join documents d on d.meeting_id = mt.id and d.kind = 'oppfolgingsbrev' and d.status = 'sendt'
left join meeting_politicians mp on mp.meeting_id = mt.id and d.politician_id is null
where mt.reply_received_on is null and d.sent_on <= :cutoff and {where}
"""


def _silent(db, user: User, today: dt.date | None) -> list[dict]:
    if user.role not in ("leder", "lokallag"):
        return []
    today = today or dt.date.today()
    where, params = read_scope(user)
    cutoff = (today - dt.timedelta(days=texts.NO_REPLY_DAYS)).isoformat()
    return list(db.query(_SILENT.format(where=where), {**params, "cutoff": cutoff}))


def no_reply_meeting_ids(db, user: User, *, today: dt.date | None = None) -> set[int]:
    return {r["meeting_id"] for r in _silent(db, user, today)}


def no_reply_politician_ids(db, user: User, *, today: dt.date | None = None) -> set[int]:
    return {r["politician_id"] for r in _silent(db, user, today) if r["politician_id"]}


def calendar_items(rows: list[dict]) -> list[CalendarItem]:
    items = []
    for row in rows:
        who = row["politicians"] or row["kommune"]
        lines = [f"Møte {texts.format_date(row['held_on'])} med {who} ({row['kommune']})."]
        if row["topics"]:
            lines.append(f"Tema: {row['topics']}")
        if row["asks"]:
            lines.append(f"Det vi ba om:\n{row['asks']}")
        if row["owner"]:
            lines.append(f"Ansvarlig: {row['owner']}")
        items.append(CalendarItem(
            uid=f"meeting-{row['id']}-followup@pavirk",
            summary=f"Følg opp: {who} ({row['chapter']})",
            start=dt.date.fromisoformat(row["followup_due"]),
            description="\n".join(lines),
        ))
    return items


def followups_ics(
    db: sqlite_utils.Database, user: User, *, today: dt.date | None = None,
    chapter_id: int | None = None, owner_id: int | None = None,
) -> bytes:
    """The open follow-ups as an .ics calendar: one all-day event on each due date."""
    rows = open_followups(db, user, today=today, chapter_id=chapter_id, owner_id=owner_id)
    return to_ics(calendar_items(rows), name="Påvirk – oppfølginger")
