"""Uttalelser as a long list: who reads what, search (statements_fts), filters by status,
lever, municipality, chapter and period, sort and pages, against direct counts."""

from __future__ import annotations

import datetime as dt

import pytest

from advocacy import permissions
from advocacy.db import write
from advocacy.listing import ListQuery
from advocacy.statements import statement_archive, statement_list, statements

LEVER = "skjenketid_gr12"


def _all(db, user, **query) -> list[dict]:
    return statement_list.find(db, user, ListQuery(size=10_000, **query)).rows


def _ids(rows) -> set[int]:
    return {r["id"] for r in rows}


@pytest.fixture
def many(people):
    """Two statements written through `statements` (one adopted by Lag Drammen, one draft of
    Lag Bergen), and forty more of the leader's: drafts of both chapters and of none, some with
    a lever and a municipality, meeting dates through 2025; every seventh adopted."""
    db, leader = people.db, people.leader
    adopted = statements.create_statement(db, people.member, {
        "title": "Trygg natt – skjenkingen må slutte klokka 02",
        "position": "Lag Drammen mener skjenketiden i Drammen ikke må utvides."})
    statements.set_status(db, people.member, adopted, "til_behandling")
    statements.adopt(db, people.member, adopted, "Årsmøtet i Lag Drammen", "2025-11-20")
    statements.create_statement(db, people.other_member, {
        "title": "Alkoholfrie arenaer for alle unge i Bergen",
        "adopted_by": "Styret i IOGT Bergen"})
    for n in range(40):
        sid = statements.create_statement(
            db, leader,
            {"title": f"Uttalelse {n:02d} om {'nattestenging' if n % 4 else 'Ålesund'}",
             "position": f"Standpunkt nummer {n}.", "adopted_by": f"Styret {n % 3}",
             "meeting_date": f"2025-{1 + n % 12:02d}-15"},
            lever_ids=[LEVER] if n % 2 else [],
            kommunenummer=["4601"] if n % 5 == 0 else [],
            chapter_id=(None, people.drammen, people.bergen)[n % 3])
        if n % 7 == 0:
            with write(db):
                db.execute("update statements set status = 'vedtatt', "
                           "adopted_on = meeting_date where id = ?", [sid])
    return db


def test_each_user_reads_what_the_archive_lets_them(many, people):
    leader, chapter_member, writer = people.leader, people.member, people.writer
    for user in (leader, chapter_member, writer):
        expected = statement_archive.search_statements(many, user, limit=10_000)
        found = _all(many, user)
        assert [r["id"] for r in found] == [r["id"] for r in expected]  # newest first, too
        assert found, user.username
        assert all(permissions.allowed(user, "statement.read",
                                   r | {"chapter_id": _chapter(many, r["id"])})
                   for r in found)
    assert len(_all(many, writer)) < len(_all(many, chapter_member)) < len(_all(many, leader))


def _chapter(db, sid):
    return db.execute("select chapter_id from statements where id = ?", [sid]).fetchone()[0]


def test_filters_count_what_the_database_holds(many, people):
    leader, chapter_member, bergen = people.leader, people.member, people.bergen
    def count(where: str) -> int:
        return many.execute(f"select count(*) from statements s where {where}"  # noqa: S608
                            ).fetchone()[0]

    def total(user=leader, **query) -> int:
        return statement_list.find(many, user, ListQuery(**query)).total

    assert total() == count("1") == 42
    assert total(filters={"status": ["vedtatt"]}) == count("status = 'vedtatt'") > 1
    assert total(filters={"status": ["utkast", "vedtatt"]}) == count(
        "status in ('utkast', 'vedtatt')")
    assert total(filters={"sak": LEVER}) == count(
        "id in (select statement_id from statement_levers where lever_id = 'skjenketid_gr12')"
    ) > 1
    assert total(filters={"kommune": "4601"}) == count(
        "id in (select statement_id from statement_municipalities "
        "where kommunenummer = '4601')") == 8
    assert total(filters={"lokallag": bergen}) == count(f"chapter_id = {bergen}") > 1
    assert total(start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 31)) == count(
        "coalesce(adopted_on, meeting_date, created_at) between '2025-03-01' and '2025-03-31'"
    ) > 1
    # The chapter member's filters stay within what they may read.
    mine = _ids(_all(many, chapter_member))
    assert _ids(_all(many, chapter_member, filters={"lokallag": bergen})) <= mine
    assert total(chapter_member, filters={"lokallag": bergen}) == count(
        f"chapter_id = {bergen} and status in ('vedtatt', 'sendt')")


def test_search_finds_the_words_who_adopted_it_and_nothing_else(many, people):
    leader, writer = people.leader, people.writer
    assert [r["title"] for r in _all(many, leader, text="skjenkingen klokka")] == [
        "Trygg natt – skjenkingen må slutte klokka 02"]
    assert len(_all(many, leader, text="nattesteng")) == 30  # a prefix of the word
    assert len(_all(many, leader, text="alesund")) == 10  # å read as a, any case
    assert [r["adopted_by"] for r in _all(many, leader, text="styret iogt bergen")] == [
        "Styret i IOGT Bergen"]
    assert _all(many, leader, text="zqxwvy") == []
    assert _all(many, leader, text='" OR title:*') == []  # FTS syntax is searched as text
    drafts = _ids(_all(many, leader, text="Standpunkt"))
    assert _ids(_all(many, writer, text="Standpunkt")) < drafts  # no drafts by search


def test_the_index_follows_edits(many, people):
    leader = people.leader
    sid = many.execute("select id from statements where title like 'Uttalelse 03 %'"
                       ).fetchone()[0]
    statements.update_draft(many, leader, sid, {"title": "Helt ny tittel om kveldsåpne kafeer",
                                               "position": "Nytt."})
    assert _ids(_all(many, leader, text="kveldsåpne")) == {sid}
    assert sid not in _ids(_all(many, leader, text="Uttalelse 03"))


def test_sorting_and_pages(many, people):
    leader = people.leader
    titles = [r["title"].casefold() for r in _all(many, leader, sort="tittel",
                                                  descending=False)]
    assert titles == sorted(titles)
    chapters = [r["chapter"] for r in _all(many, leader, sort="lokallag")]
    named = [c for c in chapters if c]
    assert named == sorted(named, key=str.casefold) and chapters[:len(named)] == named
    first = statement_list.find(many, leader, ListQuery(size=25))
    second = statement_list.find(many, leader, ListQuery(size=25, page=2))
    assert (first.total, first.pages, len(second.rows)) == (42, 2, 17)
    assert not _ids(first.rows) & _ids(second.rows)
    one = statement_list.find(many, leader, ListQuery(filters={"kommune": "4601"}, size=25))
    assert one.rows[0]["kommuner"] == "Bergen" and one.total == 8
