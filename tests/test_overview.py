"""Key figures for the Oversikt page, on literal positions."""

import datetime as dt

from advocacy import overview
from advocacy.policy import key_dates, municipalities, positions
from tests.conftest import politician
from tests.literal_records import meeting, paper, published_letter, sent_letter

TODAY = dt.date(2026, 3, 12)


def _record(db, user, knr, lever, value, day):
    positions.record_position(db, user, knr, lever, value, day, "Sak", today=TODAY)


def test_goal_counts_national_and_per_county(db):
    from advocacy.accounts import accounts

    accounts.create_user(db, "sjef", "leder", "passord123")
    boss = accounts.authenticate(db, "sjef", "passord123")
    _record(db, boss, "0301", "skjenketid_gr12", "02:00", "2026-01-10")  # Oslo: meets
    _record(db, boss, "4601", "skjenketid_gr12", "03:00", "2026-01-10")  # Bergen: far
    _record(db, boss, "4602", "skjenketid_gr12", "01:00", "2026-01-10")  # Kinn: meets
    _record(db, boss, "4602", "skjenketid_gr12", "02:30", "2025-01-10")  # older, not current
    levers = municipalities.levers(db)
    statuses = municipalities.statuses(db, levers)
    assert len(statuses) == 357
    summary = {r["lever_id"]: r for r in overview.goal_summary(statuses, levers)}
    serving = summary["skjenketid_gr12"]
    assert (serving["meets"], serving["far"], serving["partly"], serving["unknown"]) == (
        2, 1, 0, 354)
    assert serving["share_meets_known"] == 2 / 3
    # The weekend lever follows the weekday value where no own decision is recorded.
    assert summary["skjenketid_gr12_helg"]["meets"] == 2
    vestland = next(r for r in overview.goal_by_county(db, statuses, "skjenketid_gr12")
                    if r["fylkesnummer"] == "46")
    assert (vestland["meets"], vestland["far"], vestland["municipalities"]) == (1, 1, 43)
    only_vestland = municipalities.statuses(db, levers, fylkesnummer="46")
    assert len(only_vestland) == 43

    changes = overview.recent_changes(db, TODAY, days=90)
    assert [(c["kommunenummer"], c["previous_value"], c["value"]) for c in changes] == [
        ("4602", "02:30", "01:00"), ("4601", None, "03:00"), ("0301", None, "02:00")]
    assert overview.recent_changes(db, TODAY, fylkesnummer="03") == changes[2:]
    shown = overview.shown_changes(db, TODAY)
    assert [(c["previous"], c["shown"]) for c in shown][:1] == [("02:30", "01:00")]
    assert overview.shown_changes(db, TODAY, limit=1) == shown[:1]


def test_policy_version_changes_with_positions_and_goals(people):
    from advocacy.policy import levers

    db, leader = people.db, people.leader
    first = overview.policy_version(db)
    _record(db, leader, "0301", "bevillingstak", "nei", "2026-01-01")
    second = overview.policy_version(db)
    levers.set_goal(db, leader, "bevillingstak", "nei")
    assert len({first, second, overview.policy_version(db)}) == 3


