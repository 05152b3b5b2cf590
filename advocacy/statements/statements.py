"""Position statements and resolutions (uttalelser) and their lifecycle.

utkast → til_behandling → vedtatt → sendt, and trukket from any of them. Each status change is
recorded in `statement_history` with who and when. Once adopted, the text is the organisation's
word as adopted: it is never edited (a trigger refuses it too); a change becomes a new version
row whose `parent_id` points at the adopted one. The adopted .docx is stored in `documents`.

Who may do what: leadership everything; a chapter member drafts and moves its own chapter's
statements; everyone (the writing group included) reads adopted and sent statements.
"""

from __future__ import annotations

import datetime as dt
import json

import sqlite_utils

from advocacy import clock, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.permissions import allowed, ensure_permission
from advocacy.statements import statement_letters
from advocacy.statements.statement_rows import (  # noqa: F401 - part of this module's interface
    PUBLIC,
    demands_list,
    editable_row,
    get_row,
    readable,
)

STATUSES = tuple(texts.STATEMENT_STATUSES)
EDITABLE = ("utkast", "til_behandling")
TRANSITIONS = {
    "utkast": ("til_behandling", "trukket"),
    "til_behandling": ("utkast", "vedtatt", "trukket"),
    "vedtatt": ("sendt", "trukket"),
    "sendt": ("trukket",),
    "trukket": (),
}
TEXT_FIELDS = (
    "title", "adopted_by", "meeting_date", "place", "position", "grounds", "demands",
    "demands_to", "reservations", "contact",
)
MAX_LENGTH = {"title": 200, "adopted_by": 200, "place": 100, "demands_to": 200, "contact": 300}
MAX_TEXT = 20_000


# Validation


def parse_date(value, field: str, *, allow_future: bool = True) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError(
                texts.STATEMENT_DATE_INVALID.format(value=value, field=field)
            ) from None
    if not allow_future and value > dt.date.today():
        raise ValidationError(
            texts.STATEMENT_FUTURE_DATE.format(date=texts.format_date(value), field=field)
        )
    return value.isoformat()


def clean_fields(fields: dict) -> dict:
    """The text fields of a statement, validated; raises ValidationError naming the field."""
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise ValueError(f"unknown statement fields: {sorted(unknown)}")
    clean: dict = {}
    for name, value in fields.items():
        label = texts.STATEMENT_FIELDS[name]
        if name == "demands":
            items = demands_list(value)
            clean[name] = json.dumps(items, ensure_ascii=False) if items else None
        elif name == "meeting_date":
            clean[name] = parse_date(value, label)
        else:
            text = (value or "").strip() if isinstance(value, str) or value is None else str(value)
            limit = MAX_LENGTH.get(name, MAX_TEXT)
            if len(text) > limit:
                raise ValidationError(texts.STATEMENT_FIELD_TOO_LONG.format(field=label, n=limit))
            clean[name] = text or None
    if "title" in clean and not clean["title"]:
        raise ValidationError(texts.STATEMENT_TITLE_REQUIRED)
    return clean


def _check_links(db, lever_ids, kommunenummer) -> tuple[list[str], list[str]]:
    levers, knrs = list(dict.fromkeys(lever_ids or ())), list(dict.fromkeys(kommunenummer or ()))
    for values, sql, message in (
        (levers, "select 1 from levers where id = ?", texts.STATEMENT_UNKNOWN_LEVER),
        (knrs, "select 1 from municipalities where kommunenummer = ?",
         texts.STATEMENT_UNKNOWN_MUNICIPALITY),
    ):
        for value in values:
            if not db.execute(sql, [value]).fetchone():
                raise ValidationError(message.format(value=value))
    return levers, knrs


def _set_links(db, statement_id: int, levers: list[str] | None, knrs: list[str] | None) -> None:
    if levers is not None:
        db.execute("delete from statement_levers where statement_id = ?", [statement_id])
        db["statement_levers"].insert_all(
            [{"statement_id": statement_id, "lever_id": lever} for lever in levers]
        )
    if knrs is not None:
        db.execute("delete from statement_municipalities where statement_id = ?", [statement_id])
        db["statement_municipalities"].insert_all(
            [{"statement_id": statement_id, "kommunenummer": knr} for knr in knrs]
        )


def now() -> str:
    """A statement's `updated_at` and history time, as stored."""
    return clock.stamp()


