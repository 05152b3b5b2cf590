"""Dokumenter, Politikere and Kalender's lists: search, filters, sort, pages and the reader's
scope agree with direct counts on the real database."""

from __future__ import annotations

import datetime as dt

from advocacy.events import event_list, events
from advocacy.letters import document_list, document_records
from advocacy.listing import ListQuery, nb_key
from advocacy.politicians import politician_list


def _count(db, sql, params=()):
    return db.execute(sql, params).fetchone()[0]


def _ids(page):
    return [r["id"] for r in page.rows]


# --- Dokumenter ---


def test_documents_are_those_the_user_may_read(demo_db, leader, chapter_member, writer):
    for user in (leader, chapter_member, writer):
        readable = {r["id"] for r in document_records.list_documents(demo_db, user)}
        page = document_list.find(demo_db, user, ListQuery(size=100))
        assert page.total == len(readable) and set(_ids(page)) == readable
    assert document_list.find(demo_db, leader, ListQuery()).total == demo_db["documents"].count
    writer_kinds = {r["kind"] for r in document_list.find(demo_db, writer, ListQuery()).rows}
    assert writer_kinds <= set(document_records.WRITER_KINDS)


def test_documents_filter_by_kind_status_municipality_author_and_period(demo_db, leader):
    for name, column, value in (("type", "kind", "leserinnlegg"), ("status", "status", "sendt"),
                                ("kommune", "kommunenummer", "5001"),
                                ("forfatter", "author_id", 4)):
        page = document_list.find(demo_db, leader, ListQuery(filters={name: value}))
        assert page.total == _count(demo_db, f"select count(*) from documents "  # noqa: S608
                                             f"where {column} = ?", [value]) > 0
        assert {r[column] for r in page.rows} == {value}
    both = document_list.find(demo_db, leader, ListQuery(
        filters={"type": "leserinnlegg", "status": "publisert"}))
    assert both.total == _count(demo_db, "select count(*) from documents where kind = "
                                         "'leserinnlegg' and status = 'publisert'")
    demo_db.execute("update documents set updated_at = '2020-03-05T10:00:00Z' where id in (1, 2)")
    old = document_list.find(demo_db, leader, ListQuery(start=dt.date(2020, 3, 1),
                                                         end=dt.date(2020, 3, 5)))
    assert sorted(_ids(old)) == [1, 2]
    assert document_list.find(demo_db, leader, ListQuery(start=dt.date(2020, 3, 6),
                                                          end=dt.date(2020, 3, 31))).total == 0


def test_documents_search_their_words_within_the_scope(demo_db, leader, writer):
    hits = document_list.find(demo_db, leader, ListQuery(text="skjenketid"))
    titled = _count(demo_db, "select count(*) from documents where title like '%skjenketid%'")
    assert hits.total >= titled > 0
    theirs = document_list.find(demo_db, writer, ListQuery(text="skjenketid")).rows
    readable = {x["id"] for x in document_records.list_documents(demo_db, writer)}
    assert theirs and all(r["id"] in readable for r in theirs)
    # A follow-up letter's words are the meeting's: the writing group finds none of them.
    assert not {r["kind"] for r in document_list.find(
        demo_db, writer, ListQuery(text="Oppfølging")).rows} & {"oppfolgingsbrev"}
    assert document_list.find(demo_db, leader, ListQuery(text="zqxwvyintetord")).total == 0


