"""Dokumenter, Politikere and Kalender's lists: search, filters, sort, pages and the reader's
scope, on literal records the tests make and literal expected rows."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from advocacy.events import campaigns, event_list, events
from advocacy.letters import document_list, document_records
from advocacy.listing import ListQuery
from advocacy.meetings import followup_letters
from advocacy.politicians import politician_list
from advocacy.writing import reader_letters
from tests.conftest import politician
from tests.literal_records import chapter_writer, meeting, paper, sent_letter


def _ids(page):
    return [r["id"] for r in page.rows]


# --- Dokumenter ---


@pytest.fixture
def docs(people):
    """Six literal documents (`.ids`, oldest first) of every role, and `.group`, a writing-group
    user of Lag Drammen."""
    db = people.db
    anne = politician(db, people.leader, "Anne Aas", "3301")
    drammensavisa = paper(db, people.leader, "Drammensavisa", ["3301"])
    ids = [
        sent_letter(db, people.writer, people.leader, drammensavisa, "Skjenketid i Drammen",
                    "2026-03-01"),
        reader_letters.new_letter(db, people.writer, title="Ungdom og idrett", text="Idrett."),
        reader_letters.new_letter(db, people.member, title="Skjenketid og ungdom", text="Tekst.",
                                  kommunenummer="3301"),
        followup_letters.create_letter(db, people.member, meeting(
            db, people.member, "2026-03-02", "3301", [anne], "Vi snakket om skjenketid."), anne),
        reader_letters.new_letter(db, people.other_member, text="Tekst.", kommunenummer="4601",
                                  title="Bergen trenger tidligere stengetid"),
        reader_letters.new_letter(db, people.leader, title="Kronikk om skjenketid",
                                  text="Lang tekst.", kind="kronikk"),
    ]
    return SimpleNamespace(ids=ids, group=chapter_writer(people))


def test_documents_are_those_the_user_may_read(people, docs):
    d = docs.ids
    for user, expected in ((people.leader, d[::-1]), (people.member, [d[3], d[2]]),
                           (people.other_member, [d[4]]), (people.writer, [d[1], d[0]]),
                           (docs.group, [d[2]])):  # the group: not the follow-up letter
        readable = [r["id"] for r in document_records.list_documents(people.db, user)]
        page = document_list.find(people.db, user, ListQuery(size=100))
        assert (page.total, _ids(page)) == (len(expected), expected), user.username
        assert sorted(readable) == sorted(expected), user.username
    group_kinds = {r["kind"] for r in document_list.find(people.db, docs.group, ListQuery()).rows}
    assert group_kinds == {"leserinnlegg"} <= set(document_records.WRITER_KINDS)


def test_documents_filter_by_kind_status_municipality_author_and_period(people, docs):
    db, leader, d = people.db, people.leader, docs.ids
    for name, column, value, expected in (
            ("type", "kind", "leserinnlegg", [d[4], d[2], d[1], d[0]]),
            ("status", "status", "sendt", [d[0]]),
            ("kommune", "kommunenummer", "3301", [d[3], d[2], d[0]]),
            ("forfatter", "author_id", people.writer.id, [d[1], d[0]])):
        page = document_list.find(db, leader, ListQuery(filters={name: value}))
        assert (page.total, _ids(page)) == (len(expected), expected), name
        assert {r[column] for r in page.rows} == {value}
    both = document_list.find(db, leader, ListQuery(
        filters={"type": "leserinnlegg", "status": "utkast"}))
    assert _ids(both) == [d[4], d[2], d[1]]
    db.execute("update documents set updated_at = '2020-03-05T10:00:00Z' where id in (?, ?)",
               d[:2])
    old = document_list.find(db, leader, ListQuery(start=dt.date(2020, 3, 1),
                                                    end=dt.date(2020, 3, 5)))
    assert sorted(_ids(old)) == d[:2]
    assert document_list.find(db, leader, ListQuery(start=dt.date(2020, 3, 6),
                                                     end=dt.date(2020, 3, 31))).total == 0


def test_documents_search_their_words_within_the_scope(people, docs):
    db, d = people.db, docs.ids
    hits = document_list.find(db, people.leader, ListQuery(text="skjenketid"))
    assert _ids(hits) == [d[5], d[3], d[2], d[0]]  # the follow-up letter by its meeting's words
    assert _ids(document_list.find(db, people.writer, ListQuery(text="skjenketid"))) == [d[0]]
    assert _ids(document_list.find(db, docs.group, ListQuery(text="skjenketid"))) == [d[2]]
    # A follow-up letter's words are the meeting's: the writing group finds none of them.
    assert _ids(document_list.find(db, people.leader, ListQuery(text="Oppfølging"))) == [d[3]]
    assert document_list.find(db, docs.group, ListQuery(text="Oppfølging")).total == 0
    assert document_list.find(db, people.leader, ListQuery(text="zqxwvyintetord")).total == 0


def test_documents_sort_and_page(people, docs):
    db, leader = people.db, people.leader
    every = ["Bergen trenger tidligere stengetid", "Kronikk om skjenketid",
             "Oppfølging etter møtet 2. mars 2026 om alkoholpolitikken i kommunen – Anne Aas",
             "Skjenketid i Drammen", "Skjenketid og ungdom", "Ungdom og idrett"]
    by_title = document_list.find(db, leader, ListQuery(sort="tittel", size=2))
    assert [r["title"] for r in by_title.rows] == every[:2]
    second = document_list.find(db, leader, ListQuery(sort="tittel", size=2, page=2))
    assert [r["title"] for r in second.rows] == every[2:4]
    assert (second.first, second.last, second.pages) == (3, 4, 3)
    back = document_list.find(db, leader, ListQuery(sort="tittel", descending=True, size=100))
    assert [r["title"] for r in back.rows] == every[::-1]
    for sort in document_list.SPEC.sorts:  # every order the page offers runs, both ways
        for descending in (False, True):
            assert sorted(_ids(document_list.find(db, leader, ListQuery(
                sort=sort, descending=descending, text="skjenketid")))) == sorted(
                    docs.ids[i] for i in (0, 2, 3, 5)), sort
    newest = document_list.find(db, leader, ListQuery(size=100)).rows
    assert [r["id"] for r in newest] == docs.ids[::-1]
    assert [r["updated_at"] for r in newest] == sorted((r["updated_at"] for r in newest),
                                                        reverse=True)


def test_document_authors_are_those_in_scope(people, docs):
    assert document_list.authors(people.db, people.leader) == {
        people.member.id: "Dag Drammen", people.other_member.id: "Berit Bergen",
        people.leader.id: "Lise Leder", people.writer.id: "Siv Skriver"}
    assert document_list.authors(people.db, people.member) == {people.member.id: "Dag Drammen"}
    assert document_list.authors(people.db, docs.group) == {people.member.id: "Dag Drammen"}


# --- Politikere ---


@pytest.fixture
def directory(people):
    """Six literal politicians in Drammen, Bergen and Oslo, in the order made."""
    return [politician(people.db, people.leader, name, kommune, party=party, role=role)
            for name, kommune, party, role in (
                ("Anne Aas", "3301", "Høyre", "ordfører"),
                ("Bjørn Berg", "3301", "Arbeiderpartiet", "gruppeleder"),
                ("Åse Ødegård", "3301", "", "gruppeleder"),
                ("Ase Odegard", "3301", "", "gruppeleder"),
                ("Cato Carlsen", "4601", "Høyre", "ordfører"),
                ("Eva Eide", "0301", "Bygdelista", "kommunestyremedlem"))]


def _names(page):
    return [r["name"] for r in page.rows]


def test_politicians_filter_by_county_municipality_party_and_role(people, directory):
    db, member = people.db, people.member
    everyone = politician_list.find(db, member, ListQuery(size=100))
    assert sorted(_ids(everyone)) == directory
    county = politician_list.find(db, member, ListQuery(filters={"fylke": "33"}))
    assert (county.total, {r["kommune"] for r in county.rows}) == (4, {"Drammen"})
    assert sorted(_ids(county)) == directory[:4]
    party = politician_list.find(db, member, ListQuery(filters={"parti": "H"}))
    assert _names(party) == ["Cato Carlsen", "Anne Aas"]
    own_list = politician_list.find(db, member, ListQuery(filters={"parti": "Bygdelista"}))
    assert _names(own_list) == ["Eva Eide"]
    role = politician_list.find(db, member, ListQuery(
        filters={"rolle": "ordforer", "kommune": "3301"}))
    assert _names(role) == ["Anne Aas"]


def test_politicians_search_names_case_and_letters_folded(people, directory):
    db, writer = people.db, people.writer
    found = politician_list.find(db, writer, ListQuery(text="ødegård"))
    assert _names(found) == ["Åse Ødegård"]  # ø is a letter of its own
    assert _names(politician_list.find(db, writer, ListQuery(text="ÅSE øde"))) == ["Åse Ødegård"]
    assert _names(politician_list.find(db, writer, ListQuery(text="carlsen"))) == [
        "Cato Carlsen"]


def test_politicians_sort_by_name_municipality_and_party(people, directory):
    db, leader = people.db, people.leader
    names = ["Anne Aas", "Ase Odegard", "Bjørn Berg", "Cato Carlsen", "Eva Eide", "Åse Ødegård"]
    page = politician_list.find(db, leader, ListQuery(sort="navn", size=100))
    assert _names(page) == names  # Norwegian order: Å last
    back = politician_list.find(db, leader, ListQuery(sort="navn", descending=True, size=5))
    assert _names(back) == names[::-1][:5]
    by_place = politician_list.find(db, leader, ListQuery(size=100)).rows
    assert [(r["kommune"], r["name"]) for r in by_place] == [
        ("Bergen", "Cato Carlsen"), ("Drammen", "Anne Aas"), ("Drammen", "Ase Odegard"),
        ("Drammen", "Bjørn Berg"), ("Drammen", "Åse Ødegård"), ("Oslo", "Eva Eide")]
    for sort in politician_list.SPEC.sorts:  # every order the page offers runs, both ways
        for descending in (False, True):
            assert sorted(_ids(politician_list.find(db, leader, ListQuery(
                sort=sort, descending=descending, filters={"fylke": "33"})))) == \
                directory[:4], sort
    by_party = politician_list.find(db, leader, ListQuery(sort="parti", size=100)).rows
    assert [(r["party"], r["name"]) for r in by_party] == [
        (None, "Ase Odegard"), (None, "Åse Ødegård"), ("Ap", "Bjørn Berg"),
        ("Bygdelista", "Eva Eide"), ("H", "Anne Aas"), ("H", "Cato Carlsen")]


# --- Kalender ---


@pytest.fixture
def calendar(people):
    """Five literal events of two chapters and leadership (`.ids`, in the order made) and the
    campaign `.campaign` two of them belong to."""
    db, leader = people.db, people.leader
    campaign = campaigns.create_campaign(db, leader, "Trygg jul", starts_on="2026-11-01",
                                         ends_on="2026-12-31")
    ids = [
        events.create_event(db, people.member, kind="stand", title="Stand på Bragernes torg",
                            starts_at=dt.datetime(2026, 11, 20, 10, 0), place="Bragernes torg",
                            responsible="Kari Nordmann", campaign_id=campaign),
        events.create_event(db, people.member, kind="debatt", title="Debatt om skjenketid",
                            starts_at=dt.datetime(2026, 12, 10, 19, 0), place="Rådhuset"),
        events.create_event(db, leader, kind="seminar", title="Seminar i nord",
                            starts_at=dt.date(2027, 1, 15), place="Tromsø"),
        events.create_event(db, leader, kind="stand", title="Stand i Bergen",
                            starts_at=dt.datetime(2026, 12, 5, 12, 0), place="Torgallmenningen",
                            chapter_id=people.bergen, campaign_id=campaign),
        events.create_event(db, leader, kind="fanemarkering", title="Fanemarkering",
                            starts_at=dt.date(2026, 10, 1), place="Torget"),
    ]
    return SimpleNamespace(ids=ids, campaign=campaign)


def test_events_filter_by_kind_chapter_campaign_and_when(people, calendar):
    db, member, e = people.db, people.member, calendar.ids
    today = dt.date(2026, 12, 1)
    every = event_list.find(db, member, ListQuery(), today=today)
    assert _ids(every) == [e[4], e[0], e[3], e[1], e[2]]  # by date, earliest first
    kinds = event_list.find(db, member, ListQuery(filters={"type": ["stand", "debatt"]}),
                            today=today)
    assert _ids(kinds) == [e[0], e[3], e[1]]
    chapter = event_list.find(db, member, ListQuery(filters={"lokallag": people.drammen}))
    assert (_ids(chapter), {r["chapter"] for r in chapter.rows}) == ([e[0], e[1]],
                                                                     {"Lag Drammen"})
    campaign = event_list.find(db, member, ListQuery(filters={"kampanje": calendar.campaign}))
    assert (_ids(campaign), {r["campaign"] for r in campaign.rows}) == ([e[0], e[3]],
                                                                        {"Trygg jul"})
    coming = event_list.find(db, member, ListQuery(filters={"nar": "kommende"}), today=today)
    past = event_list.find(db, member, ListQuery(filters={"nar": "tidligere"}), today=today)
    assert (_ids(coming), _ids(past)) == ([e[3], e[1], e[2]], [e[4], e[0]])


def test_events_search_title_place_and_responsible(people, calendar):
    db, writer = people.db, people.writer
    assert [r["title"] for r in event_list.find(db, writer, ListQuery(text="bragernes"))
            .rows] == ["Stand på Bragernes torg"]
    assert [r["place"] for r in event_list.find(db, writer, ListQuery(text="TROMSØ"))
            .rows] == ["Tromsø"]
    assert [r["place"] for r in event_list.find(db, writer, ListQuery(text="radhuset"))
            .rows] == ["Rådhuset"]  # the index folds accents as the other searches do
    assert _ids(event_list.find(db, writer, ListQuery(text="kari nordmann"))) == [
        calendar.ids[0]]
    assert event_list.find(db, writer, ListQuery(text="zqxwvyintetord")).total == 0


def test_events_sort_period_pages_and_ics(people, calendar):
    db, leader, e = people.db, people.leader, calendar.ids
    first = event_list.find(db, leader, ListQuery(size=3))
    assert [r["starts_at"] for r in first.rows] == [
        "2026-10-01", "2026-11-20T10:00", "2026-12-05T12:00"]
    by_chapter = event_list.find(db, leader, ListQuery(sort="lokallag", size=100)).rows
    assert [r["chapter"] for r in by_chapter] == ["Lag Bergen", "Lag Drammen", "Lag Drammen",
                                                  None, None]  # no chapter last
    for sort in event_list.SPEC.sorts:  # every order the page offers runs, both ways
        for descending in (False, True):
            assert sorted(_ids(event_list.find(db, leader, ListQuery(
                sort=sort, descending=descending)))) == e, sort
    december = event_list.find(db, leader, ListQuery(
        start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 31)))
    assert _ids(december) == [e[3], e[1]]
    everything = event_list.every_item(db, leader, ListQuery(size=2))
    assert len(everything) == 5
    assert events.ics(everything).count(b"BEGIN:VEVENT") == 5
    assert event_list.items(first.rows)[0]["date"] == dt.date(2026, 10, 1)


def test_the_event_index_follows_changes(people):
    db, leader = people.db, people.leader
    new = events.create_event(db, leader, kind="stand", title="Stand ved Sjøsiden",
                              starts_at=dt.datetime(2027, 2, 1, 12, 0), place="Sjøsiden")
    assert _ids(event_list.find(db, leader, ListQuery(text="sjøsiden"))) == [new]
    events.update_event(db, leader, new, kind="stand", title="Stand på kaia",
                        starts_at=dt.datetime(2027, 2, 1, 12, 0), place="Kaia")
    assert event_list.find(db, leader, ListQuery(text="sjøsiden")).total == 0
    assert _ids(event_list.find(db, leader, ListQuery(text="kaia"))) == [new]
    events.delete_event(db, leader, new)
    assert event_list.find(db, leader, ListQuery(text="kaia")).total == 0
