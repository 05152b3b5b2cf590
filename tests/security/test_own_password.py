"""Hostile use of «Bytt passord»: guessing the current password from an open tab."""

import pytest

from advocacy.accounts import accounts, own_password
from advocacy.accounts.login_limits import FREE_ATTEMPTS, LoginLocked
from advocacy.demo.demo import DEMO_PASSWORD
from advocacy.errors import AdvocacyError


def test_guesses_at_the_current_password_are_counted_like_logins(demo_db, writer):
    before = demo_db.execute("select password_hash from users where id = ?",
                             [writer.id]).fetchone()[0]
    for n in range(FREE_ATTEMPTS):
        with pytest.raises(AdvocacyError, match="Nåværende passord: passordet er feil"):
            own_password.change_own_password(demo_db, writer, f"gjett {n}", "nytt passord 1",
                                             "nytt passord 1")
    with pytest.raises(LoginLocked) as locked:
        own_password.change_own_password(demo_db, writer, DEMO_PASSWORD, "nytt passord 1",
                                         "nytt passord 1")
    assert "Traceback" not in locked.value.message
    assert demo_db.execute("select password_hash from users where id = ?",
                           [writer.id]).fetchone()[0] == before
    assert not list(demo_db.execute("select 1 from audit_log where action = 'password'"))


def test_an_enormous_new_password_is_hashed_not_stored(demo_db, leader):
    huge = "å" * 100_000
    own_password.change_own_password(demo_db, leader, DEMO_PASSWORD, huge, huge)
    stored = demo_db.execute("select password_hash from users where id = ?",
                             [leader.id]).fetchone()[0]
    assert len(stored) < 200 and accounts.authenticate(demo_db, "leder", huge).id == leader.id
