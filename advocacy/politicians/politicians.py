"""The directory of local politicians: who they are, where, in which role, and how to reach them.

Politicians' public roles and contact details are public information: every role reads the
directory; leadership and chapters change it (the writing group only reads). The same
`clean_politician` checks a form and an imported row, so both refuse the same things with the
same Norwegian messages. Stances live in stances.py; the politician's own page (stances, meetings,
letters, "no reply") is assembled by `politician_profile`.
"""

from __future__ import annotations

import json
import re
import unicodedata

import sqlite_utils

from advocacy import clock, texts
from advocacy.accounts.accounts import User
from advocacy.db import write
from advocacy.errors import ValidationError
from advocacy.permissions import ensure_permission
from advocacy.policy.municipality_codes import MunicipalityIndex

ROLES = tuple(texts.POLITICIAN_ROLES)
FIELDS = ("name", "party", "kommune", "role", "committee", "term", "email", "phone", "notes")
MAX_LENGTH = {"name": 120, "party": 80, "committee": 120, "term": 20, "email": 120,
              "phone": 30, "notes": 4000}
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-]{5,25}$")
# What people write in the "rolle" column, beyond our own labels.
ROLE_SYNONYMS = {
    "ordfører": "ordforer", "ordforer": "ordforer", "varaordfører": "varaordforer",
    "varaordforer": "varaordforer", "vara ordfører": "varaordforer",
    "gruppeleder": "gruppeleder", "gruppeleiar": "gruppeleder",
    "formannskapsmedlem": "formannskapsmedlem", "formannskap": "formannskapsmedlem",
    "medlem av formannskapet": "formannskapsmedlem",
    "kommunestyremedlem": "kommunestyremedlem", "kommunestyrerepresentant": "kommunestyremedlem",
    "bystyremedlem": "kommunestyremedlem", "bystyrerepresentant": "kommunestyremedlem",
    "representant": "kommunestyremedlem", "medlem": "kommunestyremedlem",
    "utvalgsleder": "utvalgsleder", "komiteleder": "utvalgsleder", "leder av utvalg": "utvalgsleder",
    "annet": "annet", "annen": "annet",
}


def normalise_name(name: str) -> str:
    """Whitespace collapsed, NFC: the form names are stored and compared in."""
    return " ".join(unicodedata.normalize("NFC", str(name or "")).split())


def name_key(name: str) -> str:
    """Same person, same municipality: compared without case or extra spaces."""
    return normalise_name(name).casefold()


def parties_lookup(db: sqlite_utils.Database) -> dict[str, str]:
    """Code, abbreviation and full name (any case) → party code."""
    lookup = {}
    for code, abbreviation, name in db.execute("select code, abbreviation, name from parties"):
        for form in (code, abbreviation, name):
            lookup[form.casefold()] = code
    return lookup


def role_code(value: str) -> str:
    text = " ".join(str(value or "").lower().split())
    if not text:
        return "kommunestyremedlem"
    if text in ROLES:
        return text
    if text in ROLE_SYNONYMS:
        return ROLE_SYNONYMS[text]
    raise ValidationError(texts.POLITICIAN_ROLE_UNKNOWN.format(value=value))


def clean_politician(
    raw: dict, municipalities: MunicipalityIndex, parties: dict[str, str]
) -> tuple[dict, dict[str, str], list[str]]:
    """(row for the politicians table, {field: problem}, notes) for one form or file row.

    `raw` uses FIELDS as keys, all text. The row is only meant to be written if there are no
    problems; notes are things worth saying that are not errors (an old kommunenummer mapped).
    """
    problems: dict[str, str] = {}
    notes: list[str] = []
    text = {k: " ".join(str(raw.get(k) or "").split()) for k in FIELDS}
    text["notes"] = str(raw.get("notes") or "").strip()
    row: dict = {"name": normalise_name(text["name"])}
    if not row["name"]:
        problems["name"] = texts.POLITICIAN_NAME_REQUIRED
    for field, limit in MAX_LENGTH.items():
        if len(text[field]) > limit:
            problems[field] = texts.POLITICIAN_TEXT_TOO_LONG.format(
                field=texts.POLITICIAN_FIELD_LABELS[field], n=limit)
    try:
        resolved = municipalities.resolve(text["kommune"])
        row["kommunenummer"] = resolved.kommunenummer
        if resolved.note:
            notes.append(resolved.note)
    except ValidationError as exc:
        problems["kommune"] = exc.message
    party = text["party"]
    row["party_code"] = parties.get(party.casefold()) if party else None
    row["party_text"] = party if party and row["party_code"] is None else None
    try:
        row["role"] = role_code(text["role"])
    except ValidationError as exc:
        problems["role"] = exc.message
    if text["email"] and not _EMAIL.match(text["email"]):
        problems["email"] = texts.POLITICIAN_EMAIL_INVALID.format(value=text["email"])
    if text["phone"] and not _PHONE.match(text["phone"]):
        problems["phone"] = texts.POLITICIAN_PHONE_INVALID.format(value=text["phone"])
    for field in ("committee", "term", "phone", "notes"):
        row[field] = text[field] or None
    row["email"] = text["email"].lower() or None
    return row, problems, notes


