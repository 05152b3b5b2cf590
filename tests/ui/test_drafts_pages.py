"""Unsaved text through app.py: a change is kept as the user's draft, a new session (a reload)
gets it back with a notice, throwing it away or saving drops it; a future meeting date is
refused under the field and nothing is saved."""

import datetime as dt

import streamlit as st
from streamlit.testing.v1 import AppTest

from advocacy import drafts, texts
from advocacy.accounts import accounts
from advocacy.db import connect
from tests.ui.conftest import APP, login, open_tab, page_file


def _statement_tab(app, user="leder"):
    login(app, user)
    app.switch_page(page_file("uttalelser"))
    app.run()
    return open_tab(app, "Ny uttalelse", key="uttalelse_fane")


def _reloaded():
    """A new browser session on the same database: what a reload (F5) starts."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    return at


def _draft(db_path, username, key):
    db = connect(db_path)
    row = db.execute("select id, role from users where username = ?", [username]).fetchone()
    user = accounts.User(id=row[0], username=username, full_name=username, role=row[1])
    try:
        return drafts.restore(db, user, key)
    finally:
        db.close()


def test_a_typed_statement_title_is_kept_as_a_draft(app, db_path):
    _statement_tab(app)
    app.text_input(key="stmt_new_title").input("Nei til klokka 03").run()
    assert not app.exception
    assert _draft(db_path, "leder", "uttalelse:new")["title"] == "Nei til klokka 03"


def test_a_new_session_gets_the_draft_back_with_a_notice(app, db_path):
    _statement_tab(app)
    app.text_area(key="stmt_new_position").input("Vi sier nei.").run()
    again = _statement_tab(_reloaded())
    assert again.text_area(key="stmt_new_position").value == "Vi sier nei."
    assert any(i.value.startswith("Ulagret tekst fra ") for i in again.info)


def test_throwing_the_draft_away_empties_the_field(app, db_path):
    _statement_tab(app)
    app.text_area(key="stmt_new_position").input("Vi sier nei.").run()
    again = _statement_tab(_reloaded())
    again.button(key="draft_discard_uttalelse:new").click().run()
    assert again.text_area(key="stmt_new_position").value == ""
    assert not any(i.value.startswith("Ulagret tekst fra ") for i in again.info)
    assert _draft(db_path, "leder", "uttalelse:new") is None


def test_saving_the_statement_drops_the_draft(app, db_path):
    _statement_tab(app)
    app.text_input(key="stmt_new_title").input("Lagret uttalelse").run()
    app.text_area(key="stmt_new_position").input("Vi sier nei.").run()
    app.button(key="stmt_new_save").click().run()
    assert [s.value for s in app.success] == ["Utkastet er lagret."]
    assert _draft(db_path, "leder", "uttalelse:new") is None


def _meeting_form(app):
    login(app, "lokallag")
    app.switch_page(page_file("moter"))
    app.session_state["moter_view"] = "Nytt møte"
    app.run()
    assert not app.exception
    return app


def test_a_future_meeting_date_is_refused_under_the_field_and_kept(app, db_path):
    _meeting_form(app)
    future = dt.date.today() + dt.timedelta(days=400)
    db = connect(db_path)
    before = db["meetings"].count
    ids = [r[0] for r in db.execute(
        "select id from politicians where kommunenummer = '3301' order by id limit 1")]
    app.date_input(key="new_date").set_value(future).run()
    app.multiselect(key="new_politicians").set_value(ids).run()
    app.text_area(key="new_summary").input("Ikke holdt ennå.").run()
    app.button(key="new_save").click().run()
    assert not app.exception
    assert [e.value for e in app.error] == [
        f"Møtedatoen {_long(future)} er i framtiden. Logg møtet når det er holdt."]
    assert app.date_input(key="new_date").value == future
    assert app.text_area(key="new_summary").value == "Ikke holdt ennå."
    assert db["meetings"].count == before
    db.close()


def test_a_followup_before_the_meeting_is_refused_under_its_field(app, db_path):
    _meeting_form(app)
    app.date_input(key="new_due").set_value(dt.date.today() - dt.timedelta(days=1)).run()
    assert [e.value for e in app.error] == [
        f"Oppfølgingsfristen ({_long(dt.date.today() - dt.timedelta(days=1))}) kan ikke være "
        f"før møtet ({_long(dt.date.today())})."]


def test_unsaved_meeting_text_comes_back_in_a_new_session(app, db_path):
    _meeting_form(app)
    app.text_area(key="new_summary").input("Halvveis skrevet referat.").run()
    again = _meeting_form(_reloaded())
    assert again.text_area(key="new_summary").value == "Halvveis skrevet referat."
    assert any(i.value.startswith("Ulagret tekst fra ") for i in again.info)


def _long(day):
    return texts.format_date(day)


def _letter_form(app):
    login(app, "lokallag")
    app.switch_page(page_file("brev"))
    app.run()
    assert not app.exception
    return app


def test_unsaved_letter_fields_come_back_in_a_new_session(app, db_path):
    _letter_form(app)
    app.text_input(key="ny_oppfolgingsbrev_mottaker_navn").input("Åse Ødegård").run()
    app.text_input(key="ny_oppfolgingsbrev_avsender_navn").input("Per L.").run()
    again = _letter_form(_reloaded())
    assert again.text_input(key="ny_oppfolgingsbrev_mottaker_navn").value == "Åse Ødegård"
    assert again.text_input(key="ny_oppfolgingsbrev_avsender_navn").value == "Per L."
    assert any(i.value.startswith("Ulagret tekst fra ") for i in again.info)


def test_saving_the_letter_drops_its_draft(app, db_path):
    _letter_form(app)
    app.text_input(key="ny_oppfolgingsbrev_mottaker_navn").input("Åse Ødegård").run()
    assert _draft(db_path, "lokallag", "dokument:ny-oppfolgingsbrev")["mottaker_navn"] == (
        "Åse Ødegård")
    app.button(key="ny_lagre").click().run()
    assert not app.exception
    assert _draft(db_path, "lokallag", "dokument:ny-oppfolgingsbrev") is None


def _meeting_with_letter(app, db_path, mid=None):
    db = connect(db_path)
    if mid is None:
        mid = db.execute("select id from meetings where chapter_id = (select id from chapters "
                         "where name = 'IOGT Drammen') order by id desc limit 1").fetchone()[0]
    db.close()
    login(app, "lokallag")
    app.switch_page(page_file("moter"))
    app.query_params["mote"] = str(mid)
    app.run()
    assert not app.exception
    return mid


def test_a_followup_letter_keeps_unsaved_text_and_saves_it(app, db_path):
    mid = _meeting_with_letter(app, db_path)
    app.button(key=f"make_{mid}").click().run()
    db = connect(db_path)
    doc = db.execute("select id from documents where meeting_id = ? order by id desc",
                     [mid]).fetchone()[0]
    app.text_area(key=f"letter_{doc}_neste_steg").input("Vi ringer i januar.").run()
    again = _reloaded()
    _meeting_with_letter(again, db_path, mid)
    assert again.text_area(key=f"letter_{doc}_neste_steg").value == "Vi ringer i januar."
    assert any(i.value.startswith("Ulagret tekst fra ") for i in again.info)
    again.button(key=f"letter_save_{doc}").click().run()
    assert not again.exception
    fields = db.execute("select fields from documents where id = ?", [doc]).fetchone()[0]
    assert "Vi ringer i januar." in fields
    assert _draft(db_path, "lokallag", f"oppfolgingsbrev:{doc}") is None
    db.close()


def test_a_deactivated_users_change_is_not_kept(app, db_path):
    _statement_tab(app, "lokallag")
    app.text_input(key="stmt_new_title").input("Før").run()
    db = connect(db_path)
    db.execute("update users set active = 0 where username = 'lokallag'")
    db.close()
    app.text_input(key="stmt_new_title").input("Etter").run()
    assert not app.exception
    assert _draft(db_path, "lokallag", "uttalelse:new")["title"] == "Før"
