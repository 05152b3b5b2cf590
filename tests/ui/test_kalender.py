"""Kalender through app.py: month and list views, adding an event, campaign counts, roles."""

import datetime as dt

from advocacy import texts
from advocacy.db import connect
from advocacy.events import campaigns
from tests.ui.conftest import login, open_tab, page_file


def _open(app, user):
    login(app, user)
    app.switch_page(page_file("kalender"))
    app.run()
    assert not app.exception
    assert not app.error, [e.value for e in app.error]
    return app


def _grid(app) -> str:
    """The month grid's HTML (st.html)."""
    return " ".join(str(h.proto.body) for h in app.get("html"))


def _submit(app, form_key):
    next(b for b in app.button if b.form_id == form_key).click()
    app.run()
    assert not app.exception


def test_month_view_shows_events_and_key_dates(app):
    _open(app, "leder")
    assert app.title[0].value == "Kalender"
    assert [t.label for t in app.tabs] == ["Aktiviteter", "Kampanjer"]
    app.session_state["cal_shown"] = dt.date(2027, 9, 1)
    app.run()
    assert "Kommunestyre- og fylkestingsvalget 2027" in _grid(app)
    assert not app.dataframe  # the month's table is built only when its expander is opened
    app.session_state["cal_table_box"] = True
    app.run()
    table = app.dataframe[0].value
    assert "Kommunestyre- og fylkestingsvalget 2027" in set(table["Tittel"])
    assert set(table["Type"]) >= {"Politisk dato"}


def test_list_view_filters_by_kind(app):
    _open(app, "lokallag")
    app.radio(key="cal_view").set_value("Liste").run()
    app.multiselect(key="cal_list_f_type").set_value(["stand"]).run()
    table = app.dataframe[0].value
    assert list(table["Tittel"]) == ["Stand på Bragernes torg"]
    assert list(table["Type"]) == ["Stand"]


def test_chapter_member_adds_an_event_for_own_chapter(app, db_path):
    _open(app, "lokallag")
    app.text_input(key="event_title").input("Debatt på biblioteket")
    app.selectbox(key="event_kind").select("debatt")
    app.date_input(key="event_day").set_value(dt.date.today() + dt.timedelta(days=3))
    _submit(app, "event_new")
    assert [s.value for s in app.success] == ["Aktiviteten er lagt til."]
    db = connect(db_path)
    row = db.execute("select e.kind, c.name, e.starts_at from events e join chapters c"
                     " on c.id = e.chapter_id where e.title = 'Debatt på biblioteket'").fetchone()
    db.close()
    assert row[:2] == ("debatt", "IOGT Drammen")
    assert row[2].endswith("T18:00")
    # the month's calendar, shared between reruns, has the new event at once
    day = dt.date.today() + dt.timedelta(days=3)
    app.session_state["cal_shown"] = day.replace(day=1)
    app.run()
    assert "Debatt på biblioteket" in _grid(app)


def test_event_form_error_is_norwegian_and_writes_nothing(app, db_path):
    _open(app, "leder")
    _submit(app, "event_new")  # no title
    assert [e.value for e in app.error] == ["Aktiviteten må ha en tittel."]


def test_campaign_counts_are_registered_and_totals_shown(app, db_path):
    open_tab(_open(app, "lokallag"), "Kampanjer", key="kalender_fane")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Underskrifter"] == "3\u00a0200"
    app.number_input(key="count_signatures").set_value(240)
    app.number_input(key="count_volunteers").set_value(6)
    app.text_input(key="count_source").input("Stand på torget")
    _submit(app, "camp_count")
    assert {m.label: m.value for m in app.metric}["Underskrifter"] == "3\u00a0440"
    db = connect(db_path)
    assert campaigns.totals(db, 1)["volunteers"] == 73
    db.close()
    assert app.get("vega_lite_chart")


def test_writing_group_reads_but_has_no_forms(app):
    _open(app, "skrivegruppe")
    assert not [b for b in app.button if b.form_id in ("event_new", "camp_count", "camp_new")]
    assert "<table" in _grid(app)  # the month is there to read


def _month_shown(app) -> str:
    return next(s.value for s in app.subheader)


def test_month_steps_forward_and_back_across_the_year_end(app):
    _open(app, "leder")
    this_month = dt.date.today().replace(day=1)
    assert _month_shown(app) == texts.format_month(this_month.year, this_month.month)
    app.session_state["cal_shown"] = dt.date(2026, 11, 1)
    app.run()
    assert _month_shown(app) == "november 2026"
    app.button(key="cal_next").click().run()
    assert _month_shown(app) == "desember 2026"
    app.button(key="cal_next").click().run()
    assert _month_shown(app) == "januar 2027"
    assert "januar 2027" in _grid(app)
    app.button(key="cal_prev").click().run()
    app.button(key="cal_prev").click().run()
    app.button(key="cal_prev").click().run()
    assert _month_shown(app) == "oktober 2026"
    assert "oktober 2026" in _grid(app)
    app.button(key="cal_this_month").click().run()
    assert _month_shown(app) == texts.format_month(this_month.year, this_month.month)
    assert [b.label for b in app.button if b.key in ("cal_prev", "cal_next", "cal_this_month")
            ] == ["‹ Forrige måned", "Neste måned ›", "I dag"]


def test_month_view_shows_the_key_date_of_the_month_stepped_to(app):
    _open(app, "leder")
    app.session_state["cal_shown"] = dt.date(2027, 8, 1)
    app.run()
    assert "Kommunestyre- og fylkestingsvalget 2027" not in _grid(app)
    app.button(key="cal_next").click().run()
    assert _month_shown(app) == "september 2027"
    assert "Kommunestyre- og fylkestingsvalget 2027" in _grid(app)
