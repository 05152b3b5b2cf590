"""What can go to the papirkurv, and who may send it there.

Each kind reuses its own module's permission rule ("who may change it may remove it"), names
the record for the papirkurv list, and says which rows pointing at it are taken along although
their foreign key does not cascade (a meeting's unsent follow-up letters) and which extra rows
block it (draft documents made from an uploaded template).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.errors import ValidationError
from advocacy.events import campaigns, events
from advocacy.letters import document_records
from advocacy.meetings import meetings
from advocacy.permissions import ensure_permission
from advocacy.politicians import politicians
from advocacy.statements import statement_rows, statements
from advocacy.writing import argument_bank


def _none(db, record) -> dict:
    return {}


@dataclass(frozen=True)
class Kind:
    table: str
    check: Callable[[sqlite_utils.Database, User, int], dict]
    label: Callable[[sqlite_utils.Database, dict], str]
    chapter: str | None = None
    # (table, column) -> which of the rows pointing at the record belong to it
    owned: dict[tuple[str, str], Callable[[dict], bool]] = field(default_factory=dict)
    blockers: Callable[[sqlite_utils.Database, dict], dict[str, list[dict]]] = _none


def _row(db, table: str, row_id: int) -> dict:
    row = next(db.query(f"select * from [{table}] where id = ?", [row_id]), None)  # noqa: S608
    if row is None:
        raise ValidationError(texts.TRASH_NOT_FOUND.format(id=row_id))
    return row


def _meeting(db, user, meeting_id):
    return meetings.editable_meeting(db, user, meeting_id)


def _meeting_label(db, meeting) -> str:
    summary = " ".join((meeting.get("summary") or "").split())
    summary = summary[:60] + ("…" if len(summary) > 60 else "")
    return f"{texts.format_date(meeting['held_on'])}, {meeting['kommune']}: {summary}".rstrip(": ")


def _politician(db, user, politician_id):
    ensure_permission(user, "politician.edit")
    return politicians.get_politician(db, user, politician_id)


def _stance(db, user, stance_id):
    ensure_permission(user, "politician.edit")
    row = next(db.query(
        """select s.*, p.name, coalesce(l.name, s.topic) as subject from stances s
           join politicians p on p.id = s.politician_id
           left join levers l on l.id = s.lever_id where s.id = ?""", [stance_id]), None)
    if row is None:
        raise ValidationError(texts.TRASH_NOT_FOUND.format(id=stance_id))
    return row


def _stance_label(db, row) -> str:
    return f"{row['name']}: {row['subject']} – {texts.STANCES.get(row['stance'], row['stance'])}"


def _document(db, user, document_id):
    record = document_records.get_document(db, user, document_id)
    ensure_permission(user, "document.edit", record)
    if record["status"] in document_records.FINAL_STATUSES:
        raise ValidationError(texts.TRASH_DOCUMENT_FINAL.format(
            status=texts.DOCUMENT_STATUSES[record["status"]].lower()))
    return record


def _statement(db, user, statement_id):
    row = statement_rows.editable_row(db, user, statement_id)
    if row["status"] not in statements.EDITABLE or row["adopted_on"]:
        raise ValidationError(texts.TRASH_STATEMENT_NOT_DRAFT.format(
            status=texts.STATEMENT_STATUSES.get(row["status"], row["status"]).lower()))
    return row


def _event_label(db, row) -> str:
    return f"{row['title']} ({texts.format_date(row['starts_at'][:10])})"


def _campaign(db, user, campaign_id):
    ensure_permission(user, "campaign.manage")  # chapters add counts and links
    return campaigns.get_campaign(db, campaign_id)


def _managed(table: str, action: str):
    def check(db, user, row_id):
        ensure_permission(user, action)
        return _row(db, table, row_id)
    return check


def _template_in_use(db, record) -> dict[str, list[dict]]:
    # documents.template holds the name, not a foreign key: an unsent draft would stop rendering.
    drafts = [dict(r) for r in db.query(
        "select id, title from documents where template = ? and status not in "
        "(select value from json_each(?))",
        [record["name"], json.dumps(list(document_records.FINAL_STATUSES))])]
    return {"documents": drafts} if drafts else {}


def _argument(db, user, argument_id):
    current = argument_bank.get_argument(db, argument_id)
    ensure_permission(user, "argument.edit", current)
    return current


def _title(db, row) -> str:
    return row.get("title") or row.get("name") or f"nr. {row['id']}"


KINDS: dict[str, Kind] = {
    "meetings": Kind("meetings", _meeting, _meeting_label, chapter="chapter_id", owned={
        # An unsent follow-up letter belongs to its meeting; a sent one keeps it in place.
        ("documents", "meeting_id"):
            lambda doc: doc["status"] not in document_records.FINAL_STATUSES,
    }),
    "politicians": Kind("politicians", _politician, lambda db, p: politicians.label(p)),
    "stances": Kind("stances", _stance, _stance_label),
    "documents": Kind("documents", _document, _title, chapter="chapter_id"),
    "statements": Kind("statements", _statement, _title, chapter="chapter_id"),
    "events": Kind("events", events.get_event, _event_label, chapter="chapter_id"),
    "campaigns": Kind("campaigns", _campaign, _title),
    "templates": Kind("templates", _managed("templates", "template.manage"), _title, blockers=_template_in_use),
    "newspapers": Kind("newspapers", _managed("newspapers", "newspaper.manage"), _title),
    "arguments": Kind("arguments", _argument, _title),
}
