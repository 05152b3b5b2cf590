"""Document records: a letter, reader letter or statement made from a template, and its fate.

A record holds the kind, the template's name, the merge fields (JSON) and the links (meeting,
newspaper, statement, politician, municipality, chapter). While it is a draft its fields can
change; once it is marked sent or adopted the .docx is rendered one last time and its bytes are
stored on the record, and from then on the record's content is frozen (the database refuses too,
see migration m040), so the organisation can always see exactly what went out.

Who may do what is `permissions` («document.read», «document.edit», «document.make»):
leadership sees and changes everything; others see their own documents and their chapter's,
and change their own (a chapter member also their chapter's). The writing group makes reader
letters and op-eds only.

The rows are written by `document_rows` (the state machine, the check that nobody changed a
record meanwhile); this module holds the rules of making,
changing, sending and adopting a document.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.documents import letter_filename, render
from advocacy.documents.plaindata import plain_context
from advocacy.errors import ValidationError
from advocacy.letters import document_rows
from advocacy.letters.template_library import load_template
from advocacy.meetings.meetings import close_followup_on_sent
from advocacy.permissions import allowed, ensure_permission, read_scope

DRAFT_STATUSES = document_rows.DRAFTS
AFTER_SENT = document_rows.ANSWERS
FINAL_STATUSES = document_rows.FINAL
WRITER_KINDS = document_rows.LETTERS
LINKS = ("meeting_id", "newspaper_id", "statement_id", "politician_id", "kommunenummer")
_DATE_TAG = "$dato"

_COLUMNS = """d.id, d.kind, d.title, d.template, d.fields, d.body, d.status, d.meeting_id,
    d.newspaper_id, d.statement_id, d.politician_id, d.kommunenummer, d.chapter_id, d.author_id,
    d.sent_on, d.adopted_on, d.published_on, d.link, d.docx_filename, d.created_at, d.updated_at,
    d.is_demo, d.docx is not null as has_copy, u.full_name as author, m.navn as kommune,
    n.name as newspaper, c.name as chapter"""
_FROM = """documents d
    left join users u on u.id = d.author_id
    left join municipalities m on m.kommunenummer = d.kommunenummer
    left join newspapers n on n.id = d.newspaper_id
    left join chapters c on c.id = d.chapter_id"""


def allowed_kinds(user: User) -> tuple[str, ...]:
    """The kinds of document this user may make."""
    return tuple(k for k in texts.DOCUMENT_KINDS if allowed(user, "document.make", k))


def encode_fields(fields: Mapping[str, Any]) -> str:
    """Merge fields as JSON; dates are tagged so they come back as dates (and render Norwegian)."""
    if not isinstance(fields, Mapping):
        raise ValidationError(texts.DOCUMENT_FIELDS_NOT_MAPPING)
    plain_context(fields)  # refuses anything that is not plain data, naming the field

    def default(value):
        if isinstance(value, dt.date):
            return {_DATE_TAG: value.isoformat()[:10]}
        raise TypeError(type(value).__name__)

    return json.dumps(dict(fields), ensure_ascii=False, default=default)


def decode_fields(text: str | None) -> dict[str, Any]:
    def hook(obj: dict):
        if set(obj) == {_DATE_TAG}:
            return dt.date.fromisoformat(obj[_DATE_TAG])
        return obj

    return json.loads(text or "{}", object_hook=hook)


def create_document(
    db: sqlite_utils.Database,
    user: User,
    *,
    kind: str,
    template: str | None,
    fields: Mapping[str, Any],
    title: str | None = None,
    body: str | None = None,
    status: str = "utkast",
    chapter_id: int | None = None,
    meeting_id: int | None = None,
    newspaper_id: int | None = None,
    statement_id: int | None = None,
    politician_id: int | None = None,
    kommunenummer: str | None = None,
) -> int:
    """A new draft record. ``template`` is a template name (see template_library.load_template)."""
    if kind not in texts.DOCUMENT_KINDS:
        raise ValidationError(texts.DOCUMENT_KIND_UNKNOWN.format(kind=kind))
    ensure_permission(user, "document.make", kind)
    if status not in DRAFT_STATUSES:
        raise ValidationError(texts.DOCUMENT_STATUS_USE_MARK.format(
            status=texts.DOCUMENT_STATUSES.get(status, status)))
    if chapter_id is None:
        chapter_id = user.chapter_id
    elif chapter_id != user.chapter_id:
        ensure_permission(user, "chapter.all", message=texts.DOCUMENT_OTHER_CHAPTER)
    if template is not None:
        template = load_template(db, template).name
    encoded = encode_fields(fields)
    title = (title or "").strip() or default_title(kind, fields)
    return document_rows.insert(db, {
        "kind": kind, "title": title, "template": template, "fields": encoded,
        "body": body, "status": status, "chapter_id": chapter_id, "author_id": user.id,
        "meeting_id": meeting_id, "newspaper_id": newspaper_id,
        "statement_id": statement_id, "politician_id": politician_id,
        "kommunenummer": kommunenummer, "updated_at": document_rows.now(),
    })


def create_documents(
    db: sqlite_utils.Database,
    user: User,
    *,
    kind: str,
    template: str,
    contexts: Iterable[Mapping[str, Any]],
    links: Iterable[Mapping[str, Any]] | None = None,
) -> list[int]:
    """One draft record per context (a batch), all or nothing. ``links`` pairs with contexts."""
    contexts = list(contexts)
    links = list(links) if links is not None else [{}] * len(contexts)
    with write(db):
        return [
            create_document(db, user, kind=kind, template=template, fields=context,
                            **{k: v for k, v in link.items() if k in LINKS})
            for context, link in zip(contexts, links, strict=True)
        ]


def default_title(kind: str, fields: Mapping[str, Any]) -> str:
    if fields.get("tittel"):
        return str(fields["tittel"])[:200]
    label = texts.DOCUMENT_KINDS.get(kind, kind)
    who = ", ".join(str(fields[k]) for k in ("mottaker_navn", "kommune") if fields.get(k))
    return f"{label} – {who}" if who else label


def get_document(db: sqlite_utils.Database, user: User, document_id: int) -> dict:
    """One record the user may see, fields decoded, without the stored bytes."""
    row = next(db.query(f"select {_COLUMNS} from {_FROM} where d.id = ?",  # noqa: S608
                        [document_id]), None)
    if row is None:
        raise ValidationError(texts.DOCUMENT_NOT_FOUND.format(id=document_id))
    ensure_permission(user, "document.read", row)
    row["fields"] = decode_fields(row["fields"])
    row["has_copy"] = bool(row["has_copy"])
    row["can_edit"] = allowed(user, "document.edit", row) and row["status"] not in FINAL_STATUSES
    return row


def list_documents(
    db: sqlite_utils.Database, user: User, *, kind: str | None = None, status: str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Records the user may see, newest first: leadership all; others their own and chapter's.
    `limit` keeps a national list (20,000 records) to the newest few for a page."""
    scope, params = read_scope(user, "document.read")
    where = [scope]
    if kind:
        where.append("d.kind = :kind")
        params["kind"] = kind
    if status:
        where.append("d.status = :status")
        params["status"] = status
    rows = db.query(
        f"select {_COLUMNS} from {_FROM} where {' and '.join(where)} "  # noqa: S608
        "order by d.updated_at desc, d.id desc limit :limit",
        {**params, "limit": -1 if limit is None else int(limit)},
    )
    return [{**row, "has_copy": bool(row["has_copy"])} for row in rows]


