"""Demo data in a production database: `remove-demo` takes out every demo row and demo
account and nothing real; leadership is warned while demo accounts are reachable from other
machines."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit import config

from advocacy import audit, cli, drafts, texts
from advocacy.accounts import accounts, sessions
from advocacy.db import table_counts, write
from advocacy.demo import demo, demo_removal
from advocacy.privacy import trash
from tests.ui.conftest import login

PASSWORD = "ekte-passord-123"


def _flagged(db) -> list[str]:
    return [t for t in db.table_names() if "is_demo" in db[t].columns_dict]


def _real_rows(db) -> dict[str, list[dict]]:
    """Every row flagged as real, whole, in every table with an is_demo flag."""
    return {t: list(db.query(f"select * from [{t}] where is_demo = 0 order by rowid"))  # noqa: S608
            for t in _flagged(db)}


def _demo_count(db) -> int:
    return sum(db[t].count_where("is_demo = 1") for t in _flagged(db))


@pytest.fixture
def production(demo_db):
    """The demo database after real use began: real accounts, records and links, some of
    them pointing at demo rows; demo accounts with sessions and drafts; a demo record in the
    papirkurv."""
    db = demo_db
    demo_leader = accounts.authenticate(db, "leder", demo.DEMO_PASSWORD)
    writer = accounts.authenticate(db, "skrivegruppe", demo.DEMO_PASSWORD)
    real_leader = accounts.create_user(db, "sjef", "leder", PASSWORD, full_name="Sjef Ekte")
    accounts.create_chapter(db, "Ekte lag", "IOGT", "0301")
    accounts.create_user(db, "ekte.drammen", "lokallag", PASSWORD, chapter="IOGT Drammen")
    demo_politician = db.execute("select id from politicians where is_demo = 1 "
                                 "order by id limit 1").fetchone()[0]
    with write(db):
        real_chapter = db.execute("select id from chapters where name = 'Ekte lag'").fetchone()[0]
        # Recorded in production by someone still logged in as the demo leader.
        db["meetings"].insert({"held_on": "2026-10-01", "kind": "mote", "chapter_id": real_chapter,
                               "kommunenummer": "0301", "summary": "Ekte møte",
                               "created_by": demo_leader.id})
        real_politician = db["politicians"].insert(
            {"name": "Ekte Politiker", "party_code": "A", "kommunenummer": "0301",
             "role": "ordforer"}).last_pk
        db["stances"].insert({"politician_id": real_politician, "lever_id": "skjenketid_gr12",
                              "stance": "for", "stated_on": "2026-09-01", "source": "Avisa",
                              "recorded_by": real_leader})
        db["documents"].insert({"kind": "annet", "title": "Ekte notat", "fields": "{}",
                                "author_id": real_leader, "politician_id": demo_politician})
        db["newspapers"].insert({"name": "Ekte Avis", "area": "Oslo"})
    sessions.start(db, writer.id)
    drafts.keep(db, writer, "innlegg:new", {"tittel": "Halvskrevet"})
    event = db.execute("select id from events where is_demo = 1 order by id limit 1").fetchone()
    trash.remove(db, demo_leader, "events", event[0])
    return db


def test_remove_demo_takes_every_demo_row_and_nothing_real(production, db_path, capsys):
    db = production
    real = _real_rows(db)
    real_stances = list(db.query("select * from stances where politician_id in "
                                 "(select id from politicians where is_demo = 0)"))
    assert cli.main(["remove-demo", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Demodata er fjernet:\n")
    assert "  politicians: 41\n" in out and "  trash: 1\n" in out
    assert "Beholdt users: 1" in out and "Beholdt chapters: 1" in out
    assert "Beholdt politicians: 1" in out
    assert _real_rows(db) == real  # every real row, every field, as it was
    assert list(db.query("select * from stances where politician_id in "
                         "(select id from politicians where is_demo = 0)")) == real_stances
    # What remains of the demo: what real rows point to, and no way in.
    kept = {t: db[t].count_where("is_demo = 1") for t in _flagged(db)}
    assert {t: n for t, n in kept.items() if n} == {"chapters": 1, "users": 1, "politicians": 1}
    assert db.execute("select username, active from users where is_demo = 1").fetchall() == [
        ("leder", 0)]
    assert demo.demo_accounts(db) == []
    assert not demo.is_enabled(db)
    for username in ("leder", "lokallag", "lokallag.bergen", "skrivegruppe"):
        assert accounts.authenticate(db, username, demo.DEMO_PASSWORD) is None
    assert db["login_sessions"].count == 0 and db["drafts"].count == 0
    assert db["trash"].count == 0
    assert db.execute("pragma foreign_key_check").fetchall() == []
    assert audit.verify(db).ok
    assert accounts.authenticate(db, "sjef", PASSWORD).username == "sjef"


def test_remove_demo_again_changes_nothing(production, db_path, capsys):
    assert cli.main(["remove-demo", "--db", str(db_path)]) == 0
    capsys.readouterr()
    before = table_counts(production)
    assert cli.main(["remove-demo", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(texts.DEMO_NOTHING_TO_REMOVE)
    assert "Demodata er fjernet" not in out
    assert table_counts(production) == before


def test_a_pure_demo_database_returns_to_its_empty_state(db, db_path, capsys):
    empty = table_counts(db)
    demo.load(db)
    assert _demo_count(db) > 300
    assert cli.main(["remove-demo", "--db", str(db_path)]) == 0
    assert "Beholdt" not in capsys.readouterr().out
    after = table_counts(db)
    assert {t: n for t, n in after.items() if n != empty[t]} == {"audit_log": after["audit_log"]}
    assert _demo_count(db) == 0
    assert audit.verify(db).ok
    for fts in ("meetings_fts", "politicians_fts", "documents_fts"):
        assert db.execute(f"select count(*) from {fts}").fetchone()[0] == 0  # noqa: S608


def test_without_demo_data_it_says_so(db, db_path, capsys):
    before = table_counts(db)
    assert cli.main(["remove-demo", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.strip() == texts.DEMO_NOTHING_TO_REMOVE
    assert table_counts(db) == before


def test_a_missing_database_is_a_norwegian_refusal(tmp_path, capsys):
    assert cli.main(["remove-demo", "--db", str(tmp_path / "finnes-ikke.db")]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("Feil: ") and "Traceback" not in captured.err
    assert not (tmp_path / "finnes-ikke.db").exists()


def test_demo_rows_stay_append_only_outside_the_removal(demo_db):
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        demo_db.execute("delete from positions where is_demo = 1")
    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        demo_db.execute("delete from statements where adopted_on is not null")


@pytest.mark.parametrize(("address", "host", "exposed"), [
    (None, None, False),
    ("", None, False),
    ("127.0.0.1", None, False),
    ("localhost", "localhost:8501", False),
    ("::1", "[::1]:8501", False),
    (None, "127.0.0.1:8501", False),
    (None, "app.localhost", False),
    ("0.0.0.0", None, True),
    ("::", None, True),
    ("192.168.1.20", None, True),
    (None, "pavirk.example.org", True),
    (None, "pavirk.example.org:443", True),
    ("127.0.0.1", "192.168.1.20:8501", True),
    (None, "[2001:db8::1]:8501", True),
    (None, "[ikke en adresse", True),
])
def test_listening_beyond_loopback(address, host, exposed):
    assert demo_removal.listens_beyond_loopback(address, host) is exposed


@pytest.mark.parametrize(("forwarded", "exposed"), [
    (None, False), ("", False), ("127.0.0.1", False), ("::1, 127.0.0.1", False),
    ("203.0.113.5", True), ("203.0.113.5, 127.0.0.1", True), ("ukjent", True),
])
def test_a_request_forwarded_from_another_machine(forwarded, exposed):
    assert demo_removal.listens_beyond_loopback(None, "localhost:8501", forwarded) is exposed


def test_the_warning_only_while_demo_accounts_exist(demo_db):
    assert demo_removal.exposure_warning(demo_db, "0.0.0.0", None) == texts.DEMO_EXPOSED_WARNING
    assert "python -m advocacy remove-demo" in texts.DEMO_EXPOSED_WARNING
    assert demo_removal.exposure_warning(demo_db, "127.0.0.1", "localhost:8501") is None
    demo_removal.remove(demo_db)
    assert demo_removal.exposure_warning(demo_db, "0.0.0.0", "pavirk.example.org") is None


@pytest.fixture
def listening_everywhere():
    previous = st.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    yield
    config.set_option("server.address", previous)


def test_leadership_sees_the_warning_on_an_exposed_server(app, listening_everywhere):
    login(app, "leder")
    assert not app.exception
    assert texts.DEMO_EXPOSED_WARNING in [w.value for w in app.warning]


def test_others_do_not_and_neither_does_a_loopback_server(app):
    login(app, "leder")
    assert texts.DEMO_EXPOSED_WARNING not in [w.value for w in app.warning]


def test_a_writer_is_not_warned(app, listening_everywhere):
    login(app, "skrivegruppe")
    assert not app.exception
    assert texts.DEMO_EXPOSED_WARNING not in [w.value for w in app.warning]