def find_existing(db: sqlite_utils.Database, name: str, kommunenummer: str) -> int | None:
    for pid, existing in db.execute(
        "select id, name from politicians where kommunenummer = ? and name = ? collate nocase",
        [kommunenummer, normalise_name(name)],
    ):
        if name_key(existing) == name_key(name):
            return pid
    return None


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class ExistingIndex:
    """find_existing for a whole import: one read of the politicians of the municipalities
    concerned instead of one query per row. Matches exactly as find_existing does (SQLite's
    NOCASE folds ASCII letters only, then name_key decides)."""

    def __init__(self, db: sqlite_utils.Database, kommunenummers) -> None:
        self._by: dict[tuple[str, str], list[tuple[int, str]]] = {}
        rows = db.execute(
            "select id, name, kommunenummer from politicians where kommunenummer in "
            "(select value from json_each(?)) order by id",
            [json.dumps(sorted(set(kommunenummers)))])
        for pid, name, knr in rows:
            self._by.setdefault((knr, name.translate(_ASCII_LOWER)), []).append((pid, name))

    def find(self, name: str, kommunenummer: str) -> int | None:
        key = (kommunenummer, normalise_name(name).translate(_ASCII_LOWER))
        for pid, existing in self._by.get(key, ()):
            if name_key(existing) == name_key(name):
                return pid
        return None


def _validated(db: sqlite_utils.Database, raw: dict) -> dict:
    row, problems, _ = clean_politician(raw, MunicipalityIndex(db), parties_lookup(db))
    if problems:
        raise ValidationError(" ".join(problems.values()))
    return row


def create_politician(db: sqlite_utils.Database, user: User, raw: dict) -> int:
    """Add one politician; refuses a second person with the same name in the same municipality."""
    ensure_permission(user, "politician.edit")
    row = _validated(db, raw)
    with write(db):
        if find_existing(db, row["name"], row["kommunenummer"]):
            kommune = db["municipalities"].get(row["kommunenummer"])["navn"]
            raise ValidationError(
                texts.POLITICIAN_DUPLICATE.format(name=row["name"], kommune=kommune))
        return db["politicians"].insert(row).last_pk


def update_politician(db: sqlite_utils.Database, user: User, politician_id: int, raw: dict) -> None:
    ensure_permission(user, "politician.edit")
    get_politician(db, user, politician_id)
    row = _validated(db, raw)
    with write(db):
        other = find_existing(db, row["name"], row["kommunenummer"])
        if other and other != politician_id:
            kommune = db["municipalities"].get(row["kommunenummer"])["navn"]
            raise ValidationError(
                texts.POLITICIAN_DUPLICATE.format(name=row["name"], kommune=kommune))
        row["updated_at"] = clock.stamp()
        db["politicians"].update(politician_id, row)


