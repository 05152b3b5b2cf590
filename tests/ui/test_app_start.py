"""How the app starts: new database, no demo, a bad path."""

import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import APP


def _start(monkeypatch, path, demo="1"):
    monkeypatch.setenv("ADVOCACY_DB", str(path))
    monkeypatch.setenv("ADVOCACY_DEMO", demo)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    return at


def test_first_start_creates_the_database_with_reference_and_demo_data(tmp_path, monkeypatch):
    path = tmp_path / "ny.db"
    at = _start(monkeypatch, path)
    assert not at.exception
    assert path.exists()
    from advocacy.db import connect

    db = connect(path)
    assert db["municipalities"].count == 357
    assert db["users"].count_where("is_demo = 1") >= 3


def test_without_demo_there_is_no_account_and_the_page_says_how_to_make_one(tmp_path,
                                                                           monkeypatch):
    at = _start(monkeypatch, tmp_path / "ny.db", demo="0")
    assert not at.exception
    assert "create-user" in at.warning[0].value
    assert not at.info  # no demo banner
    at.text_input(key="login_username").input("leder")
    at.text_input(key="login_password").input("demo1234")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Feil brukernavn eller passord."]


def test_missing_database_folder_gives_a_norwegian_message(tmp_path, monkeypatch):
    at = _start(monkeypatch, tmp_path / "finnes-ikke" / "x.db")
    assert not at.exception
    assert "Mappen for databasen finnes ikke" in at.error[0].value
    assert not (tmp_path / "finnes-ikke").exists()


def test_a_file_that_is_not_a_database_is_left_alone(tmp_path, monkeypatch):
    path = tmp_path / "x.db"
    path.write_text("handleliste\n" * 50)
    at = _start(monkeypatch, path)
    assert not at.exception
    assert "ikke en SQLite-database" in at.error[0].value
    assert path.read_text() == "handleliste\n" * 50
