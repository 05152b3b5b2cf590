"""Campaigns: a goal, a period, and signatures and volunteers counted over time.

Each count is an increment with its date and source ("Stand på torget: 240 underskrifter, 6 nye
frivillige"), so totals are sums and progress is the running sum by date. Integers in SQLite
hold far more than IOGT's 2018 campaign (over 17,000 signatures, more than 400 volunteers).

Leadership creates campaigns; a chapter member records counts for their own chapter; everyone
reads them.
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.permissions import allowed, ensure_permission
from advocacy.statements.statements import parse_date

MAX_COUNT = 10_000_000  # one entry; a typo with three extra zeros should not pass


def _whole(value, what: str, *, minimum: int = 0) -> int:
    if value is None or value == "":
        return 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        number = int(str(value).replace(" ", "").replace("\u00a0", ""))
    except ValueError:
        number = None
    if number is None or number < minimum or number > MAX_COUNT:
        raise ValidationError(texts.CAMPAIGN_COUNT_INVALID.format(what=what, value=value))
    return number


def _goal(value, what: str) -> int | None:
    if value in (None, "", 0):
        return None
    try:
        return _whole(value, what, minimum=1)
    except ValidationError:
        raise ValidationError(texts.CAMPAIGN_GOAL_INVALID.format(what=what)) from None


def _campaign_row(db, user, title, starts_on, ends_on, goal_signatures, goal_volunteers,
                  description, lever_ids, statement_ids) -> dict:
    """The checked row of a new or changed campaign (leadership only)."""
    ensure_permission(user, "campaign.manage")
    title = (title or "").strip()
    if not title:
        raise ValidationError(texts.CAMPAIGN_TITLE_REQUIRED)
    starts_on, ends_on = parse_date(starts_on, "Start"), parse_date(ends_on, "Slutt")
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError(texts.CAMPAIGN_PERIOD_INVALID.format(
            start=texts.format_date(starts_on), end=texts.format_date(ends_on)))
    row = {
        "title": title[:200], "starts_on": starts_on, "ends_on": ends_on,
        "goal_signatures": _goal(goal_signatures, texts.CAMPAIGN_SIGNATURES),
        "goal_volunteers": _goal(goal_volunteers, texts.CAMPAIGN_VOLUNTEERS),
        "description": (description or "").strip() or None,
    }
    for lever in lever_ids:
        if not db.execute("select 1 from levers where id = ?", [lever]).fetchone():
            raise ValidationError(texts.STATEMENT_UNKNOWN_LEVER.format(value=lever))
    for sid in statement_ids:
        if not db.execute("select 1 from statements where id = ?", [sid]).fetchone():
            raise ValidationError(texts.STATEMENT_NOT_FOUND.format(id=sid))
    return row


def update_campaign(
    db: sqlite_utils.Database,
    user: User,
    campaign_id: int,
    title: str,
    *,
    starts_on=None,
    ends_on=None,
    goal_signatures=None,
    goal_volunteers=None,
    description: str | None = None,
) -> None:
    """Change a campaign's title, period, goals and description (its links stay)."""
    get_campaign(db, campaign_id)
    row = _campaign_row(db, user, title, starts_on, ends_on, goal_signatures, goal_volunteers,
                        description, (), ())
    with write(db):
        db["campaigns"].update(campaign_id, row)


def create_campaign(
    db: sqlite_utils.Database,
    user: User,
    title: str,
    *,
    starts_on=None,
    ends_on=None,
    goal_signatures=None,
    goal_volunteers=None,
    description: str | None = None,
    lever_ids=(),
    statement_ids=(),
) -> int:
    row = _campaign_row(db, user, title, starts_on, ends_on, goal_signatures, goal_volunteers,
                        description, lever_ids, statement_ids)
    with write(db):
        cid = db["campaigns"].insert(row).last_pk
        db["campaign_levers"].insert_all(
            [{"campaign_id": cid, "lever_id": lever} for lever in dict.fromkeys(lever_ids)])
        db["campaign_statements"].insert_all(
            [{"campaign_id": cid, "statement_id": sid} for sid in dict.fromkeys(statement_ids)])
    return cid


def get_campaign(db: sqlite_utils.Database, campaign_id: int) -> dict:
    for row in db.query("select * from campaigns where id = ?", [campaign_id]):
        return row
    raise ValidationError(texts.CAMPAIGN_NOT_FOUND.format(id=campaign_id))


def add_count(
    db: sqlite_utils.Database,
    user: User,
    campaign_id: int,
    counted_on,
    *,
    signatures=0,
    volunteers=0,
    source: str | None = None,
    chapter_id: int | None = None,
) -> int:
    """One dated entry: how many signatures and new volunteers came in, and from where."""
    ensure_permission(user, "campaign.edit")
    get_campaign(db, campaign_id)
    if not allowed(user, "chapter.all"):
        chapter_id = user.chapter_id
    counted_on = parse_date(counted_on, "Dato", allow_future=False)
    if counted_on is None:
        raise ValidationError(texts.STATEMENT_DATE_INVALID.format(value="", field="Dato"))
    signatures = _whole(signatures, texts.CAMPAIGN_SIGNATURES)
    volunteers = _whole(volunteers, texts.CAMPAIGN_VOLUNTEERS)
    if signatures == 0 and volunteers == 0:
        raise ValidationError(texts.CAMPAIGN_COUNT_EMPTY)
    with write(db):
        return db["campaign_counts"].insert(
            {"campaign_id": campaign_id, "counted_on": counted_on, "signatures": signatures,
             "volunteers": volunteers, "source": (source or "").strip()[:200] or None,
             "chapter_id": chapter_id, "recorded_by": user.id}
        ).last_pk


