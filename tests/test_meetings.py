"""Meetings: the rules for logging them, who may change them, follow-ups and replies."""

import datetime as dt

import pytest
from icalendar import Calendar

from advocacy.errors import PermissionDenied, ValidationError
from advocacy.meetings import followups, meeting_replies, meetings
from advocacy.meetings.meetings import MeetingInput

TODAY = dt.date(2026, 3, 20)


def _input(ids, **changes):
    data = dict(held_on=dt.date(2026, 3, 12), kind="mote", chapter_id=None,
                kommunenummer="3301", politician_ids=ids,
                summary="Vi snakket om skjenketider.", asks="1. Ikke utvid\n- Flere kontroller",
                topics="skjenketider", lever_ids=["skjenketid_gr12"])
    data.update(changes)
    return MeetingInput(**data)


def test_log_a_meeting_with_defaults(demo_db, chapter_member, drammen_politicians):
    mid = meetings.create_meeting(demo_db, chapter_member, _input(drammen_politicians),
                                  today=TODAY)
    meeting = meetings.get_meeting(demo_db, chapter_member, mid)
    assert (meeting["chapter"], meeting["followup_due"], meeting["followup_owner_id"],
            meeting["created_by"]) == ("IOGT Drammen", "2026-03-26", chapter_member.id,
                                       chapter_member.id)
    assert sorted(p["id"] for p in meeting["politicians"]) == sorted(drammen_politicians)
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
def test_bad_meetings_are_refused_and_nothing_written(demo_db, chapter_member,
                                                     drammen_politicians, changes, message):
    before = demo_db["meetings"].count
    with pytest.raises(ValidationError, match=message):
        meetings.create_meeting(demo_db, chapter_member, _input(drammen_politicians, **changes),
                                today=TODAY)
    assert demo_db["meetings"].count == before


def test_politician_from_another_municipality_is_refused(demo_db, chapter_member,
                                                         drammen_politicians):
    bergen = demo_db.execute("select id from politicians where kommunenummer = '4601'").fetchone()
    with pytest.raises(ValidationError, match="politiker i Bergen, ikke i Drammen"):
        meetings.create_meeting(demo_db, chapter_member,
                                _input([drammen_politicians[0], bergen[0]]), today=TODAY)


def test_chapter_member_changes_only_their_own_chapter(demo_db, chapter_member, leader,
                                                      drammen_politicians):
    bergen_chapter = demo_db.execute("select id from chapters where name = 'IOGT Bergen'"
                                     ).fetchone()[0]
    with pytest.raises(PermissionDenied):
        meetings.create_meeting(demo_db, chapter_member,
                                _input(drammen_politicians, chapter_id=bergen_chapter),
                                today=TODAY)
    bergen_meeting = demo_db.execute("select id from meetings where chapter_id = ?",
                                     [bergen_chapter]).fetchone()[0]
    with pytest.raises(ValidationError, match="Fant ikke møtet"):  # not even readable
        meetings.get_meeting(demo_db, chapter_member, bergen_meeting)
    with pytest.raises(ValidationError):
        meetings.mark_followup_done(demo_db, chapter_member, bergen_meeting)
    assert {m["chapter"] for m in meetings.list_meetings(demo_db, chapter_member)} == {
        "IOGT Drammen"}
    assert len({m["chapter"] for m in meetings.list_meetings(demo_db, leader)}) == 5
    # leadership logs for any chapter
    knr = "4601"
    pid = demo_db.execute("select id from politicians where kommunenummer = ?", [knr]
                          ).fetchone()[0]
    mid = meetings.create_meeting(demo_db, leader, _input([pid], chapter_id=bergen_chapter,
                                                          kommunenummer=knr), today=TODAY)
    assert meetings.get_meeting(demo_db, leader, mid)["chapter"] == "IOGT Bergen"


def test_writing_group_has_no_access_to_meetings(demo_db, writer):
    with pytest.raises(PermissionDenied):
        meetings.list_meetings(demo_db, writer)


def test_edit_replaces_politicians_and_keeps_rules(demo_db, chapter_member, drammen_politicians):
    mid = meetings.create_meeting(demo_db, chapter_member, _input(drammen_politicians),
                                  today=TODAY)
    meetings.update_meeting(demo_db, chapter_member, mid,
                            _input(drammen_politicians[:1], summary="Kortere."), today=TODAY)
    meeting = meetings.get_meeting(demo_db, chapter_member, mid)
    assert (meeting["summary"], [p["id"] for p in meeting["politicians"]]) == (
        "Kortere.", drammen_politicians[:1])
    with pytest.raises(ValidationError):
        meetings.update_meeting(demo_db, chapter_member, mid, _input(drammen_politicians,
                                summary=""), today=TODAY)
    assert meetings.get_meeting(demo_db, chapter_member, mid)["summary"] == "Kortere."


def test_followups_due_overdue_done_and_calendar(demo_db, chapter_member, drammen_politicians):
    mid = meetings.create_meeting(demo_db, chapter_member, _input(drammen_politicians),
                                  today=TODAY)
    due = followups.open_followups(demo_db, chapter_member, today=dt.date(2026, 3, 27))
    mine = next(r for r in due if r["id"] == mid)
    assert (mine["status"], mine["days_overdue"]) == ("forfalt", 1)
    assert next(r for r in followups.open_followups(demo_db, chapter_member, today=TODAY)
                if r["id"] == mid)["status"] == "snart"
    ics = Calendar.from_ical(followups.followups_ics(demo_db, chapter_member,
                                                     owner_id=chapter_member.id, today=TODAY))
    events = {str(e["uid"]): e for e in ics.walk("VEVENT")}
    event = events[f"meeting-{mid}-followup@pavirk"]
    assert event.decoded("dtstart") == dt.date(2026, 3, 26)
    assert "Ikke utvid" in str(event["description"])
    with pytest.raises(ValidationError, match="før møtet"):
        meetings.mark_followup_done(demo_db, chapter_member, mid, dt.date(2026, 3, 1), today=TODAY)
    meetings.mark_followup_done(demo_db, chapter_member, mid, today=TODAY)
    assert mid not in {r["id"] for r in followups.open_followups(demo_db, chapter_member)}
    assert mid not in {r["id"] for r in followups.overdue_followups(demo_db, chapter_member)}


def test_no_reply_after_14_days(demo_db, chapter_member, drammen_politicians):
    from advocacy.meetings import followup_letters

    mid = meetings.create_meeting(demo_db, chapter_member, _input(drammen_politicians),
                                  today=TODAY)
    letter = followup_letters.create_letter(demo_db, chapter_member, mid, drammen_politicians[1],
                                            today=TODAY)
    followup_letters.mark_sent(demo_db, chapter_member, letter, dt.date(2026, 3, 13), today=TODAY)
    silent = lambda day: followups.no_reply_meeting_ids(demo_db, chapter_member,  # noqa: E731
                                                        today=day)
    assert mid not in silent(dt.date(2026, 3, 26))
    assert mid in silent(dt.date(2026, 3, 27))
    # the addressee, not the other politician present
    assert followups.no_reply_politician_ids(demo_db, chapter_member,
                                             today=dt.date(2026, 3, 27)) == {drammen_politicians[1]}
    meeting_replies.record_reply(demo_db, chapter_member, mid, dt.date(2026, 3, 27),
                          today=dt.date(2026, 3, 28), summary="Ordføreren svarte ja.")
    assert mid not in silent(dt.date(2026, 4, 30))
