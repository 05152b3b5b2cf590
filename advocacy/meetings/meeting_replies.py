"""What a politician answered after a meeting: the date, a summary, and the answer itself when
it came as a file (a PDF or a Word document), kept on the meeting.

The file passes a check before it is stored: a .docx the same upload guard as templates (no
macros, no external links, no zip bomb), a PDF its signature, the size limit and no scripts or
launch actions. We never parse the file further; it is only kept and handed back on download.
The summary is required: «Registrer svar» records what was answered, not only that someone did.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.documents.errors import UploadRefused
from advocacy.documents.guard import check_upload
from advocacy.errors import ValidationError
from advocacy.meetings.meetings import (
    TEXT_LIMIT,
    checked_date,
    editable_meeting,
    get_meeting,
    set_reply,
)

MAX_BYTES = 10 * 1024 * 1024
MIME = {".pdf": "application/pdf",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
# PDF features that run or open something when the file is opened.
_PDF_ACTIVE = {b"/JavaScript": "JavaScript", b"/JS": "JavaScript", b"/Launch": "en Launch-handling",
               b"/EmbeddedFile": "innebygde filer", b"/RichMedia": "innebygd media"}
_PDF_NAME = re.compile(rb"/[A-Za-z]+")


def check_reply_file(filename: str, data: bytes) -> None:
    """Refuse (UploadRefused, Norwegian reason) anything but a plain PDF or .docx."""
    suffix = posixpath.splitext((filename or "").replace("\\", "/"))[1].lower()
    if suffix not in MIME:
        raise UploadRefused(texts.REPLY_FILE_KIND.format(name=filename))
    if not data:
        raise UploadRefused(texts.REPLY_FILE_EMPTY)
    if len(data) > MAX_BYTES:
        raise UploadRefused(texts.REPLY_FILE_TOO_BIG.format(
            size=f"{len(data) / 1_048_576:.1f}".replace(".", ","), limit=MAX_BYTES // 1_048_576))
    if suffix == ".docx":
        check_upload(filename, data, max_bytes=MAX_BYTES)
        return
    if not data.startswith(b"%PDF-"):
        raise UploadRefused(texts.REPLY_FILE_NOT_PDF)
    names = set(_PDF_NAME.findall(data))
    for name, what in _PDF_ACTIVE.items():
        if name in names:
            raise UploadRefused(texts.REPLY_FILE_PDF_ACTIVE.format(what=what))


def check_reply(
    db: sqlite_utils.Database, user: User, meeting_id: int, received_on: dt.date | None = None,
    today: dt.date | None = None, *, summary: str | None = None,
    attachment: tuple[str, bytes] | None = None,
) -> dict:
    """The meeting's new reply columns, or the Norwegian refusal: everything `record_reply`
    checks, without writing (a form shows the refusal before it asks for confirmation)."""
    today = today or dt.date.today()
    meeting = editable_meeting(db, user, meeting_id)
    if meeting["reply_received_on"]:
        raise ValidationError(texts.MEETING_REPLY_ALREADY.format(
            date=texts.format_date(meeting["reply_received_on"])))
    received = checked_date(received_on or today, meeting["held_on"], today,
                             texts.MEETING_REPLY_BEFORE)
    summary = (summary or "").strip()
    if not summary:
        raise ValidationError(texts.MEETING_REPLY_NEEDS_SUMMARY)
    if len(summary) > TEXT_LIMIT:
        raise ValidationError(texts.MEETING_REPLY_SUMMARY_TOO_LONG.format(n=TEXT_LIMIT))
    changes = {"reply_received_on": received, "reply_summary": summary, "reply_filename": None,
               "reply_file": None}
    if attachment is not None:
        name, data = attachment
        check_reply_file(name, data)
        changes.update(reply_filename=posixpath.basename(name.replace("\\", "/"))[:200],
                       reply_file=bytes(data))
    return changes


def record_reply(
    db: sqlite_utils.Database, user: User, meeting_id: int, received_on: dt.date | None = None,
    today: dt.date | None = None, *, summary: str | None = None,
    attachment: tuple[str, bytes] | None = None,
) -> str:
    """Record the answer; `attachment` is (file name, bytes). Returns the date stored, which
    `remove_reply` takes to undo it. Everything is checked before anything is written."""
    changes = check_reply(db, user, meeting_id, received_on, today, summary=summary,
                          attachment=attachment)
    with write(db):
        stored = db.execute("select reply_received_on from meetings where id = ?",
                            [meeting_id]).fetchone()[0]
        if stored:  # another tab recorded one meanwhile
            raise ValidationError(texts.MEETING_REPLY_ALREADY.format(
                date=texts.format_date(stored)))
        set_reply(db, meeting_id, changes)
    return changes["reply_received_on"]


def remove_reply(db: sqlite_utils.Database, user: User, meeting_id: int, received_on: str) -> None:
    """Undo `record_reply`: the answer recorded that day is taken off the meeting again."""
    editable_meeting(db, user, meeting_id)
    with write(db):
        current = db.execute("select reply_received_on from meetings where id = ?",
                             [meeting_id]).fetchone()
        if current is None or current[0] != received_on:
            raise ValidationError(texts.UNDO_TOO_LATE)
        set_reply(db, meeting_id, {"reply_received_on": None, "reply_summary": None,
                                   "reply_filename": None, "reply_file": None})


def reply_file(db: sqlite_utils.Database, user: User, meeting_id: int) -> tuple[str, bytes, str]:
    """(file name, bytes, MIME type) of the answer's file, for whoever may read the meeting."""
    get_meeting(db, user, meeting_id)
    row = db.execute("select reply_filename, reply_file from meetings where id = ?",
                     [meeting_id]).fetchone()
    if row is None or row[1] is None:
        raise ValidationError(texts.MEETING_REPLY_NO_FILE)
    name = row[0] or "svar"
    suffix = posixpath.splitext(name)[1].lower()
    return name, bytes(row[1]), MIME.get(suffix, "application/octet-stream")
