"""«Bytt passord» in the sidebar, for every role, in AppTest."""

import pytest

from advocacy.accounts import accounts, sessions
from advocacy.db import connect
from advocacy.demo.demo import DEMO_PASSWORD
from tests.ui.conftest import login

NEW = "et helt nytt passord"


def _fill(at, current, new, repeated):
    at.text_input(key="own_password_current").input(current)
    at.text_input(key="own_password_new").input(new)
    at.text_input(key="own_password_repeat").input(repeated)
    at.button(key="own_password_submit").click().run()
    assert not at.exception


@pytest.mark.parametrize("who", ["leder", "lokallag", "skrivegruppe"])
def test_every_role_changes_its_password_and_stays_logged_in(app, db_path, who):
    login(app, who)
    db = connect(db_path)
    try:
        user_id = app.session_state["user_id"]
        elsewhere = sessions.start(db, user_id)
        _fill(app, DEMO_PASSWORD, NEW, NEW)
        assert "Passordet er byttet" in app.success[0].value
        assert app.session_state["user_id"] == user_id
        assert sessions.resume(db, app.session_state["session_token"]) == user_id
        assert sessions.resume(db, elsewhere) is None
        assert accounts.authenticate(db, who, NEW).id == user_id
    finally:
        db.close()


def test_fields_are_password_fields_and_a_wrong_password_is_named(app, db_path):
    login(app, "lokallag")
    for key in ("own_password_current", "own_password_new", "own_password_repeat"):
        assert app.text_input(key=key).proto.type == app.text_input(key=key).proto.PASSWORD
    _fill(app, "feil passord", NEW, NEW)
    assert "Nåværende passord: passordet er feil" in app.error[0].value
    db = connect(db_path)
    try:
        assert accounts.authenticate(db, "lokallag", DEMO_PASSWORD) is not None
    finally:
        db.close()
