"""Where a politician stands on the organisation's levers and topics, with date and source.

Stances are append-only (a trigger refuses updates): a changed view is a new row, so the history
of what a politician said, when and where, is never lost. A wrongly recorded stance takes a
correction (`correct`): marked with who and why, it stays in the history and no longer counts.
The current stance on a subject is the one stated last (and of those, the one recorded last)
that is not corrected. The same stance is not recorded twice (`_refuse_same`).
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from advocacy import corrections, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.permissions import ensure_permission
from advocacy.politicians.politicians import get_politician

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
    ensure_permission(user, "politician.edit")
    get_politician(db, user, politician_id)
    clean = _clean(db, user, politician_id, stance, lever_id, topic, stated_on, source, today)
    _refuse_same(db, clean)
    with write(db):
        _refuse_same(db, clean)  # again under the write lock: two clicks, one row
        return db["stances"].insert(clean).last_pk


def _clean(db, user: User, politician_id: int, stance: str, lever_id, topic, stated_on, source,
           today: dt.date | None) -> dict:
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
    return {"politician_id": politician_id, "lever_id": lever_id or None, "topic": topic,
            "stance": stance, "stated_on": stated_on.isoformat(), "source": source,
            "recorded_by": user.id}


def _subject(row: dict) -> tuple:
    return row["lever_id"], (row["topic"] or "").casefold()


def _refuse_same(db: sqlite_utils.Database, clean: dict, except_id: int | None = None) -> None:
    """Refuse a stance a counting row already holds: same politician, subject (lever or topic,
    without regard to case), stance and date. The source does not make it another stance."""
    for row in db.query(
        """select s.id, s.lever_id, s.topic, coalesce(l.name, s.topic) as subject
           from stances s left join levers l on l.id = s.lever_id
           where s.politician_id = :politician_id and s.stance = :stance
             and s.stated_on = :stated_on and s.corrected_at is null""", clean):
        if row["id"] != except_id and _subject(row) == _subject(clean):
            raise ValidationError(texts.STANCE_ALREADY_RECORDED.format(
                stance=texts.STANCES[clean["stance"]], subject=row["subject"],
                date=texts.format_date(clean["stated_on"])))


def correct(
    db: sqlite_utils.Database,
    user: User,
    stance_id: int,
    reason: str,
    replacement: dict | None = None,
    *,
    today: dt.date | None = None,
) -> int | None:
    """Mark a wrong stance as corrected, with who and why; it stays in the history and stops
    counting. With `replacement` ({"stance", "stated_on", "source", "lever_id", "topic"}, each
    one left out or empty taken from the wrong row) the right stance is recorded in the same
    transaction. Returns its id, or None. Who may correct is who may record stances."""
    ensure_permission(user, "politician.edit")
    reason = corrections.clean_reason(reason)
    wrong = corrections.get(db, "stances", stance_id)
    get_politician(db, user, wrong["politician_id"])
    corrections.refuse_corrected(db, wrong)
    clean = None
    if replacement is not None:
        def pick(name: str):
            value = replacement.get(name)
            return value if value not in (None, "") else wrong[name]

        clean = _clean(db, user, wrong["politician_id"], pick("stance"), pick("lever_id"),
                       pick("topic"), pick("stated_on"), pick("source"), today)
        if all(clean[k] == wrong[k] for k in ("stance", "stated_on", "source", "lever_id",
                                              "topic")):
            raise ValidationError(texts.CORRECTION_SAME_AS_WRONG)
        _refuse_same(db, clean, except_id=stance_id)
    return corrections.apply(db, user, "stances", stance_id, reason, clean, _refuse_same,
                             _save_correction)


def _save_correction(db: sqlite_utils.Database, row_id: int, mark: dict,
                     clean: dict | None) -> int | None:
    db["stances"].update(row_id, mark)
    return None if clean is None else db["stances"].insert(clean).last_pk


_SELECT = """
select s.id, s.lever_id, s.topic, coalesce(l.name, s.topic) as subject, s.stance, s.stated_on,
       s.source, u.full_name as recorded_by, s.recorded_at, s.corrected_at,
       s.correction_reason, c.full_name as corrected_by
from stances s
left join levers l on l.id = s.lever_id
left join users u on u.id = s.recorded_by
left join users c on c.id = s.corrected_by
where s.politician_id = :p
"""


def stance_history(db: sqlite_utils.Database, politician_id: int) -> list[dict]:
    """Every stance ever recorded for the politician, newest first; corrected ones included,
    with `counts` False and their «Rettet: …» mark in `correction`."""
    return [{**row, "counts": row["corrected_at"] is None,
             "correction": corrections.mark(row, row["corrected_by"])}
            for row in db.query(_SELECT + " order by s.stated_on desc, s.id desc",
                                {"p": politician_id})]


def current_stances(db: sqlite_utils.Database, politician_id: int) -> list[dict]:
    """The latest stance per lever or topic that is not corrected, in the levers' order, then
    topics alphabetically."""
    latest: dict[tuple, dict] = {}
    for row in stance_history(db, politician_id):
        if row["counts"]:
            latest.setdefault(_subject(row), row)
    order = {lid: n for n, (lid,) in enumerate(db.execute(
        "select id from levers order by sort_order, id"))}
    return sorted(latest.values(),
                  key=lambda r: (order.get(r["lever_id"], len(order)), r["subject"] or ""))
