"""The activity calendar: events, key political dates, the month grid and the .ics export."""

import datetime as dt

import pytest
from icalendar import Calendar

from advocacy.errors import PermissionDenied, ValidationError
from advocacy.events import events, month_view
from tests.cli_run import run

YEAR = (dt.date(2027, 1, 1), dt.date(2028, 12, 31))


@pytest.fixture
def calendar_db(people):
    db, leader, bergen = people.db, people.leader, people.bergen
    events.create_event(db, people.member, kind="stand", title="Stand før valget",
                        starts_at="2027-09-04T11:00", ends_at="2027-09-04T15:00",
                        place="Bragernes torg", responsible="Dag Drammen")
    events.create_event(db, leader, kind="debatt", title="Debatt om skjenketid",
                        starts_at=dt.datetime(2027, 1, 20, 19, 0), chapter_id=bergen,
                        place="Bergen bibliotek", description="Med ordførerkandidatene")
    events.create_event(db, leader, kind="kampanjedag", title="Kampanjedag",
                        starts_at="2027-06-14", chapter_id=bergen)
    return db


def test_events_and_key_dates_come_in_one_list(calendar_db):
    items = events.calendar_items(calendar_db, *YEAR)
    assert [(i["date"], i["kind"], i["title"]) for i in items] == [
        (dt.date(2027, 1, 20), "debatt", "Debatt om skjenketid"),
        (dt.date(2027, 6, 14), "kampanjedag", "Kampanjedag"),
        (dt.date(2027, 9, 4), "stand", "Stand før valget"),
        (dt.date(2027, 9, 13), "politisk_dato", "Kommunestyre- og fylkestingsvalget 2027"),
        (dt.date(2027, 10, 31), "politisk_dato", "Nytt kommunestyre konstituert (senest)"),
        (dt.date(2028, 9, 30), "politisk_dato", "Bevillingsperioden slutter"),
    ]
    election = next(i for i in items if i["title"].startswith("Kommunestyre"))
    assert (election["date"], election["kind"], election["all_day"]) == (
        dt.date(2027, 9, 13), "politisk_dato", True)
    assert election["source"].endswith("[må sjekkes]")
    licence = next(i for i in items if i["title"] == "Bevillingsperioden slutter")
    assert licence["date"] == dt.date(2028, 9, 30) and "§ 1-6" in licence["source"]


def test_action_plan_revisions_come_from_positions(calendar_db, people):
    calendar_db["positions"].insert({"kommunenummer": "3301", "lever_id": "handlingsplan",
                                     "value": "2024-06-20", "decided_on": "2099-01-01",
                                     "source": "Sak 45/24", "recorded_by": people.leader.id})
    items = events.calendar_items(calendar_db, dt.date(2024, 1, 1), dt.date(2029, 1, 1),
                                  chapter_id=people.drammen, kinds=["politisk_dato"])
    plans = [(i["date"], i["title"], i["source"]) for i in items if "andlingsplan" in i["title"]]
    assert plans == [
        (dt.date(2024, 6, 20), "Handlingsplan vedtatt – Drammen", "Sak 45/24"),
        (dt.date(2028, 6, 20), "Handlingsplanen bør rulleres – Drammen", "Sak 45/24"),
    ]


def test_filters_by_chapter_and_kind(calendar_db, people):
    only_bergen = events.calendar_items(calendar_db, *YEAR, chapter_id=people.bergen,
                                        kinds=["debatt", "kampanjedag"])
    assert [i["title"] for i in only_bergen] == ["Debatt om skjenketid", "Kampanjedag"]
    stands = events.calendar_items(calendar_db, *YEAR, kinds=["stand"])
    assert [i["title"] for i in stands] == ["Stand før valget"]
    assert events.calendar_items(calendar_db, *YEAR, kinds=[]) == []


