"""The change log read as users know things: Norwegian table, record, action and field labels,
from real log rows written by the triggers and by code."""

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

from advocacy import audit, audit_list, change_log, texts
from advocacy.meetings import meetings
from advocacy.meetings.meetings import MeetingInput
from advocacy.policy import levers
from advocacy.privacy import trash
from tests.literal_history import records as made_records
from tests.literal_letters import drammen_politicians

TODAY = dt.date(2026, 3, 20)
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
LOGGED_BY_CODE = ("levers",)  # written by audit.record with column names as keys


def _audited_tables(db) -> set[str]:
    """The tables whose triggers log column names (from their definitions, not a copy)."""
    return {m.group(1) for name in audit.expected_triggers(db) if name not in audit.GUARDS
            and (m := re.fullmatch(r"audit_(\w+)_(insert|update|delete)", name))}


def test_every_audited_column_has_a_norwegian_label(db):
    tables = _audited_tables(db) | set(LOGGED_BY_CODE)
    assert tables >= set(audit.AUDITED)
    missing = [f"{t}.{c.name}" for t in sorted(tables) for c in db[t].columns
               if not texts.CHANGE_LOG_FIELDS.get(t, {}).get(c.name)]
    assert not missing, f"Felt uten norsk navn i endringsloggen: {missing}"
    for table in tables:
        assert table in texts.CHANGE_LOG_TABLES and table in texts.CHANGE_LOG_RECORD


def test_every_logged_action_has_a_norwegian_word():
    source = "\n".join(p.read_text() for p in Path("advocacy").rglob("*.py"))
    coded = set(re.findall(r"\brecord\(db, [\w.]+, \"(\w+)\"", source))
    coded |= set(re.findall(r"_audit\(db, user, \"(\w+)\"", source))
    assert {"trash", "password", "unlock", "head"} <= coded  # the pattern finds them
    assert not coded - set(change_log.ACTIONS)
    for word in change_log.ACTIONS.values():
        assert word and "_" not in word


def _meeting(people, user, present=None, **changes):
    """A meeting in Drammen with `present` (made: Anne Ås and Bjørn Berg), made by `user` and
    then changed."""
    db, present = people.db, present or drammen_politicians(people)
    data = MeetingInput(held_on=dt.date(2026, 3, 12), kind="mote", chapter_id=None,
                        kommunenummer="3301", politician_ids=present, summary="Skjenketider.",
                        topics="skjenketider", asks="Ikke utvid skjenketiden")
    meeting_id = meetings.create_meeting(db, user, data, today=TODAY)
    meetings.update_meeting(db, user, meeting_id, dataclasses.replace(data, **changes),
                            today=TODAY)
    return meeting_id


def _newest(db, leader, n=1):
    return change_log.describe(db, audit_list.entries(db, leader, limit=n))


def test_an_edited_meeting_reads_in_norwegian(people):
    db, leader, chapter_member = people.db, people.leader, people.member
    audit.set_actor(db, chapter_member.id)  # as a page run does
    meeting_id = _meeting(people, chapter_member, summary="Nytt sammendrag.",
                          followup_due=dt.date(2026, 4, 1))
    row = _newest(db, leader)[0]
    assert row["action"] == "endret"
    assert row["table"] == "Møter"
    assert row["record"] == f"Møte {meeting_id}: 12. mars 2026 i Drammen"
    assert row["fields"] == "Sammendrag og Oppfølgingsfrist"
    assert row["who"] == chapter_member.full_name


def test_no_json_codes_or_iso_dates_in_any_shown_value(people):
    db, leader, chapter_member = people.db, people.leader, people.member
    made = made_records(people)  # a record of every kind the papirkurv takes: logged too
    _meeting(people, chapter_member, made.politicians, outcome="Positivt.")
    rows = _newest(db, leader, 500)
    raw = audit_list.entries(db, leader, limit=500)
    assert any("[" in r["changes"] for r in raw)
    for row in rows:
        for key, value in row.items():
            if key in ("id", "at"):
                continue
            text = str(value)
            assert not re.search(r"[\[\]{}\"]|_id\b|\w_\w", text), (key, text)
            assert not ISO.search(text), (key, text)


def test_a_removed_record_is_named_by_its_number(people):
    db, leader, chapter_member = people.db, people.leader, people.member
    meeting_id = _meeting(people, chapter_member, outcome="Positivt.")
    trash_id = trash.remove(db, chapter_member, "meetings", meeting_id)
    rows = _newest(db, leader, 3)
    moved = next(r for r in rows if r["action"] == "flyttet til papirkurven")
    assert moved["record"] == f"Møte {meeting_id}"
    assert moved["fields"] == f"papirkurv nr. {trash_id}"
    of_meetings = [r["record"] for r in rows if r["table"] == "Møter"]
    assert of_meetings and all(record == f"Møte {meeting_id}" for record in of_meetings)


def test_a_sak_is_named_and_its_changed_fields_labelled(people):
    db, leader = people.db, people.leader
    lever = db.execute("select id, name from levers order by id limit 1").fetchone()
    levers.update_lever(db, leader, lever[0], description="Ny beskrivelse",
                        name=lever[1] + " (ny)")
    row = _newest(db, leader)[0]
    assert row["table"] == "Saker"
    assert row["record"] == f"Sak: {lever[1]} (ny)"
    assert set(row["fields"].replace(" og ", ", ").split(", ")) == {"Beskrivelse",
                                                                    "Navn på saken"}


def test_the_log_s_own_rows_read_in_norwegian(people):
    db, leader = people.db, people.leader
    head = change_log.describe(db, [r for r in audit_list.entries(db, leader, limit=1000)
                                         if r["action"] == "head"])[0]
    assert head == {**head, "who": "Systemet", "action": "kjedehodet lagt opp",
                    "table": "Endringsloggen", "record": ""}
    assert head["fields"].endswith(" rader")
    names = ["audit_meetings_update", "audit_log_no_delete", "audit_log_head"]
    assert change_log.fields_text("audit_log", json.dumps(names)) == (
        "logging av endringer i møter, vernet mot endring av loggen og kjedehodets oppdatering")
    assert change_log.fields_text("meetings", "ikke json") == ""
    assert change_log.fields_text("meetings", '["ny_kolonne"]') == "ukjent felt"


def test_a_page_of_fifty_rows_costs_one_query_per_table(people):
    db, leader = people.db, people.leader
    made = made_records(people)  # 17 log rows of nine tables
    for number in range(1, 18):  # and 34 of meetings, each made and then changed
        _meeting(people, people.member, made.politicians, summary=f"Møte nr. {number}.")
    assert len(audit_list.entries(db, leader, limit=1000)) == 51
    rows = audit_list.entries(db, leader, limit=50)
    tables = {r["table_name"] for r in rows}
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        shown = change_log.describe(db, rows)
    finally:
        db.conn.set_trace_callback(None)
    assert len(shown) == 50
    assert len(statements) <= len(tables)
    records = [r["record"] for r in shown if r["table"] != "Endringsloggen"]
    assert records and all(records)
