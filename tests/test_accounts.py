import pytest

from advocacy import permissions
from advocacy.accounts import accounts
from advocacy.accounts.user import User
from advocacy.errors import PermissionDenied, ValidationError


@pytest.fixture
def chapter(db):
    accounts.create_chapter(db, "IOGT Hamar", "IOGT", "3403")
    return "IOGT Hamar"


def test_password_is_stored_as_argon2id(db):
    accounts.create_user(db, "kari", "leder", "et langt passord")
    stored = db.execute("select password_hash from users where username = 'kari'").fetchone()[0]
    assert stored.startswith("$argon2id$")
    assert "et langt passord" not in stored


def test_authenticate_right_and_wrong(db, chapter):
    accounts.create_user(db, "ola", "lokallag", "hemmelig123", full_name="Ola Nordmann",
                         chapter=chapter)
    user = accounts.authenticate(db, "ola", "hemmelig123")
    assert (user.username, user.full_name, user.role, user.chapter_name) == (
        "ola", "Ola Nordmann", "lokallag", "IOGT Hamar")
    assert accounts.authenticate(db, "ola", "feil") is None
    assert accounts.authenticate(db, "ukjent", "hemmelig123") is None


def test_username_is_case_insensitive(db):
    accounts.create_user(db, "Kari", "leder", "hemmelig123")
    assert accounts.authenticate(db, "KARI", "hemmelig123").username == "kari"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"role": "sjef"}, "Ukjent rolle «sjef»"),
        ({"role": "lokallag"}, "må høre til et lokallag"),
        ({"role": "lokallag", "chapter": "Finnes ikke"}, "Lokallaget «Finnes ikke» finnes ikke"),
        ({"role": "leder", "password": "kort"}, "minst 8 tegn"),
        ({"role": "leder", "username": "<script>"}, "Brukernavnet må være"),
    ],
)
def test_bad_accounts_are_refused_and_nothing_written(db, kwargs, message):
    args = {"username": "nina", "password": "hemmelig123", **kwargs}
    with pytest.raises(ValidationError, match=message):
        accounts.create_user(db, args.pop("username"), args.pop("role"), args.pop("password"),
                             **args)
    assert db["users"].count == 0


def test_duplicate_username_is_refused(db):
    accounts.create_user(db, "kari", "leder", "hemmelig123")
    with pytest.raises(ValidationError, match="allerede i bruk"):
        accounts.create_user(db, "kari", "skrivegruppe", "hemmelig123")
    assert db["users"].count == 1


def test_deactivated_user_cannot_log_in_or_keep_a_session(db):
    uid = accounts.create_user(db, "kari", "leder", "hemmelig123")
    db["users"].update(uid, {"active": 0})
    assert accounts.authenticate(db, "kari", "hemmelig123") is None
    assert accounts.get_user(db, uid) is None


def test_chapter_member_edits_only_own_chapter(people):
    member, own, other = people.member, people.drammen, people.bergen
    assert member.chapter_id == own
    assert permissions.allowed(member, "chapter.edit", own)
    assert not permissions.allowed(member, "chapter.edit", other)
    assert permissions.allowed(people.leader, "chapter.edit", other)
    assert not permissions.allowed(people.writer, "chapter.edit", own)


def test_only_leadership_lists_users(people):
    assert {u["brukernavn"] for u in accounts.list_users(people.db, people.leader)} == {
        "sjef", "drammen", "bergen", "skriver"}
    with pytest.raises(PermissionDenied):
        accounts.list_users(people.db, people.member)


def test_navigation_by_role():
    by_role = {role: permissions.pages(User(0, role, role, role)) for role in accounts.ROLES}
    assert by_role["leder"][-2:] == ["administrasjon", "personvern"]
    assert all(pages[-1] == "personvern" for pages in by_role.values())
    assert "administrasjon" not in by_role["lokallag"]
    assert "moter" not in by_role["skrivegruppe"]
    assert "brev" in by_role["skrivegruppe"]


def test_lockout_grows_and_is_the_same_for_unknown_users(db):
    import datetime as dt

    accounts.create_user(db, "kari", "leder", "hemmelig123")
    t0 = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)
    for name in ("kari", "finnes.ikke"):
        for i in range(accounts.FREE_ATTEMPTS):
            assert accounts.authenticate(db, name, "feil", now=t0 + dt.timedelta(seconds=i)) is None
        with pytest.raises(accounts.LoginLocked, match="Prøv igjen om 1 minutt,") as first:
            accounts.authenticate(db, name, "hemmelig123", now=t0 + dt.timedelta(seconds=10))
        assert 0 < first.value.seconds <= 30
    # After the wait one more failure doubles the lock; the right password then works.
    later = t0 + dt.timedelta(seconds=40)
    assert accounts.authenticate(db, "kari", "feil", now=later) is None
    with pytest.raises(accounts.LoginLocked):
        accounts.authenticate(db, "kari", "hemmelig123", now=later + dt.timedelta(seconds=50))
    ok = accounts.authenticate(db, "kari", "hemmelig123", now=later + dt.timedelta(seconds=61))
    assert ok.username == "kari"
    assert db["login_failures"].count_where("username = 'kari'") == 0


def test_lock_seconds_are_capped():
    assert accounts.lock_seconds(accounts.FREE_ATTEMPTS - 1) == 0
    assert accounts.lock_seconds(accounts.FREE_ATTEMPTS) == 30
    assert accounts.lock_seconds(accounts.FREE_ATTEMPTS + 1) == 60
    assert accounts.lock_seconds(100) == accounts.MAX_LOCK_SECONDS


def test_at_most_two_password_hashes_at_once():
    """Each argon2id hash takes 64 MiB: ten logins at once must not take ten times that."""
    import threading
    import time

    from argon2 import PasswordHasher

    from advocacy.accounts.accounts import _BoundedHasher

    running, peak, lock = [0], [0], threading.Lock()

    class Counting(PasswordHasher):
        def hash(self, password, *, salt=None):
            with lock:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
            time.sleep(0.02)  # long enough for the other threads to pile up
            try:
                return super().hash(password)
            finally:
                with lock:
                    running[0] -= 1

    bounded = _BoundedHasher(2)
    bounded._hasher = Counting(memory_cost=1024, time_cost=1)
    results = [None] * 8
    threads = [threading.Thread(target=lambda i=i: results.__setitem__(
        i, bounded.hash(f"passord-{i}"))) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == 2
    assert len(results) == 8 and all(bounded.verify(h, f"passord-{i}")
                                     for i, h in enumerate(results))
