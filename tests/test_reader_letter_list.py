"""Innlegg as a long list: scope, «Trenger meg» in SQL against letter_lists.needs, filters,
search, period, sort and pages, checked against direct counts in the database."""

from __future__ import annotations

import datetime as dt
import itertools
from types import SimpleNamespace

import pytest

from advocacy.db import write
from advocacy.listing import ListQuery
from advocacy.writing import letter_lists, reader_letter_list, reader_letters
from tests.literal_records import paper

STATUSES = ("ide", "utkast", "til_vurdering", "godkjent", "sendt", "publisert", "refusert",
            "ingen_svar")
TODAYS = (dt.date(2026, 1, 1), dt.date(2026, 6, 15), dt.date(2031, 1, 1))
PAPERS = ("Avisa Nord", "Bygdeposten", "Elvebyen")
# title, text: the two letters written through `reader_letters` (the rest are raw rows)
LETTERS = [("Skjenketid er helsepolitikk", "Kortere skjenketid gir færre skader."),
           ("Kortere skjenketid i Tromsø", "Tromsø bør stenge barene tidligere.")]


def _all(db, user, everyone=False, today=None, **query) -> list[dict]:
    return reader_letter_list.find(db, user, ListQuery(size=10_000, **query),
                                   everyone=everyone, today=today).rows


def _ids(rows) -> set[int]:
    return {r["id"] for r in rows}


