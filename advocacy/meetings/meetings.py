"""Contacts with politicians: meetings, asks and promises, and who follows up by when.

A chapter member logs and changes only their own chapter's meetings and reads only those;
leadership reads and changes all; the writing group has no access (the pages hide it too).
`clean_meeting` holds every rule for a meeting's content, so creating and editing refuse the
same things, before anything is written. Follow-up lists and the calendar are in followups.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlite_utils

from advocacy import clock, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.permissions import allowed, ensure_permission, read_scope

KINDS = tuple(texts.MEETING_KINDS)
FOLLOWUP_DAYS = 14
TEXT_LIMIT = 10_000


@dataclass
class MeetingInput:
    """What the form (or a test) gives to create or change a meeting."""

    held_on: dt.date | None
    kind: str
    chapter_id: int | None
    kommunenummer: str
    politician_ids: list[int]
    summary: str
    our_participants: str = ""
    lever_ids: list[str] = field(default_factory=list)
    topics: str = ""
    asks: str = ""
    promises: str = ""
    outcome: str = ""
    followup_due: dt.date | None = None  # None: FOLLOWUP_DAYS after the meeting
    followup_owner_id: int | None = None  # None: the person logging it


# The names of the politicians at meeting `mt`, for any list of meetings.
POLITICIANS_PRESENT = """(select group_concat(p.name, ', ') from meeting_politicians mp
    join politicians p on p.id = mp.politician_id where mp.meeting_id = mt.id)"""


def ask_list(asks: str | None) -> list[str]:
    """Asks as typed (one per line, with or without "-", "•" or "1.") as a clean list."""
    items = []
    for line in (asks or "").splitlines():
        item = line.strip().lstrip("-•*–").strip()
        head, dot, rest = item.partition(".")
        if dot and head.isdigit():
            item = rest.strip()
        if item:
            items.append(item)
    return items


def check_dates(held_on: dt.date | None, followup_due: dt.date | None, today: dt.date
                ) -> dt.date:
    """The follow-up due date (FOLLOWUP_DAYS after the meeting when not given), or a
    ValidationError naming the date field it is about: a meeting is logged once it has been
    held, and its follow-up cannot fall before it. The form also calls this as dates change."""
    if held_on is None:
        raise ValidationError(texts.MEETING_DATE_REQUIRED, field="held_on")
    if held_on > today:
        raise ValidationError(texts.MEETING_DATE_FUTURE.format(date=texts.format_date(held_on)),
                              field="held_on")
    due = followup_due or held_on + dt.timedelta(days=FOLLOWUP_DAYS)
    if due < held_on:
        raise ValidationError(texts.MEETING_FOLLOWUP_BEFORE.format(
            due=texts.format_date(due), held=texts.format_date(held_on)), field="followup_due")
    return due


def clean_meeting(
    db: sqlite_utils.Database, user: User, data: MeetingInput, today: dt.date
) -> tuple[dict, list[int], list[str]]:
    """(meetings row, politician ids, lever ids), or ValidationError/PermissionDenied."""
    chapter_id = data.chapter_id if data.chapter_id is not None else user.chapter_id
    if chapter_id is None or not allowed(user, "chapter.edit", chapter_id):
        raise PermissionDenied(texts.MEETING_CHAPTER_FORBIDDEN)
    chapter = db.execute("select name from chapters where id = ?", [chapter_id]).fetchone()
    if chapter is None:
        raise ValidationError(texts.CHAPTER_UNKNOWN.format(name=chapter_id))
    due = check_dates(data.held_on, data.followup_due, today)
    if data.kind not in KINDS:
        raise ValidationError(texts.MEETING_KIND_UNKNOWN.format(value=data.kind))
    municipality = db.execute("select navn from municipalities where kommunenummer = ?",
                              [data.kommunenummer]).fetchone()
    if municipality is None:
        raise ValidationError(texts.MUNICIPALITY_UNKNOWN.format(value=data.kommunenummer))
    summary = (data.summary or "").strip()
    if not summary:
        raise ValidationError(texts.MEETING_SUMMARY_REQUIRED, field="summary")
    politician_ids = list(dict.fromkeys(int(p) for p in data.politician_ids))
    if not politician_ids:
        raise ValidationError(texts.MEETING_POLITICIANS_REQUIRED, field="politician_ids")
    for pid in politician_ids:
        row = db.execute(
            "select p.name, p.kommunenummer, m.navn from politicians p "
            "join municipalities m using (kommunenummer) where p.id = ?", [pid]).fetchone()
        if row is None:
            raise ValidationError(texts.POLITICIAN_NOT_FOUND)
        if row[1] != data.kommunenummer:
            raise ValidationError(texts.MEETING_POLITICIAN_WRONG_MUNICIPALITY.format(
                name=row[0], their=row[2], kommune=municipality[0]))
    lever_ids = list(dict.fromkeys(data.lever_ids))
    for lever_id in lever_ids:
        if db.execute("select 1 from levers where id = ?", [lever_id]).fetchone() is None:
            raise ValidationError(texts.STANCE_LEVER_UNKNOWN.format(value=lever_id))
    owner_id = data.followup_owner_id or user.id
    owner = db.execute("select full_name, role, chapter_id from users where id = ? and active = 1",
                       [owner_id]).fetchone()
    if owner is None:
        raise ValidationError(texts.MEETING_OWNER_UNKNOWN)
    if owner[1] != "leder" and owner[2] != chapter_id:
        raise ValidationError(texts.MEETING_OWNER_OTHER_CHAPTER.format(
            name=owner[0], chapter=chapter[0]))
    texts_in = {k: (getattr(data, k) or "").strip() or None
                for k in ("our_participants", "topics", "asks", "promises", "outcome")}
    for name, value in {"summary": summary, **texts_in}.items():
        limit = texts.MEETING_TEXT_LIMITS[name]
        if value and len(value) > limit:
            raise ValidationError(texts.text_too_long(texts.MEETING_TEXT_NOUNS[name], limit,
                                                      len(value)), field=name)
    row = {
        "held_on": data.held_on.isoformat(), "kind": data.kind, "chapter_id": chapter_id,
        "kommunenummer": data.kommunenummer, "summary": summary, **texts_in,
        "followup_due": due.isoformat(), "followup_owner_id": owner_id,
    }
    return row, politician_ids, lever_ids


def _save_links(db, meeting_id: int, politician_ids: list[int], lever_ids: list[str]) -> None:
    db.execute("delete from meeting_politicians where meeting_id = ?", [meeting_id])
    db.execute("delete from meeting_levers where meeting_id = ?", [meeting_id])
    db["meeting_politicians"].insert_all(
        [{"meeting_id": meeting_id, "politician_id": p} for p in politician_ids])
    db["meeting_levers"].insert_all([{"meeting_id": meeting_id, "lever_id": x} for x in lever_ids])


def create_meeting(
    db: sqlite_utils.Database, user: User, data: MeetingInput, today: dt.date | None = None
) -> int:
    row, politician_ids, lever_ids = clean_meeting(db, user, data, today or dt.date.today())
    with write(db):
        meeting_id = db["meetings"].insert({**row, "created_by": user.id}).last_pk
        _save_links(db, meeting_id, politician_ids, lever_ids)
    return meeting_id


def editable_meeting(db: sqlite_utils.Database, user: User, meeting_id: int) -> dict:
    """The meeting, if the user may change it (its chapter's editors)."""
    meeting = get_meeting(db, user, meeting_id)
    ensure_permission(user, "meeting.edit", meeting)
    return meeting


def _now() -> str:
    return clock.stamp()


def set_reply(db: sqlite_utils.Database, meeting_id: int, reply: dict) -> None:
    """Write the answer's columns (`reply_received_on`, `reply_summary`, `reply_filename`,
    `reply_file`; None clears them), checked by meeting_replies."""
    with write(db):
        db["meetings"].update(meeting_id, {**reply, "updated_at": _now()})


def update_meeting(
    db: sqlite_utils.Database, user: User, meeting_id: int, data: MeetingInput,
    today: dt.date | None = None,
) -> None:
    editable_meeting(db, user, meeting_id)
    row, politician_ids, lever_ids = clean_meeting(db, user, data, today or dt.date.today())
    with write(db):
        db["meetings"].update(meeting_id, {**row, "updated_at": _now()})
        _save_links(db, meeting_id, politician_ids, lever_ids)


def checked_date(value: dt.date, held_on: str, today: dt.date, before_message: str) -> str:
    if value > today:
        raise ValidationError(texts.MEETING_DONE_FUTURE.format(date=texts.format_date(value)))
    if value.isoformat() < held_on:
        raise ValidationError(before_message.format(
            done=texts.format_date(value), date=texts.format_date(value),
            held=texts.format_date(held_on)))
    return value.isoformat()


def mark_followup_done(
    db: sqlite_utils.Database, user: User, meeting_id: int, done_on: dt.date | None = None,
    today: dt.date | None = None,
) -> str:
    """Mark the follow-up done; returns the date stored (what `reopen_followup` undoes)."""
    today = today or dt.date.today()
    meeting = editable_meeting(db, user, meeting_id)
    if meeting["followup_done_on"]:
        raise ValidationError(texts.MEETING_ALREADY_DONE.format(
            date=texts.format_date(meeting["followup_done_on"])))
    done = checked_date(done_on or today, meeting["held_on"], today, texts.MEETING_DONE_BEFORE)
    with write(db):
        db["meetings"].update(meeting_id, {"followup_done_on": done, "updated_at": _now()})
    return done


def reopen_followup(db: sqlite_utils.Database, user: User, meeting_id: int, done_on: str) -> None:
    """Undo `mark_followup_done`: open the follow-up again, if it is still marked done that day
    (a later change by someone else is not silently thrown away)."""
    editable_meeting(db, user, meeting_id)
    with write(db):
        current = db.execute("select followup_done_on from meetings where id = ?",
                             [meeting_id]).fetchone()
        if current is None or current[0] != done_on:
            raise ValidationError(texts.UNDO_TOO_LATE)
        db["meetings"].update(meeting_id, {"followup_done_on": None, "updated_at": _now()})


def close_followup_on_sent(db: sqlite_utils.Database, meeting_id: int, sent_on: str) -> None:
    """Inside the write that marks a follow-up letter sent: the letter is the follow-up, so the
    meeting's follow-up is done that day (an earlier done date is kept)."""
    db.execute(
        "update meetings set followup_done_on = :sent, updated_at = :now"
        " where id = :id and followup_done_on is null and held_on <= :sent",
        {"sent": sent_on, "now": _now(), "id": meeting_id})


def get_meeting(db: sqlite_utils.Database, user: User, meeting_id: int) -> dict:
    """One meeting with its chapter, municipality, politicians, levers and owner."""
    where, params = read_scope(user, "meeting.read")
    rows = list(db.query(
        f"""select mt.*, c.name as chapter, m.navn as kommune, u.full_name as owner
            from meetings mt
            join chapters c on c.id = mt.chapter_id
            join municipalities m on m.kommunenummer = mt.kommunenummer
            left join users u on u.id = mt.followup_owner_id
            where mt.id = :id and {where}""",  # noqa: S608 - only fixed fragments are joined
        {**params, "id": meeting_id}))
    if not rows:
        raise ValidationError(texts.MEETING_NOT_FOUND)
    meeting = rows[0]
    meeting["politicians"] = list(db.query(
        """select p.id, p.name, p.role, p.email, coalesce(parties.abbreviation, p.party_text)
                  as party
           from meeting_politicians mp join politicians p on p.id = mp.politician_id
           left join parties on parties.code = p.party_code
           where mp.meeting_id = ? order by p.name""", [meeting_id]))
    meeting["levers"] = list(db.query(
        """select l.id, l.name from meeting_levers ml join levers l on l.id = ml.lever_id
           where ml.meeting_id = ? order by l.sort_order""", [meeting_id]))
    return meeting


def as_input(meeting: dict) -> MeetingInput:
    """A stored meeting as the form's starting values."""
    return MeetingInput(
        held_on=dt.date.fromisoformat(meeting["held_on"]), kind=meeting["kind"],
        chapter_id=meeting["chapter_id"], kommunenummer=meeting["kommunenummer"],
        politician_ids=[p["id"] for p in meeting["politicians"]], summary=meeting["summary"],
        our_participants=meeting["our_participants"] or "",
        lever_ids=[x["id"] for x in meeting["levers"]], topics=meeting["topics"] or "",
        asks=meeting["asks"] or "", promises=meeting["promises"] or "",
        outcome=meeting["outcome"] or "",
        followup_due=dt.date.fromisoformat(meeting["followup_due"])
        if meeting["followup_due"] else None,
        followup_owner_id=meeting["followup_owner_id"],
    )


def _list_filter(user: User, chapter_id, kommunenummer, politician_id) -> tuple[str, dict]:
    where, params = read_scope(user, "meeting.read")
    clauses = [where]
    if chapter_id:
        clauses.append("mt.chapter_id = :chapter_id")
        params["chapter_id"] = chapter_id
    if kommunenummer:
        clauses.append("mt.kommunenummer = :knr")
        params["knr"] = kommunenummer
    if politician_id:
        # `in`, not a correlated `exists`: the politician's few meetings come from their index
        # instead of testing every meeting in the country.
        clauses.append("mt.id in (select x.meeting_id from meeting_politicians x "
                       "where x.politician_id = :pid)")
        params["pid"] = politician_id
    return " and ".join(clauses), params


def list_meetings(
    db: sqlite_utils.Database, user: User, limit: int = 200, *,
    chapter_id: int | None = None, kommunenummer: str | None = None,
    politician_id: int | None = None, offset: int = 0,
) -> list[dict]:
    """The meetings the user may see, newest first: `limit` of them after skipping `offset`
    (count_meetings gives the total)."""
    where, params = _list_filter(user, chapter_id, kommunenummer, politician_id)
    return list(
        db.query(
            f"""select mt.id, mt.held_on, mt.kind, c.name as chapter, m.navn as kommune,
                       mt.summary, mt.followup_due, mt.followup_done_on, mt.reply_received_on,
                       {POLITICIANS_PRESENT} as politicians
                from meetings mt
                join chapters c on c.id = mt.chapter_id
                join municipalities m on m.kommunenummer = mt.kommunenummer
                where {where}
                order by mt.held_on desc, mt.id desc
                limit :limit offset :offset""",  # noqa: S608 - only fixed fragments are joined
            {**params, "limit": limit, "offset": max(int(offset), 0)},
        )
    )


def count_meetings(
    db: sqlite_utils.Database, user: User, *, chapter_id: int | None = None,
    kommunenummer: str | None = None, politician_id: int | None = None,
) -> int:
    """How many meetings list_meetings would give without its limit."""
    where, params = _list_filter(user, chapter_id, kommunenummer, politician_id)
    return db.execute(f"select count(*) from meetings mt where {where}",  # noqa: S608
                      params).fetchone()[0]


def owner_choices(db: sqlite_utils.Database, chapter_id: int | None) -> dict[int, str]:
    """Who may own a follow-up: the chapter's members and leadership."""
    return {r["id"]: r["full_name"] for r in db.query(
        """select id, full_name from users where active = 1
           and (role = 'leder' or chapter_id = :c) order by full_name""", {"c": chapter_id})}


def chapter_choices(db: sqlite_utils.Database, user: User) -> dict[int, str]:
    """Chapters the user may log meetings for."""
    rows = db.query("select id, name, kommunenummer from chapters order by name")
    return {r["id"]: r["name"] for r in rows if allowed(user, "chapter.edit", r["id"])}


def chapter_municipality(db: sqlite_utils.Database, chapter_id: int | None) -> str | None:
    row = db.execute("select kommunenummer from chapters where id = ?", [chapter_id]).fetchone()
    return row[0] if row else None
