"""Personal data in the papirkurv: an erasure removes the person from it, an export shows it."""

from __future__ import annotations

import datetime as dt
import json

from advocacy.letters import document_records
from advocacy.meetings.meetings import MeetingInput, create_meeting
from advocacy.privacy import erasure, privacy, trash
from tests.literal_history import records
from tests.literal_letters import drammen_politicians
from tests.literal_records import meeting


def chapter_3301(db) -> int:
    return db.execute("select id from chapters where kommunenummer = '3301'").fetchone()[0]


def file_bytes(db_path) -> bytes:
    return b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))


def test_erasing_a_politician_reaches_the_papirkurv(people, db_path):
    db, leader = people.db, people.leader
    pid = drammen_politicians(people)[0]
    name = "Anne Ås"
    mid = create_meeting(db, leader, MeetingInput(
        held_on=dt.date(2026, 3, 2), kind="mote", chapter_id=chapter_3301(db),
        kommunenummer="3301", politician_ids=[pid], summary=f"Møte med {name} om skjenketid"))
    document_records.create_document(
        db, leader, kind="oppfolgingsbrev", template="oppfolgingsbrev",
        fields={"mottaker_navn": name}, meeting_id=mid, politician_id=pid)
    meeting_entry = trash.remove(db, leader, "meetings", mid)
    politician_entry = trash.remove(db, leader, "politicians", pid)

    erasure.erase_politician(db, leader, pid)  # only in the papirkurv now: still erasable

    assert db.execute("select 1 from trash where id = ?", [politician_entry]).fetchone() is None
    payload = db["trash"].get(meeting_entry)["payload"]
    assert name not in payload and name not in file_bytes(db_path).decode("latin-1")
    items = json.loads(payload)
    assert not [i for i in items if i["table"] == "meeting_politicians"]  # went with the person
    assert [i["row"]["politician_id"] for i in items if i["table"] == "documents"] == [None]
    # the meeting still comes back, without the person
    trash.restore(db, leader, meeting_entry)
    assert "[slettet]" in db["meetings"].get(mid)["summary"]


def test_erasing_a_volunteer_scrubs_their_name_in_the_papirkurv(people):
    db, leader, chapter_member = people.db, people.leader, people.member
    mid = meeting(db, leader, "2026-03-02", "3301", drammen_politicians(people, 1),
                  "Om skjenketider", chapter_id=people.drammen,
                  our_participants=chapter_member.full_name)  # «Dag Drammen»
    entry = trash.remove(db, leader, "meetings", mid)
    erasure.erase_user(db, leader, chapter_member.id)
    stored = db["trash"].get(entry)
    assert chapter_member.full_name not in stored["payload"] + stored["label"]


def test_export_shows_what_the_papirkurv_holds_about_the_person(people):
    db, leader = people.db, people.leader
    made = records(people)
    pid = made.politicians[0]  # Anne Ås, whose stance `made.stance` is
    entry = trash.remove(db, leader, "stances", made.stance)
    section = privacy.export_politician(db, leader, pid)["i papirkurven"]
    assert [(s["nr"], s["type"]) for s in section] == [(entry, "stances")]
    assert section[0]["rader"][0]["politician_id"] == pid
    assert b"I papirkurven" in privacy.as_text(privacy.export_politician(db, leader, pid))
    trash.restore(db, leader, entry)
    assert privacy.export_politician(db, leader, pid)["i papirkurven"] == []
