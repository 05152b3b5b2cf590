"""Every user changes their own password: the domain function over a real database file."""

import pytest

from advocacy.accounts import accounts, own_password, sessions
from advocacy.demo.demo import DEMO_PASSWORD
from advocacy.errors import ValidationError

NEW = "et helt nytt passord"


def _hash(db, user):
    return db.execute("select password_hash from users where id = ?", [user.id]).fetchone()[0]


def _live(db, user):
    return db.execute("select count(*) from login_sessions where user_id = ? and revoked_at is"
                      " null", [user.id]).fetchone()[0]


@pytest.mark.parametrize("who", ["leder", "lokallag", "skrivegruppe"])
def test_every_role_changes_its_own_password(demo_db, who):
    user = accounts.authenticate(demo_db, who, DEMO_PASSWORD)
    own_password.change_own_password(demo_db, user, DEMO_PASSWORD, NEW, NEW)
    assert _hash(demo_db, user).startswith("$argon2id$")
    assert accounts.authenticate(demo_db, who, DEMO_PASSWORD) is None
    assert accounts.authenticate(demo_db, who, NEW).id == user.id


def test_other_sessions_end_and_this_one_stays(demo_db, chapter_member):
    here = sessions.start(demo_db, chapter_member.id)
    elsewhere = [sessions.start(demo_db, chapter_member.id) for _ in range(2)]
    ended = own_password.change_own_password(demo_db, chapter_member, DEMO_PASSWORD, NEW, NEW,
                                             keep_token=here)
    assert ended == 2
    assert sessions.resume(demo_db, here) == chapter_member.id
    assert all(sessions.resume(demo_db, token) is None for token in elsewhere)


def test_the_change_is_in_the_audit_log(demo_db, writer):
    own_password.change_own_password(demo_db, writer, DEMO_PASSWORD, NEW, NEW)
    row = demo_db.execute(
        "select user_id, changes from audit_log where action = 'password' and table_name ="
        " 'users' and row_id = ?", [str(writer.id)]).fetchone()
    assert row == (writer.id, '["password_hash"]')
    assert NEW not in str(list(demo_db.execute("select changes from audit_log")))


@pytest.mark.parametrize(
    ("current", "new", "repeated", "field", "message"),
    [
        ("feil passord", NEW, NEW, "current", "Nåværende passord: passordet er feil"),
        (DEMO_PASSWORD, "kort", "kort", "new", "Nytt passord: passordet må ha minst 8 tegn"),
        (DEMO_PASSWORD, DEMO_PASSWORD, DEMO_PASSWORD, "new", "et annet enn det du bruker nå"),
        (DEMO_PASSWORD, NEW, NEW + "x", "repeated", "Gjenta nytt passord: de to nye"),
        (DEMO_PASSWORD, "", "", "new", "minst 8 tegn"),
    ],
)
def test_refusals_name_the_field_and_change_nothing(demo_db, leader, current, new, repeated,
                                                    field, message):
    token = sessions.start(demo_db, leader.id)
    other = sessions.start(demo_db, leader.id)
    before = _hash(demo_db, leader)
    with pytest.raises(ValidationError, match=message) as refused:
        own_password.change_own_password(demo_db, leader, current, new, repeated,
                                         keep_token=token)
    assert refused.value.field == field
    assert "Ingenting er endret" in refused.value.message
    assert _hash(demo_db, leader) == before
    assert sessions.resume(demo_db, other) == leader.id
    assert accounts.authenticate(demo_db, "leder", DEMO_PASSWORD).id == leader.id
