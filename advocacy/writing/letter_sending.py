"""Sending a reader letter to one paper, and recording what the paper did with it.

The rules (exclusivity, the length limit, the allowed moves) are described in reader_letters;
the moves are declared in `document_rows.TRANSITIONS`. This module owns `letter_submissions`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.documents import render
from advocacy.errors import ValidationError
from advocacy.letters import document_records, document_rows
from advocacy.letters.template_library import load_template
from advocacy.permissions import ensure_permission
from advocacy.writing import newspapers, similarity
from advocacy.writing.reader_letters import (
    check_move,
    get_letter,
    letter_text,
    record_history,
    record_length,
)

ANSWERS = document_rows.ANSWERS
_URL = re.compile(r"^https?://[^\s<>\"']+\.[^\s<>\"']+$", re.IGNORECASE)


def open_submission(db: sqlite_utils.Database, document_id: int) -> dict | None:
    """The sending still waiting for an answer, with its paper's name, or None."""
    return next(db.query(
        """select s.*, n.name as newspaper from letter_submissions s
           join newspapers n on n.id = s.newspaper_id
           where s.document_id = ? and s.outcome is null""", [document_id]), None)


def is_exclusive(submission: dict | None, on: dt.date) -> bool:
    """Exclusive from the day it was sent until (not including) exclusive_until."""
    return bool(submission) and on < dt.date.fromisoformat(submission["exclusive_until"])


def send(
    db: sqlite_utils.Database,
    user: User,
    document_id: int,
    newspaper_id: int,
    *,
    sent_on: dt.date | None = None,
    exclusive_days: int | None = None,
) -> bytes:
    """Mark the letter sent to one paper; returns the .docx that went (kept on the record).

    Refused, with a message saying why, when: the move is not allowed from the letter's status;
    it is still exclusive to another paper; it was sent to this paper before; it is longer than
    this paper's limit; or it has no text.
    """
    record, paper, days, waiting, sent_on = check_send(
        db, user, document_id, newspaper_id, sent_on=sent_on, exclusive_days=exclusive_days)
    data = None if record["has_copy"] else _render(db, record)
    until = sent_on + dt.timedelta(days=int(days))
    changes: dict[str, Any] = {
        "status": "sendt", "newspaper_id": newspaper_id, "sent_on": sent_on.isoformat(),
        "exclusive_until": until.isoformat(), "published_on": None, "link": None}
    if data is not None:
        changes.update(docx=data, docx_filename=document_records.filename_for(
            {**record, "sent_on": sent_on.isoformat()}))
    if not record["kommunenummer"] and len(paper["kommuner"]) == 1:
        changes["kommunenummer"] = paper["kommuner"][0]
    with write(db):
        if waiting is not None:  # the days have passed without an answer
            _close(db, waiting["id"], "ingen_svar", sent_on)
            record_history(db, document_id, user, "sendt", "ingen_svar",
                    newspaper_id=waiting["newspaper_id"], note=texts.LETTER_NOTE_LAPSED)
        db["letter_submissions"].insert({
            "document_id": document_id, "newspaper_id": newspaper_id,
            "sent_on": sent_on.isoformat(), "exclusive_until": until.isoformat(),
            "sent_by": user.id})
        document_rows.update(db, document_id, changes, status=record["status"],
                             step=document_rows.SEND_ON if waiting else document_rows.SEND)
        record_history(db, document_id, user, "ingen_svar" if waiting else record["status"], "sendt",
                newspaper_id=newspaper_id,
                note=texts.LETTER_NOTE_EXCLUSIVE.format(date=texts.format_date(until)))
        similarity.index_letter(db, document_id, letter_text(record))
    if data is None:
        return document_records.document_copy(db, user, document_id)[1]
    return data


def check_send(
    db: sqlite_utils.Database,
    user: User,
    document_id: int,
    newspaper_id: int,
    *,
    sent_on: dt.date | None = None,
    exclusive_days: int | None = None,
) -> tuple[dict, dict, int, dict | None, dt.date]:
    """(letter, paper, days, waiting sending, date), or the refusal `send` would give; writes
    nothing, so a page can show the reason before it asks for confirmation."""
    sent_on = sent_on or dt.date.today()
    if sent_on > dt.date.today():
        raise ValidationError(texts.LETTER_DATE_FUTURE.format(date=texts.format_date(sent_on)))
    record = get_letter(db, user, document_id)
    paper = newspapers.get_newspaper(db, newspaper_id)
    days = exclusive_days if exclusive_days is not None else newspapers.exclusive_days(paper)
    if not 1 <= int(days) <= 90:
        raise ValidationError(texts.LETTER_EXCLUSIVE_DAYS_INVALID)
    waiting = open_submission(db, document_id) if record["status"] == "sendt" else None
    if waiting is not None:
        ensure_permission(user, "document.edit", record)
        _refuse_while_exclusive(waiting, newspaper_id, sent_on)
    else:
        check_move(user, record, "sendt")
    earlier = db.execute(
        "select sent_on, outcome from letter_submissions where document_id = ? "
        "and newspaper_id = ?", [document_id, newspaper_id]).fetchone()
    if earlier:
        raise ValidationError(texts.LETTER_SENT_BEFORE.format(
            paper=paper["name"], date=texts.format_date(earlier[0]),
            outcome=texts.DOCUMENT_STATUSES.get(earlier[1], "venter på svar").lower()))
    if not letter_text(record).strip():
        raise ValidationError(texts.LETTER_TEXT_REQUIRED)
    size = record_length(record, paper)
    if size.is_over:
        raise ValidationError(texts.LETTER_OVER_LIMIT.format(
            paper=paper["name"], chars=texts.format_number(size.chars),
            limit=texts.format_number(size.limit), over=texts.format_number(size.over)))
    return record, paper, int(days), waiting, sent_on