def test_ics_parses_back_with_the_right_events_in_norwegian_time(calendar_db):
    data = events.ics(events.calendar_items(calendar_db, *YEAR))
    calendar = Calendar.from_ical(data)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    by_summary = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    stand = by_summary["Stand: Stand før valget"]
    start, end = stand.decoded("DTSTART"), stand.decoded("DTEND")
    assert (start.replace(tzinfo=None), end.replace(tzinfo=None)) == (
        dt.datetime(2027, 9, 4, 11, 0), dt.datetime(2027, 9, 4, 15, 0))
    assert str(start.tzinfo) == "Europe/Oslo" and start.utcoffset() == dt.timedelta(hours=2)
    assert stand["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert str(stand["LOCATION"]) == "Bragernes torg"
    assert "Ansvarlig: Dag Drammen" in str(stand["DESCRIPTION"])
    winter = by_summary["Debatt: Debatt om skjenketid"].decoded("DTSTART")
    assert winter.hour == 19 and winter.utcoffset() == dt.timedelta(hours=1)
    election = by_summary["Politisk dato: Kommunestyre- og fylkestingsvalget 2027"]
    assert election.decoded("DTSTART") == dt.date(2027, 9, 13)
    assert election.decoded("DTEND") == dt.date(2027, 9, 14)
    day = by_summary["Kampanjedag: Kampanjedag"]
    assert (day.decoded("DTSTART"), day.decoded("DTEND")) == (dt.date(2027, 6, 14),
                                                               dt.date(2027, 6, 15))
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))  # stable, unique: a re-import updates instead of doubling


def test_bad_events_are_refused(people):
    db, leader, writer, chapter_member = people.db, people.leader, people.writer, people.member
    good = {"kind": "stand", "title": "Stand", "starts_at": "2027-05-02T11:00"}
    for change, message in (
        ({"kind": "fest"}, "Ukjent type"),
        ({"title": " "}, "må ha en tittel"),
        ({"starts_at": "2. mai"}, "ikke et gyldig tidspunkt"),
        ({"ends_at": "2027-05-02T10:00"}, "slutte før"),
        ({"campaign_id": 999}, "Fant ikke kampanjen"),
    ):
        with pytest.raises(ValidationError, match=message):
            events.create_event(db, leader, **{**good, **change})
    with pytest.raises(PermissionDenied):
        events.create_event(db, writer, **good)
    own = events.create_event(db, chapter_member, **good, chapter_id=people.bergen)
    assert db["events"].get(own)["chapter_id"] == chapter_member.chapter_id
    theirs = events.create_event(db, leader, **good, chapter_id=people.bergen)
    with pytest.raises(PermissionDenied):
        events.delete_event(db, chapter_member, theirs)
    events.delete_event(db, chapter_member, own)
    assert not db.execute("select 1 from events where id = ?", [own]).fetchone()


def test_month_grid_starts_on_monday_and_escapes_text(people):
    db, leader = people.db, people.leader
    events.create_event(db, leader, kind="seminar", title="<script>alert(1)</script>",
                        starts_at="2027-09-08T18:30", place='"Huset"')
    items = events.calendar_items(db, dt.date(2027, 9, 1), dt.date(2027, 9, 30))
    weeks = month_view.month_weeks(2027, 9, items)
    assert weeks[0][0]["date"] == dt.date(2027, 8, 30)  # a Monday
    assert all(len(week) == 7 for week in weeks)
    wednesday = weeks[1][2]
    assert wednesday["date"] == dt.date(2027, 9, 8)
    assert [i["title"] for i in wednesday["items"]] == ["<script>alert(1)</script>"]
    html = month_view.month_html(2027, 9, items, today=dt.date(2027, 9, 8))
    assert "<script>" not in html
    assert "18:30 &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;Huset&quot;" in html
    assert "september 2027" in html and 'class="today"' in html
    assert "Kommunestyre- og fylkestingsvalget 2027" in html


def test_cli_writes_an_ics_file(db_path, db, tmp_path):
    out = tmp_path / "kalender.ics"
    result = run("events-ics", "--db", db_path, "--out", out, "--from", "2027-01-01",
                 "--to", "2028-12-31")
    assert result.returncode == 0, result.stderr
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert "Politisk dato: Bevillingsperioden slutter" in summaries
    bad = run("events-ics", "--db", db_path, "--out", out, "--from", "i går")
    assert bad.returncode == 1 and bad.stderr.startswith("Feil: ")


def test_a_period_holds_its_first_and_last_day_whole(people):
    """All-day events ("2027-03-01") and timed ones ("2027-03-31T23:30") on the edges of the
    period are in it; the next day's first minute is not."""
    db, leader = people.db, people.leader
    for title, starts in (("Første", "2027-03-01"), ("Siste", "2027-03-31T23:30"),
                          ("Før", "2027-02-28T23:59"), ("Etter", "2027-04-01T00:00"),
                          ("Etter, hele dagen", "2027-04-01")):
        events.create_event(db, leader, kind="stand", title=title, starts_at=starts)
    titles = [e["title"] for e in events.list_events(db, dt.date(2027, 3, 1),
                                                     dt.date(2027, 3, 31))]
    assert titles == ["Første", "Siste"]
