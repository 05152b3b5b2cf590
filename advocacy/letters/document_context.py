"""Merge fields built from records: who a letter goes to and who sends it.

Everything returned here is plain data (text, dates, lists), ready for the sandboxed renderer:
never a database row object or a handle. Recipients can be chosen three ways: every ordfører in
a county, every politician a chapter met in a period, or a recipients list (CSV or Excel) whose
columns are matched to merge fields by name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from advocacy import texts
from advocacy.accounts.accounts import User
from advocacy.io.imports import Problem, mapped_rows, read_table, suggest_mapping
from advocacy.letters.template_library import field_info, is_date_field
from advocacy.permissions import read_scope

# Column headings volunteers use for our fields, besides the field name itself.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "mottaker_navn": ("navn", "mottaker", "fullt navn", "name"),
    "mottaker_rolle": ("rolle", "verv"),
    "mottaker_parti": ("parti",),
    "mottaker_epost": ("e-post", "epost", "email"),
    "kommune": ("kommunenavn",),
    "avsender_navn": ("avsender",),
    "avsender_epost": ("avsenders e-post",),
    "avsender_telefon": ("telefon avsender", "avsenders telefon"),
    "motedato": ("møtedato", "dato for møtet"),
    "droftet": ("drøftet",),
    "neste_steg": ("neste steg",),
    "dato": ("brevdato",),
}
_LIST_SPLIT = re.compile(r"\s*(?:\r?\n|\|)\s*")
_NORWEGIAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


@dataclass(frozen=True)
class Recipient:
    """One recipient's merge fields and the record links a document to them should carry."""

    context: dict[str, Any]
    links: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        parts = [self.context.get("mottaker_navn"), self.context.get("kommune")]
        return ", ".join(str(p) for p in parts if p)


@dataclass
class RecipientList:
    """The recipients read from a file: their contexts, the column mapping and any problems."""

    recipients: list[Recipient]
    mapping: dict[str, str | None]
    problems: list[Problem]


def sender_context(db: sqlite_utils.Database, user: User, today: dt.date | None = None) -> dict:
    """The sender block from the acting user: name, role (their title), organisation, place."""
    row = db.execute(
        """select u.email, u.phone, c.name from users u
           left join chapters c on c.id = u.chapter_id where u.id = ?""",
        [user.id],
    ).fetchone() or (None, None, None)
    email, phone, chapter = row
    return {
        "avsender_navn": user.full_name,
        "avsender_rolle": (user.title or "").strip(),
        "avsender_epost": email or "",
        "avsender_telefon": phone or "",
        "organisasjon": chapter or user.chapter_name or "",
        "sted": (user.place or "").strip(),
        "dato": today or dt.date.today(),
    }


_POLITICIAN_SQL = """
select p.id, p.name, p.role, p.email, coalesce(pa.abbreviation, p.party_text) as party,
       m.kommunenummer, m.navn, m.navn_norsk, c.navn as fylke{extra}
from politicians p
join municipalities m on m.kommunenummer = p.kommunenummer
join counties c on c.fylkesnummer = m.fylkesnummer
left join parties pa on pa.code = p.party_code
"""


def _recipient(row: Mapping[str, Any], **extra: Any) -> Recipient:
    context = {
        "mottaker_navn": row["name"],
        "mottaker_rolle": texts.POLITICIAN_ROLES.get(row["role"], row["role"] or "").lower(),
        "mottaker_parti": row["party"] or "",
        "mottaker_epost": row["email"] or "",
        "kommune": texts.municipality_name(row["navn"], row["navn_norsk"]),
        "kommunenummer": row["kommunenummer"],
        "fylke": row["fylke"],
        **extra,
    }
    return Recipient(context, {"politician_id": row["id"],
                               "kommunenummer": row["kommunenummer"]})


def politician_recipient(db: sqlite_utils.Database, politician_id: int) -> Recipient | None:
    row = next(db.query(_POLITICIAN_SQL.format(extra="") + " where p.id = ?", [politician_id]), None)
    return _recipient(row) if row else None


def ordforere_in_county(db: sqlite_utils.Database, fylkesnummer: str) -> list[Recipient]:
    """Every ordfører in office in a county's municipalities, by municipality number."""
    rows = db.query(
        _POLITICIAN_SQL.format(extra="") + """ where p.role = 'ordforer' and p.in_office = 1
                              and m.fylkesnummer = ? order by m.kommunenummer, p.name""",
        [fylkesnummer],
    )
    return [_recipient(row) for row in rows]


