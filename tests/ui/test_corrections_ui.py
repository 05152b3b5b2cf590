"""«Rett opp» in the pages: the municipality profile's history and a politician's stances."""

from advocacy.db import connect
from advocacy.policy import current_positions
from tests.ui.conftest import login, open_tab, page_file

KEY = "correct_position_3301_0"  # the first set of the form's widget keys


def _profile_history(app, user="leder", kommune="3301"):
    login(app, user)
    app.switch_page(page_file("kommuner"))
    app.query_params["kommune"] = kommune
    app.run()
    return open_tab(app, "Historikk", key="profil_fane")


def _frame(app, *columns):
    return next(d.value for d in app.dataframe if set(columns) <= set(d.value.columns))


def _current(db_path, knr="3301", lever="skjenketid_gr12"):
    db = connect(db_path)
    try:
        return current_positions.current(db, knr, lever)
    finally:
        db.close()


def test_correcting_a_position_in_the_profile_marks_it_and_the_status_follows(app, db_path):
    _profile_history(app)
    wrong = _current(db_path)
    right = "01:00" if wrong["value"] != "01:00" else "02:00"
    app.selectbox(key=f"{KEY}_pick").select(wrong["id"]).run()
    app.text_input(key=f"{KEY}_reason").input("Tastefeil i saken")
    app.text_input(key=f"{KEY}_value_closing_time").input(right)
    next(b for b in app.button if b.label == "Rett opp").click().run()
    assert not app.exception
    assert "Raden er rettet opp, og den rette verdien er registrert." in [
        s.value for s in app.success]
    assert _current(db_path)["value"] == right
    assert app.selectbox(key="correct_position_3301_1_pick").value is None  # an empty form
    history = _frame(app, "Verdi", "Rettet")
    marked = history[history["Rettet"] != ""]
    assert list(marked["Verdi"]) == ["\u0336".join(wrong["value"]) + "\u0336"]  # struck
    assert marked["Rettet"].iloc[0].startswith("Rettet: Tastefeil i saken (Ingrid Haugland, ")
    policy = _frame(open_tab(app, "Politikk", key="profil_fane"), "Sak", "Lovens grense")
    row = policy[policy["Sak"] == "Skjenketid gruppe 1 og 2, slutt (hverdager)"].iloc[0]
    assert row["Kommunens vedtak"] == right


def test_a_correction_without_reason_shows_the_message_and_changes_nothing(app, db_path):
    _profile_history(app)
    wrong = _current(db_path)
    app.selectbox(key=f"{KEY}_pick").select(wrong["id"]).run()
    next(b for b in app.button if b.label == "Rett opp").click().run()
    assert not app.exception
    assert [e.value for e in app.error] == [
        "Skriv hvorfor raden rettes opp: grunnen lagres i historikken."]
    assert _current(db_path) == wrong


def test_only_who_may_record_sees_rett_opp(app):
    _profile_history(app, "skrivegruppe")
    assert not any(e.label == "Rett opp en registrering" for e in app.expander)


def test_a_stance_is_corrected_on_the_politician_page(app, db_path):
    db = connect(db_path)
    pid, sid = db.execute("select politician_id, id from stances order by id limit 1").fetchone()
    db.close()
    login(app, "leder")
    app.switch_page(page_file("politikere"))
    app.query_params["politiker"] = str(pid)
    app.run()
    assert not app.exception
    key = f"correct_stance_{pid}_0"
    app.selectbox(key=f"{key}_pick").select(sid).run()
    app.text_input(key=f"{key}_reason").input("Feil person")
    next(b for b in app.button if b.label == "Rett opp").click().run()
    assert not app.exception
    db = connect(db_path)
    row = db.execute("select correction_reason from stances where id = ?", [sid]).fetchone()
    db.close()
    assert row == ("Feil person",)


def test_an_adopted_statement_version_is_corrected_in_the_archive(app, db_path):
    db = connect(db_path)
    sid = db.execute("select id from statements where adopted_on is not null order by id"
                     " limit 1").fetchone()[0]
    db.close()
    login(app, "leder")
    app.switch_page(page_file("uttalelser"))
    app.query_params["uttalelse"] = str(sid)
    app.run()
    key = f"correct_statement_{sid}_0"
    app.text_input(key=f"{key}_reason").input("Vedtatt med feil dato")
    app.checkbox(key=f"{key}_new_draft").check()
    next(b for b in app.button if b.form_id == f"{key}_form").click().run()
    assert not app.exception
    db = connect(db_path)
    reason = db.execute("select correction_reason from statements where id = ?", [sid])
    drafts = db.execute("select count(*) from statements where parent_id = ? and status ="
                        " 'utkast'", [sid])
    assert (reason.fetchone(), drafts.fetchone()) == (("Vedtatt med feil dato",), (1,))
    db.close()
    assert any(w.value.startswith("Denne versjonen er rettet opp og gjelder ikke: Rettet: "
                                  "Vedtatt med feil dato") for w in app.warning)