def test_activity_figures(people):
    db = people.db
    drammen = politician(db, people.leader, "Dina Drammensen", "3301")
    bergen = politician(db, people.leader, "Bjørn Bergensen", "4601")
    meeting(db, people.member, "2025-02-10", "3301", [drammen], "For gammelt.", today=TODAY)
    meeting(db, people.member, "2026-01-15", "3301", [drammen], "Januar.", today=TODAY)
    meeting(db, people.member, "2026-03-02", "3301", [drammen], "Mars.", today=TODAY)
    meeting(db, people.member, "2026-03-10", "3301", [drammen], "Mars igjen.", today=TODAY)
    meeting(db, people.other_member, "2026-03-11", "4601", [bergen], "Bergen.", today=TODAY)
    assert overview.meetings_per_chapter_month(db, TODAY, months=12) == [
        {"chapter": "Lag Drammen", "month": "2026-01", "meetings": 1},
        {"chapter": "Lag Bergen", "month": "2026-03", "meetings": 1},
        {"chapter": "Lag Drammen", "month": "2026-03", "meetings": 2}]
    assert overview.meetings_per_chapter_month(db, TODAY, months=12, fylkesnummer="46") == [
        {"chapter": "Lag Bergen", "month": "2026-03", "meetings": 1}]

    paper_id = paper(db, people.leader, "Drammensavisa", ["3301"])
    published_letter(db, people.writer, people.leader, paper_id, "Først", "2025-11-01",
                     "2025-11-03")
    published_letter(db, people.writer, people.leader, paper_id, "Kronikken", "2026-01-05",
                     "2026-01-09", kind="kronikk")
    published_letter(db, people.writer, people.leader, paper_id, "Sist", "2026-02-01",
                     "2026-02-02")
    sent_letter(db, people.writer, people.leader, paper_id, "Venter", "2026-02-10")  # not counted
    assert overview.letters_per_quarter(db) == [
        {"quarter": "2025 K4", "leserinnlegg": 1, "kronikk": 0, "total": 1},
        {"quarter": "2026 K1", "leserinnlegg": 1, "kronikk": 1, "total": 2}]
    assert overview.letters_per_quarter(db, fylkesnummer="33") == overview.letters_per_quarter(db)
    assert overview.letters_per_quarter(db, fylkesnummer="46") == []


def test_key_dates_and_calendar(people):
    db, leader = people.db, people.leader
    dates = key_dates.key_dates(db, "1101")
    assert [d.date.isoformat() for d in dates] == ["2027-09-13", "2027-10-31", "2028-09-30"]
    election = dates[0]
    assert not election.verified and "ikke bekreftet" in election.note
    _record(db, leader, "1101", "handlingsplan", "2024-06-20", "2024-06-20")
    revision = key_dates.plan_revision(db, "1101")
    assert (revision.date.isoformat(), revision.estimated) == ("2028-06-20", True)
    _record(db, leader, "1101", "handlingsplan_rullering", "2027-12-01", "2025-01-01")
    revision = key_dates.plan_revision(db, "1101")
    assert (revision.date.isoformat(), revision.estimated) == ("2027-12-01", False)
    ics = key_dates.to_calendar(key_dates.key_dates(db, "1101")).decode()
    assert ics.count("BEGIN:VEVENT") == 4
    assert "DTSTART;VALUE=DATE:20280930" in ics
    assert "UID:bevillingsperiode_slutt_2028@pavirk" in ics


def test_busiest_chapters_keep_their_own_bars_and_the_rest_are_summed():
    rows = [{"chapter": f"Lag {i:02d}", "month": month, "meetings": i}
            for i in range(1, 15) for month in ("2026-09", "2026-10")]
    chart = overview.busiest_chapters(rows, keep=10)
    assert {r["chapter"] for r in chart} == {f"Lag {i:02d}" for i in range(5, 15)} | {
        "Andre lokallag"}
    others = [r for r in chart if r["chapter"] == "Andre lokallag"]
    assert [(r["month"], r["meetings"]) for r in others] == [("2026-09", 10), ("2026-10", 10)]
    assert sum(r["meetings"] for r in chart) == sum(r["meetings"] for r in rows)
    assert overview.busiest_chapters(rows[:6], keep=10) == rows[:6]


def test_chapters_by_month_is_one_row_per_chapter_with_every_month():
    rows = [{"chapter": "IOGT Bø", "month": "2026-09", "meetings": 2},
            {"chapter": "IOGT Bø", "month": "2026-11", "meetings": 1},
            {"chapter": "LO i Oslo", "month": "2026-10", "meetings": 4}]
    table, headings = overview.chapters_by_month(rows)
    assert headings == {"2026-09": "sep. 2026", "2026-10": "okt. 2026", "2026-11": "nov. 2026"}
    assert table == [
        {"chapter": "IOGT Bø", "2026-09": 2, "2026-10": 0, "2026-11": 1, "total": 3},
        {"chapter": "LO i Oslo", "2026-09": 0, "2026-10": 4, "2026-11": 0, "total": 4}]