def mark_corrected(db: sqlite_utils.Database, statement_id: int, marking: dict) -> None:
    """Write a correction's mark (`corrections.marking`) on an adopted version; checked by
    statement_corrections."""
    with write(db):
        db["statements"].update(statement_id, marking)


def record_history(db, statement_id: int, user: User, before: str | None, after: str,
                   note=None) -> None:
    """A row of the statement's history (who moved it, when, from and to what)."""
    db["statement_history"].insert(
        {"statement_id": statement_id, "from_status": before, "to_status": after, "at": now(),
         "user_id": user.id, "username": user.username, "note": note}
    )


# Drafting


def create_statement(
    db: sqlite_utils.Database,
    user: User,
    fields: dict,
    *,
    lever_ids=(),
    kommunenummer=(),
    chapter_id: int | None = None,
) -> int:
    """A new draft. A chapter member's drafts belong to their chapter; leadership may choose a
    chapter or none (the organisation itself)."""
    ensure_permission(user, "statement.edit")
    if not allowed(user, "chapter.all"):
        chapter_id = user.chapter_id
    clean = clean_fields({"title": "", **fields})
    levers, knrs = _check_links(db, lever_ids, kommunenummer)
    with write(db):
        sid = db["statements"].insert(
            {**clean, "status": "utkast", "version": 1, "chapter_id": chapter_id,
             "created_by": user.id}
        ).last_pk
        _set_links(db, sid, levers, knrs)
        record_history(db, sid, user, None, "utkast")
    return sid


def update_draft(
    db: sqlite_utils.Database,
    user: User,
    statement_id: int,
    fields: dict,
    *,
    lever_ids=None,
    kommunenummer=None,
) -> None:
    """Change a draft. An adopted, sent or withdrawn statement is refused: adopted text never
    changes silently; use `new_version`."""
    row = editable_row(db, user, statement_id)
    _refuse_frozen(row)
    clean = clean_fields(fields)
    levers, knrs = _check_links(db, lever_ids, kommunenummer)
    with write(db):
        _refuse_frozen(get_row(db, statement_id))  # unchanged since we read it
        db["statements"].update(statement_id, {**clean, "updated_at": now()})
        _set_links(db, statement_id, levers if lever_ids is not None else None,
                   knrs if kommunenummer is not None else None)


def _refuse_frozen(row: dict) -> None:
    if row["status"] in EDITABLE:
        return
    message = texts.STATEMENT_WITHDRAWN_FROZEN if row["adopted_on"] is None else texts.STATEMENT_FROZEN
    raise ValidationError(message.format(title=row["title"]))


def _check_move(current: str, target: str) -> None:
    if target not in TRANSITIONS[current]:
        raise ValidationError(texts.STATEMENT_BAD_TRANSITION.format(
            current=texts.STATEMENT_STATUSES[current],
            target=texts.STATEMENT_STATUSES.get(target, target)))


def move_status(db, user: User, row: dict, target: str, updates: dict, note=None) -> None:
    """Inside a write: move `row` to `target` if the lifecycle allows it, and record it."""
    current = get_row(db, row["id"])["status"]  # re-read inside the transaction
    _check_move(current, target)
    db["statements"].update(row["id"], {**updates, "status": target, "updated_at": now()})
    record_history(db, row["id"], user, current, target, note)


def set_status(
    db: sqlite_utils.Database, user: User, statement_id: int, target: str, note: str | None = None
) -> None:
    """The plain moves: to til_behandling, back to utkast, or trukket (withdrawn; kept in the
    archive). Adoption and sending carry facts of their own: `adopt` and `send`."""
    if target in ("vedtatt", "sendt"):
        raise ValueError("use adopt() or send()")
    row = editable_row(db, user, statement_id)
    with write(db):
        move_status(db, user, row, target, {}, note)


def default_adoption_date(row: dict, today: dt.date | None = None) -> dt.date:
    """The date the adoption form starts from: the meeting the draft names, else today."""
    meeting = row.get("meeting_date")
    return dt.date.fromisoformat(meeting[:10]) if meeting else (today or dt.date.today())


