import pytest

from advocacy.accounts import accounts, user_admin
from advocacy.errors import PermissionDenied, ValidationError


def _id(db, username):
    return db.execute("select id from users where username = ?", [username]).fetchone()[0]


def test_leader_adds_changes_and_deactivates_a_user(demo_db, leader):
    uid = user_admin.add_user(demo_db, leader, "nora", "skrivegruppe", "hemmelig123",
                              full_name="Nora Nilsen")
    user_admin.update_user(demo_db, leader, uid, full_name="Nora N. Nilsen", role="lokallag",
                           chapter="IOGT Bergen")
    nora = accounts.authenticate(demo_db, "nora", "hemmelig123")
    assert (nora.full_name, nora.role, nora.chapter_name) == (
        "Nora N. Nilsen", "lokallag", "IOGT Bergen")
    user_admin.set_active(demo_db, leader, uid, False)
    assert accounts.get_user(demo_db, uid) is None


def test_reset_password_lifts_lockout_and_old_password_stops_working(demo_db, leader):
    uid = _id(demo_db, "skrivegruppe")
    for _ in range(accounts.FREE_ATTEMPTS):
        accounts.authenticate(demo_db, "skrivegruppe", "feil")
    new = user_admin.reset_password(demo_db, leader, uid)
    assert len(new) == 14
    assert accounts.authenticate(demo_db, "skrivegruppe", "demo1234") is None
    assert accounts.authenticate(demo_db, "skrivegruppe", new).username == "skrivegruppe"


@pytest.mark.parametrize("action", [
    lambda db, u: user_admin.add_user(db, u, "x1", "leder", "hemmelig123"),
    lambda db, u: user_admin.set_active(db, u, 1, False),
    lambda db, u: user_admin.reset_password(db, u, 1),
    lambda db, u: user_admin.update_user(db, u, 1, full_name="X", role="leder"),
    lambda db, u: user_admin.add_chapter(db, u, "Nytt lag", "IOGT"),
])
def test_only_leadership_administers(demo_db, chapter_member, writer, action):
    for acting in (chapter_member, writer):
        with pytest.raises(PermissionDenied):
            action(demo_db, acting)


def test_leader_cannot_lock_themself_out(demo_db, leader):
    with pytest.raises(ValidationError, match="egen konto"):
        user_admin.set_active(demo_db, leader, leader.id, False)
    with pytest.raises(ValidationError, match="egen lederrolle"):
        user_admin.update_user(demo_db, leader, leader.id, full_name="X", role="skrivegruppe")


def test_add_chapter_checks_name_and_municipality(demo_db, leader):
    with pytest.raises(ValidationError, match="finnes allerede"):
        user_admin.add_chapter(demo_db, leader, "iogt drammen", "IOGT")
    with pytest.raises(ValidationError, match="Fant ingen kommune"):
        user_admin.add_chapter(demo_db, leader, "IOGT Viken", "IOGT", "3005")
    cid = user_admin.add_chapter(demo_db, leader, "IOGT Hamar", "IOGT", "3403")
    assert demo_db["chapters"].get(cid)["kommunenummer"] == "3403"
