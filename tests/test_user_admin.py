import pytest

from advocacy.accounts import accounts, user_admin
from advocacy.errors import PermissionDenied, ValidationError
from tests.literal_accounts import PASSWORD


def test_leader_adds_changes_and_deactivates_a_user(people):
    uid = user_admin.add_user(people.db, people.leader, "nora", "skrivegruppe", "hemmelig123",
                              full_name="Nora Nilsen")
    user_admin.update_user(people.db, people.leader, uid, full_name="Nora N. Nilsen",
                           role="lokallag", chapter="Lag Bergen")
    nora = accounts.authenticate(people.db, "nora", "hemmelig123")
    assert (nora.full_name, nora.role, nora.chapter_id, nora.chapter_name) == (
        "Nora N. Nilsen", "lokallag", people.bergen, "Lag Bergen")
    user_admin.set_active(people.db, people.leader, uid, False)
    assert accounts.get_user(people.db, uid) is None


def test_reset_password_lifts_lockout_and_old_password_stops_working(people):
    for _ in range(accounts.FREE_ATTEMPTS):
        accounts.authenticate(people.db, "skriver", "feil")
    new = user_admin.reset_password(people.db, people.leader, people.writer.id)
    assert len(new) == 14
    assert accounts.authenticate(people.db, "skriver", PASSWORD) is None
    assert accounts.authenticate(people.db, "skriver", new).username == "skriver"


@pytest.mark.parametrize("action", [
    lambda db, u, target: user_admin.add_user(db, u, "x1", "leder", "hemmelig123"),
    lambda db, u, target: user_admin.set_active(db, u, target, False),
    lambda db, u, target: user_admin.reset_password(db, u, target),
    lambda db, u, target: user_admin.update_user(db, u, target, full_name="X", role="leder"),
    lambda db, u, target: user_admin.add_chapter(db, u, "Nytt lag", "IOGT"),
])
def test_only_leadership_administers(people, action):
    for acting in (people.member, people.writer):
        with pytest.raises(PermissionDenied):
            action(people.db, acting, people.leader.id)


def test_leader_cannot_lock_themself_out(people):
    with pytest.raises(ValidationError, match="egen konto"):
        user_admin.set_active(people.db, people.leader, people.leader.id, False)
    with pytest.raises(ValidationError, match="egen lederrolle"):
        user_admin.update_user(people.db, people.leader, people.leader.id, full_name="X",
                               role="skrivegruppe")


def test_add_chapter_checks_name_and_municipality(people):
    with pytest.raises(ValidationError, match="finnes allerede"):
        user_admin.add_chapter(people.db, people.leader, "lag drammen", "IOGT")
    with pytest.raises(ValidationError, match="Fant ingen kommune"):
        user_admin.add_chapter(people.db, people.leader, "Lag Viken", "IOGT", "3005")
    cid = user_admin.add_chapter(people.db, people.leader, "Lag Hamar", "IOGT", "3403")
    assert list(people.db.execute(
        "select id, name, organisation, kommunenummer from chapters order by id")) == [
        (people.drammen, "Lag Drammen", "IOGT", "3301"),
        (people.bergen, "Lag Bergen", "IOGT", "4601"),
        (cid, "Lag Hamar", "IOGT", "3403")]
