"""The follow-up letter (oppfølgingsbrev) after a meeting: drafted from the meeting in one click.

A letter is a `documents` row of kind 'oppfolgingsbrev' holding the merge fields as JSON (dates
as ISO text). It is drafted from the meeting (`draft_fields`), edited as fields, previewed and
downloaded by rendering the bundled template through `advocacy.documents.render` (the one,
sandboxed rendering path), and marked sent, which keeps the exact .docx that went out.
The generic documents module can absorb this: nothing here is specific beyond `draft_fields`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Callable

import sqlite_utils
from babel.lists import format_list

from advocacy import clock, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.documents import letter_filename, limits, render, render_batch
from advocacy.documents.fields import OPPFOLGINGSBREV
from advocacy.documents.naming import ReadableNames
from advocacy.documents.package import COMPRESS_LEVEL
from advocacy.errors import ValidationError
from advocacy.letters import document_rows
from advocacy.meetings.meetings import ask_list, close_followup_on_sent, get_meeting
from advocacy.permissions import allowed, ensure_permission, read_scope

KIND = "oppfolgingsbrev"
TEMPLATE = OPPFOLGINGSBREV
DATE_FIELDS = {f.name for f in TEMPLATE.fields if isinstance(f.sample, dt.date)}
LIST_FIELDS = {f.name for f in TEMPLATE.fields if f.is_list}
# Ordfører first: the usual addressee when several politicians were present.
_ROLE_RANK = ["ordforer", "varaordforer", "gruppeleder", "utvalgsleder", "formannskapsmedlem",
              "kommunestyremedlem", "annet"]


join_names = texts.join_list
_SPLIT_NAMES = re.compile(r"\s*(?:\n|,|;|\bog\b|&)\s*")


def our_names(text: str | None) -> list[str]:
    """The names in «Våre deltakere», however typed: one a line, «A, B» or «A og B»."""
    return [n for n in _SPLIT_NAMES.split(text or "") if n.strip()]


def sentence_start(text: str) -> str:
    """The text with a capital first letter, so it reads right after «…: »."""
    text = (text or "").strip()
    return text[:1].upper() + text[1:]


def _person(politician: dict) -> str:
    details = [d for d in (texts.POLITICIAN_ROLES.get(politician["role"]), politician["party"]) if d]
    return f"{politician['name']} ({', '.join(details)})" if details else politician["name"]


def _recipients(present: list[dict], chosen: int | list[int] | None) -> list[dict]:
    """The politicians a letter goes to, highest-ranking first: `chosen` is one id, several
    (one letter addressed to them all) or None (the highest-ranking politician present)."""
    if not present:
        raise ValidationError(texts.LETTER_NO_RECIPIENT)
    if chosen is None:
        return [min(present, key=lambda p: _ROLE_RANK.index(p["role"]))]
    ids = list(dict.fromkeys([chosen] if isinstance(chosen, int) else chosen))
    if not ids:
        raise ValidationError(texts.LETTER_RECIPIENTS_NONE, field="recipients")
    by_id = {p["id"]: p for p in present}
    if any(i not in by_id for i in ids):
        raise ValidationError(texts.LETTER_RECIPIENT_NOT_PRESENT, field="recipients")
    order = {p["id"]: n for n, p in enumerate(present)}
    return sorted((by_id[i] for i in ids),
                  key=lambda p: (_ROLE_RANK.index(p["role"]), order[p["id"]]))


def default_recipient(meeting: dict) -> int | None:
    """The politician a letter goes to unless the user chooses: the highest-ranking present."""
    present = meeting["politicians"]
    return _recipients(present, None)[0]["id"] if present else None


def _addressee(recipients: list[dict]) -> dict:
    """Name and role lines for one recipient or several («Kari Nordmann, Ola Hansen og Per
    Vik»; their distinct roles joined the same way)."""
    roles = dict.fromkeys(texts.POLITICIAN_ROLES.get(p["role"], "") for p in recipients)
    return {
        "mottaker_navn": format_list([p["name"] for p in recipients], locale="nb"),
        "mottaker_rolle": format_list([r for r in roles if r], locale="nb") if any(roles) else "",
    }


def draft_fields(
    db: sqlite_utils.Database, user: User, meeting_id: int,
    politician_id: int | list[int] | None = None, today: dt.date | None = None,
) -> dict:
    """Every merge field of the template, filled from the meeting and the acting user.
    `politician_id` is one recipient, a list of them (one letter to all), or None.

    Plain data only: text, a list of asks and dates as `datetime.date`.
    """
    meeting = get_meeting(db, user, meeting_id)
    present = meeting["politicians"]
    recipients = _recipients(present, politician_id)
    recipient = recipients[0]
    chosen = {p["id"] for p in recipients}
    sender = db.execute("select full_name, title, email, phone, place from users where id = ?",
                        [user.id]).fetchone() or (user.full_name, user.title, None, None, None)
    chapter = meeting["chapter"]
    # One list, one «og»: each of ours with the chapter in brackets, like the politicians' roles.
    attendees = join_names([_person(p) for p in present]
                           + [f"{n} ({chapter})" for n in our_names(meeting["our_participants"])])
    topic = (meeting["topics"] or "").strip() or \
        join_names([x["name"][:1].lower() + x["name"][1:] for x in meeting["levers"]]) or \
        "alkoholpolitikken i kommunen"
    due = meeting["followup_due"]
    return {
        "avsender_navn": sender[0], "avsender_rolle": (sender[1] or "medlem").strip(),
        "organisasjon": chapter, "avsender_telefon": sender[3] or "",
        "avsender_epost": sender[2] or "", "sted": sender[4] or meeting["kommune"],
        "dato": today or dt.date.today(),
        **_addressee(recipients),
        "kommune": meeting["kommune"],
        "motedato": dt.date.fromisoformat(meeting["held_on"]),
        "tema": topic,
        "deltakere": attendees,
        "droftet": meeting["summary"],
        "avtalt": sentence_start(meeting["promises"] or "") or texts.AVTALT_DEFAULT,
        "krav": ask_list(meeting["asks"]),
        "neste_steg": (f"Vi tar kontakt igjen innen {texts.format_date(due)} for å høre hvordan "
                       "saken følges opp." if due else ""),
        "kopi": join_names([p["name"] for p in present if p["id"] not in chosen]),
        "vedlegg": "",
        "_politician_id": recipient["id"],
    }


def _wrong_type(name: str) -> str:
    return texts.LETTER_FIELD_TYPE.format(field=TEMPLATE.field(name).description)


def _encode(fields: dict) -> str:
    clean = {}
    for name, value in fields.items():
        if name not in {f.name for f in TEMPLATE.fields}:
            raise ValidationError(texts.LETTER_FIELD_UNKNOWN.format(field=name))
        if name in LIST_FIELDS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValidationError(_wrong_type(name))
            value = [v.strip() for v in value if v.strip()]
        elif name in DATE_FIELDS:
            if isinstance(value, str):
                value = dt.date.fromisoformat(value)
            if not isinstance(value, dt.date):
                raise ValidationError(_wrong_type(name))
            value = value.isoformat()
        elif not isinstance(value, str):
            raise ValidationError(_wrong_type(name))
        elif len(value) > texts.LETTER_TEXT_LIMIT:
            raise ValidationError(texts.field_too_long(TEMPLATE.field(name).description,
                                                       texts.LETTER_TEXT_LIMIT, len(value)),
                                  field=name)
        elif name == "avtalt":
            value = sentence_start(value)
        clean[name] = value
    return json.dumps(clean, ensure_ascii=False)


def decode_fields(stored: str) -> dict:
    """The stored JSON as a render context: every template field present, dates as dates."""
    data = json.loads(stored or "{}")
    fields = {f.name: ([] if f.is_list else "") for f in TEMPLATE.fields}
    fields.update(data)
    for name in DATE_FIELDS:
        if fields.get(name):
            fields[name] = dt.date.fromisoformat(fields[name])
    fields["avtalt"] = sentence_start(fields.get("avtalt") or "")
    return fields


def _title(fields: dict) -> str:
    return (f"Oppfølging etter møtet {texts.format_date(fields['motedato'])} om {fields['tema']}"
            f" – {fields['mottaker_navn']}")


def create_letter(
    db: sqlite_utils.Database, user: User, meeting_id: int, politician_id: int | None = None,
    today: dt.date | None = None,
) -> int:
    """One click: a draft letter for the meeting, addressed to `politician_id` (default: the
    highest-ranking politician present)."""
    return create_letters(db, user, meeting_id,
                          None if politician_id is None else [politician_id], today=today)[0]


def create_letters(
    db: sqlite_utils.Database, user: User, meeting_id: int, politician_ids: list[int] | None,
    *, together: bool = True, today: dt.date | None = None,
) -> list[int]:
    """Draft letters for the meeting to the chosen politicians present: one letter addressed
    to them all (`together`), or one letter each; the ids, in one write. None: one letter to
    the highest-ranking politician present."""
    meeting = get_meeting(db, user, meeting_id)
    ensure_permission(user, "meeting.edit", meeting)
    if politician_ids is None or together:
        groups = [politician_ids]
    else:
        groups = [[p["id"]] for p in _recipients(meeting["politicians"], politician_ids)]
    drafts = [draft_fields(db, user, meeting_id, group, today) for group in groups]
    rows = []
    for fields in drafts:
        recipient = fields.pop("_politician_id")
        rows.append({
            "kind": KIND, "title": _title(fields), "template": TEMPLATE.path.name,
            "fields": _encode(fields), "status": "utkast", "meeting_id": meeting_id,
            "politician_id": recipient, "chapter_id": meeting["chapter_id"],
            "author_id": user.id, "kommunenummer": meeting["kommunenummer"],
        })
    with write(db):
        return [document_rows.insert(db, row) for row in rows]


def get_letter(db: sqlite_utils.Database, user: User, document_id: int) -> dict:
    row = db.execute("select * from documents where id = ? and kind = ?",
                     [document_id, KIND]).fetchone()
    if row is None:
        raise ValidationError(texts.LETTER_NOT_FOUND)
    letter = dict(zip([d[0] for d in db.execute("select * from documents limit 0").description],
                      row, strict=True))
    if letter["meeting_id"] is not None:
        get_meeting(db, user, letter["meeting_id"])  # the meeting's read scope is the letter's
    elif not allowed(user, "chapter.edit", letter["chapter_id"]):
        raise ValidationError(texts.LETTER_NOT_FOUND)
    letter["fields"] = decode_fields(letter["fields"])
    return letter


def _editable(db, user: User, document_id: int) -> dict:
    letter = get_letter(db, user, document_id)
    ensure_permission(user, "chapter.edit", letter["chapter_id"],
                      texts.MEETING_CHAPTER_FORBIDDEN)
    if letter["status"] == "sendt":
        raise ValidationError(texts.LETTER_ALREADY_SENT)
    return letter


def update_letter(db: sqlite_utils.Database, user: User, document_id: int, fields: dict) -> None:
    """Change some or all merge fields of a draft."""
    letter = _editable(db, user, document_id)
    merged = {**letter["fields"], **fields}
    encoded = _encode(merged)
    document_rows.update(db, document_id, {
        "fields": encoded, "title": _title(merged),
        "updated_at": clock.stamp(),
    }, status=letter["status"])


def render_letter(db: sqlite_utils.Database, user: User, document_id: int) -> bytes:
    """The letter as .docx: exactly as sent once it is sent, else rendered from its fields."""
    letter = get_letter(db, user, document_id)
    if letter["status"] == "sendt" and letter["docx"]:
        return letter["docx"]
    return render(TEMPLATE.path, letter["fields"])


def filename(letter: dict) -> str:
    return letter_filename(KIND, letter["fields"], letter["fields"].get("dato"))


def check_sending(
    db: sqlite_utils.Database, user: User, document_id: int, sent_on: dt.date | None = None,
    today: dt.date | None = None,
) -> tuple[dict, dt.date]:
    """(letter, sent date) or the refusal `mark_sent` would give, without writing."""
    today = today or dt.date.today()
    letter = _editable(db, user, document_id)
    sent_on = sent_on or today
    if sent_on > today:
        raise ValidationError(texts.MEETING_DONE_FUTURE.format(date=texts.format_date(sent_on)))
    held = letter["fields"].get("motedato")
    if held and sent_on < held:
        raise ValidationError(texts.LETTER_SENT_BEFORE_MEETING.format(
            date=texts.format_date(sent_on), held=texts.format_date(held)))
    return letter, sent_on


def mark_sent(
    db: sqlite_utils.Database, user: User, document_id: int, sent_on: dt.date | None = None,
    today: dt.date | None = None,
) -> None:
    """Mark the letter sent and keep the rendered .docx, so what went out is what is stored.
    The letter is the follow-up: the meeting's follow-up is done that day, in the same write."""
    letter, sent_on = check_sending(db, user, document_id, sent_on, today)
    docx = render(TEMPLATE.path, letter["fields"])
    with write(db):
        document_rows.update(db, document_id, {
            "status": "sendt", "sent_on": sent_on.isoformat(), "docx": docx,
            "updated_at": clock.stamp(),
        }, status=letter["status"], step=document_rows.SEND)
        if letter["meeting_id"] is not None:
            close_followup_on_sent(db, letter["meeting_id"], sent_on.isoformat())


