"""Reader letters and op-eds from idea to print: the writing group's pipeline.

    idé → utkast → til vurdering → godkjent → sendt → publisert
                                                   ↘ refusert / ingen svar → sendt (next paper)

A letter is a document record (document_records) of kind leserinnlegg or kronikk whose fields
fill the leserinnlegg template: tittel, tekst and the signature (avsender_navn, avsender_rolle,
organisasjon, sted), taken from the writer's profile. The text is also kept in ``body`` for
search and comparison.

Rules, all checked here before anything is written:
- Only the moves that `document_rows.TRANSITIONS` declares for reader letters (the one state
  machine of documents); leadership approves (til vurdering → godkjent). Every move is a row in
  ``letter_history`` with who and when (this module owns that table).
- A letter is sent to one paper at a time. It stays exclusive to that paper until the paper
  refuses it or the chosen number of days has passed; until then it cannot be sent to another
  paper (and the database allows only one unanswered sending per letter). After the days have
  passed, sending it on records the first paper as "ingen svar".
- It cannot be marked sent while it is longer than the paper's limit for that kind of piece,
  counted (char_count) on exactly the plain text that is sent: title, text and signature.
- The .docx made at the first sending is kept and the content is frozen from then on; a new
  version (``new_version``) is a new draft that remembers which letter it came from.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.letters import document_context, document_records, document_rows
from advocacy.permissions import allowed, ensure_permission
from advocacy.writing import char_count, newspapers, similarity
from advocacy.writing.similarity import letter_text

KINDS = document_records.WRITER_KINDS
TEMPLATE = "leserinnlegg"
ORDER = ("ide", "utkast", "til_vurdering", "godkjent", "sendt", "publisert", "refusert",
         "ingen_svar")
EDITABLE = ("ide", "utkast", "til_vurdering")
SENT = ("sendt", *document_rows.ANSWERS)
SIGNATURE_FIELDS = ("avsender_navn", "avsender_rolle", "organisasjon", "sted")


# --- Text ------------------------------------------------------------------------------------

def signature_line(fields: Mapping[str, Any]) -> str:
    """"Navn, rolle, organisasjon, sted", leaving out what is empty."""
    return texts.join_parts(fields.get(k) for k in SIGNATURE_FIELDS)


def signature_fields(db: sqlite_utils.Database, user: User) -> dict[str, str]:
    sender = document_context.sender_context(db, user)
    return {k: str(sender.get(k) or "") for k in SIGNATURE_FIELDS}


def plain_text(title: str, text: str, signature: str) -> str:
    """The letter as it goes into an e-mail: title, text, signature, with blank lines between."""
    parts = [(title or "").strip(), char_count.normalise(text).replace("\n", "\n\n"),
             (signature or "").strip()]
    return "\n\n".join(p for p in parts if p) + "\n"


def record_plain_text(record: Mapping[str, Any]) -> str:
    fields = record.get("fields") or {}
    return plain_text(fields.get("tittel") or record.get("title") or "", letter_text(record),
                      signature_line(fields))


def length(title: str, text: str, signature: str, limit: int | None) -> char_count.Length:
    """The length that counts against the limit: everything that is sent (see plain_text)."""
    return char_count.measure(plain_text(title, text, signature), limit)


def record_length(record: Mapping[str, Any], newspaper: Mapping | None = None) -> char_count.Length:
    return char_count.measure(record_plain_text(record),
                              newspapers.max_chars(newspaper, record["kind"]))


# --- Drafting --------------------------------------------------------------------------------

def new_letter(
    db: sqlite_utils.Database,
    user: User,
    *,
    title: str,
    text: str = "",
    kind: str = "leserinnlegg",
    status: str = "utkast",
    newspaper_id: int | None = None,
    kommunenummer: str | None = None,
    template: str = TEMPLATE,
    based_on: int | None = None,
    signature: Mapping[str, str] | None = None,
) -> int:
    """A new idea or draft, signed from the writer's profile unless ``signature`` is given."""
    if kind not in KINDS:
        raise ValidationError(texts.LETTER_KIND_INVALID)
    if status not in ("ide", "utkast"):
        raise ValidationError(texts.LETTER_START_STATUS)
    title = (title or "").strip()
    if not title:
        raise ValidationError(texts.LETTER_TITLE_REQUIRED)
    if newspaper_id is not None:
        newspapers.get_newspaper(db, newspaper_id)
    fields = {"tittel": title, "tekst": text or "",
              **(dict(signature) if signature else signature_fields(db, user))}
    with write(db):
        doc_id = document_records.create_document(
            db, user, kind=kind, template=template, fields=fields, title=title, body=text or "",
            status=status, newspaper_id=newspaper_id, kommunenummer=kommunenummer)
        if based_on is not None:
            document_rows.update(db, doc_id, {"based_on": based_on}, status=status)
        record_history(db, doc_id, user, None, status, note=texts.LETTER_NOTE_BASED_ON.format(
            id=based_on) if based_on else None)
    return doc_id


