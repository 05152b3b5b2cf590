"""The one way for long lists: search, filters, period, sort and pages agree with the rows, on
a real database (the demo data), within the user's scope."""

from __future__ import annotations

import datetime as dt

import pytest

from advocacy import listing
from advocacy.errors import PermissionDenied
from advocacy.listing import ListQuery
from advocacy.meetings import meeting_list


def _count(db, sql, params=()):
    return db.execute(sql, params).fetchone()[0]


def test_the_whole_list_in_pages_is_every_meeting_once(demo_db, leader):
    total = demo_db["meetings"].count
    seen = []
    page_no = 1
    while True:
        page = meeting_list.find(demo_db, leader, ListQuery(page=page_no, size=7))
        assert page.total == total
        seen += [r["id"] for r in page.rows]
        if page_no == page.pages:
            break
        page_no += 1
    assert len(seen) == len(set(seen)) == total
    dates = [r["held_on"] for r in meeting_list.find(demo_db, leader, ListQuery(size=500)).rows]
    assert dates == sorted(dates, reverse=True)  # newest first by default


def test_a_page_past_the_end_is_the_last_page(demo_db, leader):
    page = meeting_list.find(demo_db, leader, ListQuery(page=10_000, size=10))
    assert page.page == page.pages and page.rows
    assert page.first == (page.pages - 1) * 10 + 1 and page.last == page.total


def test_filters_narrow_as_a_direct_count_says(demo_db, leader):
    knr = demo_db.execute("select kommunenummer from meetings group by 1 order by count(*) desc"
                          ).fetchone()[0]
    page = meeting_list.find(demo_db, leader, ListQuery(filters={"kommune": knr, "type": "mote"}))
    assert page.total == _count(demo_db, "select count(*) from meetings where kommunenummer = ? "
                                         "and kind = 'mote'", [knr])
    assert {r["kommune"] for r in page.rows} <= {
        demo_db.execute("select navn from municipalities where kommunenummer = ?", [knr]
                        ).fetchone()[0]}
    several = meeting_list.find(demo_db, leader, ListQuery(filters={"type": ["mote", "telefon"]}))
    assert several.total == _count(demo_db, "select count(*) from meetings "
                                            "where kind in ('mote', 'telefon')")
    assert meeting_list.find(demo_db, leader, ListQuery(filters={"type": []})).total == \
        demo_db["meetings"].count  # nothing chosen filters nothing


def test_politician_filter_and_followup_state(demo_db, leader):
    pid = demo_db.execute("select politician_id from meeting_politicians limit 1").fetchone()[0]
    page = meeting_list.find(demo_db, leader, ListQuery(filters={"politiker": pid}))
    assert page.total == _count(demo_db, "select count(distinct meeting_id) from "
                                         "meeting_politicians where politician_id = ?", [pid])
    today = dt.date.today()
    overdue = meeting_list.find(demo_db, leader, ListQuery(filters={"oppfolging": "forfalt"}),
                                today=today)
    assert overdue.total == _count(
        demo_db, "select count(*) from meetings where followup_done_on is null "
                 "and followup_due < ?", [today.isoformat()])
    assert overdue.rows and all(r["followup_state"] == "forfalt" for r in overdue.rows)


def test_period_takes_both_ends(demo_db, leader):
    day = dt.date.fromisoformat(demo_db.execute("select held_on from meetings order by held_on "
                                                "limit 1 offset 3").fetchone()[0])
    page = meeting_list.find(demo_db, leader, ListQuery(start=day, end=day))
    assert page.total == _count(demo_db, "select count(*) from meetings where held_on = ?",
                                [day.isoformat()]) >= 1
    after = meeting_list.find(demo_db, leader, ListQuery(start=day))
    assert after.total == _count(demo_db, "select count(*) from meetings where held_on >= ?",
                                 [day.isoformat()])


def test_search_words_are_bound_and_all_must_match(demo_db, leader):
    summary = demo_db.execute("select summary from meetings where summary like '% % %' limit 1"
                              ).fetchone()[0]
    words = [w.strip(".,:;«»()") for w in summary.split() if len(w) > 4][:2]
    page = meeting_list.find(demo_db, leader, ListQuery(text=" ".join(words), size=500))
    assert page.total >= 1
    one = meeting_list.find(demo_db, leader, ListQuery(text=words[0])).total
    assert page.total <= one
    total = demo_db["meetings"].count
    for hostile in ['" OR 1=1 --', "summary:*", "'); drop table meetings; --", "%", "_", "NEAR("]:
        found = meeting_list.find(demo_db, leader, ListQuery(text=hostile)).total
        assert found < total, hostile  # searched for as words, not run
    assert demo_db["meetings"].count == total


