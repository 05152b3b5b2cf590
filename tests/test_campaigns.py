"""Campaigns: dated counts, totals, progress against the goal, and what belongs to a campaign."""

import datetime as dt

import pytest

from advocacy import texts
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.events import campaigns, events
from advocacy.meetings import meetings
from advocacy.writing import reader_letters
from tests.conftest import politician, statements_run


@pytest.fixture
def campaign(people):
    return campaigns.create_campaign(
        people.db, people.leader, "Alkoholfri barndom 2018", starts_on="2018-03-01",
        ends_on="2018-10-31", goal_signatures=15000, goal_volunteers=300,
        lever_ids=["alkoholfrie_arrangement"])


def test_totals_are_sums_and_progress_is_a_running_sum(people, campaign):
    db = people.db
    campaigns.add_count(db, people.leader, campaign, "2018-03-10", signatures=1200, volunteers=40,
                        source="Stand i Oslo")
    campaigns.add_count(db, people.member, campaign, "2018-04-01", signatures="2 500",
                        volunteers=10, source="Bragernes torg")
    campaigns.add_count(db, people.leader, campaign, "2018-04-01", signatures=300)
    assert campaigns.totals(db, campaign) == {
        "signatures": 4000, "volunteers": 50, "entries": 3, "last_counted_on": "2018-04-01",
        "goal_signatures": 15000, "goal_volunteers": 300,
        "share_signatures": 4000 / 15000, "share_volunteers": 50 / 300,
    }
    assert campaigns.progress(db, campaign) == [
        {"date": "2018-03-10", "signatures": 1200, "volunteers": 40},
        {"date": "2018-04-01", "signatures": 4000, "volunteers": 50},
    ]
    # A member counts for their chapter; leadership counts for none unless it says so.
    assert [(r["counted_on"], r["source"], r["chapter"])
            for r in campaigns.counts(db, campaign)] == [
        ("2018-04-01", None, None),
        ("2018-04-01", "Bragernes torg", "Lag Drammen"),
        ("2018-03-10", "Stand i Oslo", None),
    ]


def test_holds_the_2018_campaign_comfortably(people, campaign):
    # Over 17,000 signatures and more than 400 volunteers, entered stand by stand.
    db = people.db
    start = dt.date(2018, 3, 1)
    rows = [
        {"campaign_id": campaign, "counted_on": (start + dt.timedelta(days=i % 240)).isoformat(),
         "signatures": 17 + (i % 3), "volunteers": 1 if i % 2 == 0 else 0, "source": f"Stand {i}"}
        for i in range(1000)
    ]
    db["campaign_counts"].insert_all(rows)
    campaigns.add_count(db, people.leader, campaign, "2018-10-30", signatures=1, volunteers=3)
    with statements_run(db) as said:
        total = campaigns.totals(db, campaign)
        series = campaigns.progress(db, campaign)
    assert total["signatures"] == sum(r["signatures"] for r in rows) + 1 == 18_000
    assert total["volunteers"] == 503
    assert total["share_signatures"] > 1
    assert series[-1]["signatures"] == 18_000 and len(series) == 241
    assert texts.format_number(total["signatures"]) == "18\u00a0000"
    # The sums are made by SQLite: the campaign, its totals, its series, whatever the count.
    queries = [s for s in said if not s.startswith(("SAVEPOINT", "RELEASE"))]
    assert [("from campaigns " in s, "sum(signatures)" in s) for s in queries] == [
        (True, False), (False, True), (False, True)]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"signatures": -5}, "helt tall, null eller mer"),
     ({"signatures": "mange"}, "fikk «mange»"),
     ({"signatures": 2.5}, "fikk «2.5»"),
     ({"signatures": 0, "volunteers": 0}, "minst én"),
     ({"signatures": 50_000_000}, "helt tall")],
)
def test_bad_counts_are_refused_and_nothing_is_written(people, campaign, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        campaigns.add_count(people.db, people.leader, campaign, "2018-05-01", **kwargs)
    assert campaigns.totals(people.db, campaign)["entries"] == 0


def test_future_dates_and_bad_periods_are_refused(people, campaign):
    db, leader = people.db, people.leader
    with pytest.raises(ValidationError, match="fram i tid"):
        campaigns.add_count(db, leader, campaign, dt.date.today() + dt.timedelta(days=2),
                            signatures=10)
    with pytest.raises(ValidationError, match="kan ikke slutte"):
        campaigns.create_campaign(db, leader, "Baklengs", starts_on="2026-05-01",
                                  ends_on="2026-04-01")
    with pytest.raises(ValidationError, match="Målet for underskrifter"):
        campaigns.create_campaign(db, leader, "Feil mål", goal_signatures=-1)
    with pytest.raises(ValidationError, match="må ha en tittel"):
        campaigns.create_campaign(db, leader, " ")


def test_only_leadership_creates_and_the_writing_group_only_reads(people, campaign):
    with pytest.raises(PermissionDenied):
        campaigns.create_campaign(people.db, people.member, "Egen kampanje")
    with pytest.raises(PermissionDenied):
        campaigns.add_count(people.db, people.writer, campaign, "2018-05-01", signatures=10)
    assert campaigns.activity(people.db, people.writer, campaign)["meetings"] == []


def _meeting(people, user, chapter_id, kommune, who):
    return meetings.create_meeting(people.db, user, meetings.MeetingInput(
        held_on=dt.date(2018, 4, 2), kind="mote", chapter_id=chapter_id, kommunenummer=kommune,
        politician_ids=[politician(people.db, people.leader, who, kommune)],
        summary=f"Samtale med {who}."))


def test_activity_lists_events_meetings_and_letters(people, campaign):
    db, leader, member = people.db, people.leader, people.member
    events.create_event(db, member, kind="kampanjedag", title="Kampanjedag",
                        starts_at="2018-05-05", campaign_id=campaign)
    drammen_meeting = _meeting(people, member, people.drammen, "3301", "Kari Drammen")
    bergen_meeting = _meeting(people, people.other_member, people.bergen, "4601", "Ola Bergen")
    campaigns.link(db, member, campaign, meeting_id=drammen_meeting)
    with pytest.raises(PermissionDenied):
        campaigns.link(db, member, campaign, meeting_id=bergen_meeting)
    campaigns.link(db, leader, campaign, meeting_id=bergen_meeting)
    letter = reader_letters.new_letter(db, people.writer, title="Alkoholfri 17. mai")
    campaigns.link(db, leader, campaign, document_id=letter)
    seen = campaigns.activity(db, leader, campaign)
    assert [e["title"] for e in seen["events"]] == ["Kampanjedag"]
    assert [(m["id"], m["held_on"], m["summary"], m["chapter"]) for m in seen["meetings"]] == [
        (drammen_meeting, "2018-04-02", "Samtale med Kari Drammen.", "Lag Drammen"),
        (bergen_meeting, "2018-04-02", "Samtale med Ola Bergen.", "Lag Bergen"),
    ]
    assert [(d["id"], d["kind"], d["title"]) for d in seen["documents"]] == [
        (letter, "leserinnlegg", "Alkoholfri 17. mai")]
    assert [lever["name"] for lever in seen["levers"]] == [
        db["levers"].get("alkoholfrie_arrangement")["name"]]
    # A chapter member sees their own chapter's meetings only.
    mine = campaigns.activity(db, member, campaign)
    assert [m["id"] for m in mine["meetings"]] == [drammen_meeting]
