"""Meetings: the rules for logging them, who may change them, follow-ups and replies."""

import datetime as dt

import pytest
from icalendar import Calendar

from advocacy.errors import PermissionDenied, ValidationError
from advocacy.meetings import followups, meeting_replies, meetings
from advocacy.meetings.meetings import MeetingInput
from tests.conftest import politician

TODAY = dt.date(2026, 3, 20)


@pytest.fixture
def pols(people):
    """Two literal politicians in Drammen (3301), the chapter member's municipality."""
    return [politician(people.db, people.leader, "Anne Aas", "3301", role="ordfører"),
            politician(people.db, people.leader, "Bjørn Berg", "3301", role="gruppeleder")]


def _input(ids, **changes):
    data = dict(held_on=dt.date(2026, 3, 12), kind="mote", chapter_id=None,
                kommunenummer="3301", politician_ids=ids,
                summary="Vi snakket om skjenketider.", asks="1. Ikke utvid\n- Flere kontroller",
                topics="skjenketider", lever_ids=["skjenketid_gr12"])
    data.update(changes)
    return MeetingInput(**data)


def test_log_a_meeting_with_defaults(people, pols):
    db, member = people.db, people.member
    mid = meetings.create_meeting(db, member, _input(pols),
                                  today=TODAY)
    meeting = meetings.get_meeting(db, member, mid)
    assert (meeting["chapter"], meeting["followup_due"], meeting["followup_owner_id"],
            meeting["created_by"]) == ("Lag Drammen", "2026-03-26", member.id,
                                       member.id)
    assert sorted(p["id"] for p in meeting["politicians"]) == sorted(pols)
    assert [x["id"] for x in meeting["levers"]] == ["skjenketid_gr12"]
    assert meetings.ask_list(meeting["asks"]) == ["Ikke utvid", "Flere kontroller"]


@pytest.mark.parametrize("changes, message", [
    ({"held_on": dt.date(2026, 3, 21)}, "i framtiden"),
    ({"followup_due": dt.date(2026, 3, 11)}, "kan ikke være før møtet"),
    ({"summary": "   "}, "sammendrag"),
    ({"politician_ids": []}, "minst én politiker"),
    ({"kommunenummer": "3312"}, "er politiker i Drammen, ikke i Lier"),
    ({"kind": "fest"}, "Ukjent type"),
    ({"held_on": None}, "Møtedato mangler"),
])
def test_bad_meetings_are_refused_and_nothing_written(people, pols, changes, message):
    db, member = people.db, people.member
    before = db["meetings"].count
    with pytest.raises(ValidationError, match=message):
        meetings.create_meeting(db, member, _input(pols, **changes),
                                today=TODAY)
    assert db["meetings"].count == before


def test_politician_from_another_municipality_is_refused(people, pols):
    db, member = people.db, people.member
    bergen = politician(db, people.leader, "Cato Carlsen", "4601")
    with pytest.raises(ValidationError, match="Cato Carlsen er politiker i Bergen, ikke i Drammen"):
        meetings.create_meeting(db, member, _input([pols[0], bergen]), today=TODAY)
    assert db["meetings"].count == 0


def test_chapter_member_changes_only_their_own_chapter(people, pols):
    db, member, leader = people.db, people.member, people.leader
    bergen_chapter = people.bergen
    with pytest.raises(PermissionDenied):
        meetings.create_meeting(db, member, _input(pols, chapter_id=bergen_chapter), today=TODAY)
    own = meetings.create_meeting(db, member, _input(pols), today=TODAY)
    # leadership logs for any chapter
    knr = "4601"
    pid = politician(db, leader, "Cato Carlsen", knr)
    bergen_meeting = meetings.create_meeting(db, leader, _input(
        [pid], chapter_id=bergen_chapter, kommunenummer=knr), today=TODAY)
    assert meetings.get_meeting(db, leader, bergen_meeting)["chapter"] == "Lag Bergen"
    with pytest.raises(ValidationError, match="Fant ikke møtet"):  # not even readable
        meetings.get_meeting(db, member, bergen_meeting)
    with pytest.raises(ValidationError):
        meetings.mark_followup_done(db, member, bergen_meeting)
    assert [(m["id"], m["chapter"]) for m in meetings.list_meetings(db, member)] == [
        (own, "Lag Drammen")]
    assert sorted((m["id"], m["chapter"]) for m in meetings.list_meetings(db, leader)) == [
        (own, "Lag Drammen"), (bergen_meeting, "Lag Bergen")]
    assert meetings.get_meeting(db, leader, bergen_meeting)["followup_done_on"] is None


