"""Recording a municipality's position on a lever: one at a time, or many from a spreadsheet.

Positions are append-only (database triggers refuse UPDATE and DELETE): a new decision is a new
row. A wrongly recorded row takes a correction (`correct`): it is marked with who and why, stays
in the timeline and stops counting, and the right value can be recorded with it. The current
position is the one last decided (then last recorded) that is not corrected
(`current_positions`); the rest is the timeline.

The same decision is not recorded twice: a new row with the value and decision date of a row
that counts for that municipality and lever is refused (source and note do not make it another
decision; a wrong source is put right with a correction). The file import skips such rows, and
also rows a correction took out, so importing the same file again does not bring them back.

Who may record: leadership for every municipality; a chapter member for their chapter's own
municipality; the writing group reads only. Every check runs before anything is written, and a
file import is all or nothing.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, field

import sqlite_utils

from advocacy import corrections, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.io.imports import Problem, Table, mapped_rows, suggest_mapping
from advocacy.permissions import allowed, ensure_permission
from advocacy.policy import policy_status
from advocacy.policy.municipality_codes import MunicipalityIndex

# Our fields and the headings volunteers use for them.
IMPORT_FIELDS: dict[str, tuple[str, ...]] = {
    "kommunenummer": ("kommunenr", "knr", "kommune", "kommunenavn", "nummer"),
    "lever": ("sak", "virkemiddel", "lever_id", "tema", "spørsmål"),
    "value": ("verdi", "vedtak", "vedtatt verdi"),
    "decided_on": ("dato", "vedtaksdato", "vedtatt", "vedtatt dato", "date"),
    "source": ("kilde", "lenke", "url", "saksnummer", "dokument"),
    "note": ("merknad", "kommentar", "notat"),
}
REQUIRED = ("kommunenummer", "lever", "value", "decided_on", "source")
# Numbers from the 2020–2023 counties, which no longer exist (DOMAIN.md § 4).


def municipality(db: sqlite_utils.Database, kommunenummer: str) -> dict:
    """A municipality as «position.record» asks about it: the ids of its chapters."""
    return {"kommunenummer": kommunenummer, "chapters": {r[0] for r in db.execute(
        "select id from chapters where kommunenummer = ?", [kommunenummer])}}


def _lever(db: sqlite_utils.Database, lever: str) -> dict | None:
    """An active lever by id or by its name (without regard to case, æøå included)."""
    wanted = lever.strip().casefold()
    for row in db.query("select * from levers where active = 1"):
        if wanted in (row["id"].casefold(), row["name"].casefold()):
            return row
    return None


_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _municipality(db: sqlite_utils.Database, given: str) -> tuple[str | None, str | None]:
    """(kommunenummer, problem), through the one resolver every import uses: numbers with the
    leading zero lost, either name form, old 2020–2023 numbers mapped or refused with reason."""
    index = _INDEXES.get(db)
    if index is None:
        index = _INDEXES[db] = MunicipalityIndex(db)
    try:
        return index.resolve(given).kommunenummer, None
    except ValidationError as exc:
        return None, exc.message


def _decided_on(text: str, today: dt.date) -> tuple[str | None, str | None]:
    value = policy_status.comparable("date", text)
    if value is None:
        return None, texts.VALUE_INVALID["date"].format(value=text)
    if value > today:
        return None, texts.POSITION_DATE_FUTURE.format(date=texts.format_date(value))
    return value.isoformat(), None


def validate(
    db: sqlite_utils.Database, user: User, row: dict, today: dt.date | None = None
) -> tuple[dict | None, list[tuple[str, str]]]:
    """A clean position row ready to insert, or the problems as (field, message)."""
    today = today or dt.date.today()
    problems: list[tuple[str, str]] = []
    given = {name: str(row.get(name) or "").strip() for name in REQUIRED}
    for name in REQUIRED:
        if not given[name]:
            problems.append((name, texts.POSITION_FIELD_MISSING))
    knr = lever = value = decided_on = None
    if given["kommunenummer"]:
        knr, problem = _municipality(db, given["kommunenummer"])
        if problem:
            problems.append(("kommunenummer", problem))
        elif not allowed(user, "position.record", municipality(db, knr)):
            problems.append(("kommunenummer", texts.POSITION_NOT_YOURS))
    if given["lever"]:
        lever = _lever(db, given["lever"])
        if lever is None:
            problems.append(("lever", texts.LEVER_UNKNOWN.format(value=given["lever"])))
        elif given["value"]:
            try:
                value = policy_status.normalise(lever["value_type"], given["value"])
            except ValidationError as exc:
                problems.append(("value", exc.message))
    if given["decided_on"]:
        decided_on, problem = _decided_on(given["decided_on"], today)
        if problem:
            problems.append(("decided_on", problem))
    problems.sort(key=lambda p: REQUIRED.index(p[0]))
    if problems:
        return None, problems
    return {
        "kommunenummer": knr,
        "lever_id": lever["id"],
        "value": value,
        "decided_on": decided_on,
        "source": given["source"][:500],
        "note": (str(row.get("note") or "").strip() or None),
        "recorded_by": user.id,
    }, []


def _already_recorded(db: sqlite_utils.Database, clean: dict) -> bool:
    return db.execute(
        """select 1 from positions where kommunenummer = :kommunenummer
           and lever_id = :lever_id and value = :value and decided_on is :decided_on""",
        {k: clean[k] for k in ("kommunenummer", "lever_id", "value", "decided_on")},
    ).fetchone() is not None


def record_position(
    db: sqlite_utils.Database,
    user: User,
    kommunenummer: str,
    lever_id: str,
    value: str,
    decided_on: str | dt.date,
    source: str,
    note: str | None = None,
    *,
    today: dt.date | None = None,
) -> int:
    """Append one position; raises ValidationError or PermissionDenied before writing."""
    ensure_permission(user, "position.record")
    row = {"kommunenummer": kommunenummer, "lever": lever_id, "value": value,
           "decided_on": str(decided_on or ""), "source": source, "note": note}
    clean = _clean_or_raise(db, user, row, today)
    _refuse_same(db, clean)
    with write(db):
        _refuse_same(db, clean)  # again under the write lock: two clicks, one row
        return db["positions"].insert(clean).last_pk


def _clean_or_raise(db, user: User, row: dict, today: dt.date | None) -> dict:
    clean, problems = validate(db, user, row, today)
    if problems:
        if any(message == texts.POSITION_NOT_YOURS for _, message in problems):
            raise PermissionDenied(texts.POSITION_NOT_YOURS)
        raise ValidationError(" ".join(
            f"{texts.POSITION_FIELDS[name]}: {message}" for name, message in problems))
    return clean


def _refuse_same(db: sqlite_utils.Database, clean: dict, except_id: int | None = None) -> None:
    """Refuse a row whose value and decision date a counting row already holds."""
    same = db.execute(
        """select l.value_type from positions p join levers l on l.id = p.lever_id
           where p.kommunenummer = :kommunenummer and p.lever_id = :lever_id
             and p.value = :value and p.decided_on is :decided_on and p.corrected_at is null
             and p.id is not :except_id limit 1""",
        {**{k: clean[k] for k in ("kommunenummer", "lever_id", "value", "decided_on")},
         "except_id": except_id},
    ).fetchone()
    if same:
        raise ValidationError(texts.POSITION_ALREADY_RECORDED.format(
            value=policy_status.display(same[0], clean["value"]),
            date=texts.format_date(clean["decided_on"])))


def correct(
    db: sqlite_utils.Database,
    user: User,
    position_id: int,
    reason: str,
    replacement: dict | None = None,
    *,
    today: dt.date | None = None,
) -> int | None:
    """Mark a wrong position as corrected, with who and why; it stays in the history and stops
    counting. With `replacement` ({"value", "decided_on", "source", "note"}, each one left out
    or empty taken from the wrong row) the right value is recorded in the same transaction.
    Returns the new position's id, or None. Who may correct is who may record there."""
    ensure_permission(user, "position.record")
    reason = corrections.clean_reason(reason)
    wrong = corrections.get(db, "positions", position_id)
    ensure_permission(user, "position.record", municipality(db, wrong["kommunenummer"]),
                      texts.POSITION_NOT_YOURS)
    corrections.refuse_corrected(db, wrong)
    clean = None
    if replacement is not None:
        clean = _replacement(db, user, wrong, replacement, today)
        _refuse_same(db, clean, except_id=position_id)
    return corrections.apply(db, user, "positions", position_id, reason, clean, _refuse_same,
                             _save_correction)


