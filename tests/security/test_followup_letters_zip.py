"""The meeting's letters as one .zip: refused to those who may not read the meeting, with a
Norwegian message and nothing written; hostile names never become paths."""

import datetime as dt
import io
import zipfile

import pytest

from advocacy import texts
from advocacy.errors import AdvocacyError
from advocacy.meetings import followup_letters, meetings
from tests.conftest import politician
from tests.literal_letters import drammen_politicians
from tests.literal_records import meeting

TODAY = dt.date(2026, 3, 20)


def _meeting(db, user, politician_ids, kommunenummer="3301", chapter_id=None):
    return meeting(db, user, "2026-03-12", kommunenummer, politician_ids, "Kort møte.",
                   chapter_id=chapter_id, today=TODAY)


def _written(db):
    return db["audit_log"].count, db["documents"].count


def _refused(db, user, meeting_id) -> str:
    before = _written(db)
    with pytest.raises(AdvocacyError) as refused:
        followup_letters.letters_zip(db, user, meeting_id)
    assert "Traceback" not in refused.value.message
    assert _written(db) == before
    return refused.value.message


def test_the_writing_group_gets_no_meeting_letters(people):
    db, member = people.db, people.member
    mid = _meeting(db, member, drammen_politicians(people))
    followup_letters.create_letters(db, member, mid, None, today=TODAY)
    assert _refused(db, people.writer, mid) == texts.NOT_ALLOWED


def test_another_chapters_meeting_is_not_found(people):
    db, leader = people.db, people.leader
    dina = politician(db, leader, "Dina Fjell", "4601", role="ordforer", party="KrF")
    mid = _meeting(db, leader, [dina], "4601", chapter_id=people.bergen)
    followup_letters.create_letters(db, leader, mid, None, today=TODAY)
    assert _refused(db, people.member, mid) == texts.MEETING_NOT_FOUND


def test_a_meeting_without_letters_says_so(people):
    mid = _meeting(people.db, people.member, drammen_politicians(people))
    assert _refused(people.db, people.member, mid) == texts.LETTERS_ZIP_NONE


@pytest.mark.parametrize("name", ["../../.bashrc", "C:\\Windows\\system32", "Ola\u202excod.exe",
                                  "/etc/passwd\x00", "CON"])
def test_a_hostile_recipient_name_never_becomes_a_path(people, name):
    db, member = people.db, people.member
    mid = _meeting(db, member, drammen_politicians(people))
    pid = meetings.get_meeting(db, member, mid)["politicians"][0]["id"]
    db["politicians"].update(pid, {"name": name})  # a raw row: past any check on the way in
    followup_letters.create_letters(db, member, mid, [pid], today=TODAY)
    with zipfile.ZipFile(io.BytesIO(followup_letters.letters_zip(db, member, mid))) as zf:
        (entry,) = zf.namelist()
    assert entry.startswith("Oppfølgingsbrev – ") and entry.endswith(".docx")
    assert not set(entry) & set('/\\:*?"<>|\x00\u202e')