def check_adoption(
    db: sqlite_utils.Database,
    user: User,
    statement_id: int,
    adopted_by: str,
    adopted_on: dt.date | str,
    place: str | None = None,
) -> tuple[dict, dict, str]:
    """(row, cleaned facts, adoption date) or ValidationError: what `adopt` checks, without
    writing, so a form can refuse next to the field before it asks for confirmation."""
    row = editable_row(db, user, statement_id)  # the status is checked by move_status
    facts = clean_fields({"adopted_by": adopted_by, "meeting_date": adopted_on})
    if place is not None:
        facts.update(clean_fields({"place": place}))
    adopted_on = parse_date(adopted_on, "Vedtaksdato", allow_future=False)
    missing = [
        texts.STATEMENT_FIELDS[name]
        for name, value in (("title", row["title"]), ("position", row["position"]),
                            ("adopted_by", facts["adopted_by"]), ("meeting_date", adopted_on))
        if not value
    ]
    if missing:
        raise ValidationError(texts.STATEMENT_ADOPT_NEEDS.format(missing=", ".join(missing)))
    _check_move(row["status"], "vedtatt")  # before rendering, and again inside the write
    return row, facts, adopted_on


def adopt(
    db: sqlite_utils.Database,
    user: User,
    statement_id: int,
    adopted_by: str,
    adopted_on: dt.date | str,
    place: str | None = None,
) -> int:
    """Record the adoption (body and date) and store the adopted .docx; returns its document id.

    The .docx is rendered before anything is written, so a template failure changes nothing.
    """
    row, facts, adopted_on = check_adoption(db, user, statement_id, adopted_by, adopted_on, place)
    adopted = {**row, **facts, "adopted_on": adopted_on, "status": "vedtatt"}
    docx, fields = statement_letters.render_adopted(adopted)
    with write(db):
        move_status(db, user, row, "vedtatt", {**facts, "adopted_on": adopted_on})
        return statement_letters.store_adopted(db, user, adopted, docx, fields)


def undo_withdraw(db: sqlite_utils.Database, user: User, statement_id: int) -> str:
    """Put a withdrawn statement back where it was before it was withdrawn (the «Angre» of
    «Trekk uttalelsen»); recorded in its history like any move. Returns that status."""
    editable_row(db, user, statement_id)
    with write(db):
        last = db.execute(
            "select from_status, to_status from statement_history where statement_id = ?"
            " order by id desc limit 1", [statement_id]).fetchone()
        if get_row(db, statement_id)["status"] != "trukket" or last is None \
                or last[1] != "trukket" or last[0] not in TRANSITIONS:
            raise ValidationError(texts.STATEMENT_NOT_WITHDRAWN)
        db["statements"].update(statement_id, {"status": last[0], "updated_at": now()})
        record_history(db, statement_id, user, "trukket", last[0], texts.STATEMENT_NOTE_UNDONE)
    return last[0]


def new_version(
    db: sqlite_utils.Database, user: User, statement_id: int, changes: dict | None = None
) -> int:
    """A new draft carrying the adopted text forward (version + 1, parent_id = the adopted one).
    The adopted row is left exactly as it was adopted."""
    row = editable_row(db, user, statement_id)
    if row["adopted_on"] is None or row["status"] not in PUBLIC:
        raise ValidationError(texts.STATEMENT_NEW_VERSION_ONLY_ADOPTED)
    clean = clean_fields(changes or {})
    with write(db):
        return insert_version(db, user, row, clean)


def insert_version(db, user: User, row: dict, clean: dict) -> int:
    """Inside a write: the next version of `row` as a draft, its text carried forward with
    `clean` applied. Refused if a newer version counts already (a corrected one does not)."""
    statement_id = row["id"]
    newer = db.execute(
        "select max(version) from statements where parent_id = ? and corrected_at is null",
        [statement_id]).fetchone()[0]
    if newer is not None:
        raise ValidationError(texts.STATEMENT_HAS_NEWER_VERSION.format(version=newer))
    # Beside a corrected newer version the number goes past it: no two versions share one.
    taken = db.execute("select max(version) from statements where parent_id = ?",
                       [statement_id]).fetchone()[0] or row["version"]
    text = {name: row[name] for name in TEXT_FIELDS if name != "meeting_date"}
    sid = db["statements"].insert(
        {**text, **clean, "status": "utkast", "version": taken + 1,
         "parent_id": statement_id, "chapter_id": row["chapter_id"], "created_by": user.id}
    ).last_pk
    db.execute("insert into statement_levers select ?, lever_id from statement_levers"
               " where statement_id = ?", [sid, statement_id])
    db.execute("insert into statement_municipalities select ?, kommunenummer"
               " from statement_municipalities where statement_id = ?", [sid, statement_id])
    record_history(db, sid, user, None, "utkast", f"Ny versjon av nr. {statement_id}")
    return sid