def _save_correction(db: sqlite_utils.Database, row_id: int, mark: dict,
                     clean: dict | None) -> int | None:
    db["positions"].update(row_id, mark)
    return None if clean is None else db["positions"].insert(clean).last_pk


def _replacement(db, user: User, wrong: dict, given: dict, today: dt.date | None) -> dict:
    def pick(name: str):
        value = given.get(name)
        if isinstance(value, dt.date):
            return value.isoformat()
        return value if value not in (None, "") else wrong[name]

    row = {"kommunenummer": wrong["kommunenummer"], "lever": wrong["lever_id"],
           "value": pick("value"), "decided_on": pick("decided_on"), "source": pick("source"),
           "note": given.get("note") if "note" in given else wrong["note"]}
    clean = _clean_or_raise(db, user, row, today)
    if all(clean[k] == wrong[k] for k in ("value", "decided_on", "source")):
        raise ValidationError(texts.CORRECTION_SAME_AS_WRONG)
    return clean


def history(db: sqlite_utils.Database, kommunenummer: str, lever_id: str | None = None,
            limit: int = 500) -> list[dict]:
    """The timeline of one municipality's positions, newest decision first; corrected rows
    included, with `counts` False and their «Rettet: …» mark in `correction`."""
    where, params = "p.kommunenummer = :k", {"k": kommunenummer, "limit": limit}
    if lever_id:
        where += " and p.lever_id = :l"
        params["l"] = lever_id
    rows = db.query(
        f"""select p.id, p.lever_id, l.name as lever, l.value_type, p.value, p.decided_on,
                   p.source, p.note, p.recorded_at, u.full_name as recorded_by, p.is_demo,
                   p.corrected_at, p.correction_reason, c.full_name as corrected_by
            from positions p join levers l on l.id = p.lever_id
            left join users u on u.id = p.recorded_by
            left join users c on c.id = p.corrected_by
            where {where}
            order by p.decided_on desc, p.id desc limit :limit""",  # noqa: S608 - fixed text
        params,
    )
    return [{**r, "shown_value": policy_status.display(r["value_type"], r["value"]),
             "counts": r["corrected_at"] is None,
             "correction": corrections.mark(r, r["corrected_by"])}
            for r in rows]


