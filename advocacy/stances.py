"""Where a politician stands on the organisation's levers and topics, with date and source.

Stances are append-only (a trigger refuses updates): a changed view is a new row, so the history
of what a politician said, when and where, is never lost. The current stance on a subject is the
one stated last (and of those, the one recorded last).
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from . import texts
from .accounts import User
from .db import write
from .errors import ValidationError
from .politicians import get_politician, require_editor

SCALE = tuple(texts.STANCES)  # klart_for … klart_mot, then ukjent


def record_stance(
    db: sqlite_utils.Database,
    user: User,
    politician_id: int,
    stance: str,
    *,
    lever_id: str | None = None,
    topic: str | None = None,
    stated_on: dt.date | str | None = None,
    source: str | None = None,
    today: dt.date | None = None,
) -> int:
    require_editor(user)
    get_politician(db, user, politician_id)
    today = today or dt.date.today()
    if stance not in SCALE:
        raise ValidationError(texts.STANCE_UNKNOWN.format(value=stance))
    topic = " ".join((topic or "").split()) or None
    if not lever_id and not topic:
        raise ValidationError(texts.STANCE_SUBJECT_REQUIRED)
    if lever_id and db.execute("select 1 from levers where id = ?", [lever_id]).fetchone() is None:
        raise ValidationError(texts.STANCE_LEVER_UNKNOWN.format(value=lever_id))
    if not stated_on:
        raise ValidationError(texts.STANCE_DATE_REQUIRED)
    if isinstance(stated_on, str):
        stated_on = dt.date.fromisoformat(stated_on)
    if stated_on > today:
        raise ValidationError(texts.STANCE_DATE_FUTURE)
    source = (source or "").strip()
    if not source:
        raise ValidationError(texts.STANCE_SOURCE_REQUIRED)
    with write(db):
        return db["stances"].insert({
            "politician_id": politician_id, "lever_id": lever_id or None, "topic": topic,
            "stance": stance, "stated_on": stated_on.isoformat(), "source": source,
            "recorded_by": user.id,
        }).last_pk


_SELECT = """
select s.id, s.lever_id, s.topic, coalesce(l.name, s.topic) as subject, s.stance, s.stated_on,
       s.source, u.full_name as recorded_by, s.recorded_at
from stances s
left join levers l on l.id = s.lever_id
left join users u on u.id = s.recorded_by
where s.politician_id = :p
"""


def stance_history(db: sqlite_utils.Database, politician_id: int) -> list[dict]:
    """Every stance ever recorded for the politician, newest first."""
    return list(db.query(
        _SELECT + " order by s.stated_on desc, s.id desc", {"p": politician_id}))


def current_stances(db: sqlite_utils.Database, politician_id: int) -> list[dict]:
    """The latest stance per lever or topic, in the levers' order, then topics alphabetically."""
    latest: dict[tuple, dict] = {}
    for row in stance_history(db, politician_id):
        latest.setdefault((row["lever_id"], (row["topic"] or "").casefold()), row)
    order = {lid: n for n, (lid,) in enumerate(db.execute(
        "select id from levers order by sort_order, id"))}
    return sorted(latest.values(),
                  key=lambda r: (order.get(r["lever_id"], len(order)), r["subject"] or ""))
