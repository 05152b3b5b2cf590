"""Full-text search: finds by any word of a record, links to it, respects who may read what."""

import datetime as dt

import pytest

from advocacy import search
from advocacy.meetings.meetings import MeetingInput, create_meeting
from advocacy.politicians import politicians
from advocacy.ui.search_view import link
from advocacy.writing import reader_letters
from tests.conftest import politician


@pytest.fixture
def pols(people):
    """Two literal politicians in Drammen (3301), the chapter member's municipality."""
    return [politician(people.db, people.leader, "Anne Aas", "3301"),
            politician(people.db, people.leader, "Bjørn Berg", "3301")]


def test_search_finds_meetings_politicians_and_documents(people, pols):
    db, member, leader, writer = people.db, people.member, people.leader, people.writer
    mid = create_meeting(db, member, MeetingInput(
        held_on=dt.date.today(), kind="mote", chapter_id=None, kommunenummer="3301",
        politician_ids=pols, summary="Vi drøftet vinmonopolets åpningstider."),
    )
    pid = politicians.create_politician(db, leader, {
        "name": "Vigdis Vinmonopolsen", "kommune": "0301", "notes": "Er opptatt av ungdom."})
    hits = search.search(db, member, "vinmonopol")
    assert {(h["kind"], h["id"], *link(member, h)[:2]) for h in hits} == {
        ("meeting", mid, "moter", "mote"), ("politician", pid, "politikere", "politiker")}
    assert "vinmonopolets" in next(h for h in hits if h["kind"] == "meeting")["snippet"]
    # updates reach the index (triggers), and every word must match
    db["politicians"].update(pid, {"notes": "Er opptatt av idrett."})
    assert [h["id"] for h in search.search(db, leader, "ungdom Vigdis")] == []
    assert [h["id"] for h in search.search(db, leader, "idrett vigdis")] == [pid]
    # the writing group does not see meetings; another chapter does not see this one
    seen_by_writer = search.search(db, writer, "vinmonopol")
    assert [(h["kind"], h["id"]) for h in seen_by_writer] == [("politician", pid)]
    other_chapter = search.search(db, people.other_member, "vinmonopol")
    assert [(h["kind"], h["id"]) for h in other_chapter] == [("politician", pid)]


def test_documents_are_found_and_scoped(people):
    db, writer, member = people.db, people.writer, people.member
    draft = reader_letters.new_letter(db, writer, title="Ny helsepolitikk",
                                      text="Helsepolitikk handler også om alkohol.")
    hits = search.search(db, writer, "helsepolitikk")
    assert [(h["kind"], h["id"], *link(writer, h)[:2]) for h in hits] == [
        ("document", draft, "brev", "dokument")]
    assert search.search(db, member, "helsepolitikk") == []  # the writer's draft


def test_search_syntax_is_text_not_code(people):
    db, leader = people.db, people.leader
    for text in ['"', "OR", "name:x", "*", "a AND (b", "NEAR(", "' or 1=1 --", ""]:
        assert isinstance(search.search(db, leader, text), list)
    assert search.fts_query('skjenke" OR *') == '"skjenke"* "OR"*'


def test_prefix_and_diacritics(people):
    db, leader = people.db, people.leader
    pid = politicians.create_politician(db, leader, {"name": "Åsmund Ålesundsen",
                                                          "kommune": "1508"})
    assert [h["id"] for h in search.search(db, leader, "alesund")] == [pid]
    assert [h["id"] for h in search.search(db, leader, "Åsm")] == [pid]


def test_words_found_almost_everywhere_come_newest_first(people, pols, monkeypatch):
    """Ranking every match is what made a common word slow nationally; past RANK_LIMIT matches
    the newest come first, below it the best match."""
    db, member = people.db, people.member

    def log(summary):
        return create_meeting(db, member, MeetingInput(
            held_on=dt.date.today(), kind="mote", chapter_id=None, kommunenummer="3301",
            politician_ids=pols, summary=summary))

    strong = log("Kulturhus kulturhus kulturhus: alkoholfritt kulturhus for ungdom.")
    weak = [log(f"Møte nr. {i} der kulturhus ble nevnt én gang blant mange andre saker "
                "om skjenking, kontroller og bevillinger.") for i in range(3)]
    ranked = [h["id"] for h in search.search(db, member, "kulturhus")
              if h["kind"] == "meeting"]
    assert ranked[0] == strong
    monkeypatch.setattr(search, "RANK_LIMIT", 2)
    newest = [h["id"] for h in search.search(db, member, "kulturhus")
              if h["kind"] == "meeting"]
    assert newest == [*reversed(weak), strong]