def save_draft(
    db: sqlite_utils.Database,
    user: User,
    document_id: int,
    *,
    title: str,
    text: str,
    signature: Mapping[str, str] | None = None,
    newspaper_id: int | None = None,
    kind: str | None = None,
    kommunenummer: str | None = None,
) -> None:
    """Change the words (and paper, kind, signature) while the letter is idea or draft."""
    record = get_letter(db, user, document_id)
    if record["status"] not in EDITABLE:
        raise ValidationError(texts.LETTER_NOT_EDITABLE.format(
            status=texts.DOCUMENT_STATUSES[record["status"]].lower()))
    title = (title or "").strip()
    if not title:
        raise ValidationError(texts.LETTER_TITLE_REQUIRED)
    if kind is not None and kind not in KINDS:
        raise ValidationError(texts.LETTER_KIND_INVALID)
    if newspaper_id is not None:
        newspapers.get_newspaper(db, newspaper_id)
    fields = {**record["fields"], "tittel": title, "tekst": text or ""}
    if signature is not None:
        fields.update({k: str(signature.get(k) or "") for k in SIGNATURE_FIELDS})
    with write(db):
        document_records.update_document(db, user, document_id, fields=fields, title=title,
                                          body=text or "", newspaper_id=newspaper_id,
                                          **({"kommunenummer": kommunenummer}
                                             if kommunenummer else {}))
        if kind is not None and kind != record["kind"]:
            document_rows.update(db, document_id, {"kind": kind}, status=record["status"])


def new_version(db: sqlite_utils.Database, user: User, document_id: int) -> int:
    """A new draft with this letter's words, e.g. to shorten a refused letter for another paper."""
    record = get_letter(db, user, document_id)
    fields = record["fields"]
    return new_letter(db, user, title=fields.get("tittel") or record["title"],
                      text=letter_text(record), kind=record["kind"],
                      kommunenummer=record["kommunenummer"], based_on=document_id,
                      signature={k: fields.get(k, "") for k in SIGNATURE_FIELDS})


# --- Reading ---------------------------------------------------------------------------------

def get_letter(db: sqlite_utils.Database, user: User, document_id: int) -> dict:
    record = document_records.get_document(db, user, document_id)
    if record["kind"] not in KINDS:
        raise ValidationError(texts.LETTER_NOT_A_LETTER.format(id=document_id))
    extra = db.execute("select exclusive_until, based_on from documents where id = ?",
                       [document_id]).fetchone()
    record["exclusive_until"], record["based_on"] = extra
    return record


def history(db: sqlite_utils.Database, user: User, document_id: int) -> list[dict]:
    get_letter(db, user, document_id)  # permission
    return list(db.query(
        """select h.at, h.from_status, h.to_status, coalesce(u.full_name, h.username) as who,
                  n.name as newspaper, h.note
           from letter_history h left join users u on u.id = h.user_id
           left join newspapers n on n.id = h.newspaper_id
           where h.document_id = ? order by h.id""", [document_id]))


