"""Campaigns: dated counts, totals, progress against the goal, and what belongs to a campaign."""

import datetime as dt
import time

import pytest

from advocacy import texts
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.events import campaigns, events


@pytest.fixture
def campaign(demo_db, leader):
    return campaigns.create_campaign(
        demo_db, leader, "Alkoholfri barndom 2018", starts_on="2018-03-01", ends_on="2018-10-31",
        goal_signatures=15000, goal_volunteers=300, lever_ids=["alkoholfrie_arrangement"])


def test_totals_are_sums_and_progress_is_a_running_sum(demo_db, leader, chapter_member, campaign):
    campaigns.add_count(demo_db, leader, campaign, "2018-03-10", signatures=1200, volunteers=40,
                        source="Stand i Oslo")
    campaigns.add_count(demo_db, chapter_member, campaign, "2018-04-01", signatures="2 500",
                        volunteers=10, source="Bragernes torg")
    campaigns.add_count(demo_db, leader, campaign, "2018-04-01", signatures=300)
    assert campaigns.totals(demo_db, campaign) == {
        "signatures": 4000, "volunteers": 50, "entries": 3, "last_counted_on": "2018-04-01",
        "goal_signatures": 15000, "goal_volunteers": 300,
        "share_signatures": 4000 / 15000, "share_volunteers": 50 / 300,
    }
    assert campaigns.progress(demo_db, campaign) == [
        {"date": "2018-03-10", "signatures": 1200, "volunteers": 40},
        {"date": "2018-04-01", "signatures": 4000, "volunteers": 50},
    ]
    chapters = {r["source"]: r["chapter"] for r in campaigns.counts(demo_db, campaign)}
    assert chapters["Bragernes torg"] == "IOGT Drammen"  # a member counts for their chapter


def test_holds_the_2018_campaign_comfortably(demo_db, leader, campaign):
    # Over 17,000 signatures and more than 400 volunteers, entered stand by stand.
    start = dt.date(2018, 3, 1)
    rows = [
        {"campaign_id": campaign, "counted_on": (start + dt.timedelta(days=i % 240)).isoformat(),
         "signatures": 17 + (i % 3), "volunteers": 1 if i % 2 == 0 else 0, "source": f"Stand {i}"}
        for i in range(1000)
    ]
    demo_db["campaign_counts"].insert_all(rows)
    campaigns.add_count(demo_db, leader, campaign, "2018-10-30", signatures=1, volunteers=3)
    began = time.perf_counter()
    total = campaigns.totals(demo_db, campaign)
    series = campaigns.progress(demo_db, campaign)
    elapsed = time.perf_counter() - began
    assert total["signatures"] == sum(r["signatures"] for r in rows) + 1 == 18_000
    assert total["volunteers"] == 503
    assert total["share_signatures"] > 1
    assert series[-1]["signatures"] == 18_000 and len(series) == 241
    assert texts.format_number(total["signatures"]) == "18\u00a0000"
    assert elapsed < 0.5


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"signatures": -5}, "helt tall, null eller mer"),
     ({"signatures": "mange"}, "fikk «mange»"),
     ({"signatures": 2.5}, "fikk «2.5»"),
     ({"signatures": 0, "volunteers": 0}, "minst én"),
     ({"signatures": 50_000_000}, "helt tall")],
)
def test_bad_counts_are_refused_and_nothing_is_written(demo_db, leader, campaign, kwargs,
                                                       message):
    with pytest.raises(ValidationError, match=message):
        campaigns.add_count(demo_db, leader, campaign, "2018-05-01", **kwargs)
    assert campaigns.totals(demo_db, campaign)["entries"] == 0


def test_future_dates_and_bad_periods_are_refused(demo_db, leader, campaign):
    with pytest.raises(ValidationError, match="fram i tid"):
        campaigns.add_count(demo_db, leader, campaign, dt.date.today() + dt.timedelta(days=2),
                            signatures=10)
    with pytest.raises(ValidationError, match="kan ikke slutte"):
        campaigns.create_campaign(demo_db, leader, "Baklengs", starts_on="2026-05-01",
                                  ends_on="2026-04-01")
    with pytest.raises(ValidationError, match="Målet for underskrifter"):
        campaigns.create_campaign(demo_db, leader, "Feil mål", goal_signatures=-1)
    with pytest.raises(ValidationError, match="må ha en tittel"):
        campaigns.create_campaign(demo_db, leader, " ")


def test_only_leadership_creates_and_the_writing_group_only_reads(demo_db, chapter_member,
                                                                   writer, campaign):
    with pytest.raises(PermissionDenied):
        campaigns.create_campaign(demo_db, chapter_member, "Egen kampanje")
    with pytest.raises(PermissionDenied):
        campaigns.add_count(demo_db, writer, campaign, "2018-05-01", signatures=10)
    assert campaigns.activity(demo_db, writer, campaign)["meetings"] == []


def test_activity_lists_events_meetings_and_letters(demo_db, leader, chapter_member, campaign):
    events.create_event(demo_db, chapter_member, kind="kampanjedag", title="Kampanjedag",
                        starts_at="2018-05-05", campaign_id=campaign)
    drammen_meeting = demo_db.execute(
        "select m.id from meetings m join chapters c on c.id = m.chapter_id"
        " where c.name = 'IOGT Drammen' limit 1").fetchone()[0]
    bergen_meeting = demo_db.execute(
        "select m.id from meetings m join chapters c on c.id = m.chapter_id"
        " where c.name = 'IOGT Bergen' limit 1").fetchone()[0]
    campaigns.link(demo_db, chapter_member, campaign, meeting_id=drammen_meeting)
    with pytest.raises(PermissionDenied):
        campaigns.link(demo_db, chapter_member, campaign, meeting_id=bergen_meeting)
    campaigns.link(demo_db, leader, campaign, meeting_id=bergen_meeting)
    letter = demo_db.execute("select id from documents where kind = 'leserinnlegg'"
                             " limit 1").fetchone()[0]
    campaigns.link(demo_db, leader, campaign, document_id=letter)
    seen = campaigns.activity(demo_db, leader, campaign)
    assert [e["title"] for e in seen["events"]] == ["Kampanjedag"]
    assert {m["id"] for m in seen["meetings"]} == {drammen_meeting, bergen_meeting}
    assert [d["id"] for d in seen["documents"]] == [letter]
    assert [lever["name"] for lever in seen["levers"]] == [
        demo_db["levers"].get("alkoholfrie_arrangement")["name"]]
    # A chapter member sees their own chapter's meetings only.
    mine = campaigns.activity(demo_db, chapter_member, campaign)
    assert [m["id"] for m in mine["meetings"]] == [drammen_meeting]
