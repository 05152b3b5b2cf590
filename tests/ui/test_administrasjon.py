"""The Administrasjon page drives the same functions the domain tests cover."""

from advocacy.db import connect
from tests.ui.conftest import login, page_file


def _admin(app):
    login(app, "leder")
    app.switch_page(page_file("administrasjon"))
    app.run()
    assert not app.exception
    return app


def test_create_user_from_the_page(app, db_path):
    _admin(app)
    app.text_input(key="new_username").input("ny.frivillig")
    app.text_input(key="new_full_name").input("Åse Ny")
    app.selectbox(key="new_role").select("skrivegruppe")
    app.text_input(key="new_password").input("hemmelig123")
    app.button(key="FormSubmitter:new_user-Opprett bruker").click().run()
    assert not app.exception
    assert "er opprettet" in app.success[0].value
    row = connect(db_path).execute(
        "select full_name, role from users where username = 'ny.frivillig'").fetchone()
    assert row == ("Åse Ny", "skrivegruppe")


def test_bad_new_user_shows_a_norwegian_error_and_writes_nothing(app, db_path):
    _admin(app)
    before = connect(db_path)["users"].count
    app.text_input(key="new_username").input("x")
    app.text_input(key="new_password").input("kort")
    app.button(key="FormSubmitter:new_user-Opprett bruker").click().run()
    assert "Brukernavnet må være" in app.error[0].value
    assert connect(db_path)["users"].count == before


def test_deactivate_and_the_change_is_logged_with_who(app, db_path):
    _admin(app)
    db = connect(db_path)
    uid = db.execute("select id from users where username = 'skrivegruppe'").fetchone()[0]
    app.selectbox(key="edit_user").select(uid).run()
    app.button(key="toggle_active").click().run()
    assert "deaktivert" in app.success[0].value
    assert db["users"].get(uid)["active"] == 0
    leader_id = db.execute("select id from users where username = 'leder'").fetchone()[0]
    logged = db.execute(
        "select user_id, action, changes from audit_log where table_name = 'users' "
        "and row_id = ? order by id desc", [str(uid)]).fetchone()
    assert logged == (leader_id, "update", '["active"]')


def test_audit_log_tab_verifies_the_chain(app):
    _admin(app)
    app.button(key="verify_audit").click().run()
    assert "kjeden stemmer" in app.success[0].value


def test_change_log_tab_reads_as_users_know_things(app, db_path):
    _admin(app)
    uid = connect(db_path).execute(
        "select id from users where username = 'skrivegruppe'").fetchone()[0]
    app.selectbox(key="edit_user").select(uid).run()
    app.button(key="toggle_active").click().run()
    log = next(d.value for d in app.dataframe if "Felt" in d.value.columns)
    assert list(log.columns) == ["Tidspunkt", "Hvem", "Handling", "Tabell", "Hva", "Felt"]
    newest = log.iloc[0]
    assert (newest["Handling"], newest["Tabell"], newest["Felt"]) == ("endret", "Brukere", "Aktiv")
    assert newest["Hva"].startswith(f"Bruker {uid}: ")
    shown = log.drop(columns=["Tidspunkt"]).astype(str).to_numpy().ravel()
    assert not [v for v in shown if "[" in v or '"' in v or "_" in v]
