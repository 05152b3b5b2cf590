"""The change log as users read it: rows of `audit_list.entries` turned into what a volunteer knows.

The log stores codes (table and column names, action codes, JSON lists of field names); this
module names them in Norwegian: the table, the record («Møte 12: 3. mars 2026 i Drammen»), the
action and the changed fields as their labels joined «A, B og C». It takes rows and returns
rows, so it serves any page of the log; a page of 50 rows costs one query per table named in it.
The log itself is not touched (its rows are hash-chained, see audit.verify).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping

import sqlite_utils

from advocacy import audit, texts

ACTIONS = {**audit.ACTIONS, **texts.CHANGE_LOG_ACTIONS}
FIELDS = texts.CHANGE_LOG_FIELDS
TEXT_IDS = {"levers"}  # tables whose id is a code, not a number
HIDDEN = {"id"}  # the record is named in «Hva» already

# Table → SQL giving (id, label) for the ids in the JSON array bound as the one parameter.
_LABELS = {
    "users": "select id, full_name from users where id in ({ids})",
    "politicians": "select id, name from politicians where id in ({ids})",
    "stances": """select s.id, p.name from stances s join politicians p on p.id = s.politician_id
                  where s.id in ({ids})""",
    "meetings": """select m.id, m.held_on, k.navn from meetings m
                   left join municipalities k on k.kommunenummer = m.kommunenummer
                   where m.id in ({ids})""",
    "positions": """select v.id, k.navn, l.name from positions v
                    left join municipalities k on k.kommunenummer = v.kommunenummer
                    left join levers l on l.id = v.lever_id where v.id in ({ids})""",
    "documents": "select id, title from documents where id in ({ids})",
    "statements": "select id, title from statements where id in ({ids})",
    "newspapers": "select id, name from newspapers where id in ({ids})",
    "arguments": "select id, title from arguments where id in ({ids})",
    "levers": "select id, name from levers where id in ({ids})",
    "events": "select id, title from events where id in ({ids})",
    "campaigns": "select id, title from campaigns where id in ({ids})",
    "templates": "select id, name from templates where id in ({ids})",
}
_IDS = "select value from json_each(?)"


def field_label(table: str, name: str) -> str:
    """A column as the user knows it: «followup_due» in meetings → «Oppfølgingsfrist»."""
    label = FIELDS.get(table, {}).get(name)
    if label:
        return label
    if name.startswith("papirkurv:"):
        return texts.CHANGE_LOG_TRASH_ENTRY.format(n=name.split(":", 1)[1])
    if name in audit.GUARDS:
        return texts.CHANGE_LOG_GUARD
    if name in audit.HEAD_TRIGGER:
        return texts.CHANGE_LOG_HEAD_TRIGGER
    if name.startswith("audit_"):  # audit_<table>_<insert|update|delete>
        stem, _, event = name[len("audit_"):].rpartition("_")
        if event in texts.CHANGE_LOG_TRIGGER_EVENTS and stem in texts.CHANGE_LOG_TABLES:
            return texts.CHANGE_LOG_TRIGGER.format(
                events=texts.CHANGE_LOG_TRIGGER_EVENTS[event],
                table=texts.CHANGE_LOG_TABLES[stem].lower())
    return texts.CHANGE_LOG_FIELD_UNKNOWN


def fields_text(table: str, changes: str | None) -> str:
    """The stored JSON of a log row as words: «Sammendrag og Oppfølgingsfrist»; «12 rader» for
    the head's rows. Never the JSON itself."""
    try:
        data = json.loads(changes or "[]")
    except (TypeError, ValueError):
        return ""
    if isinstance(data, Mapping):
        if set(data) == {"rader"} and isinstance(data["rader"], int):
            return texts.CHANGE_LOG_ROWS.format(n=texts.format_number(data["rader"]))
        names = list(data)  # a sak's changes: {field: …}
    elif isinstance(data, list):
        names = [n for n in data if isinstance(n, str)]
    else:
        return ""
    labels = [field_label(table, n) for n in names if n not in HIDDEN]
    return texts.join_list(dict.fromkeys(labels))


def _key(table: str, row_id) -> object | None:
    if row_id is None:
        return None
    text = str(row_id)
    if table in TEXT_IDS:
        return text
    return int(text) if text.isascii() and text.isdigit() else None


def _label(table: str, values: tuple) -> str:
    if table == "meetings":
        held, kommune = values
        return " i ".join(p for p in (texts.format_date(held) if held else "", kommune or "") if p)
    if table == "positions":
        return texts.join_parts(values, ", ")
    return str(values[0] or "")


def record_labels(db: sqlite_utils.Database, rows: Iterable[Mapping]) -> dict[tuple, str]:
    """(table, id) → the record's name today, for the records the rows name (one query per
    table). A removed record has none."""
    wanted: dict[str, set] = defaultdict(set)
    for row in rows:
        table = row["table_name"]
        key = _key(table, row["row_id"])
        if table in _LABELS and key is not None:
            wanted[table].add(key)
    found = {}
    for table, keys in wanted.items():
        sql = _LABELS[table].format(ids=_IDS)
        for row_id, *values in db.execute(sql, [json.dumps(sorted(keys))]):
            found[(table, row_id)] = _label(table, tuple(values))
    return found


def record_text(table: str, row_id, label: str | None) -> str:
    """«Møte 12: 3. mars 2026 i Drammen», «Sak: Skjenketid ute», «Møte 12» once removed."""
    if row_id is None:
        return ""
    noun = texts.CHANGE_LOG_RECORD.get(table, texts.CHANGE_LOG_TABLES.get(table, ""))
    if table in TEXT_IDS:
        return f"{noun}: {label}" if label else f"{noun} {row_id}"
    return f"{noun} {row_id}: {label}" if label else f"{noun} {row_id}"


def describe(db: sqlite_utils.Database, rows: Iterable[Mapping]) -> list[dict]:
    """Log rows (as `audit_list.entries` gives them) as display rows: `id`, `at` (the stored moment,
    for a table that shows it in Norwegian time), `who`, `action`, `table`, `record`, `fields`,
    all in Norwegian words."""
    rows = list(rows)
    labels = record_labels(db, rows)
    shown = []
    for row in rows:
        table = row["table_name"]
        key = _key(table, row["row_id"])
        shown.append({
            "id": row["id"],
            "at": row["at"],
            "who": texts.CHANGE_LOG_SYSTEM if row.get("user_id") is None else row["who"],
            "action": ACTIONS.get(row["action"], row["action"]),
            "table": texts.CHANGE_LOG_TABLES.get(table, table),
            "record": record_text(table, row["row_id"], labels.get((table, key))),
            "fields": fields_text(table, row["changes"]),
        })
    return shown