def update_document(
    db: sqlite_utils.Database,
    user: User,
    document_id: int,
    *,
    fields: Mapping[str, Any] | None = None,
    title: str | None = None,
    body: str | None = None,
    template: str | None = None,
    **links: Any,
) -> None:
    """Change a draft's content or links. Refused once it is sent or adopted (frozen)."""
    current = _editable(db, user, document_id)
    changes: dict[str, Any] = {}
    unknown = set(links) - set(LINKS)
    if unknown:
        raise TypeError(f"unknown document links: {sorted(unknown)}")
    if fields is not None:
        changes["fields"] = encode_fields(fields)
    if title is not None:
        if not title.strip():
            raise ValidationError(texts.DOCUMENT_TITLE_REQUIRED)
        changes["title"] = title.strip()
    if body is not None:
        changes["body"] = body
    if template is not None:
        changes["template"] = load_template(db, template).name
    changes.update(links)
    if not changes:
        return
    document_rows.update(db, document_id, changes, status=current["status"])


def set_status(
    db: sqlite_utils.Database,
    user: User,
    document_id: int,
    status: str,
    *,
    published_on: dt.date | None = None,
    link: str | None = None,
) -> None:
    """Move a draft along (idé → utkast → til vurdering → godkjent), or record what happened
    after it was sent (publisert, refusert, ingen svar). Sent/adopted: mark_sent, mark_adopted."""
    if status not in texts.DOCUMENT_STATUSES:
        raise ValidationError(texts.DOCUMENT_STATUS_UNKNOWN.format(status=status))
    label = texts.DOCUMENT_STATUSES[status]
    if status in ("sendt", "vedtatt"):
        raise ValidationError(texts.DOCUMENT_STATUS_USE_MARK.format(status=label))
    current = get_document(db, user, document_id)
    ensure_permission(user, "document.edit", current)
    steps = (document_rows.STATUS, document_rows.ANSWER)
    if not document_rows.allows(current["kind"], current["status"], status, steps):
        raise ValidationError(document_rows.refusal(current["kind"], current["status"], status))
    step = document_rows.ANSWER if status in AFTER_SENT else document_rows.STATUS
    changes: dict[str, Any] = {"status": status}
    if published_on is not None:
        changes["published_on"] = published_on.isoformat()
    if link is not None:
        changes["link"] = link.strip() or None
    document_rows.update(db, document_id, changes, status=current["status"], step=step)


