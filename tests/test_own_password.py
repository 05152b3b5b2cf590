"""Every user changes their own password: the domain function over a real database file."""

import pytest

from advocacy.accounts import accounts, own_password, sessions
from advocacy.errors import ValidationError
from tests.literal_accounts import PASSWORD, USERNAMES

NEW = "et helt nytt passord"


def _hash(db, user):
    return db.execute("select password_hash from users where id = ?", [user.id]).fetchone()[0]


def _live(db, user):
    return db.execute("select count(*) from login_sessions where user_id = ? and revoked_at is"
                      " null", [user.id]).fetchone()[0]


@pytest.mark.parametrize(("role", "who"), USERNAMES)
def test_every_role_changes_its_own_password(people, role, who):
    user = accounts.authenticate(people.db, who, PASSWORD)
    assert user.role == role
    own_password.change_own_password(people.db, user, PASSWORD, NEW, NEW)
    assert _hash(people.db, user).startswith("$argon2id$")
    assert accounts.authenticate(people.db, who, PASSWORD) is None
    assert accounts.authenticate(people.db, who, NEW).id == user.id


def test_other_sessions_end_and_this_one_stays(people):
    here = sessions.start(people.db, people.member.id)
    elsewhere = [sessions.start(people.db, people.member.id) for _ in range(2)]
    ended = own_password.change_own_password(people.db, people.member, PASSWORD, NEW, NEW,
                                             keep_token=here)
    assert ended == 2
    assert sessions.resume(people.db, here) == people.member.id
    assert all(sessions.resume(people.db, token) is None for token in elsewhere)


def test_the_change_is_in_the_audit_log(people):
    own_password.change_own_password(people.db, people.writer, PASSWORD, NEW, NEW)
    rows = list(people.db.execute(
        "select user_id, table_name, row_id, changes from audit_log where action = 'password'"))
    assert rows == [(people.writer.id, "users", str(people.writer.id), '["password_hash"]')]
    assert NEW not in str(list(people.db.execute("select changes from audit_log")))


@pytest.mark.parametrize(
    ("current", "new", "repeated", "field", "message"),
    [
        ("feil passord", NEW, NEW, "current", "Nåværende passord: passordet er feil"),
        (PASSWORD, "kort", "kort", "new", "Nytt passord: passordet må ha minst 8 tegn"),
        (PASSWORD, PASSWORD, PASSWORD, "new", "et annet enn det du bruker nå"),
        (PASSWORD, NEW, NEW + "x", "repeated", "Gjenta nytt passord: de to nye"),
        (PASSWORD, "", "", "new", "minst 8 tegn"),
    ],
)
def test_refusals_name_the_field_and_change_nothing(people, current, new, repeated,
                                                   field, message):
    token = sessions.start(people.db, people.leader.id)
    other = sessions.start(people.db, people.leader.id)
    before = _hash(people.db, people.leader)
    with pytest.raises(ValidationError, match=message) as refused:
        own_password.change_own_password(people.db, people.leader, current, new, repeated,
                                         keep_token=token)
    assert refused.value.field == field
    assert "Ingenting er endret" in refused.value.message
    assert _hash(people.db, people.leader) == before
    assert sessions.resume(people.db, other) == people.leader.id
    assert accounts.authenticate(people.db, "sjef", PASSWORD).id == people.leader.id