def _refuse_while_exclusive(waiting: dict, newspaper_id: int, on: dt.date) -> None:
    if waiting["newspaper_id"] == newspaper_id:
        raise ValidationError(texts.LETTER_ALREADY_WITH.format(
            paper=waiting["newspaper"], date=texts.format_date(waiting["sent_on"])))
    if is_exclusive(waiting, on):
        raise ValidationError(texts.LETTER_EXCLUSIVE.format(
            paper=waiting["newspaper"], sent=texts.format_date(waiting["sent_on"]),
            until=texts.format_date(waiting["exclusive_until"])))


def record_answer(
    db: sqlite_utils.Database,
    user: User,
    document_id: int,
    answer: str,
    *,
    on: dt.date | None = None,
    link: str | None = None,
    note: str | None = None,
) -> None:
    """What the paper did: publisert (date, link), refusert, or ingen svar (after the days)."""
    record, submission, on, link = check_answer(db, user, document_id, answer, on=on, link=link)
    changes: dict[str, Any] = {"status": answer}
    if answer == "publisert":
        changes.update(published_on=on.isoformat(), link=link,
                       newspaper_id=submission["newspaper_id"])
    with write(db):
        _close(db, submission["id"], answer, on, link if answer == "publisert" else None)
        document_rows.update(db, document_id, changes, status=record["status"],
                             step=document_rows.ANSWER)
        record_history(db, document_id, user, record["status"], answer,
                newspaper_id=submission["newspaper_id"], note=(note or "").strip() or None)


def check_answer(
    db: sqlite_utils.Database,
    user: User,
    document_id: int,
    answer: str,
    *,
    on: dt.date | None = None,
    link: str | None = None,
) -> tuple[dict, dict, dt.date, str | None]:
    """(letter, sending, date, link), or the refusal `record_answer` would give, unwritten."""
    if answer not in ANSWERS:
        raise ValidationError(texts.DOCUMENT_STATUS_UNKNOWN.format(status=answer))
    record = get_letter(db, user, document_id)
    check_move(user, record, answer)
    on = on or dt.date.today()
    if on > dt.date.today():
        raise ValidationError(texts.LETTER_DATE_FUTURE.format(date=texts.format_date(on)))
    submission = open_submission(db, document_id) or next(db.query(
        "select * from letter_submissions where document_id = ? order by sent_on desc, id desc"
        " limit 1", [document_id]), None)
    if submission is None:
        raise ValidationError(texts.DOCUMENT_STATUS_NEEDS_SENT.format(
            status=texts.DOCUMENT_STATUSES[answer]))
    if on < dt.date.fromisoformat(submission["sent_on"]):
        raise ValidationError(texts.LETTER_ANSWER_BEFORE_SENT.format(
            date=texts.format_date(submission["sent_on"])))
    if answer == "ingen_svar" and is_exclusive(submission, on):
        raise ValidationError(texts.LETTER_NO_ANSWER_TOO_EARLY.format(
            until=texts.format_date(submission["exclusive_until"])))
    link = (link or "").strip() or None
    if link and not _URL.match(link):
        raise ValidationError(texts.LETTER_LINK_INVALID.format(value=link))
    return record, submission, on, link


def _close(db, submission_id: int, outcome: str, on: dt.date, link: str | None = None) -> None:
    db["letter_submissions"].update(
        submission_id, {"outcome": outcome, "outcome_on": on.isoformat(), "link": link})


def _render(db, record) -> bytes:
    template = load_template(db, record["template"] or "leserinnlegg")
    return render(template.data, record["fields"])


def undo_answer(db: sqlite_utils.Database, user: User, document_id: int) -> None:
    """The «Angre» of `record_answer` for an answer to a sending still waiting: the letter is
    with the paper again (sent, exclusive as before), noted in its history. Any later change,
    or an answer after «ingen svar», cannot be undone this way."""
    record = get_letter(db, user, document_id)
    ensure_permission(user, "document.edit", record)
    with write(db):
        last = db.execute("select from_status, to_status from letter_history where document_id = ?"
                          " order by id desc limit 1", [document_id]).fetchone()
        status = db.execute("select status from documents where id = ?", [document_id]
                            ).fetchone()[0]
        submission = db.execute(
            "select id, newspaper_id, outcome from letter_submissions where document_id = ?"
            " order by sent_on desc, id desc limit 1", [document_id]).fetchone()
        if (status not in ANSWERS or last is None or tuple(last) != ("sendt", status)
                or submission is None or submission[2] != status):
            raise ValidationError(texts.LETTER_ANSWER_NOT_UNDOABLE)
        db["letter_submissions"].update(submission[0],
                                        {"outcome": None, "outcome_on": None, "link": None})
        document_rows.update(db, document_id, {"status": "sendt", "published_on": None,
                                               "link": None},
                             status=status, step=document_rows.UNDO_ANSWER)
        record_history(db, document_id, user, status, "sendt", newspaper_id=submission[1],
                note=texts.LETTER_ANSWER_UNDONE_NOTE)
