"""Unsaved text kept per user and record: stored, read back, replaced, dropped, and private."""

import datetime as dt

import pytest

from advocacy import drafts, texts
from advocacy.accounts import accounts
from advocacy.errors import ValidationError
from advocacy.privacy import erasure


def test_keep_then_restore_gives_back_the_values(demo_db, writer):
    drafts.keep(demo_db, writer, "innlegg:12", {"tekst": "Skjenketid er helsepolitikk.",
                                                "avis": 3, "signatur": {"sted": "Drammen"}})
    assert drafts.restore(demo_db, writer, "innlegg:12") == {
        "tekst": "Skjenketid er helsepolitikk.", "avis": 3, "signatur": {"sted": "Drammen"}}


def test_nothing_kept_restores_none(demo_db, writer):
    assert drafts.restore(demo_db, writer, "innlegg:12") is None
    assert drafts.find(demo_db, writer, "innlegg:12") is None


def test_keep_again_replaces_the_draft(demo_db, writer):
    drafts.keep(demo_db, writer, "mote:new", {"summary": "første"})
    drafts.keep(demo_db, writer, "mote:new", {"summary": "andre"})
    assert drafts.restore(demo_db, writer, "mote:new") == {"summary": "andre"}
    assert demo_db.execute("select count(*) from drafts").fetchone()[0] == 1


def test_dates_and_lists_survive_the_round_trip(demo_db, chapter_member):
    values = {"held_on": dt.date(2027, 12, 24), "due": None, "politicians": [4, 7],
              "levers": ["skjenketid"]}
    drafts.keep(demo_db, chapter_member, "mote:new", values)
    assert drafts.restore(demo_db, chapter_member, "mote:new") == values


def test_find_tells_when_it_was_kept(demo_db, writer):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    drafts.keep(demo_db, writer, "uttalelse:new", {"title": "Nei til 03"})
    found = drafts.find(demo_db, writer, "uttalelse:new")
    assert found.values == {"title": "Nei til 03"}
    assert before <= found.updated_at <= dt.datetime.now(dt.UTC)


def test_drop_forgets_only_that_record(demo_db, writer):
    drafts.keep(demo_db, writer, "innlegg:1", {"tekst": "a"})
    drafts.keep(demo_db, writer, "innlegg:2", {"tekst": "b"})
    drafts.drop(demo_db, writer, "innlegg:1")
    assert drafts.restore(demo_db, writer, "innlegg:1") is None
    assert drafts.restore(demo_db, writer, "innlegg:2") == {"tekst": "b"}


def test_drop_without_a_draft_is_harmless(demo_db, writer):
    drafts.drop(demo_db, writer, "innlegg:99")
    assert drafts.restore(demo_db, writer, "innlegg:99") is None


def test_a_draft_is_the_users_own(demo_db, writer, leader):
    drafts.keep(demo_db, writer, "innlegg:5", {"tekst": "mitt"})
    assert drafts.restore(demo_db, leader, "innlegg:5") is None
    drafts.keep(demo_db, leader, "innlegg:5", {"tekst": "lederens"})
    assert drafts.restore(demo_db, writer, "innlegg:5") == {"tekst": "mitt"}
    drafts.drop(demo_db, leader, "innlegg:5")
    assert drafts.restore(demo_db, writer, "innlegg:5") == {"tekst": "mitt"}


def test_drafts_go_with_a_deleted_user(demo_db):
    user_id = accounts.create_user(demo_db, "vikar", "skrivegruppe", "langt-passord-1234")
    temp = accounts.get_user(demo_db, user_id)
    drafts.keep(demo_db, temp, "innlegg:1", {"tekst": "borte snart"})
    demo_db.execute("delete from users where id = ?", [user_id])
    assert demo_db.execute("select count(*) from drafts where user_id = ?",
                           [user_id]).fetchone()[0] == 0


@pytest.mark.parametrize("key", ["", "innlegg", "innlegg:", "Innlegg:1", "innlegg:1; drop",
                                 "x" * 50 + ":1"])
def test_a_malformed_key_is_refused(demo_db, writer, key):
    with pytest.raises(ValidationError):
        drafts.keep(demo_db, writer, key, {"tekst": "x"})
    assert demo_db.execute("select count(*) from drafts").fetchone()[0] == 0


def test_a_huge_payload_is_refused_and_nothing_stored(demo_db, writer):
    with pytest.raises(ValidationError, match="for lang"):
        drafts.keep(demo_db, writer, "innlegg:1", {"tekst": "x" * (drafts.MAX_BYTES + 1)})
    assert drafts.restore(demo_db, writer, "innlegg:1") is None


def test_a_damaged_row_is_no_draft(demo_db, writer):
    demo_db.execute("insert into drafts (user_id, record_key, payload) values (?, ?, ?)",
                    [writer.id, "innlegg:1", "{not json"])
    assert drafts.restore(demo_db, writer, "innlegg:1") is None


def test_the_notice_time_is_norwegian_local_time():
    when = dt.datetime(2026, 12, 1, 20, 14, tzinfo=dt.UTC)
    now = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
    assert texts.format_draft_time(when, now) == "1. desember kl. 21.14"
    assert texts.DRAFT_RESTORED.format(when=texts.format_draft_time(when, now)) == (
        "Ulagret tekst fra 1. desember kl. 21.14 er hentet tilbake.")
    assert texts.format_draft_time(when, dt.datetime(2027, 1, 2, tzinfo=dt.UTC)) == (
        "1. desember 2026 kl. 21.14")


def test_an_erased_users_drafts_are_gone(demo_db, leader, writer):
    drafts.keep(demo_db, writer, "innlegg:1", {"tekst": "Ingrid skrev dette"})
    drafts.keep(demo_db, leader, "innlegg:1", {"tekst": "lederens"})
    erasure.erase_user(demo_db, leader, writer.id)
    assert demo_db.execute("select count(*) from drafts where user_id = ?",
                           [writer.id]).fetchone()[0] == 0
    assert drafts.restore(demo_db, leader, "innlegg:1") == {"tekst": "lederens"}
