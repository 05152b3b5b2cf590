"""Hostile use of «Bytt passord»: guessing the current password from an open tab."""

import pytest

from advocacy.accounts import accounts, own_password
from advocacy.accounts.login_limits import FREE_ATTEMPTS, LoginLocked
from advocacy.errors import AdvocacyError
from tests.literal_accounts import PASSWORD


def test_guesses_at_the_current_password_are_counted_like_logins(people):
    before = people.db.execute("select password_hash from users where id = ?",
                               [people.writer.id]).fetchone()[0]
    for n in range(FREE_ATTEMPTS):
        with pytest.raises(AdvocacyError, match="Nåværende passord: passordet er feil"):
            own_password.change_own_password(people.db, people.writer, f"gjett {n}",
                                             "nytt passord 1",
                                             "nytt passord 1")
    with pytest.raises(LoginLocked) as locked:
        own_password.change_own_password(people.db, people.writer, PASSWORD, "nytt passord 1",
                                         "nytt passord 1")
    assert "Traceback" not in locked.value.message
    assert people.db.execute("select password_hash from users where id = ?",
                             [people.writer.id]).fetchone()[0] == before
    assert not list(people.db.execute("select 1 from audit_log where action = 'password'"))


def test_an_enormous_new_password_is_hashed_not_stored(people):
    huge = "å" * 100_000
    own_password.change_own_password(people.db, people.leader, PASSWORD, huge, huge)
    stored = people.db.execute("select password_hash from users where id = ?",
                               [people.leader.id]).fetchone()[0]
    assert len(stored) < 200
    assert accounts.authenticate(people.db, "sjef", huge).id == people.leader.id
