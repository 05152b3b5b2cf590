"""The Oversikt page: map with attribution, key figures, filters, lever editing."""

from advocacy.db import connect
from tests.ui.conftest import login, page_file


def _open(app, user="leder", tables=True):
    login(app, user)
    app.switch_page(page_file("oversikt"))
    if tables:  # the «Vis som tabell» expanders, open (their tables are built only then)
        for key in ("goal_summary_box", "by_county_box", "per_month_box"):
            app.session_state[key] = True
    app.run()
    assert not app.exception, app.exception
    assert not app.error, [e.value for e in app.error]
    return app


def _frame(app, *columns):
    """The first table with all these headings (AppTest does not expose a dataframe's key)."""
    return next(d.value for d in app.dataframe if set(columns) <= set(d.value.columns))


def _metric(app, label_start):
    return next(m.value for m in app.metric if m.label.startswith(label_start))


def test_map_figures_and_attribution(app):
    _open(app)
    assert "Kartdata: Kartverket (CC BY 4.0)" in [c.value for c in app.caption]
    assert _metric(app, "Oppfyller målet (hele landet)").endswith("av 357")
    summary = _frame(app, "Sak", "Oppfyller målet", "Kommuner")
    assert len(summary) == 16
    assert set(summary["Kommuner"]) == {357}
    assert len(_frame(app, "Fylke", "Oppfyller målet")) == 15
    assert len(_frame(app, "Møtedato", "Frist")) >= 1
    assert set(_frame(app, "Kvartal", "Totalt")["Totalt"]) == {1}


def test_county_and_lever_filters(app):
    _open(app)
    app.selectbox(key="oversikt_county").select("46").run()
    assert not app.exception
    assert _metric(app, "Oppfyller målet (Vestland)").endswith("av 43")
    assert set(_frame(app, "Sak", "Oppfyller målet", "Kommuner")["Kommuner"]) == {43}
    app.selectbox(key="oversikt_lever").select("bevillingstak").run()
    assert any(s.value.startswith("Kart: Tak på antall") for s in app.subheader)


def test_leader_changes_a_goal_and_statuses_follow(app, db_path):
    _open(app)
    before = _metric(app, "Oppfyller målet")
    app.selectbox(key="lever_edit_id").select("skjenketid_gr12").run()
    app.text_input(key="lever_goal").input("24:00")
    next(b for b in app.button if b.label == "Lagre målet").click().run()
    assert not app.exception
    db = connect(db_path)
    assert db["levers"].get("skjenketid_gr12")["goal"] == "24:00"
    db.close()
    after = _metric(app, "Oppfyller målet")
    assert int(after.split()[0]) < int(before.split()[0])


def test_lever_editor_is_for_leadership_only(app):
    _open(app, "lokallag")
    assert not [e for e in app.expander if e.label == "Rediger saker og mål"]
    assert "Kartdata: Kartverket (CC BY 4.0)" in [c.value for c in app.caption]


def test_writing_group_sees_overview_without_followups(app):
    _open(app, "skrivegruppe")
    assert not [d for d in app.dataframe if "Frist" in d.value.columns]


def test_tables_in_closed_expanders_are_not_built(app):
    _open(app, tables=False)
    headings = [set(d.value.columns) for d in app.dataframe]
    assert not any({"Sak", "Oppfyller målet"} <= h for h in headings)
    assert not any("Lokallag" in h and "I alt" in h for h in headings)
    app.session_state["per_month_box"] = True
    app.run()
    per_chapter = _frame(app, "Lokallag", "I alt")
    assert per_chapter["I alt"].sum() >= 1