def totals(db: sqlite_utils.Database, campaign_id: int) -> dict:
    """Sums so far and the share of each goal reached (None where there is no goal)."""
    campaign = get_campaign(db, campaign_id)
    signatures, volunteers, entries, last = db.execute(
        """select coalesce(sum(signatures), 0), coalesce(sum(volunteers), 0), count(*),
                  max(counted_on)
           from campaign_counts where campaign_id = ?""", [campaign_id]).fetchone()
    goal_s, goal_v = campaign["goal_signatures"], campaign["goal_volunteers"]
    return {
        "signatures": signatures, "volunteers": volunteers, "entries": entries,
        "last_counted_on": last, "goal_signatures": goal_s, "goal_volunteers": goal_v,
        "share_signatures": signatures / goal_s if goal_s else None,
        "share_volunteers": volunteers / goal_v if goal_v else None,
    }


def list_campaigns(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query(
        """select c.id, c.title, c.starts_on, c.ends_on, c.goal_signatures, c.goal_volunteers,
                  coalesce(sum(n.signatures), 0) as signatures,
                  coalesce(sum(n.volunteers), 0) as volunteers
           from campaigns c left join campaign_counts n on n.campaign_id = c.id
           group by c.id order by coalesce(c.starts_on, c.created_at) desc, c.id desc"""))


def counts(db: sqlite_utils.Database, campaign_id: int) -> list[dict]:
    return list(db.query(
        """select n.id, n.counted_on, n.signatures, n.volunteers, n.source, ch.name as chapter
           from campaign_counts n left join chapters ch on ch.id = n.chapter_id
           where n.campaign_id = ? order by n.counted_on desc, n.id desc""", [campaign_id]))


def progress(db: sqlite_utils.Database, campaign_id: int) -> list[dict]:
    """Running totals by date, for the progress chart."""
    rows, signatures, volunteers = [], 0, 0
    for date, s, v in db.execute(
        """select counted_on, sum(signatures), sum(volunteers) from campaign_counts
           where campaign_id = ? group by counted_on order by counted_on""", [campaign_id]
    ):
        signatures, volunteers = signatures + s, volunteers + v
        rows.append({"date": date, "signatures": signatures, "volunteers": volunteers})
    return rows


def activity(db: sqlite_utils.Database, user: User, campaign_id: int) -> dict[str, list[dict]]:
    """The campaign's levers, statements, events, meetings and letters the user may see."""
    get_campaign(db, campaign_id)
    mine = allowed(user, "meeting.read")
    every = allowed(user, "chapter.all")
    chapter_rule = "1 = 1" if every else "x.chapter_id = :chapter"
    args = {"id": campaign_id, "chapter": user.chapter_id}
    return {
        "levers": list(db.query(
            "select l.name from campaign_levers cl join levers l on l.id = cl.lever_id"
            " where cl.campaign_id = :id order by l.sort_order", args)),
        "statements": list(db.query(
            """select s.id, s.title, s.status, s.adopted_on from campaign_statements cs
               join statements s on s.id = cs.statement_id where cs.campaign_id = :id
               and (s.status in ('vedtatt', 'sendt') or :leader or s.chapter_id = :chapter)
               order by s.adopted_on""", {**args, "leader": int(every)})),
        "events": list(db.query(
            """select e.id, e.starts_at, e.kind, e.title, e.place, ch.name as chapter
               from events e left join chapters ch on ch.id = e.chapter_id
               where e.campaign_id = :id order by e.starts_at""", args)),
        "meetings": list(db.query(
            f"""select x.id, x.held_on, x.summary, ch.name as chapter
                from campaign_meetings cm join meetings x on x.id = cm.meeting_id
                join chapters ch on ch.id = x.chapter_id
                where cm.campaign_id = :id and {chapter_rule} order by x.held_on""",  # noqa: S608
            args)) if mine else [],
        "documents": list(db.query(
            f"""select distinct x.id, x.kind, x.title, x.status, x.sent_on from documents x
                where (x.id in (select document_id from campaign_documents
                                where campaign_id = :id)
                       or x.statement_id in (select statement_id from campaign_statements
                                             where campaign_id = :id))
                  and ({chapter_rule} or x.author_id = :user
                       or (x.kind = 'uttalelse' and x.status = 'vedtatt'))
                order by x.id""",  # noqa: S608
            {**args, "user": user.id})),
    }


def link(db: sqlite_utils.Database, user: User, campaign_id: int, *, meeting_id=None,
         document_id=None) -> None:
    """Count a meeting or a letter as part of the campaign (the user's own chapter's only)."""
    ensure_permission(user, "campaign.edit")
    get_campaign(db, campaign_id)
    table, column, key = (("campaign_meetings", "meeting_id", meeting_id) if meeting_id
                          else ("campaign_documents", "document_id", document_id))
    source = "meetings" if meeting_id else "documents"
    row = db.execute(f"select chapter_id from {source} where id = ?", [key]).fetchone()  # noqa: S608
    if row is None:
        raise ValidationError(texts.CAMPAIGN_LINK_NOT_FOUND.format(id=key))
    ensure_permission(user, "chapter.edit", row[0])
    with write(db):
        if table == "campaign_meetings":
            db["campaign_meetings"].insert({"campaign_id": campaign_id, column: key}, ignore=True)
        else:
            db["campaign_documents"].insert({"campaign_id": campaign_id, column: key}, ignore=True)


def days_left(campaign: dict, today: dt.date | None = None) -> int | None:
    if not campaign.get("ends_on"):
        return None
    return (dt.date.fromisoformat(campaign["ends_on"]) - (today or dt.date.today())).days