def letters_for_meeting(db: sqlite_utils.Database, user: User, meeting_id: int) -> list[dict]:
    get_meeting(db, user, meeting_id)
    return list(db.query(
        """select d.id, d.title, d.status, d.sent_on, d.updated_at,
                  coalesce(nullif(json_extract(d.fields, '$.mottaker_navn'), ''), p.name)
                      as recipient,
                  u.full_name as author
           from documents d left join politicians p on p.id = d.politician_id
           left join users u on u.id = d.author_id
           where d.meeting_id = ? order by d.id""", [meeting_id]))


def letters_for_politician(db: sqlite_utils.Database, user: User, politician_id: int) -> list[dict]:
    """Letters to the politician, or from meetings they attended, that the user may see."""
    where, params = read_scope(user, "document.read")
    return list(db.query(
        f"""select d.id, d.kind, d.title, d.status, d.sent_on, d.meeting_id
            from documents d
            where (d.politician_id = :p or d.meeting_id in
                   (select meeting_id from meeting_politicians where politician_id = :p))
              and {where}
            order by coalesce(d.sent_on, d.updated_at) desc""",  # noqa: S608 - fixed fragments
        {**params, "p": politician_id}))


def zip_entry_name(fields: dict) -> str:
    """A letter's name inside the meeting's .zip, as people write it: «Oppfølgingsbrev – Åse
    Vik.docx» (made safe and unique by `ReadableNames`)."""
    recipient = (fields.get("mottaker_navn") or "").strip()
    stem = (texts.LETTER_FILE_STEM.format(recipient=recipient) if recipient
            else texts.LETTER_FILE_NO_RECIPIENT)
    return f"{stem}.docx"


