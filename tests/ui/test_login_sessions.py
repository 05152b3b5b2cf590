"""The app's side of login sessions, in AppTest (no browser, so no cookie: the tab's state
carries the token)."""

from advocacy.accounts import accounts, sessions, user_admin
from advocacy.db import connect
from advocacy.demo.demo import DEMO_PASSWORD
from tests.ui.conftest import login


def _row(db_path, token):
    db = connect(db_path)
    try:
        return db.execute("select user_id, revoked_at from login_sessions where token_hash = ?",
                          [sessions.token_hash(token)]).fetchone()
    finally:
        db.close()


def test_login_starts_a_server_session_and_logout_revokes_it(app, db_path):
    login(app, "lokallag")
    token = app.session_state["session_token"]
    user_id, revoked = _row(db_path, token)
    assert user_id == app.session_state["user_id"] and revoked is None
    app.button(key="logout").click().run()
    assert _row(db_path, token)[1] is not None
    assert app.text_input(key="login_username")
    assert not app.exception


def test_a_session_revoked_elsewhere_ends_this_tab_at_its_next_run(app, db_path):
    login(app, "skrivegruppe")
    db = connect(db_path)
    sessions.end(db, app.session_state["session_token"])
    db.close()
    app.run()
    assert "user_id" not in app.session_state
    assert app.text_input(key="login_username")
    assert "Du er logget ut" in app.warning[0].value


def test_a_password_reset_logs_the_user_out(app, db_path):
    login(app, "lokallag")
    db = connect(db_path)
    leader = accounts.authenticate(db, "leder", DEMO_PASSWORD)
    user_admin.reset_password(db, leader, app.session_state["user_id"])
    db.close()
    app.run()
    assert "user_id" not in app.session_state
    assert app.text_input(key="login_username")