# --- Bulk import ----------------------------------------------------------------------------

@dataclass
class ImportPreview:
    filename: str
    rows: list[dict] = field(default_factory=list)  # clean rows, with "row" (file row number)
    problems: list[Problem] = field(default_factory=list)
    duplicates: int = 0  # rows already in the history, skipped so a re-import adds nothing

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)


def suggest_import_mapping(table: Table) -> dict[str, str | None]:
    return suggest_mapping(table.columns, IMPORT_FIELDS)


def preview_import(
    db: sqlite_utils.Database, user: User, table: Table,
    mapping: dict[str, str | None] | None = None, today: dt.date | None = None,
) -> ImportPreview:
    """Check every row of a spreadsheet of positions; nothing is written."""
    ensure_permission(user, "position.record")
    mapping = mapping or suggest_import_mapping(table)
    preview = ImportPreview(table.filename)
    for name in REQUIRED:
        if not mapping.get(name):
            preview.problems.append(Problem(None, None, texts.POSITION_COLUMN_MISSING.format(
                field=texts.POSITION_FIELDS[name], filename=table.filename)))
    if preview.problems:
        return preview
    seen = set()
    for number, row in mapped_rows(table, mapping):
        clean, problems = validate(db, user, row, today)
        for name, message in problems:
            preview.problems.append(Problem(number, mapping.get(name) or name, message))
        if clean is None:
            continue
        key = (clean["kommunenummer"], clean["lever_id"], clean["value"], clean["decided_on"])
        if key in seen or _already_recorded(db, clean):
            preview.duplicates += 1
            continue
        seen.add(key)
        preview.rows.append({**clean, "row": number})
    if not preview.rows and not preview.problems and not preview.duplicates:
        preview.problems.append(Problem(None, None, texts.IMPORT_EMPTY))
    return preview


def apply_import(db: sqlite_utils.Database, user: User, preview: ImportPreview) -> int:
    """Write a clean preview's rows in one transaction; refuses a preview with problems."""
    if preview.problems:
        raise ValidationError(texts.IMPORT_HAS_PROBLEMS.format(n=len(preview.problems)))
    with write(db):
        rows = []
        for row in preview.rows:
            clean = {k: v for k, v in row.items() if k != "row"}
            ensure_permission(user, "position.record", municipality(db, clean["kommunenummer"]),
                              texts.POSITION_NOT_YOURS)
            if not _already_recorded(db, clean):
                rows.append(clean)
        db["positions"].insert_all(rows)
    return len(rows)