def zip_filename(meeting: dict) -> str:
    """«Oppfølgingsbrev – møtet 12. mars 2026 i Drammen.zip»."""
    return ReadableNames().claim(texts.LETTERS_ZIP_NAME.format(
        date=texts.format_date(meeting["held_on"]), kommune=meeting["kommune"]))


def letters_zip(
    db: sqlite_utils.Database, user: User, meeting_id: int,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """Every follow-up letter of the meeting the user may read, one .docx each, in one .zip:
    drafts filled in the bounded worker as one batch (render_batch, its limits and its
    «Brev nr. 2 (Åse Vik, Drammen): …» refusals), sent letters exactly as they went out."""
    listed = letters_for_meeting(db, user, meeting_id)
    if not listed:
        raise ValidationError(texts.LETTERS_ZIP_NONE)
    letters = [get_letter(db, user, row["id"]) for row in listed]
    sent = [x for x in letters if x["status"] == "sendt" and x["docx"]]
    drafts = [x for x in letters if not (x["status"] == "sendt" and x["docx"])]
    names = ReadableNames()
    if drafts:
        data = render_batch(TEMPLATE.path, [x["fields"] for x in drafts], zip_entry_name,
                            progress=progress, names=names)
    else:
        buffer = io.BytesIO()
        zipfile.ZipFile(buffer, "w").close()
        data = buffer.getvalue()
    if not sent:
        return data
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as zf:
        for letter in sent:
            info = zipfile.ZipInfo(names.claim(zip_entry_name(letter["fields"])),
                                   (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, letter["docx"])
            if buffer.tell() > limits.batch_bytes():
                raise limits.batch_too_big()
    return buffer.getvalue()
