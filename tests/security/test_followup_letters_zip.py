"""The meeting's letters as one .zip: refused to those who may not read the meeting, with a
Norwegian message and nothing written; hostile names never become paths."""

import datetime as dt
import io
import zipfile

import pytest

from advocacy import texts
from advocacy.errors import AdvocacyError
from advocacy.meetings import followup_letters, meetings
from advocacy.meetings.meetings import MeetingInput

TODAY = dt.date(2026, 3, 20)


def _meeting(db, user, kommunenummer="3301", chapter_id=None):
    ids = [r[0] for r in db.execute(
        "select id from politicians where kommunenummer = ? order by id limit 2",
        [kommunenummer])]
    return meetings.create_meeting(db, user, MeetingInput(
        held_on=dt.date(2026, 3, 12), kind="mote", chapter_id=chapter_id,
        kommunenummer=kommunenummer, politician_ids=ids, summary="Kort møte."), today=TODAY)


def _written(db):
    return db["audit_log"].count, db["documents"].count


def _refused(db, user, meeting_id) -> str:
    before = _written(db)
    with pytest.raises(AdvocacyError) as refused:
        followup_letters.letters_zip(db, user, meeting_id)
    assert "Traceback" not in refused.value.message
    assert _written(db) == before
    return refused.value.message


def test_the_writing_group_gets_no_meeting_letters(demo_db, chapter_member, writer):
    mid = _meeting(demo_db, chapter_member)
    followup_letters.create_letters(demo_db, chapter_member, mid, None, today=TODAY)
    assert _refused(demo_db, writer, mid) == texts.NOT_ALLOWED


def test_another_chapters_meeting_is_not_found(demo_db, leader, chapter_member):
    other = demo_db.execute("select id from chapters where id != ? order by id limit 1",
                            [chapter_member.chapter_id]).fetchone()[0]
    knr = demo_db.execute("select kommunenummer from politicians where kommunenummer != '3301' "
                          "limit 1").fetchone()[0]
    mid = _meeting(demo_db, leader, knr, chapter_id=other)
    followup_letters.create_letters(demo_db, leader, mid, None, today=TODAY)
    assert _refused(demo_db, chapter_member, mid) == texts.MEETING_NOT_FOUND


def test_a_meeting_without_letters_says_so(demo_db, chapter_member):
    assert _refused(demo_db, chapter_member, _meeting(demo_db, chapter_member)) == \
        texts.LETTERS_ZIP_NONE


@pytest.mark.parametrize("name", ["../../.bashrc", "C:\\Windows\\system32", "Ola\u202excod.exe",
                                  "/etc/passwd\x00", "CON"])
def test_a_hostile_recipient_name_never_becomes_a_path(demo_db, chapter_member, name):
    mid = _meeting(demo_db, chapter_member)
    pid = meetings.get_meeting(demo_db, chapter_member, mid)["politicians"][0]["id"]
    demo_db["politicians"].update(pid, {"name": name})
    followup_letters.create_letters(demo_db, chapter_member, mid, [pid], today=TODAY)
    with zipfile.ZipFile(io.BytesIO(followup_letters.letters_zip(
            demo_db, chapter_member, mid))) as zf:
        (entry,) = zf.namelist()
    assert entry.startswith("Oppfølgingsbrev – ") and entry.endswith(".docx")
    assert not set(entry) & set('/\\:*?"<>|\x00\u202e')
