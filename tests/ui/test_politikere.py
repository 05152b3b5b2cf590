"""The Politikere page through app.py: filter, open a politician, add one, record a stance."""

from advocacy import texts
from advocacy.db import connect, default_path
from advocacy.ui.safe_text import md
from tests.ui.conftest import login, page_file


def _open(app, user="lokallag", view=None):
    login(app, user)
    app.switch_page(page_file("politikere"))
    if view:
        app.session_state["politiker_view"] = view
    app.run()
    assert not app.exception, app.exception
    return app


def test_filter_by_county_and_open_a_politician(app):
    _open(app)
    assert len(app.dataframe[0].value) == 42
    app.selectbox(key="politiker_list_f_fylke").set_value("56").run()  # Finnmark: none in the demo
    assert not app.exception
    app.selectbox(key="politiker_list_f_fylke").set_value("33").run()
    table = app.dataframe[0].value
    assert set(table["Kommune"]) == {"Drammen"}
    choice = app.selectbox(key="politiker_open")
    assert choice.value is None  # nothing opens by itself
    assert not any(s.value.startswith("#### Standpunkter") for s in app.markdown)
    choice.select_index(0).run()
    assert app.session_state["politiker_open"] is not None
    assert any(s.value.startswith("#### Standpunkter") for s in app.markdown)


def test_add_politician_and_refuse_a_duplicate(app):
    _open(app, view="Ny politiker")
    app.text_input(key="new_politician_name").input("<b>Kari</b> Nordmann")
    app.selectbox(key="new_politician_kommune").set_value("3301")
    app.button(key="FormSubmitter:new_politician_form-Lagre politiker").click()
    app.run()
    assert not app.error and not app.exception
    db = connect(default_path(), create=False)
    row = db.execute("select id, name from politicians order by id desc limit 1").fetchone()
    assert row[1] == "<b>Kari</b> Nordmann"
    assert app.session_state["politiker_open"] == row[0]
    assert [h.value for h in app.subheader] == [r"\<b\>Kari\</b\> Nordmann"]  # shown as text
    app.session_state["politiker_view"] = "Ny politiker"
    app.run()
    app.text_input(key="new_politician_name").input("<b>kari</b>  nordmann")
    app.selectbox(key="new_politician_kommune").set_value("3301")
    app.button(key="FormSubmitter:new_politician_form-Lagre politiker").click()
    app.run()
    assert [e.value for e in app.error] == [md("<b>kari</b> nordmann i Drammen finnes allerede "
                                               "i registeret.")]
    assert db.execute("select count(*) from politicians where name like '%Kari%'"
                      ).fetchone()[0] == 1
    db.close()


def test_record_a_stance(app):
    _open(app)
    app.selectbox(key="politiker_open").select_index(0).run()
    pid = app.session_state["politiker_open"]
    app.selectbox(key=f"stance_lever_{pid}").set_value("handlingsplan")
    app.radio(key=f"stance_value_{pid}").set_value("klart_for")
    app.text_input(key=f"stance_source_{pid}").input("Møte med lokallaget")
    app.button(key=f"FormSubmitter:stance_form_{pid}-Lagre standpunkt").click()
    app.run()
    assert not app.error and not app.exception
    db = connect(default_path(), create=False)
    assert db.execute("select stance, source from stances where politician_id = ? "
                      "order by id desc limit 1", [pid]).fetchone() == (
        "klart_for", "Møte med lokallaget")
    db.close()


def test_writing_group_reads_but_cannot_add(app):
    _open(app, user="skrivegruppe")
    assert app.session_state["politiker_view"] == "Oversikt"
    assert not any(f.key and "stance_form" in str(f.key) for f in app.get("form"))
    assert len(app.dataframe[0].value) == 42


def test_the_directory_pages_fifty_at_a_time_and_a_filter_starts_again(app):
    db = connect(default_path(), create=False)
    db["politicians"].insert_all(
        {"name": f"Ola Testesen {i:03d}", "kommunenummer": "3301", "role": "gruppeleder",
         "in_office": 1, "is_demo": 1} for i in range(60))
    total = db["politicians"].count
    db.close()
    _open(app, user="leder")
    first = list(app.dataframe[0].value["Navn"])
    assert len(first) == 50
    assert f"1–50 av {texts.format_number(total)} politikere" in [c.value for c in app.caption]
    app.button(key="politiker_list_next").click().run()
    second = list(app.dataframe[0].value["Navn"])
    assert len(second) == 50 and not set(first) & set(second)
    assert f"51–100 av {texts.format_number(total)} politikere" in [c.value for c in app.caption]
    app.button(key="politiker_list_next").click().run()
    assert len(app.dataframe[0].value) == total - 100
    assert app.button(key="politiker_list_next").disabled
    app.selectbox(key="politiker_list_f_fylke").set_value("33").run()  # a filter: page one
    assert any(c.value.startswith("1–") for c in app.caption)
