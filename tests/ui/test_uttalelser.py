"""Uttalelser through app.py: draft in the page, move it to adoption, archive search, roles."""

import datetime as dt

from advocacy import texts
from advocacy.accounts import accounts
from advocacy.db import connect
from advocacy.demo import demo
from advocacy.statements import statements
from advocacy.ui.safe_text import md
from tests.ui.conftest import login, open_tab, page_file


def _open(app, user):
    login(app, user)
    app.switch_page(page_file("uttalelser"))
    app.run()
    assert not app.exception
    return app


def _submit(app, form_key):
    next(b for b in app.button if b.form_id == form_key).click()
    app.run()
    assert not app.exception


def test_leader_drafts_submits_and_adopts_in_the_page(app, db_path):
    _open(app, "leder")
    assert not [t for t in app.text_input if t.key == "stmt_new_title"]  # a lazy tab
    open_tab(app, "Ny uttalelse", key="uttalelse_fane")
    app.text_input(key="stmt_new_title").input("Fra bot til bedring")
    app.text_area(key="stmt_new_position").input("LO i Oslo støtter rusreformen.")
    app.text_area(key="stmt_new_demands").input("vedta reformen\nstyrke behandlingen")
    app.button(key="stmt_new_save").click().run()
    assert not app.exception
    assert [s.value for s in app.success] == ["Utkastet er lagret."]
    db = connect(db_path)
    sid, status = db.execute("select id, status from statements where title = ?",
                             ["Fra bot til bedring"]).fetchone()
    assert status == "utkast"
    assert app.query_params["uttalelse"] == str(sid)
    assert app.header[0].value == "Fra bot til bedring"

    app.button(key="stmt_move_til_behandling").click().run()
    assert statements.get_row(db, sid)["status"] == "til_behandling"
    adopt_inputs = [t for t in app.text_input if t.form_id == "stmt_adopt"]
    adopt_inputs[0].input("LO i Oslos styremøte")
    next(d for d in app.date_input if d.form_id == "stmt_adopt").set_value(dt.date(2021, 4, 19))
    _submit(app, "stmt_adopt")
    assert not app.error, [e.value for e in app.error]
    # Adopting asks first (the dialog's own rerun is exercised in the browser suite): nothing
    # is adopted until it is confirmed.
    assert any("vedtok uttalelsen 19. april 2021" in m.value for m in app.markdown)
    assert statements.get_row(db, sid)["status"] == "til_behandling"
    statements.adopt(db, accounts.authenticate(db, "leder", demo.DEMO_PASSWORD), sid,
                     "LO i Oslos styremøte", dt.date(2021, 4, 19))
    app.run()
    row = statements.get_row(db, sid)
    assert (row["status"], row["adopted_on"]) == ("vedtatt", "2021-04-19")
    assert f"*{md('LO i Oslos styremøte 19. april 2021:')}*" in [m.value for m in app.markdown]
    assert db.execute("select count(*) from documents where statement_id = ? and docx is not null",
                      [sid]).fetchone()[0] == 1
    # Adopted: no edit form any more, but a new version can be made.
    assert not [t for t in app.text_input if (t.key or "").startswith("stmt_edit")]
    app.button(key="stmt_new_version").click().run()
    new = db.execute("select id from statements where parent_id = ?", [sid]).fetchone()[0]
    assert app.query_params["uttalelse"] == str(new)
    db.close()


def test_archive_search_filters_the_table(app):
    _open(app, "leder")
    assert len(app.dataframe[0].value) == 2
    app.text_input(key="stmt_list_text").input("skjenk").run()
    assert list(app.dataframe[0].value["Tittel"]) == [
        "Trygg natt – skjenkingen må slutte klokka 02"]
    app.text_input(key="stmt_list_text").input("").run()
    app.multiselect(key="stmt_list_f_status").select("utkast").run()
    assert list(app.dataframe[0].value["Status"]) == ["Utkast"]


def test_writing_group_reads_adopted_only_and_cannot_draft(app, db_path):
    db = connect(db_path)
    adopted = db.execute("select id from statements where status = 'vedtatt'").fetchone()[0]
    db.close()
    _open(app, "skrivegruppe")
    assert [t.label for t in app.tabs] == ["Arkiv"]
    assert set(app.dataframe[0].value["Status"]) == {"Vedtatt"}
    app.selectbox(key="stmt_pick").select(adopted).run()
    assert app.header[0].value == "Trygg natt – skjenkingen må slutte klokka 02"
    assert not app.exception
    assert not [b for b in app.button if (b.key or "").startswith("stmt_move")]
    assert not [f for f in app.text_input if f.form_id == "stmt_send"]


