"""The papirkurv and personal data: an erasure reaches what is in the papirkurv too, and an
export shows it.

A removed record is still held for 30 days, so a data-protection request must see it (export)
and an erasure must remove the person from it as the database would have: rows that would have
gone with the person by cascade are dropped from the payloads, links that would have been
emptied are emptied, stored .docx copies naming them are dropped, and an entry whose record is
the person is deleted. The names in the remaining text are then replaced by the erasure's
general scrub, which covers the papirkurv's text columns like any other.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

import sqlite_utils

from advocacy.privacy import trash
from advocacy.privacy.erasure_marks import ERASED
from advocacy.privacy.trash import BLOB, references


def _blob(value) -> bytes | None:
    if isinstance(value, dict) and BLOB in value:
        return base64.b64decode(value[BLOB])
    return None


def person_row(db: sqlite_utils.Database, table: str, person_id: int) -> dict | None:
    """The person's own row as kept in an unrestored papirkurv entry (a removed politician)."""
    for (payload,) in db.execute("select payload from trash where restored_at is null"):
        for item in json.loads(payload):
            if item["table"] == table and item["row"].get("id") == person_id:
                return item["row"]
    return None


def scrub_payloads(db: sqlite_utils.Database, table: str, person_id: int,
                   docx_hit: Callable[[bytes], bool], *, deleted: bool) -> int:
    """Inside the erasing write. `deleted`: the person's row is deleted (a politician), so the
    foreign keys' own rules apply to the papirkurv's rows; otherwise (an anonymised account)
    only copies naming them are dropped. Returns how many entries changed or went."""
    refs = {(child, column): on_delete for child, column, _target, on_delete
            in references(db).get(table, [])}
    changed = 0
    for entry_id, kind, row_id, payload in db.execute(
            "select id, kind, row_id, payload from trash").fetchall():
        items = json.loads(payload)
        if deleted and kind == table and row_id == person_id:
            trash.drop_entry(db, entry_id)
            changed += 1
            continue
        kept, recipients = [], set()
        for item in items:
            name, row = item["table"], item["row"]
            if deleted and name == table and row.get("id") == person_id:
                continue
            rule = [(column, refs[(name, column)]) for (child, column) in refs
                    if child == name and row.get(column) == person_id] if deleted else []
            if any(on_delete == "CASCADE" for _, on_delete in rule):
                continue
            for column, _ in rule:
                row[column] = None
            if rule and name == "statement_recipients":
                row["name"] = ERASED  # as the live erasure does: any spelling of the name
                recipients.add(row["id"])
            linked = bool(rule) and name == "documents"
            copy = _blob(row.get("docx"))
            if name == "documents" and (linked or (copy is not None and docx_hit(copy))):
                row["docx"] = None
                row["docx_filename"] = None
            kept.append(item)
        for item in kept:
            if item["table"] == "statement_responses" and item["row"]["recipient_id"] in recipients:
                item["row"]["responder"] = ERASED
        if kept != json.loads(payload):
            changed += 1
            if kept:
                trash.replace_payload(db, entry_id, json.dumps(kept, ensure_ascii=False))
            else:
                trash.drop_entry(db, entry_id)
    return changed


def export_rows(db: sqlite_utils.Database, table: str, columns: tuple[str, ...],
                person_id: int) -> list[dict]:
    """Unrestored entries that hold the person's row or a row pointing at them through
    `columns`, for the data-protection export (files left out: they are named, not copied)."""
    found = []
    for entry in db.query("select id, kind, label, deleted_at, payload from trash "
                          "where restored_at is null order by id"):
        rows = [{"tabell": i["table"], **{k: v for k, v in i["row"].items()
                                          if _blob(v) is None}}
                for i in json.loads(entry["payload"])
                if (i["table"] == table and i["row"].get("id") == person_id)
                or any(i["row"].get(c) == person_id for c in columns)]
        if rows:
            found.append({"nr": entry["id"], "type": entry["kind"], "beskrivelse": entry["label"],
                          "slettet": entry["deleted_at"], "rader": rows})
    return found
