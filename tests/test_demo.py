import datetime as dt

import pytest

from advocacy import clock, texts
from advocacy.db import table_counts
from advocacy.demo import demo
from advocacy.errors import ValidationError
from advocacy.letters import document_records
from advocacy.meetings import followups, meetings
from advocacy.policy import municipalities
from advocacy.politicians import politicians
from advocacy.writing import argument_bank
from tests.test_timestamps import moment_columns


def test_demo_data_has_what_the_demo_promises(demo_db):
    counts = table_counts(demo_db)
    assert counts["chapters"] >= 4
    assert 35 <= counts["politicians"] <= 50
    assert counts["meetings"] >= 10
    assert counts["newspapers"] >= 4
    assert counts["documents"] >= 5
    municipalities_with_politicians = demo_db.execute(
        "select count(distinct kommunenummer) from politicians").fetchone()[0]
    assert municipalities_with_politicians >= 5
    municipalities_with_positions = demo_db.execute(
        "select count(distinct kommunenummer) from positions").fetchone()[0]
    assert municipalities_with_positions >= 30


def test_every_demo_row_is_flagged(demo_db):
    for table in ("chapters", "users", "politicians", "meetings", "positions", "newspapers",
                  "documents", "statements"):
        assert demo_db[table].count_where("is_demo = 0") == 0, table
    assert demo.is_enabled(demo_db)


def test_demo_parties_are_real_codes(demo_db):
    unknown = demo_db.execute(
        "select count(*) from politicians where party_code not in (select code from parties)"
    ).fetchone()[0]
    assert unknown == 0


def test_loading_demo_twice_changes_nothing(demo_db):
    before = table_counts(demo_db)
    assert demo.load(demo_db) is False
    assert table_counts(demo_db) == before


def test_chapter_member_sees_only_own_chapters_meetings(demo_db, chapter_member, leader):
    own = meetings.list_meetings(demo_db, chapter_member)
    assert own and {m["chapter"] for m in own} == {"IOGT Drammen"}
    assert len(meetings.list_meetings(demo_db, leader)) == demo_db["meetings"].count


def test_overdue_followups_are_past_due_and_not_done(demo_db, leader):
    today = dt.date.today()
    overdue = followups.overdue_followups(demo_db, leader, today)
    assert overdue
    assert all(row["followup_due"] < today.isoformat() for row in overdue)


def test_municipality_search_by_either_name_form_or_number(db):
    for query in ("Tana", "deatnu", "5628"):
        rows = municipalities.list_municipalities(db, search=query)
        assert [r["visningsnavn"] for r in rows] == ["Deatnu – Tana"], query
    agder = municipalities.list_municipalities(db, fylkesnummer="42")
    assert len(agder) == 25
    assert {r["fylke"] for r in agder} == {"Agder"}


def test_politician_search(demo_db, writer):
    everyone = politicians.list_politicians(demo_db, writer)
    name = everyone[0]["name"]
    found = politicians.list_politicians(demo_db, writer, search=name.split()[0])
    assert name in [p["name"] for p in found]


def test_norwegian_dates():
    assert texts.format_date(dt.date(2026, 3, 12)) == "12. mars 2026"
    assert texts.format_date("2021-04-19") == "19. april 2021"
    assert texts.format_short_date("2026-03-12") == "12.03.2026"
    assert texts.format_date(None) == ""


def test_demo_sent_documents_have_no_copy(demo_db, leader):
    sent = next(r for r in document_records.list_documents(demo_db, leader) if r["status"] == "sendt")
    with pytest.raises(ValidationError, match="ingen lagret kopi"):
        document_records.document_copy(demo_db, leader, sent["id"])


def test_every_stored_moment_of_the_demo_has_the_one_format(demo_db):
    columns = moment_columns(demo_db)
    assert ("audit_log", "at") in columns and ("users", "last_login_at") in columns
    seen = 0
    for table, column in columns:
        for (value,) in demo_db.execute(f"select [{column}] from [{table}] "  # noqa: S608
                                        f"where [{column}] is not null"):
            assert clock.PATTERN.fullmatch(value), (table, column, value)
            seen += 1
    assert seen > 300


def test_demo_bank_has_approved_paragraphs_with_sources(demo_db, writer):
    rows = argument_bank.list_arguments(demo_db, writer)
    assert len(rows) >= 4 and all(argument_bank.source_list(r) for r in rows)