def test_a_statement_the_user_may_not_read_is_refused_by_link(app, db_path):
    db = connect(db_path)
    bergen = db.execute("select id from statements where status = 'utkast'").fetchone()[0]
    db.close()
    login(app, "lokallag")
    app.query_params["uttalelse"] = str(bergen)
    app.switch_page(page_file("uttalelser"))
    app.run()
    assert not app.exception
    # The same words as for an id that does not exist: an address cannot probe for drafts.
    assert [w.value for w in app.warning] == [texts.ADDRESS_NOT_FOUND["uttalelse"]]
    assert [e.value for e in app.error] == []


def test_html_in_a_title_is_shown_as_text(app, db_path):
    open_tab(_open(app, "leder"), "Ny uttalelse", key="uttalelse_fane")
    app.text_input(key="stmt_new_title").input("<img src=x onerror=alert(1)>")
    app.button(key="stmt_new_save").click().run()
    assert not app.exception
    assert app.header[0].value == md("<img src=x onerror=alert(1)>")  # headers are Markdown
    assert not any("<img" in m.value and "\\<img" not in m.value for m in app.markdown)


def _in_review(db_path, meeting_date):
    db = connect(db_path)
    leader = accounts.authenticate(db, "leder", demo.DEMO_PASSWORD)
    sid = statements.create_statement(db, leader, {
        "title": "Nei til lengre skjenketid", "position": "Vi sier nei.",
        "adopted_by": "LO i Oslos styremøte", "meeting_date": meeting_date})
    statements.set_status(db, leader, sid, "til_behandling")
    return db, sid


def test_the_adoption_form_starts_from_the_drafts_meeting_date(app, db_path):
    db, sid = _in_review(db_path, "2021-06-14")
    app.query_params["uttalelse"] = str(sid)
    _open(app, "leder")
    date = next(d for d in app.date_input if d.form_id == "stmt_adopt")
    assert date.value == dt.date(2021, 6, 14)
    db.close()


def test_a_future_adoption_date_is_refused_next_to_the_field(app, db_path):
    db, sid = _in_review(db_path, "2021-06-14")
    app.query_params["uttalelse"] = str(sid)
    _open(app, "leder")
    future = dt.date.today() + dt.timedelta(days=3)
    next(d for d in app.date_input if d.form_id == "stmt_adopt").set_value(future)
    _submit(app, "stmt_adopt")
    assert [e.value for e in app.error] == [
        f"Datoen {texts.format_date(future)} i feltet «Vedtaksdato» er fram i tid."]
    assert not any("vedtok uttalelsen" in m.value for m in app.markdown)  # no dialog
    row = statements.get_row(db, sid)
    assert (row["status"], row["adopted_on"]) == ("til_behandling", None)
    db.close()


def test_withdrawing_asks_first(app, db_path):
    db, sid = _in_review(db_path, "2021-06-14")
    app.query_params["uttalelse"] = str(sid)
    _open(app, "leder")
    app.button(key="stmt_move_trukket").click().run()
    assert not app.exception
    assert any("Trekke uttalelsen «Nei til lengre skjenketid»?" in m.value for m in app.markdown)
    assert {b.label for b in app.button} >= {"Trekk uttalelsen", "Avbryt"}
    assert statements.get_row(db, sid)["status"] == "til_behandling"
    db.close()


def test_a_future_sending_date_is_refused_next_to_the_field(app, db_path):
    db, sid = _in_review(db_path, "2021-06-14")
    statements.adopt(db, accounts.authenticate(db, "leder", demo.DEMO_PASSWORD), sid,
                     "LO i Oslos styremøte", "2021-06-14")
    app.query_params["uttalelse"] = str(sid)
    _open(app, "leder")
    app.text_area(key=next(t.key for t in app.text_area if t.form_id == "stmt_send")).input(
        "Bystyret")
    future = dt.date.today() + dt.timedelta(days=2)
    app.date_input(key="stmt_send_date").set_value(future)
    _submit(app, "stmt_send")
    assert [e.value for e in app.error] == [
        f"Datoen {texts.format_date(future)} i feltet «Sendt» er fram i tid."]
    assert statements.get_row(db, sid)["status"] == "vedtatt"
    assert db.execute("select count(*) from statement_recipients where statement_id = ?",
                      [sid]).fetchone()[0] == 0
    db.close()