def test_a_chapter_member_sees_only_their_chapter_whatever_the_filter(demo_db, chapter_member):
    other = demo_db.execute("select id from chapters where id != ? limit 1",
                            [chapter_member.chapter_id]).fetchone()[0]
    assert meeting_list.find(demo_db, chapter_member,
                             ListQuery(filters={"lokallag": other})).total == 0
    own = meeting_list.find(demo_db, chapter_member, ListQuery(size=500))
    assert own.total == _count(demo_db, "select count(*) from meetings where chapter_id = ?",
                               [chapter_member.chapter_id])


def test_writers_may_not_list_meetings(demo_db, writer):
    with pytest.raises(PermissionDenied):
        meeting_list.find(demo_db, writer, ListQuery())


def test_sorting_by_every_offered_order_both_ways(demo_db, leader):
    for name in meeting_list.SPEC.sorts:
        for descending in (False, True):
            rows = meeting_list.find(demo_db, leader, ListQuery(sort=name, descending=descending,
                                                                size=500)).rows
            assert len(rows) == demo_db["meetings"].count, name
    names = [r["kommune"] for r in meeting_list.find(
        demo_db, leader, ListQuery(sort="kommune", descending=False, size=500)).rows]
    assert names == sorted(names, key=listing.nb_key)


def test_unknown_sort_or_filter_is_a_programming_error(demo_db, leader):
    with pytest.raises(KeyError):
        meeting_list.find(demo_db, leader, ListQuery(sort="mt.id; drop table meetings"))
    with pytest.raises(KeyError):
        meeting_list.find(demo_db, leader, ListQuery(filters={"1=1 or kind": "x"}))


def test_fold_keeps_norwegian_letters_and_drops_accents():
    assert listing.fold("ÅSE Ødegård") == "åse ødegård"
    assert listing.fold("Café Müller") == "cafe muller"
    assert listing.fold("Æble") == "æble"
    assert listing.fold(None) == ""


def test_like_search_is_folded_and_escapes_wildcards(db):
    db["notes"].insert_all([{"id": 1, "t": "Åse på Café"}, {"id": 2, "t": "Ase 100%"},
                            {"id": 3, "t": "a_b"}], pk="id")
    spec = listing.ListSpec(select="id, t", source="notes", key="id",
                            sorts={"id": listing.Sort("Id", "id")}, like=("t",))

    def ids(text):
        return [r["id"] for r in listing.fetch(db, spec, ListQuery(text=text)).rows]

    assert ids("åse") == [1]  # Å is not A
    assert ids("CAFE") == [1]
    assert ids("%") == [2]
    assert ids("_") == [3]
    assert ids("ase 100") == [2]


def test_names_sort_in_norwegian_order(db):
    db["people"].insert_all([{"id": i, "name": n} for i, n in enumerate(
        ["Åse", "Øystein", "anne", "Ærlig", "Zeta", "Bjørn", "Bjarne", "Aase"], 1)], pk="id")
    spec = listing.ListSpec(select="id, name", source="people", key="id",
                            sorts={"navn": listing.Sort("Navn", listing.nb("name"))})
    rows = listing.fetch(db, spec, ListQuery()).rows
    assert [r["name"] for r in rows] == ["Aase", "anne", "Bjarne", "Bjørn", "Zeta", "Ærlig",
                                         "Øystein", "Åse"]
    assert [r["name"] for r in rows] == sorted((r["name"] for r in rows), key=listing.nb_key)


def test_a_page_asked_again_is_kept_until_anything_is_written(db, db_path):
    from advocacy.db import connect

    db["notes"].insert_all([{"id": i, "t": f"notat {i}"} for i in range(1, 4)], pk="id")
    spec = listing.ListSpec(select="id, t", source="notes", key="id",
                            sorts={"id": listing.Sort("Id", "id")}, like=("t",))
    first = listing.fetch(db, spec, ListQuery())
    first.rows[0]["t"] = "endret av siden"  # a caller's change stays its own
    again = listing.fetch(db, spec, ListQuery())
    assert (again.total, again.rows[0]["t"]) == (3, "notat 1")
    db["notes"].insert({"id": 4, "t": "notat 4"})  # this connection writes
    assert listing.fetch(db, spec, ListQuery()).total == 4
    other = connect(db_path)  # another connection (another session, or process) writes
    with other.conn:
        other.execute("delete from notes where id = 1")
    other.close()
    assert [r["id"] for r in listing.fetch(db, spec, ListQuery()).rows] == [2, 3, 4]


def test_a_database_file_made_again_at_the_same_path_is_not_served_old_pages(tmp_path):
    from advocacy.db import connect

    path = tmp_path / "igjen.db"
    spec = listing.ListSpec(select="id", source="t", key="id",
                            sorts={"id": listing.Sort("Id", "id")})
    totals = []
    for n in (3, 5):  # a demo reset or a restore: the file removed and made again
        for leftover in (path, path.with_name("igjen.db-wal"), path.with_name("igjen.db-shm")):
            leftover.unlink(missing_ok=True)
        db = connect(path)
        db["t"].insert_all([{"id": i} for i in range(n)], pk="id")
        totals.append(listing.fetch(db, spec, ListQuery()).total)
        db.close()
    assert totals == [3, 5]
