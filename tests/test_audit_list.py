"""The change log as a long list: newest first, filters and the name search agree with the log
itself; leadership only."""

from __future__ import annotations

import datetime as dt

import pytest

from advocacy import audit, audit_list
from advocacy.errors import PermissionDenied
from advocacy.listing import ListQuery
from advocacy.meetings import meetings
from tests.conftest import politician


def _count(db, sql, params=()):
    return db.execute(sql, params).fetchone()[0]


def _log_a_meeting(people):
    """Lag Drammen's member meets «Anne Ås» of Drammen (3301), logged as that member."""
    db, user = people.db, people.member
    pid = politician(db, people.leader, "Anne Ås", "3301", role="ordforer", party="Ap")
    audit.set_actor(db, user.id)  # as the app does for the user of a session
    return meetings.create_meeting(db, user, meetings.MeetingInput(
        held_on=dt.date.today(), kind="mote", chapter_id=user.chapter_id, kommunenummer="3301",
        politician_ids=[pid], summary="Loggført møte"))


def test_newest_first_and_every_row_counted(people):
    db, leader = people.db, people.leader
    _log_a_meeting(people)
    page = audit_list.find(db, leader, ListQuery(size=25))
    assert page.total == _count(db, "select count(*) from audit_log")
    ids = [r["id"] for r in page.rows]
    assert ids == sorted(ids, reverse=True) and ids[0] == _count(db,
                                                                "select max(id) from audit_log")


def test_filters_by_table_person_record_and_period(people):
    db, leader, chapter_member = people.db, people.leader, people.member
    mid = _log_a_meeting(people)
    mine = audit_list.find(db, leader, ListQuery(filters={"hvem": chapter_member.id}))
    assert mine.total == _count(db, "select count(*) from audit_log where user_id = ?",
                                [chapter_member.id]) >= 1
    assert [(r["who"], r["action"], r["table_name"], r["row_id"]) for r in mine.rows] == [
        ("Dag Drammen", "create", "meetings", str(mid))]
    record = audit_list.find(db, leader, ListQuery(
        filters={"tabell": "meetings", "rad": str(mid)}))
    assert record.total >= 1 and {r["row_id"] for r in record.rows} == {str(mid)}
    today = dt.date.today()
    recent = audit_list.find(db, leader, ListQuery(start=today, end=today))
    assert recent.total >= 1
    assert audit_list.find(db, leader, ListQuery(end=today - dt.timedelta(days=400))
                           ).total == _count(db, "select count(*) from audit_log where at < ?",
                                             [(today - dt.timedelta(days=399)).isoformat()])


def test_the_search_finds_the_person_by_name_folded(people):
    db, leader = people.db, people.leader
    _log_a_meeting(people)
    name = "Dag Drammen"  # Lag Drammen's member, who logged the meeting
    found = audit_list.find(db, leader, ListQuery(text=name.split()[-1].upper()))
    expected = _count(db, "select count(*) from audit_log a join users u on u.id = "
                               "a.user_id where u.full_name like ?", [f"%{name.split()[-1]}%"])
    assert found.total == expected >= 1
    assert audit_list.find(db, leader, ListQuery(text="Ingen Slikperson")).total == 0
    # Words and a chosen person: both must hold.
    assert audit_list.find(db, leader, ListQuery(
        text=name, filters={"hvem": leader.id})).total == 0


def test_only_leadership_reads_the_log(people):
    for user in (people.member, people.writer):
        with pytest.raises(PermissionDenied):
            audit_list.find(people.db, user, ListQuery())