def render_document(db: sqlite_utils.Database, user: User, document_id: int) -> bytes:
    """The .docx as the record's fields make it now: the stored copy once it is frozen."""
    record = get_document(db, user, document_id)
    if record["has_copy"]:
        return document_copy(db, user, document_id)[1]
    return _render(db, record)


def mark_sent(
    db: sqlite_utils.Database, user: User, document_id: int, sent_on: dt.date | None = None
) -> bytes:
    """Mark a draft sent: render it, store the .docx on the record and freeze it.

    Not for reader letters and op-eds: those go through the writing pipeline
    (letter_sending), which checks the paper's length limit and records the exclusivity.
    A follow-up letter made from a meeting closes that meeting's follow-up in the same write."""
    if get_document(db, user, document_id)["kind"] in WRITER_KINDS:
        raise ValidationError(texts.LETTER_SEND_FROM_TAB)
    return _finalise(db, user, document_id, "sendt", "sent_on", sent_on)


def mark_adopted(
    db: sqlite_utils.Database, user: User, document_id: int, adopted_on: dt.date | None = None
) -> bytes:
    """Mark a statement adopted: render it, store the .docx on the record and freeze it."""
    record = get_document(db, user, document_id)
    if record["kind"] != "uttalelse":
        raise ValidationError(texts.DOCUMENT_ADOPT_ONLY_STATEMENTS)
    return _finalise(db, user, document_id, "vedtatt", "adopted_on", adopted_on)


def document_copy(db: sqlite_utils.Database, user: User, document_id: int) -> tuple[str, bytes]:
    """(file name, bytes) of the stored copy of a sent or adopted document."""
    record = get_document(db, user, document_id)
    row = db.execute("select docx from documents where id = ?", [document_id]).fetchone()
    if row is None or row[0] is None:
        raise ValidationError(texts.DOCUMENT_NO_COPY)
    return record["docx_filename"] or filename_for(record), bytes(row[0])


def filename_for(record: Mapping[str, Any]) -> str:
    """date_kind_municipality_recipient.docx, from the record's fields and dates."""
    fields = dict(record.get("fields") or {})
    when = record.get("sent_on") or record.get("adopted_on")
    if not fields.get("kommune") and record.get("kommune"):
        fields["kommune"] = record["kommune"]
    date = dt.date.fromisoformat(when[:10]) if when else None
    return letter_filename(record["kind"], fields, date=date)


def _finalise(db, user, document_id, status, date_column, when) -> bytes:
    record = _editable(db, user, document_id)
    data = _render(db, record) if record["template"] else None
    when = when or dt.date.today()
    record = {**record, date_column: when.isoformat()}
    changes = {"status": status, date_column: when.isoformat()}
    if data is not None:
        changes.update(docx=data, docx_filename=filename_for(record))
    step = document_rows.SEND if status == "sendt" else document_rows.ADOPT
    with write(db):
        document_rows.update(db, document_id, changes, status=record["status"], step=step)
        if status == "sendt" and record["kind"] == "oppfolgingsbrev" and record["meeting_id"]:
            close_followup_on_sent(db, record["meeting_id"], when.isoformat())
    return data or b""


def _render(db, record) -> bytes:
    template = load_template(db, record["template"])
    return render(template.data, record["fields"])


def _editable(db, user, document_id) -> dict:
    record = get_document(db, user, document_id)
    ensure_permission(user, "document.edit", record)
    if record["status"] in FINAL_STATUSES:
        raise ValidationError(document_rows.frozen_message(record["status"]))
    return record