def test_writing_group_has_no_access_to_meetings(people):
    db, writer = people.db, people.writer
    with pytest.raises(PermissionDenied):
        meetings.list_meetings(db, writer)


def test_edit_replaces_politicians_and_keeps_rules(people, pols):
    db, member = people.db, people.member
    mid = meetings.create_meeting(db, member, _input(pols),
                                  today=TODAY)
    meetings.update_meeting(db, member, mid,
                            _input(pols[:1], summary="Kortere."), today=TODAY)
    meeting = meetings.get_meeting(db, member, mid)
    assert (meeting["summary"], [p["id"] for p in meeting["politicians"]]) == (
        "Kortere.", pols[:1])
    with pytest.raises(ValidationError):
        meetings.update_meeting(db, member, mid, _input(pols,
                                summary=""), today=TODAY)
    assert meetings.get_meeting(db, member, mid)["summary"] == "Kortere."


def test_followups_due_overdue_done_and_calendar(people, pols):
    db, member = people.db, people.member
    mid = meetings.create_meeting(db, member, _input(pols),
                                  today=TODAY)
    due = followups.open_followups(db, member, today=dt.date(2026, 3, 27))
    mine = next(r for r in due if r["id"] == mid)
    assert (mine["status"], mine["days_overdue"]) == ("forfalt", 1)
    assert next(r for r in followups.open_followups(db, member, today=TODAY)
                if r["id"] == mid)["status"] == "snart"
    ics = Calendar.from_ical(followups.followups_ics(db, member,
                                                     owner_id=member.id, today=TODAY))
    events = {str(e["uid"]): e for e in ics.walk("VEVENT")}
    event = events[f"meeting-{mid}-followup@pavirk"]
    assert event.decoded("dtstart") == dt.date(2026, 3, 26)
    assert "Ikke utvid" in str(event["description"])
    with pytest.raises(ValidationError, match="før møtet"):
        meetings.mark_followup_done(db, member, mid, dt.date(2026, 3, 1), today=TODAY)
    meetings.mark_followup_done(db, member, mid, today=TODAY)
    assert mid not in {r["id"] for r in followups.open_followups(db, member)}
    assert mid not in {r["id"] for r in followups.overdue_followups(db, member)}


def test_no_reply_after_14_days(people, pols):
    db, member = people.db, people.member
    from advocacy.meetings import followup_letters

    mid = meetings.create_meeting(db, member, _input(pols),
                                  today=TODAY)
    letter = followup_letters.create_letter(db, member, mid, pols[1],
                                            today=TODAY)
    followup_letters.mark_sent(db, member, letter, dt.date(2026, 3, 13), today=TODAY)
    silent = lambda day: followups.no_reply_meeting_ids(db, member,  # noqa: E731
                                                        today=day)
    assert mid not in silent(dt.date(2026, 3, 26))
    assert mid in silent(dt.date(2026, 3, 27))
    # the addressee, not the other politician present
    assert followups.no_reply_politician_ids(db, member,
                                             today=dt.date(2026, 3, 27)) == {pols[1]}
    meeting_replies.record_reply(db, member, mid, dt.date(2026, 3, 27),
                          today=dt.date(2026, 3, 28), summary="Ordføreren svarte ja.")
    assert mid not in silent(dt.date(2026, 4, 30))