def insert_rows(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """New politicians (an import, checked there) in file order, many per statement: a
    row-by-row `insert` costs sqlite-utils' table lookups each time (4× slower for 10,000
    rows). Runs of rows with the same columns go together, since `insert_all` would give a
    missing column NULL instead of its default."""
    with write(db):
        run: list[dict] = []
        for values in rows:
            if run and run[0].keys() != values.keys():
                db["politicians"].insert_all(run, batch_size=500)
                run = []
            run.append(values)
        if run:
            db["politicians"].insert_all(run, batch_size=500)


def change_row(db: sqlite_utils.Database, politician_id: int, changes: dict) -> None:
    """Write columns of a politician's row (an import's update, checked there)."""
    with write(db):
        db["politicians"].update(politician_id, changes)


def as_form(politician: dict) -> dict:
    """A stored politician as the text fields of the form (the inverse of clean_politician)."""
    return {
        "name": politician["name"], "party": politician.get("party") or "",
        "kommune": politician["kommunenummer"], "role": politician["role"],
        "committee": politician.get("committee") or "", "term": politician.get("term") or "",
        "email": politician.get("email") or "", "phone": politician.get("phone") or "",
        "notes": politician.get("notes") or "",
    }


_SELECT = """
select p.id, p.name, p.party_code, p.party_text,
       coalesce(parties.abbreviation, p.party_text) as party, parties.name as party_name,
       p.kommunenummer, m.navn as kommune, m.navn_norsk, m.fylkesnummer, c.navn as fylke,
       p.role, p.committee, p.term, p.email, p.phone, p.notes, p.in_office, p.is_demo,
       p.updated_at
from politicians p
join municipalities m on m.kommunenummer = p.kommunenummer
join counties c on c.fylkesnummer = m.fylkesnummer
left join parties on parties.code = p.party_code
"""


def _filters(search: str, kommunenummer, fylkesnummer, party, role) -> tuple[str, dict]:
    where, params = ["1 = 1"], {}
    if search.strip():
        where.append("p.name like :q")
        params["q"] = f"%{search.strip()}%"
    for column, key, value in (("p.kommunenummer", "k", kommunenummer),
                               ("m.fylkesnummer", "f", fylkesnummer), ("p.role", "r", role)):
        if value:
            where.append(f"{column} = :{key}")
            params[key] = value
    if party:
        where.append("(p.party_code = :party or p.party_text = :party)")
        params["party"] = party
    return " and ".join(where), params


def list_politicians(
    db: sqlite_utils.Database,
    user: User,
    search: str = "",
    kommunenummer: str | None = None,
    fylkesnummer: str | None = None,
    party: str | None = None,
    role: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict]:
    """The directory, filtered; `party` is a party code or a local list's own name. `limit`
    rows after skipping `offset` (count_politicians gives the total)."""
    ensure_permission(user, "politician.read")
    where, params = _filters(search, kommunenummer, fylkesnummer, party, role)
    sql = f"{_SELECT} where {where} order by m.navn, m.kommunenummer, p.name"
    if limit:
        sql += f" limit {int(limit)} offset {max(int(offset), 0)}"
    return list(db.query(sql, params))


def count_politicians(
    db: sqlite_utils.Database,
    user: User,
    search: str = "",
    kommunenummer: str | None = None,
    fylkesnummer: str | None = None,
    party: str | None = None,
    role: str | None = None,
) -> int:
    """How many politicians list_politicians would give without a limit."""
    ensure_permission(user, "politician.read")
    where, params = _filters(search, kommunenummer, fylkesnummer, party, role)
    return db.execute(
        "select count(*) from politicians p join municipalities m "  # noqa: S608
        f"on m.kommunenummer = p.kommunenummer where {where}", params).fetchone()[0]


def get_politician(db: sqlite_utils.Database, user: User, politician_id: int) -> dict:
    ensure_permission(user, "politician.read")
    rows = list(db.query(f"{_SELECT} where p.id = :id", {"id": politician_id}))
    if not rows:
        raise ValidationError(texts.POLITICIAN_NOT_FOUND)
    return rows[0]


def party_choices(db: sqlite_utils.Database) -> dict[str, str]:
    """Party filter options: national codes with their names, then local lists in use."""
    choices = {r["code"]: f"{r['name']} ({r['abbreviation']})"
               for r in db.query("select code, abbreviation, name from parties order by name")}
    for (text,) in db.execute(
        "select distinct party_text from politicians where party_text is not null order by 1"
    ):
        choices[text] = text
    return choices


def label(politician: dict) -> str:
    """"Kari Nordmann (Ap, ordfører, Drammen)" for choosers."""
    details = [d for d in (politician.get("party"),
                           texts.POLITICIAN_ROLES.get(politician.get("role"), ""),
                           politician.get("kommune")) if d]
    return f"{politician['name']} ({', '.join(details)})" if details else politician["name"]