@pytest.fixture
def own(people):
    """`people` with the three papers of PAPERS ({name: id} as `.papers`), the two letters of
    LETTERS (by the writer and by Lag Drammen's member), and one raw letter of every status for
    each kind of author and chapter, sent letters with and without exclusive days (some lapsed
    by the dates of TODAYS)."""
    db = people.db
    ids = {name: paper(db, people.leader, name) for name in PAPERS}
    for (title, text), author in zip(LETTERS, (people.writer, people.member), strict=True):
        reader_letters.new_letter(db, author, title=title, text=text)
    authors = [people.leader.id, people.member.id, people.writer.id, people.other_member.id,
               None]
    chapters = [None, people.drammen, people.bergen]
    until = [None, "2026-06-01", "2026-06-15", "2026-07-01"]
    paper_ids = list(ids.values())
    with write(db):
        for n, (status, author, chapter, exclusive) in enumerate(
                itertools.product(STATUSES, authors, chapters, until)):
            if exclusive and status != "sendt":
                continue
            db.execute(
                """insert into documents (kind, title, status, author_id, chapter_id,
                       newspaper_id, kommunenummer, sent_on, exclusive_until, body)
                   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                ["kronikk" if n % 3 else "leserinnlegg", f"Prøve {n:03d}", status, author,
                 chapter, paper_ids[n % 3], ("3301", "4601", None)[n % 3],
                 f"2025-{1 + n % 12:02d}-1{n % 10}" if status in ("sendt", "publisert",
                                                                  "refusert") else None,
                 exclusive, f"Prøveteksten nummer {n} om ungdomsklubber"])
    return SimpleNamespace(**vars(people), papers=ids)


@pytest.fixture
def many(own):
    return own.db


@pytest.fixture
def own_leader(own):
    return own.leader


@pytest.fixture
def own_writer(own):
    return own.writer


@pytest.fixture
def users(own):
    return [own.leader, own.member, own.writer, own.other_member]


def test_the_list_shows_what_list_letters_shows_each_user(many, users):
    for user in users:
        for everyone in (False, True):
            expected = letter_lists.list_letters(many, user, everyone=everyone)
            page = reader_letter_list.find(many, user, ListQuery(size=10_000),
                                           everyone=everyone)
            assert page.total == len(expected)
            # The same rows in the same order (last changed first), with the same words.
            assert [(r["id"], r["needs"], r["waiting"]) for r in page.rows] == [
                (r["id"], r["needs"], r["waiting"]) for r in expected]


def test_needs_me_in_sql_is_exactly_needs_in_python(many, users):
    needing = 0
    for user, everyone, today in itertools.product(users, (False, True), TODAYS):
        rows = letter_lists.list_letters(many, user, everyone=everyone, today=today)
        expected = {r["id"] for r in rows if r["needs"]}
        found = _all(many, user, everyone, today, filters={"trenger_meg": 1})
        assert _ids(found) == expected, (user.username, everyone, today)
        assert all(r["needs"] for r in found)
        needing += len(found)
    assert needing > 0
    own_leader = users[0]
    assert _all(many, own_leader, True, TODAYS[1], filters={"trenger_meg": 1})  # not a vacuous test


def test_needing_me_is_the_first_twelve_and_counts_the_rest(many, own_leader):
    page = reader_letter_list.needing_me(many, own_leader, everyone=True)
    every = [r for r in letter_lists.list_letters(many, own_leader, everyone=True) if r["needs"]]
    assert page.total == len(every) > 12
    assert [r["id"] for r in page.rows] == [r["id"] for r in every[:12]]


def test_filters_count_what_the_database_holds(own, many, own_leader):
    bygdeposten, own_writer = own.papers["Bygdeposten"], own.writer.id
    scope = "kind in ('leserinnlegg', 'kronikk')"

    def count(where: str, params=()) -> int:
        return many.execute(f"select count(*) from documents where {scope} and {where}",  # noqa: S608
                            params).fetchone()[0]

    def total(**query) -> int:
        return reader_letter_list.find(many, own_leader, ListQuery(**query), everyone=True).total

    assert total() == count("1")
    assert total(filters={"status": ["sendt", "refusert"]}) == count(
        "status in ('sendt', 'refusert')") > 0
    assert total(filters={"status": "publisert"}) == count("status = 'publisert'") > 0
    assert total(filters={"avis": bygdeposten}) == count("newspaper_id = ?", [bygdeposten]) > 0
    assert total(filters={"skribent": own_writer}) == count("author_id = ?", [own_writer]) > 0
    assert total(filters={"kommune": "4601"}) == count("kommunenummer = '4601'") > 0
    assert total(filters={"type": "leserinnlegg"}) == count("kind = 'leserinnlegg'") > 0
    assert total(filters={"type": "kronikk", "avis": bygdeposten, "status": ["sendt"]}) == count(
        "kind = 'kronikk' and newspaper_id = ? and status = 'sendt'", [bygdeposten]) > 0
    may = dt.date(2025, 5, 1), dt.date(2025, 5, 31)
    assert total(start=may[0], end=may[1]) == count(
        "sent_on between '2025-05-01' and '2025-05-31'") > 0


def test_the_filters_stay_within_the_users_letters(own, many, own_writer):
    mine = {r["id"] for r in letter_lists.list_letters(many, own_writer)}
    others = _all(many, own_writer, filters={"avis": list(own.papers.values())}, text="Prøveteksten")
    assert others and _ids(others) <= mine
    assert _ids(_all(many, own_writer, True)) == mine  # «everyone» is for leadership only
    foreign = many.execute("select id from documents where author_id = ? and kind = 'kronikk'",
                           [own.leader.id]).fetchone()[0]
    assert reader_letter_list.letters(many, own_writer, [foreign]) == []
    assert _ids(reader_letter_list.letters(many, own_writer, [max(mine), None])) == {max(mine)}


def test_search_finds_the_words_and_nothing_else(many, own_leader):
    found = _all(many, own_leader, True, text="skjenketid helsepolitikk")
    assert [r["title"] for r in found] == ["Skjenketid er helsepolitikk"]
    hits = _all(many, own_leader, True, text="ungdomsklub")  # a prefix, as the FTS index reads it
    assert len(hits) == many.execute("select count(*) from documents where kind in "
                                     "('leserinnlegg', 'kronikk') and body like "
                                     "'%ungdomsklubber%'").fetchone()[0] > 12
    assert [r["title"] for r in _all(many, own_leader, True, text="tromsø")] == [
        "Kortere skjenketid i Tromsø"]
    assert _all(many, own_leader, True, text="zqxwvy") == []
    assert _all(many, own_leader, True, text='"OR * NEAR(') == []  # FTS syntax is searched as text


def test_sorting_and_pages(many, own_leader):
    by_title = _all(many, own_leader, True, sort="tittel", descending=False)
    titles = [r["title"].casefold() for r in by_title]
    assert titles == sorted(titles)
    sent = [r["sent_on"] for r in _all(many, own_leader, True, sort="sendt")]
    dated = [d for d in sent if d]
    assert dated == sorted(dated, reverse=True) and sent[:len(dated)] == dated  # nulls last
    papers = [r["newspaper"] for r in _all(many, own_leader, True, sort="avis", descending=True)
              if r["newspaper"]]
    assert papers == sorted(papers, key=str.casefold, reverse=True)
    first = reader_letter_list.find(many, own_leader, ListQuery(size=25), everyone=True)
    second = reader_letter_list.find(many, own_leader, ListQuery(size=25, page=2), everyone=True)
    last = reader_letter_list.find(many, own_leader, ListQuery(size=25, page=999), everyone=True)
    assert first.total == second.total == last.total
    assert len(first.rows) == 25 and not _ids(first.rows) & _ids(second.rows)
    assert last.page == first.pages and len(last.rows) == first.total - 25 * (first.pages - 1)


def test_pipeline_counts_and_choices(own, many, own_leader, own_writer):
    rows = letter_lists.list_letters(many, own_leader, everyone=True)
    assert reader_letter_list.pipeline_counts(many, own_leader, everyone=True) == (
        letter_lists.pipeline_counts(rows))
    assert reader_letter_list.writers(many, own_writer) == {own_writer.id: "Siv Skriver"}
    every = reader_letter_list.writers(many, own_leader, everyone=True)
    assert set(every) == {r["author_id"] for r in rows if r["author_id"]}
    assert list(every.values()) == ["Berit Bergen", "Dag Drammen", "Lise Leder", "Siv Skriver"]
    assert reader_letter_list.papers(many) == {own.papers[name]: name for name in PAPERS}