def politicians_met(
    db: sqlite_utils.Database, user: User, start: dt.date, end: dt.date
) -> list[Recipient]:
    """Every politician met in [start, end], with the date and topic of the latest meeting.

    Leadership sees all chapters' meetings, a chapter member their own chapter's; the writing
    group does not see meetings.
    """
    scope, params = read_scope(user, "meeting.read")
    latest = f""" join (
                 select mp.politician_id, mt.held_on, mt.topics, mt.id as meeting_id,
                        row_number() over (partition by mp.politician_id
                                           order by mt.held_on desc, mt.id desc) as n
                 from meeting_politicians mp join meetings mt on mt.id = mp.meeting_id
                 where {scope} and mt.held_on between :start and :end
               ) latest on latest.politician_id = p.id and latest.n = 1
               order by m.kommunenummer, p.name"""  # noqa: S608 - fixed fragments only
    sql = _POLITICIAN_SQL.format(extra=", latest.held_on, latest.topics, latest.meeting_id")
    sql += latest
    rows = db.query(sql, {**params, "start": start.isoformat(), "end": end.isoformat()})
    recipients = []
    for row in rows:
        recipient = _recipient(row, motedato=dt.date.fromisoformat(row["held_on"]),
                               tema=row["topics"] or "")
        recipient.links["meeting_id"] = row["meeting_id"]
        recipients.append(recipient)
    return recipients


def recipients_from_file(
    filename: str,
    data: bytes,
    fields: Iterable[str],
    *,
    provided: Iterable[str] = (),
    kind: str | None = None,
) -> RecipientList:
    """Recipients from a CSV or Excel list, one per row, columns matched to ``fields``.

    ``provided`` are fields that get a value elsewhere (the sender, the common form): the list
    may leave them out or leave cells empty. Every other required field needs a column and a
    value in each row; list fields (``krav``) take one item per line or items separated by «|»;
    date fields take 12.03.2026 or 2026-03-12. Problems name the row and column.
    """
    table = read_table(filename, data)
    fields = sorted(set(fields))
    provided = set(provided)
    mapping = suggest_mapping(table.columns, {name: SYNONYMS.get(name, ()) for name in fields})
    problems = [
        Problem(None, None, texts.RECIPIENTS_COLUMN_MISSING.format(field=name))
        for name in fields
        if mapping[name] is None and name not in provided and field_info(name, kind).required
    ]
    recipients = []
    for number, values in mapped_rows(table, mapping):
        context: dict[str, Any] = {}
        for name in fields:
            column, raw = mapping[name], values[name].strip()
            if column is None:
                continue
            if not raw:
                if name not in provided and field_info(name, kind).required:
                    problems.append(Problem(number, column,
                                            texts.RECIPIENTS_VALUE_EMPTY.format(field=name)))
                continue
            value, problem = _value(name, raw, kind)
            if problem:
                problems.append(Problem(number, column, problem))
            else:
                context[name] = value
        recipients.append(Recipient(context))
    if not recipients and not problems:
        problems.append(Problem(None, None, texts.RECIPIENTS_NONE))
    return RecipientList(recipients, mapping, problems)


def _value(name: str, raw: str, kind: str | None) -> tuple[Any, str | None]:
    if is_date_field(name):
        date = parse_date(raw)
        return (date, None) if date else (None, texts.DOCUMENT_DATE_INVALID.format(value=raw))
    if field_info(name, kind).is_list:
        return [item for item in _LIST_SPLIT.split(raw) if item], None
    return raw, None


def parse_date(text: str) -> dt.date | None:
    """12.03.2026, 2026-03-12 (or an Excel date cell read as 2026-03-12) -> date; else None."""
    text = text.strip()
    match = _NORWEGIAN_DATE.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return None


def complete_contexts(
    fields: Iterable[str],
    base: Mapping[str, Any],
    recipients: Iterable[Recipient],
    kind: str | None = None,
) -> tuple[list[dict[str, Any]], list[str]]:
    """Each recipient's fields over the common ``base``, every template field given a value.

    Optional fields left empty become "". Returns the contexts and the required fields that
    still have no value for some recipient (sorted), so the page can ask for them first.
    """
    fields = sorted(set(fields))
    contexts, missing = [], set()
    for recipient in recipients:
        context = {k: v for k, v in base.items() if not _empty(v)}
        context.update({k: v for k, v in recipient.context.items() if not _empty(v)})
        for name in fields:
            if name not in context:
                if field_info(name, kind).required:
                    missing.add(name)
                context[name] = [] if field_info(name, kind).is_list else ""
        contexts.append(context)
    return contexts, sorted(missing)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []
