"""Personal data in the papirkurv: an erasure removes the person from it, an export shows it."""

from __future__ import annotations

import datetime as dt
import json

from advocacy.letters import document_records
from advocacy.meetings.meetings import MeetingInput, create_meeting
from advocacy.privacy import erasure, privacy, trash


def chapter_3301(db) -> int:
    return db.execute("select id from chapters where kommunenummer = '3301'").fetchone()[0]


def file_bytes(db_path) -> bytes:
    return b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))


def test_erasing_a_politician_reaches_the_papirkurv(demo_db, db_path, leader,
                                                    drammen_politicians):
    pid = drammen_politicians[0]
    name = demo_db["politicians"].get(pid)["name"]
    mid = create_meeting(demo_db, leader, MeetingInput(
        held_on=dt.date(2026, 3, 2), kind="mote", chapter_id=chapter_3301(demo_db),
        kommunenummer="3301", politician_ids=[pid], summary=f"Møte med {name} om skjenketid"))
    document_records.create_document(
        demo_db, leader, kind="oppfolgingsbrev", template="oppfolgingsbrev",
        fields={"mottaker_navn": name}, meeting_id=mid, politician_id=pid)
    meeting_entry = trash.remove(demo_db, leader, "meetings", mid)
    politician_entry = trash.remove(demo_db, leader, "politicians", pid)

    erasure.erase_politician(demo_db, leader, pid)  # only in the papirkurv now: still erasable

    assert demo_db.execute("select 1 from trash where id = ?", [politician_entry]).fetchone() is None
    payload = demo_db["trash"].get(meeting_entry)["payload"]
    assert name not in payload and name not in file_bytes(db_path).decode("latin-1")
    items = json.loads(payload)
    assert not [i for i in items if i["table"] == "meeting_politicians"]  # went with the person
    assert [i["row"]["politician_id"] for i in items if i["table"] == "documents"] == [None]
    # the meeting still comes back, without the person
    trash.restore(demo_db, leader, meeting_entry)
    assert "[slettet]" in demo_db["meetings"].get(mid)["summary"]


def test_erasing_a_volunteer_scrubs_their_name_in_the_papirkurv(demo_db, leader, chapter_member):
    mid = demo_db.execute("select id from meetings where chapter_id = ?",
                          [chapter_member.chapter_id]).fetchone()[0]
    demo_db["meetings"].update(mid, {"our_participants": chapter_member.full_name})
    entry = trash.remove(demo_db, leader, "meetings", mid)
    erasure.erase_user(demo_db, leader, chapter_member.id)
    stored = demo_db["trash"].get(entry)
    assert chapter_member.full_name not in stored["payload"] + stored["label"]


def test_export_shows_what_the_papirkurv_holds_about_the_person(demo_db, leader,
                                                                drammen_politicians):
    pid = drammen_politicians[0]
    stance = demo_db.execute("select id from stances where politician_id = ?", [pid]).fetchone()
    entry = trash.remove(demo_db, leader, "stances", stance[0])
    section = privacy.export_politician(demo_db, leader, pid)["i papirkurven"]
    assert [(s["nr"], s["type"]) for s in section] == [(entry, "stances")]
    assert section[0]["rader"][0]["politician_id"] == pid
    assert b"I papirkurven" in privacy.as_text(privacy.export_politician(demo_db, leader, pid))
    trash.restore(demo_db, leader, entry)
    assert privacy.export_politician(demo_db, leader, pid)["i papirkurven"] == []
