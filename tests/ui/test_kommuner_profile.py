"""The Kommuner page: the list as before, and one municipality's profile."""

from advocacy.db import connect
from tests.ui.conftest import login, open_tab, page_file


def _tab(app, label):
    return open_tab(app, label, key="profil_fane")


def _open(app, user="leder", kommune=None):
    login(app, user)
    app.switch_page(page_file("kommuner"))
    if kommune:
        app.query_params["kommune"] = kommune
    app.run()
    assert not app.exception, app.exception
    return app


def _frame(app, *columns):
    """The first table with all these headings (AppTest does not expose a dataframe's key)."""
    return next(d.value for d in app.dataframe if set(columns) <= set(d.value.columns))


def test_list_is_unchanged_and_no_profile_until_chosen(app):
    _open(app)
    assert len(app.dataframe[0].value) == 357
    assert any("Viser 357 av 357 kommuner" in c.value for c in app.caption)
    assert any("Velg en kommune" in i.value for i in app.info)


def test_profile_from_query_parameter_shows_levers_law_goal_status(app):
    _open(app, kommune="3301")
    assert [s.value for s in app.subheader] == ["Drammen (3301)"]
    policy = _frame(app, "Sak", "Lovens grense")
    serving = policy[policy["Sak"] == "Skjenketid gruppe 1 og 2, slutt (hverdager)"].iloc[0]
    assert (serving["Lovens normaltid"], serving["Lovens grense"], serving["Vårt mål"]) == (
        "01:00", "03:00", "02:00")
    assert serving["Status"].split(" ", 1)[1] in (
        "oppfyller målet", "delvis", "langt unna", "langt unna – over lovens grense")
    assert len(policy) == 16
    assert "Slik regnes status ut" in app.expander[-1].label or any(
        "Slik regnes status ut" in e.label for e in app.expander)
    # Politicians, meetings, chapters and key dates of Drammen on the same page (tabs).
    assert len(_frame(_tab(app, "Politikere"), "Navn", "Parti")) >= 5
    assert set(_frame(_tab(app, "Møter og brev"), "Referat", "Lokallag")["Lokallag"]) == {
        "IOGT Drammen"}
    assert "IOGT Drammen" in set(_frame(_tab(app, "Lokallag"), "Møter her")["Lokallag"])
    dates = _frame(_tab(app, "Viktige datoer"), "Hva", "Hvorfor det betyr noe")
    assert "Bevillingsperioden slutter" in set(dates["Hva"])


def test_choosing_in_the_select_box_updates_the_address(app):
    _open(app)
    app.selectbox(key="kommune_profile").select("5628").run()
    assert app.query_params["kommune"] == ["5628"] or app.query_params["kommune"] == "5628"
    assert [s.value for s in app.subheader] == ["Deatnu – Tana (5628)"]


def test_record_a_position_through_the_form(app, db_path):
    _tab(_open(app, kommune="1101"), "Registrer vedtak")
    app.selectbox(key="position_lever").select("skjenketid_gr3").run()
    app.text_input(key="position_value").input("1")
    import datetime as dt

    app.date_input(key="position_date").set_value(dt.date(2025, 10, 1))
    app.text_input(key="position_source").input("Kommunestyresak 45/25")
    next(b for b in app.button if b.label == "Registrer vedtak").click().run()
    assert not app.exception
    assert [s.value for s in app.success] == [
        "Vedtaket er registrert. Tidligere vedtak ligger fortsatt i historikken."]
    db = connect(db_path)
    row = db.execute("select kommunenummer, lever_id, value, decided_on, source from positions "
                     "order by id desc limit 1").fetchone()
    db.close()
    assert row == ("1101", "skjenketid_gr3", "01:00", "2025-10-01", "Kommunestyresak 45/25")
    policy = _frame(_tab(app, "Politikk"), "Sak", "Lovens grense")
    spirits = policy[policy["Sak"] == "Skjenketid gruppe 3, slutt (hverdager)"].iloc[0]
    assert spirits["Kommunens vedtak"] == "01:00"
    assert spirits["Status"].endswith("delvis")
    history = _frame(_tab(app, "Historikk"), "Verdi", "Registrert av")
    assert list(history["Verdi"])[:1] == ["01:00"]


def test_bad_value_gives_norwegian_message_and_writes_nothing(app, db_path):
    _tab(_open(app, kommune="1101"), "Registrer vedtak")
    db = connect(db_path)
    before = db["positions"].count
    app.selectbox(key="position_lever").select("skjenketid_gr12").run()
    app.text_input(key="position_value").input("midnatt")
    app.text_input(key="position_source").input("Sak")
    next(b for b in app.button if b.label == "Registrer vedtak").click().run()
    assert any("ikke et klokkeslett" in e.value for e in app.error)
    assert db["positions"].count == before
    db.close()


def test_writing_group_reads_but_cannot_record(app):
    _tab(_open(app, user="skrivegruppe", kommune="3301"), "Registrer vedtak")
    assert any("ikke registrere vedtak" in i.value for i in app.info)
    assert not [b for b in app.button if b.label == "Registrer vedtak"]
    _tab(app, "Møter og brev")
    assert any("Møtereferater er bare synlige" in c.value for c in app.caption)