def submissions(db: sqlite_utils.Database, user: User, document_id: int) -> list[dict]:
    get_letter(db, user, document_id)
    return list(db.query(
        """select s.id, n.name as newspaper, s.newspaper_id, s.sent_on, s.exclusive_until,
                  s.outcome, s.outcome_on, s.link
           from letter_submissions s join newspapers n on n.id = s.newspaper_id
           where s.document_id = ? order by s.sent_on, s.id""", [document_id]))


def version_chain(db: sqlite_utils.Database, document_id: int) -> set[int]:
    """This letter, the letters it was made from and the versions made from it."""
    rows = db.execute(
        """with recursive up(id) as (select :d union select d.based_on from documents d
                                     join up on d.id = up.id where d.based_on is not null),
                down(id) as (select id from up union select d.id from documents d
                             join down on d.based_on = down.id)
           select id from down""", {"d": document_id}).fetchall()
    return {r[0] for r in rows}


def sent_letter_text(db: sqlite_utils.Database, document_id: int) -> str:
    """The plain text of a letter that has gone to a paper (shown beside a similarity warning:
    what went to a newspaper is no secret inside the organisation). Empty if it is not sent."""
    row = next(db.query("select title, body, fields, status from documents where id = ?",
                        [document_id]), None)
    if row is None or row["status"] not in SENT:
        return ""
    return record_plain_text({**row, "fields": json.loads(row["fields"] or "{}")})


def similar_sent(db: sqlite_utils.Database, document_id: int | None, text: str):
    """Sent letters nearly identical to this text, leaving out this letter's own versions."""
    exclude = version_chain(db, document_id) if document_id else set()
    return similarity.similar_letters(db, text, exclude=exclude)


# --- Moves -----------------------------------------------------------------------------------

def allowed_moves(user: User, record: Mapping[str, Any]) -> list[str]:
    """The statuses this user may move the letter to now (sending and answers included)."""
    if not allowed(user, "document.edit", record):
        return []
    return [to for to in document_rows.moves(record["kind"], record["status"],
                                             document_rows.PIPELINE)
            if to != "godkjent" or allowed(user, "letter.approve")]


def move(db: sqlite_utils.Database, user: User, document_id: int, to_status: str,
         note: str | None = None) -> None:
    """A move before sending: idé ↔ utkast → til vurdering → godkjent, or back to utkast."""
    record = get_letter(db, user, document_id)
    check_move(user, record, to_status)
    if to_status in SENT:
        raise ValidationError(texts.LETTER_USE_SEND_OR_ANSWER)
    if to_status == "til_vurdering" and not letter_text(record).strip():
        raise ValidationError(texts.LETTER_TEXT_REQUIRED)
    step = document_rows.APPROVE if to_status == "godkjent" else document_rows.MOVE
    with write(db):
        document_rows.update(db, document_id, {"status": to_status},
                             status=record["status"], step=step)
        record_history(db, document_id, user, record["status"], to_status, note=note)


def check_move(user: User, record: Mapping[str, Any], to_status: str) -> None:
    """Refuse a move of the pipeline (sending and answers included) this user may not make."""
    if to_status not in document_rows.STATUSES or to_status == "vedtatt":
        raise ValidationError(texts.DOCUMENT_STATUS_UNKNOWN.format(status=to_status))
    ensure_permission(user, "document.edit", record)
    if not document_rows.allows(record["kind"], record["status"], to_status,
                                document_rows.PIPELINE):
        raise ValidationError(document_rows.refusal(record["kind"], record["status"], to_status))
    if to_status == "godkjent":
        ensure_permission(user, "letter.approve")


def record_history(db, document_id: int, user: User, before: str | None, after: str, *,
                   newspaper_id: int | None = None, note: str | None = None) -> None:
    """A row of the letter's history (who moved it, when, from and to what)."""
    db["letter_history"].insert({
        "document_id": document_id, "from_status": before, "to_status": after,
        "at": document_rows.now(), "user_id": user.id, "username": user.username,
        "newspaper_id": newspaper_id, "note": note})

