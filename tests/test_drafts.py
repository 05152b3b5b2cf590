"""Unsaved text kept per user and record: stored, read back, replaced, dropped, and private."""

import datetime as dt

import pytest

from advocacy import drafts, texts
from advocacy.accounts import accounts
from advocacy.errors import ValidationError
from advocacy.privacy import erasure


def test_keep_then_restore_gives_back_the_values(people):
    drafts.keep(people.db, people.writer, "innlegg:12", {"tekst": "Skjenketid er helsepolitikk.",
                                                "avis": 3, "signatur": {"sted": "Drammen"}})
    assert drafts.restore(people.db, people.writer, "innlegg:12") == {
        "tekst": "Skjenketid er helsepolitikk.", "avis": 3, "signatur": {"sted": "Drammen"}}


def test_nothing_kept_restores_none(people):
    assert drafts.restore(people.db, people.writer, "innlegg:12") is None
    assert drafts.find(people.db, people.writer, "innlegg:12") is None


def test_keep_again_replaces_the_draft(people):
    drafts.keep(people.db, people.writer, "mote:new", {"summary": "første"})
    drafts.keep(people.db, people.writer, "mote:new", {"summary": "andre"})
    assert drafts.restore(people.db, people.writer, "mote:new") == {"summary": "andre"}
    assert list(people.db.execute("select user_id, record_key from drafts")) == [
        (people.writer.id, "mote:new")]


def test_dates_and_lists_survive_the_round_trip(people):
    values = {"held_on": dt.date(2027, 12, 24), "due": None, "politicians": [4, 7],
              "levers": ["skjenketid"]}
    drafts.keep(people.db, people.member, "mote:new", values)
    assert drafts.restore(people.db, people.member, "mote:new") == values


def test_find_tells_when_it_was_kept(people):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    drafts.keep(people.db, people.writer, "uttalelse:new", {"title": "Nei til 03"})
    found = drafts.find(people.db, people.writer, "uttalelse:new")
    assert found.values == {"title": "Nei til 03"}
    assert before <= found.updated_at <= dt.datetime.now(dt.UTC)


def test_drop_forgets_only_that_record(people):
    drafts.keep(people.db, people.writer, "innlegg:1", {"tekst": "a"})
    drafts.keep(people.db, people.writer, "innlegg:2", {"tekst": "b"})
    drafts.drop(people.db, people.writer, "innlegg:1")
    assert drafts.restore(people.db, people.writer, "innlegg:1") is None
    assert drafts.restore(people.db, people.writer, "innlegg:2") == {"tekst": "b"}


def test_drop_without_a_draft_is_harmless(people):
    drafts.drop(people.db, people.writer, "innlegg:99")
    assert drafts.restore(people.db, people.writer, "innlegg:99") is None


def test_a_draft_is_the_users_own(people):
    drafts.keep(people.db, people.writer, "innlegg:5", {"tekst": "mitt"})
    assert drafts.restore(people.db, people.leader, "innlegg:5") is None
    drafts.keep(people.db, people.leader, "innlegg:5", {"tekst": "lederens"})
    assert drafts.restore(people.db, people.writer, "innlegg:5") == {"tekst": "mitt"}
    drafts.drop(people.db, people.leader, "innlegg:5")
    assert drafts.restore(people.db, people.writer, "innlegg:5") == {"tekst": "mitt"}


def test_drafts_go_with_a_deleted_user(people):
    user_id = accounts.create_user(people.db, "vikar", "skrivegruppe", "langt-passord-1234")
    temp = accounts.get_user(people.db, user_id)
    drafts.keep(people.db, temp, "innlegg:1", {"tekst": "borte snart"})
    people.db.execute("delete from users where id = ?", [user_id])
    assert list(people.db.execute("select user_id, record_key from drafts")) == []


@pytest.mark.parametrize("key", ["", "innlegg", "innlegg:", "Innlegg:1", "innlegg:1; drop",
                                 "x" * 50 + ":1"])
def test_a_malformed_key_is_refused(people, key):
    with pytest.raises(ValidationError):
        drafts.keep(people.db, people.writer, key, {"tekst": "x"})
    assert people.db.execute("select count(*) from drafts").fetchone()[0] == 0


def test_a_huge_payload_is_refused_and_nothing_stored(people):
    with pytest.raises(ValidationError, match="for lang"):
        drafts.keep(people.db, people.writer, "innlegg:1", {"tekst": "x" * (drafts.MAX_BYTES + 1)})
    assert drafts.restore(people.db, people.writer, "innlegg:1") is None


def test_a_damaged_row_is_no_draft(people):
    people.db.execute("insert into drafts (user_id, record_key, payload) values (?, ?, ?)",
                      [people.writer.id, "innlegg:1", "{not json"])
    assert drafts.restore(people.db, people.writer, "innlegg:1") is None


def test_the_notice_time_is_norwegian_local_time():
    when = dt.datetime(2026, 12, 1, 20, 14, tzinfo=dt.UTC)
    now = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
    assert texts.format_draft_time(when, now) == "1. desember kl. 21.14"
    assert texts.DRAFT_RESTORED.format(when=texts.format_draft_time(when, now)) == (
        "Ulagret tekst fra 1. desember kl. 21.14 er hentet tilbake.")
    assert texts.format_draft_time(when, dt.datetime(2027, 1, 2, tzinfo=dt.UTC)) == (
        "1. desember 2026 kl. 21.14")


def test_an_erased_users_drafts_are_gone(people):
    drafts.keep(people.db, people.writer, "innlegg:1", {"tekst": "Siv skrev dette"})
    drafts.keep(people.db, people.leader, "innlegg:1", {"tekst": "lederens"})
    erasure.erase_user(people.db, people.leader, people.writer.id)
    assert list(people.db.execute("select user_id, record_key from drafts")) == [
        (people.leader.id, "innlegg:1")]
    assert drafts.restore(people.db, people.leader, "innlegg:1") == {"tekst": "lederens"}