def test_documents_sort_and_page(demo_db, leader):
    by_title = document_list.find(demo_db, leader, ListQuery(sort="tittel", size=5))
    every = [r[0] for r in demo_db.execute("select title from documents order by title, id")]
    assert [r["title"] for r in by_title.rows] == every[:5]
    second = document_list.find(demo_db, leader, ListQuery(sort="tittel", size=5, page=2))
    assert [r["title"] for r in second.rows] == every[5:10]
    assert (second.first, second.last, second.pages) == (6, 10, -(-len(every) // 5))
    for sort in document_list.SPEC.sorts:  # every order the page offers runs, both ways
        for descending in (False, True):
            assert document_list.find(demo_db, leader, ListQuery(
                sort=sort, descending=descending, text="skjenketid")).total > 0
    newest = document_list.find(demo_db, leader, ListQuery(size=100)).rows
    assert [r["updated_at"] for r in newest] == sorted((r["updated_at"] for r in newest),
                                                        reverse=True)


def test_document_authors_are_those_in_scope(demo_db, leader, chapter_member):
    assert set(document_list.authors(demo_db, leader)) == {
        r[0] for r in demo_db.execute("select distinct author_id from documents")}
    mine = {r["author_id"] for r in document_records.list_documents(demo_db, chapter_member)}
    assert set(document_list.authors(demo_db, chapter_member)) == mine


# --- Politikere ---


def test_politicians_filter_by_county_municipality_party_and_role(demo_db, chapter_member):
    everyone = politician_list.find(demo_db, chapter_member, ListQuery(size=100))
    assert everyone.total == demo_db["politicians"].count
    county = politician_list.find(demo_db, chapter_member, ListQuery(filters={"fylke": "33"}))
    assert county.total == _count(demo_db, "select count(*) from politicians p join "
                                           "municipalities m using (kommunenummer) "
                                           "where m.fylkesnummer = '33'") > 0
    assert {r["kommune"] for r in county.rows} == {"Drammen"}
    code = demo_db.execute("select party_code from politicians where party_code is not null "
                           "group by 1 order by count(*) desc").fetchone()[0]
    party = politician_list.find(demo_db, chapter_member, ListQuery(filters={"parti": code}))
    assert party.total == _count(demo_db, "select count(*) from politicians where party_code = ?",
                                 [code]) > 0
    role = politician_list.find(demo_db, chapter_member, ListQuery(
        filters={"rolle": "ordforer", "kommune": "3301"}))
    assert role.total == _count(demo_db, "select count(*) from politicians where role = "
                                         "'ordforer' and kommunenummer = '3301'")


def test_politicians_search_names_case_and_letters_folded(demo_db, writer):
    demo_db["politicians"].insert_all([
        {"name": "Åse Ødegård", "kommunenummer": "3301", "role": "gruppeleder", "in_office": 1},
        {"name": "Ase Odegard", "kommunenummer": "3301", "role": "gruppeleder", "in_office": 1}])
    found = politician_list.find(demo_db, writer, ListQuery(text="ødegård"))
    assert [r["name"] for r in found.rows] == ["Åse Ødegård"]  # ø is a letter of its own
    assert "Åse Ødegård" in {r["name"] for r in politician_list.find(
        demo_db, writer, ListQuery(text="ÅSE øde")).rows}
    name = demo_db.execute("select name from politicians order by id").fetchone()[0]
    assert name in {r["name"] for r in politician_list.find(
        demo_db, writer, ListQuery(text=name.split()[-1].lower())).rows}


def test_politicians_sort_by_name_municipality_and_party(demo_db, leader):
    names = [r[1] for r in sorted(demo_db.execute("select id, name from politicians"),
                                  key=lambda r: (nb_key(r[1]), r[0]))]  # Norwegian order
    page = politician_list.find(demo_db, leader, ListQuery(sort="navn", size=100))
    assert [r["name"] for r in page.rows] == names
    back = politician_list.find(demo_db, leader, ListQuery(sort="navn", descending=True, size=5))
    assert [r["name"] for r in back.rows] == names[::-1][:5]
    by_place = politician_list.find(demo_db, leader, ListQuery(size=100)).rows
    assert [(r["kommune"], r["name"]) for r in by_place] == sorted(
        ((r["kommune"], r["name"]) for r in by_place),
        key=lambda pair: (nb_key(pair[0]), nb_key(pair[1])))
    for sort in politician_list.SPEC.sorts:  # every order the page offers runs, both ways
        for descending in (False, True):
            assert politician_list.find(demo_db, leader, ListQuery(
                sort=sort, descending=descending, filters={"fylke": "33"})).total > 0
    by_party = politician_list.find(demo_db, leader, ListQuery(sort="parti", size=100)).rows
    assert [r["party"] or "" for r in by_party] == sorted(r["party"] or "" for r in by_party)


# --- Kalender ---


def test_events_filter_by_kind_chapter_campaign_and_when(demo_db, chapter_member):
    today = dt.date(2026, 12, 1)
    every = event_list.find(demo_db, chapter_member, ListQuery(), today=today)
    assert every.total == demo_db["events"].count
    kinds = event_list.find(demo_db, chapter_member, ListQuery(
        filters={"type": ["stand", "debatt"]}), today=today)
    assert kinds.total == _count(demo_db, "select count(*) from events "
                                          "where kind in ('stand', 'debatt')") == 2
    chapter = event_list.find(demo_db, chapter_member, ListQuery(filters={"lokallag": 1}))
    assert {r["chapter_id"] for r in chapter.rows} == {1}
    assert chapter.total == _count(demo_db, "select count(*) from events where chapter_id = 1")
    campaign = event_list.find(demo_db, chapter_member, ListQuery(filters={"kampanje": 1}))
    assert campaign.total == _count(demo_db, "select count(*) from events where campaign_id = 1")
    coming = event_list.find(demo_db, chapter_member, ListQuery(filters={"nar": "kommende"}),
                             today=today)
    past = event_list.find(demo_db, chapter_member, ListQuery(filters={"nar": "tidligere"}),
                           today=today)
    assert coming.total == _count(demo_db, "select count(*) from events where starts_at >= ?",
                                  [today.isoformat()])
    assert coming.total + past.total == every.total and past.total > 0


def test_events_search_title_place_and_responsible(demo_db, writer):
    assert [r["title"] for r in event_list.find(demo_db, writer, ListQuery(text="bragernes"))
            .rows] == ["Stand på Bragernes torg"]
    assert {r["place"] for r in event_list.find(demo_db, writer, ListQuery(text="TROMSØ"))
            .rows} == {"Tromsø"}
    assert {r["place"] for r in event_list.find(demo_db, writer, ListQuery(text="radhuset"))
            .rows} == {"Rådhuset"}  # the index folds accents as the other searches do
    assert event_list.find(demo_db, writer, ListQuery(text="kari demo")).total == 1
    assert event_list.find(demo_db, writer, ListQuery(text="zqxwvyintetord")).total == 0


def test_events_sort_period_pages_and_ics(demo_db, leader):
    first = event_list.find(demo_db, leader, ListQuery(size=3))
    dates = [r[0] for r in demo_db.execute("select starts_at from events order by starts_at")]
    assert [r["starts_at"] for r in first.rows] == dates[:3]
    by_chapter = event_list.find(demo_db, leader, ListQuery(sort="lokallag", size=100)).rows
    assert [r["chapter"] for r in by_chapter] == sorted(r["chapter"] for r in by_chapter)
    for sort in event_list.SPEC.sorts:  # every order the page offers runs, both ways
        for descending in (False, True):
            assert event_list.find(demo_db, leader, ListQuery(
                sort=sort, descending=descending)).total == len(dates)
    december = event_list.find(demo_db, leader, ListQuery(
        start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 31)))
    assert december.total == _count(demo_db, "select count(*) from events where starts_at "
                                             ">= '2026-12-01' and starts_at < '2027-01-01'")
    everything = event_list.every_item(demo_db, leader, ListQuery(size=2))
    assert len(everything) == demo_db["events"].count
    assert events.ics(everything).count(b"BEGIN:VEVENT") == len(everything)
    assert event_list.items(first.rows)[0]["date"] == dt.date.fromisoformat(dates[0][:10])


def test_the_event_index_follows_changes(demo_db, leader):
    new = events.create_event(demo_db, leader, kind="stand", title="Stand ved Sjøsiden",
                              starts_at=dt.datetime(2027, 2, 1, 12, 0), place="Sjøsiden")
    assert _ids(event_list.find(demo_db, leader, ListQuery(text="sjøsiden"))) == [new]
    events.update_event(demo_db, leader, new, kind="stand", title="Stand på kaia",
                        starts_at=dt.datetime(2027, 2, 1, 12, 0), place="Kaia")
    assert event_list.find(demo_db, leader, ListQuery(text="sjøsiden")).total == 0
    assert _ids(event_list.find(demo_db, leader, ListQuery(text="kaia"))) == [new]
    events.delete_event(demo_db, leader, new)
    assert event_list.find(demo_db, leader, ListQuery(text="kaia")).total == 0
