"""Hostile words and filters on the lists of documents, politicians and events: what is typed
is searched as text (never run as SQL or FTS5 syntax), a filter never widens the reader's scope,
and nothing is written."""

from __future__ import annotations

import pytest

from advocacy.events import event_list
from advocacy.letters import document_list, document_records
from advocacy.listing import ListQuery
from advocacy.politicians import politician_list
from advocacy.writing import reader_letters
from tests.literal_history import records
from tests.literal_records import LETTER_TEXT
from tests.ui.conftest import login, open_tab, page_file

HOSTILE = ['" OR 1=1 --', "title:*", "NEAR(a b)", "'; drop table documents; --", "%", "_",
           "\\", "a\x00b", "*", "ø" * 500, "^skjenk", "{title body}: x", "AND OR NOT"]


def _changes(db):
    return db.execute("select total_changes()").fetchone()[0]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_words_are_searched_as_text_and_change_nothing(people, text):
    db, leader, writer = people.db, people.leader, people.writer
    records(people)
    reader_letters.new_letter(db, writer, title="Skjenketider i Drammen", text=LETTER_TEXT)
    before = _changes(db)
    counts = (db["documents"].count, db["politicians"].count, db["events"].count)
    assert counts == (3, 3, 1)
    readable = {r["id"] for r in document_records.list_documents(db, writer)}
    assert {r["id"] for r in document_list.find(db, writer, ListQuery(text=text)).rows
            } <= readable
    for find, user in ((document_list.find, writer), (document_list.find, leader),
                       (politician_list.find, writer), (event_list.find, writer)):
        page = find(db, user, ListQuery(text=text))
        assert len(page.rows) == min(page.total, 50)
        if text in ("%", "_", "\\", "*"):
            assert page.total == 0  # no words: nothing matches (a wildcard is not everything)
    assert (db["documents"].count, db["politicians"].count, db["events"].count) == counts
    assert _changes(db) == before


def test_a_filter_never_reaches_outside_the_scope(people):
    db = people.db
    for who in ("writer", "member", "other_member", "leader"):
        reader_letters.new_letter(db, getattr(people, who), title=f"Innlegg av {who}")
    other = people.other_member

    def titles(user, filters):
        return [r["title"] for r in document_list.find(
            db, user, ListQuery(filters=filters, size=100)).rows]

    for filters, everyone in (
            ({"type": "leserinnlegg"}, ["Innlegg av leader", "Innlegg av other_member",
                                        "Innlegg av member", "Innlegg av writer"]),
            ({"forfatter": other.id}, ["Innlegg av other_member"]),
            ({"lokallag": people.bergen}, ["Innlegg av other_member"]),
            ({"status": ["sendt", "utkast", "vedtatt"]}, ["Innlegg av leader",
                                                          "Innlegg av other_member",
                                                          "Innlegg av member",
                                                          "Innlegg av writer"])):
        assert titles(people.leader, filters) == everyone  # the filter finds them ...
        own = {"writer": "Innlegg av writer", "member": "Innlegg av member"}
        for who, title in own.items():  # ... but never outside the reader's own scope
            assert titles(getattr(people, who), filters) == [t for t in everyone if t == title]


def test_an_unknown_sort_or_filter_is_refused(people):
    for query in (ListQuery(sort="d.id; drop table documents"),
                  ListQuery(filters={"1 = 1 or d.id": 1})):
        with pytest.raises(KeyError):
            document_list.find(people.db, people.leader, query)


def test_hostile_words_in_the_page_show_no_traceback(app):
    login(app, "skrivegruppe")
    app.switch_page(page_file("politikere"))
    app.run()
    app.text_input(key="politiker_list_text").set_value('" OR 1=1 -- *').run()
    assert not app.exception
    assert any("Ingen politikere passer" in c.value for c in app.caption)
    app.switch_page(page_file("brev"))
    app.run()
    open_tab(app, "Dokumenter")
    app.text_input(key="dok_list_text").set_value("title:* NEAR(").run()
    assert not app.exception
