"""What must be followed up, by whom and by when, and who has not answered.

Open follow-ups are meetings whose follow-up is not marked done: overdue ("forfalt") when the due
date has passed, "snart" within a week, otherwise "senere". "No reply after 14 days": a follow-up
letter was sent at least 14 days ago and no reply has been recorded on the meeting; shown on the
meeting and on the politician the letter went to.
"""

from __future__ import annotations

import datetime as dt
import json

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.events.calendar import CalendarItem, to_ics
from advocacy.meetings.meetings import POLITICIANS_PRESENT
from advocacy.permissions import allowed, read_scope

SOON_DAYS = 7


def _status(due: str, today: dt.date) -> str:
    if due < today.isoformat():
        return "forfalt"
    if due <= (today + dt.timedelta(days=SOON_DAYS)).isoformat():
        return "snart"
    return "senere"


def _open_filter(user: User, today: dt.date, chapter_id, owner_id, overdue) -> tuple[str, dict]:
    where, params = read_scope(user, "meeting.read")
    clauses = [where, "mt.followup_done_on is null", "mt.followup_due is not null"]
    params["today"] = today.isoformat()
    if overdue:
        clauses.append("mt.followup_due < :today")
    if chapter_id:
        clauses.append("mt.chapter_id = :chapter_id")
        params["chapter_id"] = chapter_id
    if owner_id:
        clauses.append("mt.followup_owner_id = :owner_id")
        params["owner_id"] = owner_id
    return " and ".join(clauses), params


def open_followups(
    db: sqlite_utils.Database, user: User, *, today: dt.date | None = None,
    chapter_id: int | None = None, owner_id: int | None = None, overdue: bool = False,
    limit: int | None = None,
) -> list[dict]:
    """Follow-ups not yet done, due first; filter by chapter and owner. `overdue` keeps only
    those past their due date; `limit` caps the rows (a national list runs to thousands)."""
    today = today or dt.date.today()
    where, params = _open_filter(user, today, chapter_id, owner_id, overdue)
    rows = list(db.query(
        f"""select mt.id, mt.held_on, mt.kind, mt.followup_due, mt.chapter_id,
                   c.name as chapter, m.navn as kommune, mt.followup_owner_id as owner_id,
                   u.full_name as owner, mt.asks, mt.topics,
                   {POLITICIANS_PRESENT} as politicians
            from meetings mt
            join chapters c on c.id = mt.chapter_id
            join municipalities m on m.kommunenummer = mt.kommunenummer
            left join users u on u.id = mt.followup_owner_id
            where {where}
            order by mt.followup_due, mt.id
            limit :limit""",  # noqa: S608 - only fixed fragments are joined
        {**params, "limit": -1 if limit is None else int(limit)}))
    silent = no_reply_meeting_ids(db, user, today=today, meeting_ids=[r["id"] for r in rows])
    for row in rows:
        row["status"] = _status(row["followup_due"], today)
        row["days_overdue"] = max((today - dt.date.fromisoformat(row["followup_due"])).days, 0)
        row["no_reply"] = row["id"] in silent
    return rows


def open_counts(
    db: sqlite_utils.Database, user: User, *, today: dt.date | None = None,
    chapter_id: int | None = None, owner_id: int | None = None,
) -> tuple[int, int]:
    """(open, overdue) follow-ups with open_followups' filters, counted in SQL."""
    where, params = _open_filter(user, today or dt.date.today(), chapter_id, owner_id, False)
    total, overdue = db.execute(
        f"""select count(*), coalesce(sum(mt.followup_due < :today), 0) from meetings mt
            where {where}""", params).fetchone()  # noqa: S608 - only fixed fragments
    return total, overdue


def count_overdue(db: sqlite_utils.Database, user: User, today: dt.date | None = None) -> int:
    """How many follow-ups the user can see are past their due date and not done."""
    where, params = read_scope(user, "meeting.read")
    return db.execute(
        f"""select count(*) from meetings mt where {where} and mt.followup_done_on is null
            and mt.followup_due < :today""",  # noqa: S608 - only fixed fragments are joined
        {**params, "today": (today or dt.date.today()).isoformat()}).fetchone()[0]


_SILENT = """
select distinct mt.id as meeting_id, coalesce(d.politician_id, mp.politician_id) as politician_id
from meetings mt
join documents d on d.meeting_id = mt.id and d.kind = 'oppfolgingsbrev' and d.status = 'sendt'
left join meeting_politicians mp on mp.meeting_id = mt.id and d.politician_id is null
where mt.reply_received_on is null and d.sent_on <= :cutoff and {where}
"""


def _silent(db, user: User, today: dt.date | None, meeting_ids=None, politician_id=None
            ) -> list[dict]:
    """`meeting_ids` / `politician_id` narrow the question to what a page shows, so one
    meeting's badge does not cost a scan of every letter in the country."""
    if not allowed(user, "meeting.read"):
        return []
    today = today or dt.date.today()
    where, params = read_scope(user, "meeting.read")
    if meeting_ids is not None:
        where += " and mt.id in (select value from json_each(:ids))"
        params["ids"] = json.dumps(list(meeting_ids))
    if politician_id is not None:
        where += (" and (d.politician_id = :pid or (d.politician_id is null and mt.id in "
                  "(select meeting_id from meeting_politicians where politician_id = :pid)))")
        params["pid"] = politician_id
    cutoff = (today - dt.timedelta(days=texts.NO_REPLY_DAYS)).isoformat()
    return list(db.query(_SILENT.format(where=where), {**params, "cutoff": cutoff}))


def no_reply_meeting_ids(db, user: User, *, today: dt.date | None = None,
                         meeting_ids=None) -> set[int]:
    return {r["meeting_id"] for r in _silent(db, user, today, meeting_ids=meeting_ids)}


def no_reply_politician_ids(db, user: User, *, today: dt.date | None = None,
                            politician_id: int | None = None) -> set[int]:
    return {r["politician_id"] for r in _silent(db, user, today, politician_id=politician_id)
            if r["politician_id"]}


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


def overdue_followups(
    db: sqlite_utils.Database, user: User, today: dt.date | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Follow-ups past their due date and not done, oldest first (the overview's list)."""
    return open_followups(db, user, today=today, overdue=True, limit=limit)
