"""The one way for long lists: search, filters, period, sort and pages agree with the rows, on
a real database (literal meetings the tests make), within the user's scope."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from advocacy import listing
from advocacy.errors import PermissionDenied
from advocacy.listing import ListQuery
from advocacy.meetings import meeting_list, meetings
from tests.conftest import politician
from tests.literal_records import meeting

TODAY = dt.date(2026, 3, 20)


@pytest.fixture
def logged(people):
    """Five literal meetings of two chapters: `.ids` in the order logged (oldest first), the
    politicians `.anne`, `.bjorn` (Drammen) and `.cato` (Bergen)."""
    db = people.db
    anne = politician(db, people.leader, "Anne Aas", "3301")
    bjorn = politician(db, people.leader, "Bjørn Berg", "3301")
    cato = politician(db, people.leader, "Cato Carlsen", "4601")
    ids = [
        meeting(db, people.member, "2026-01-05", "3301", [anne, bjorn],
                "Skjenketider og kontroller i sentrum.", today=TODAY),
        meeting(db, people.member, "2026-02-10", "3301", [anne], "Telefon om bevillinger.",
                kind="telefon", today=TODAY),
        meeting(db, people.member, "2026-02-20", "3301", [bjorn], "E-post om uteservering.",
                kind="epost", today=TODAY),
        meeting(db, people.leader, "2026-03-01", "4601", [cato], "Skjenketider i Bergen.",
                chapter_id=people.bergen, today=TODAY),
        meeting(db, people.other_member, "2026-03-15", "4601", [cato],
                "Alkoholfrie arenaer for ungdom.", today=TODAY),
    ]
    meetings.mark_followup_done(db, people.member, ids[0], dt.date(2026, 1, 10), today=TODAY)
    return SimpleNamespace(ids=ids, anne=anne, bjorn=bjorn, cato=cato)


def _ids(page):
    return [r["id"] for r in page.rows]


def test_the_whole_list_in_pages_is_every_meeting_once(people, logged):
    seen = []
    page_no = 1
    while True:
        page = meeting_list.find(people.db, people.leader, ListQuery(page=page_no, size=2))
        assert (page.total, page.pages) == (5, 3)
        seen += _ids(page)
        if page_no == page.pages:
            break
        page_no += 1
    assert seen == logged.ids[::-1]  # every meeting once, newest first by default
    rows = meeting_list.find(people.db, people.leader, ListQuery(size=500)).rows
    assert [r["held_on"] for r in rows] == [
        "2026-03-15", "2026-03-01", "2026-02-20", "2026-02-10", "2026-01-05"]


def test_a_page_past_the_end_is_the_last_page(people, logged):
    page = meeting_list.find(people.db, people.leader, ListQuery(page=10_000, size=2))
    assert (page.page, page.pages, _ids(page)) == (3, 3, [logged.ids[0]])
    assert (page.first, page.last, page.total) == (5, 5, 5)


def test_filters_narrow_as_a_direct_count_says(people, logged):
    db, leader, ids = people.db, people.leader, logged.ids
    page = meeting_list.find(db, leader, ListQuery(filters={"kommune": "3301", "type": "mote"}))
    assert (page.total, _ids(page), [r["kommune"] for r in page.rows]) == (
        1, [ids[0]], ["Drammen"])
    several = meeting_list.find(db, leader, ListQuery(filters={"type": ["mote", "telefon"]}))
    assert (several.total, _ids(several)) == (4, [ids[4], ids[3], ids[1], ids[0]])
    nothing_chosen = meeting_list.find(db, leader, ListQuery(filters={"type": []}))
    assert nothing_chosen.total == 5  # nothing chosen filters nothing


def test_politician_filter_and_followup_state(people, logged):
    db, leader, ids = people.db, people.leader, logged.ids
    page = meeting_list.find(db, leader, ListQuery(filters={"politiker": logged.anne}))
    assert (page.total, _ids(page)) == (2, [ids[1], ids[0]])
    overdue = meeting_list.find(db, leader, ListQuery(filters={"oppfolging": "forfalt"}),
                                today=TODAY)
    assert (overdue.total, _ids(overdue)) == (3, [ids[3], ids[2], ids[1]])
    assert [(r["followup_due"], r["followup_state"]) for r in overdue.rows] == [
        ("2026-03-15", "forfalt"), ("2026-03-06", "forfalt"), ("2026-02-24", "forfalt")]
    states = meeting_list.find(db, leader, ListQuery(), today=TODAY).rows
    assert [r["followup_state"] for r in states] == [
        "venter", "forfalt", "forfalt", "forfalt", "fulgt_opp"]


def test_period_takes_both_ends(people, logged):
    db, leader, ids = people.db, people.leader, logged.ids
    day = dt.date(2026, 2, 20)
    page = meeting_list.find(db, leader, ListQuery(start=day, end=day))
    assert (page.total, _ids(page)) == (1, [ids[2]])
    after = meeting_list.find(db, leader, ListQuery(start=day))
    assert (after.total, _ids(after)) == (3, [ids[4], ids[3], ids[2]])
    between = meeting_list.find(db, leader, ListQuery(start=dt.date(2026, 2, 10),
                                                      end=dt.date(2026, 3, 1)))
    assert _ids(between) == [ids[3], ids[2], ids[1]]


def test_search_words_are_bound_and_all_must_match(people, logged):
    db, leader, ids = people.db, people.leader, logged.ids
    page = meeting_list.find(db, leader, ListQuery(text="skjenketider kontroller", size=500))
    assert _ids(page) == [ids[0]]
    one = meeting_list.find(db, leader, ListQuery(text="skjenketider"))
    assert _ids(one) == [ids[3], ids[0]]
    for hostile in ['" OR 1=1 --', "summary:*", "'); drop table meetings; --", "%", "_", "NEAR("]:
        found = meeting_list.find(db, leader, ListQuery(text=hostile)).total
        assert found < 5, hostile  # searched for as words, not run
    assert db["meetings"].count == 5


def test_a_chapter_member_sees_only_their_chapter_whatever_the_filter(people, logged):
    db, member = people.db, people.member
    assert meeting_list.find(db, member, ListQuery(filters={"lokallag": people.bergen})).total == 0
    own = meeting_list.find(db, member, ListQuery(size=500))
    assert (own.total, _ids(own)) == (3, logged.ids[2::-1])
    assert {r["chapter"] for r in own.rows} == {"Lag Drammen"}


def test_writers_may_not_list_meetings(people, logged):
    with pytest.raises(PermissionDenied):
        meeting_list.find(people.db, people.writer, ListQuery())


def test_sorting_by_every_offered_order_both_ways(people, logged):
    db, leader = people.db, people.leader
    for name in meeting_list.SPEC.sorts:
        for descending in (False, True):
            rows = meeting_list.find(db, leader, ListQuery(sort=name, descending=descending,
                                                           size=500)).rows
            assert sorted(r["id"] for r in rows) == logged.ids, name
    names = [r["kommune"] for r in meeting_list.find(
        db, leader, ListQuery(sort="kommune", descending=False, size=500)).rows]
    assert names == ["Bergen", "Bergen", "Drammen", "Drammen", "Drammen"]
    chapters = [r["chapter"] for r in meeting_list.find(
        db, leader, ListQuery(sort="lokallag", descending=True, size=500)).rows]
    assert chapters == ["Lag Drammen"] * 3 + ["Lag Bergen"] * 2
    due = [r["followup_due"] for r in meeting_list.find(
        db, leader, ListQuery(sort="frist", descending=False, size=500)).rows]
    assert due == ["2026-01-19", "2026-02-24", "2026-03-06", "2026-03-15", "2026-03-29"]


def test_unknown_sort_or_filter_is_a_programming_error(people):
    with pytest.raises(KeyError):
        meeting_list.find(people.db, people.leader, ListQuery(sort="mt.id; drop table meetings"))
    with pytest.raises(KeyError):
        meeting_list.find(people.db, people.leader, ListQuery(filters={"1=1 or kind": "x"}))


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
