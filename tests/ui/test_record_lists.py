"""Dokumenter, Politikere and Kalender's lists in the pages: search, filters, sort and pages
with counts (AppTest on the demo database)."""

from __future__ import annotations

import datetime as dt

from advocacy import texts
from advocacy.db import connect
from tests.ui.conftest import login, page_file


def _open(app, user, page):
    login(app, user)
    app.switch_page(page_file(page))
    app.run()
    assert not app.exception
    return app


def _found(app, noun: str) -> str:
    return next(c.value for c in app.caption
                if " av " in c.value and c.value.endswith(noun) or f"Ingen {noun}" in c.value)


def test_politicians_are_searched_filtered_and_sorted(app, db_path):
    db = connect(db_path)
    total = db["politicians"].count
    name = db.execute("select name from politicians where kommunenummer = '5001' "
                      "order by id").fetchone()[0]
    in_5001 = db.execute("select count(*) from politicians where kommunenummer = '5001'"
                         ).fetchone()[0]
    db.close()
    _open(app, "skrivegruppe", "politikere")
    assert _found(app, "politikere") == f"1–{total} av {total} politikere"
    app.selectbox(key="politiker_list_f_kommune").set_value("5001").run()
    assert _found(app, "politikere").endswith(f"av {in_5001} politikere")
    assert set(app.dataframe[0].value["Kommune"]) == {"Trondheim"}
    app.selectbox(key="politiker_list_sort").set_value("navn").run()
    names = list(app.dataframe[0].value["Navn"])
    assert names == sorted(names)
    app.text_input(key="politiker_list_text").set_value(name.split()[-1].upper()).run()
    assert name in set(app.dataframe[0].value["Navn"])
    app.selectbox(key="politiker_open").select_index(0).run()  # the detail view still opens
    assert not app.exception
    assert app.session_state["politiker_open"] is not None


def test_a_link_opens_a_politician_beyond_the_filters(app, db_path):
    db = connect(db_path)
    pid = db.execute("select id from politicians where kommunenummer = '4601' "
                     "order by id").fetchone()[0]
    db.close()
    login(app, "lokallag")
    app.query_params["politiker"] = str(pid)
    app.switch_page(page_file("politikere"))
    app.run()
    assert not app.exception
    assert app.session_state["politiker_open"] == pid


def test_documents_are_searched_and_filtered_by_status(brev, db_path):
    db = connect(db_path)
    sent = db.execute("select count(*) from documents where status = 'sendt'").fetchone()[0]
    db.close()
    at = brev("leder", tab="Dokumenter")
    at.selectbox(key="dok_list_f_status").set_value("sendt").run()
    assert _found(at, "dokumenter").endswith(f"av {sent} dokumenter")
    table = next(t.value for t in at.dataframe if "Tittel" in t.value.columns)
    assert set(table["Status"]) == {"Sendt"}
    at.selectbox(key="dok_list_f_status").set_value(None).run()
    at.text_input(key="dok_list_text").set_value("bergen").run()
    table = next(t.value for t in at.dataframe if "Tittel" in t.value.columns)
    assert "Flere skjenkekontroller i Bergen" in set(table["Tittel"])
    assert len(table) < 17


def test_the_writing_group_lists_only_reader_letters(brev):
    at = brev("skrivegruppe", tab="Dokumenter")
    assert set(at.selectbox(key="dok_list_f_type").options) == {
        "Alle typer", *(texts.DOCUMENT_KINDS[k] for k in ("leserinnlegg", "kronikk"))}
    table = next(t.value for t in at.dataframe if "Tittel" in t.value.columns)
    assert set(table["Type"]) <= {"Leserinnlegg", "Kronikk"}


def test_the_events_list_searches_filters_and_keeps_the_month_view(app, db_path):
    _open(app, "lokallag", "kalender")
    app.radio(key="cal_view").set_value("Liste").run()
    assert app.selectbox(key="cal_list_f_nar").value == "kommende"
    app.selectbox(key="cal_list_f_nar").set_value(None).run()
    db = connect(db_path)
    total = db["events"].count
    db.close()
    assert _found(app, "aktiviteter") == f"1–{total} av {total} aktiviteter"
    app.text_input(key="cal_list_text").set_value("bragernes").run()
    assert list(app.dataframe[0].value["Tittel"]) == ["Stand på Bragernes torg"]
    assert _found(app, "aktivitet") == "1–1 av 1 aktivitet"
    app.text_input(key="cal_list_text").set_value("").run()
    app.selectbox(key="cal_list_sort").set_value("tittel").run()
    titles = list(app.dataframe[0].value["Tittel"])
    assert titles == sorted(titles)
    app.radio(key="cal_view").set_value("Måned").run()  # the month grid and its steps remain
    app.session_state["cal_shown"] = dt.date(2026, 11, 1)
    app.run()
    app.button(key="cal_next").click().run()
    assert app.session_state["cal_shown"] == dt.date(2026, 12, 1)
    assert not app.exception


def test_the_events_list_shows_the_key_dates_when_asked(app):
    _open(app, "leder", "kalender")
    app.radio(key="cal_view").set_value("Liste").run()
    app.date_input(key="cal_list_period").set_value((dt.date(2027, 9, 1),
                                                     dt.date(2027, 9, 30))).run()
    app.session_state["cal_key_dates"] = True
    app.run()
    assert not app.exception
    titles = set().union(*(set(t.value["Tittel"]) for t in app.dataframe))
    assert "Kommunestyre- og fylkestingsvalget 2027" in titles
