"""Guessing passwords: thirty guesses at the same moment (thirty threads, each with its own
connection to the same database file) check no more passwords than the limit allows; an
outsider's guesses lock the outsider's client, not the leader; leadership lifts a lock.

The password checks are counted by wrapping argon2's PasswordHasher.verify (the hash, not
the database)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from argon2 import PasswordHasher

from advocacy import audit, cli, texts
from advocacy.accounts import accounts, login_limits, user_admin
from advocacy.db import connect, table_counts
from advocacy.errors import PermissionDenied

PASSWORD = "riktig-passord-123"
LOGIN_TABLES = {"login_failures", "login_client_failures"}


@pytest.fixture
def checks(monkeypatch):
    """How many passwords argon2 has checked (real and dummy hashes alike)."""
    counted, lock = [0], threading.Lock()
    original = PasswordHasher.verify

    def counting(self, hash, password):  # noqa: A002 - argon2's own parameter name
        with lock:
            counted[0] += 1
        return original(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    return counted


@pytest.fixture
def kari(db):
    accounts.create_user(db, "kari", "leder", PASSWORD, full_name="Kari Leder")
    return accounts.authenticate(db, "kari", PASSWORD)


def _storm(db_path, username, clients, password="feil-passord"):
    """One guess per client entry, all released at the same moment; returns the results
    (a User, None, or the LoginLocked raised)."""
    barrier = threading.Barrier(len(clients))
    results = [None] * len(clients)

    def guess(i):
        conn = connect(db_path)
        try:
            barrier.wait()
            results[i] = accounts.authenticate(conn, username, password, client=clients[i])
        except accounts.LoginLocked as exc:
            results[i] = exc
        finally:
            conn.close()

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(len(clients))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def _changed(before, after):
    return {t for t in after if before.get(t) != after[t]}


@pytest.mark.parametrize("client", ["203.0.113.7", None], ids=["known client", "no client"])
def test_thirty_parallel_guesses_check_at_most_the_free_attempts(db, db_path, kari, checks,
                                                                 client):
    before = table_counts(db)
    checks[0] = 0
    results = _storm(db_path, "kari", [client] * 30)
    assert checks[0] <= accounts.FREE_ATTEMPTS
    assert results.count(None) == checks[0]
    refused = [r for r in results if isinstance(r, accounts.LoginLocked)]
    assert len(refused) == 30 - checks[0]
    expected = texts.LOGIN_CLIENT_LOCKED if client else texts.LOGIN_LOCKED
    prefix = expected.split("{wait}")[0]
    assert refused and all(r.message.startswith(prefix) and "Prøv igjen om 1 minutt" in r.message
               for r in refused)
    assert "Traceback" not in "".join(r.message for r in refused)
    failures = db.execute("select failures from login_failures where username = 'kari'")
    assert failures.fetchone()[0] == checks[0]
    assert _changed(before, table_counts(db)) <= LOGIN_TABLES  # nothing else was written


def test_guesses_from_many_clients_meet_the_names_own_limit(db, db_path, kari, checks):
    checks[0] = 0
    results = _storm(db_path, "kari", [f"198.51.100.{i}" for i in range(30)])
    assert checks[0] <= login_limits.SPREAD_FREE_ATTEMPTS
    refused = [r for r in results if isinstance(r, accounts.LoginLocked)]
    assert len(refused) == 30 - checks[0]
    assert refused and all(type(r) is accounts.LoginLocked and r.message.startswith(
        "For mange mislykkede innlogginger med dette brukernavnet") for r in refused)


def test_an_outsiders_five_guesses_do_not_keep_the_leader_out(db, db_path, kari, checks):
    outsider, office = "203.0.113.66", "192.0.2.10"
    for _ in range(accounts.FREE_ATTEMPTS):
        assert accounts.authenticate(db, "kari", "gjetning", client=outsider) is None
    with pytest.raises(accounts.ClientLocked) as locked:
        accounts.authenticate(db, "kari", PASSWORD, client=outsider)
    assert locked.value.message.startswith("For mange mislykkede innlogginger herfra.")
    # Even a storm of the outsider's further guesses stays refused, unchecked.
    checks[0] = 0
    stormed = _storm(db_path, "kari", [outsider] * 10)
    assert len(stormed) == 10 and all(isinstance(r, accounts.ClientLocked) for r in stormed)
    assert checks[0] == 0
    # The leader, at another client, is in at once.
    assert accounts.authenticate(db, "kari", PASSWORD, client=office).username == "kari"
    # … and the outsider's client is still locked.
    with pytest.raises(accounts.ClientLocked):
        accounts.authenticate(db, "kari", PASSWORD, client=outsider)


def _patient_guesser(db, names, client, lock_type, rounds=40):
    """Guess, and after each refusal wait exactly as long as told; end on a refusal. Returns
    the moment of the last refusal, the longest wait and the last refusal."""
    moment, longest, refusal = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC), 0, None
    for i in range(rounds):
        try:
            accounts.authenticate(db, names[i % len(names)], "gjetning", now=moment,
                                  client=client)
        except lock_type as exc:
            longest, refusal = max(longest, exc.seconds), exc
            if i >= rounds - 2:
                return moment, longest, refusal
            moment += dt.timedelta(seconds=exc.seconds)
        moment += dt.timedelta(seconds=1)
    raise AssertionError("never refused")


def test_the_names_delay_grows_but_stays_within_minutes(db, kari):
    moment, longest, refusal = _patient_guesser(db, ["kari"], None, accounts.LoginLocked)
    assert login_limits.MAX_LOCK_SECONDS - 5 <= longest <= login_limits.MAX_LOCK_SECONDS
    assert login_limits.MAX_LOCK_SECONDS <= 10 * 60
    assert "Prøv igjen om 5 minutter," in refusal.message
    later = moment + dt.timedelta(seconds=login_limits.MAX_LOCK_SECONDS)
    assert accounts.authenticate(db, "kari", PASSWORD, now=later).username == "kari"


def test_a_clients_lock_grows_to_an_hour(db, kari):
    names = [f"navn{i}" for i in range(7)]  # spraying many names from one address
    moment, longest, refusal = _patient_guesser(db, names, "203.0.113.9", accounts.ClientLocked)
    assert login_limits.CLIENT_MAX_LOCK_SECONDS - 5 <= longest
    assert longest <= login_limits.CLIENT_MAX_LOCK_SECONDS
    assert "Prøv igjen om 60 minutter," in refusal.message
    with pytest.raises(accounts.ClientLocked):
        accounts.authenticate(db, "kari", PASSWORD, now=moment, client="203.0.113.9")
    assert accounts.authenticate(db, "kari", PASSWORD, now=moment, client="192.0.2.1")


def test_unknown_and_known_names_lock_alike(db, kari):
    answers = {}
    for name in ("kari", "finnes.ikke"):
        seen = [accounts.authenticate(db, name, "gjetning", client="192.0.2.44")
                for _ in range(accounts.FREE_ATTEMPTS)]
        with pytest.raises(accounts.LoginLocked) as locked:
            accounts.authenticate(db, name, "gjetning")  # no client: the name's own delay
        answers[name] = (seen, locked.value.message)
        db.execute("delete from login_client_failures")
    assert answers["kari"] == answers["finnes.ikke"]


def test_leadership_unlocks_and_it_is_logged(db, kari):
    outsider = "203.0.113.66"
    for _ in range(accounts.FREE_ATTEMPTS):
        accounts.authenticate(db, "kari", "gjetning", client=outsider)
    with pytest.raises(accounts.ClientLocked):
        accounts.authenticate(db, "kari", PASSWORD, client=outsider)
    with pytest.raises(accounts.LoginLocked):  # where the client is unknown, the name waits
        accounts.authenticate(db, "kari", PASSWORD)
    other = accounts.create_user(db, "nils", "leder", PASSWORD)
    nils = accounts.authenticate(db, "nils", PASSWORD)
    assert user_admin.failed_logins(db, nils)["kari"] > 0
    forgiven = user_admin.unlock(db, nils, kari.id)
    assert forgiven >= accounts.FREE_ATTEMPTS
    assert accounts.authenticate(db, "kari", PASSWORD, client=outsider).username == "kari"
    assert accounts.authenticate(db, "kari", PASSWORD).username == "kari"
    logged = db.execute("select user_id, action, table_name, row_id from audit_log "
                        "where action = 'unlock'").fetchall()
    assert logged == [(other, "unlock", "users", str(kari.id))]
    assert audit.verify(db).ok


def test_only_leadership_unlocks_and_a_refusal_writes_nothing(db, kari):
    accounts.create_user(db, "skriver", "skrivegruppe", PASSWORD)
    writer = accounts.authenticate(db, "skriver", PASSWORD)
    for _ in range(accounts.FREE_ATTEMPTS):
        accounts.authenticate(db, "kari", "gjetning")
    before = table_counts(db)
    with pytest.raises(PermissionDenied) as refused:
        user_admin.unlock(db, writer, kari.id)
    assert refused.value.message == texts.NOT_ALLOWED
    with pytest.raises(PermissionDenied):
        user_admin.failed_logins(db, writer)
    assert table_counts(db) == before
    with pytest.raises(accounts.LoginLocked):
        accounts.authenticate(db, "kari", PASSWORD)


def test_unlock_user_on_the_command_line(db, db_path, kari, capsys):
    for _ in range(accounts.FREE_ATTEMPTS):
        accounts.authenticate(db, "kari", "gjetning", client="203.0.113.66")
    assert cli.main(["unlock-user", "KARI", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Innloggingssperren for «kari» er opphevet (5 mislykkede forsøk glemt)." in out
    assert accounts.authenticate(db, "kari", PASSWORD, client="203.0.113.66").username == "kari"
    assert db.execute("select user_id from audit_log where action = 'unlock'").fetchall() == [
        (None,)]
    # Again: nothing to lift, said so; an unknown name is refused in Norwegian, no traceback.
    assert cli.main(["unlock-user", "kari", "--db", str(db_path)]) == 0
    assert "hadde ingen innloggingssperre" in capsys.readouterr().out
    before = table_counts(db)
    assert cli.main(["unlock-user", "finnes.ikke", "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == "Feil: Fant ikke brukeren «finnes.ikke»."
    assert "Traceback" not in captured.err + captured.out
    assert table_counts(db) == before


def test_a_password_reset_lifts_the_clients_lock_too(db, kari):
    for _ in range(accounts.FREE_ATTEMPTS):
        accounts.authenticate(db, "kari", "gjetning", client="203.0.113.66")
    other = accounts.create_user(db, "nils", "leder", PASSWORD)
    new = user_admin.reset_password(db, accounts.get_user(db, other), kari.id)
    assert accounts.authenticate(db, "kari", new, client="203.0.113.66").username == "kari"


def test_the_login_page_says_when_to_try_again(app, db_path):
    from tests.ui.conftest import login

    for _ in range(accounts.FREE_ATTEMPTS):
        login(app, "skrivegruppe", "gjetning")
        assert app.error[0].value == texts.LOGIN_FAILED
    login(app, "skrivegruppe", "demo1234")
    assert not app.exception
    assert app.error[0].value.startswith("For mange mislykkede innlogginger med dette "
                                          "brukernavnet. Prøv igjen om 1 minutt,")
    assert "Traceback" not in app.error[0].value


def test_leadership_unlocks_from_administrasjon(app, db_path):
    from tests.ui.conftest import login, page_file

    db = connect(db_path)
    for _ in range(accounts.FREE_ATTEMPTS):
        accounts.authenticate(db, "skrivegruppe", "gjetning", client="203.0.113.66")
    login(app, "leder")
    app.switch_page(page_file("administrasjon")).run()
    uid = db.execute("select id from users where username = 'skrivegruppe'").fetchone()[0]
    app.selectbox(key="edit_user").select(uid).run()
    assert "5 mislykkede innlogginger siden sist" in [c.value for c in app.caption]
    app.button(key="unlock_user").click().run()
    assert not app.exception
    assert app.success[0].value == ("Innloggingssperren for «skrivegruppe» er opphevet "
                                    "(5 mislykkede forsøk glemt).")
    assert login_limits.failures_by_name(db) == {}
    assert accounts.authenticate(db, "skrivegruppe", "demo1234",
                                 client="203.0.113.66").username == "skrivegruppe"


def test_an_unknown_name_costs_the_same_password_check(db, kari, checks):
    for name in ("kari", "finnes.ikke", "x" * 5000):
        checks[0] = 0
        assert accounts.authenticate(db, name, "gjetning", client="192.0.2.8") is None
        assert checks[0] == 1, name  # one argon2 check, real hash or the dummy one


def test_long_made_up_names_and_addresses_are_cut(db, kari):
    for i in range(3):
        accounts.authenticate(db, f"{i}" + "å" * 100_000, "gjetning", client="9" * 100_000)
    longest = db.execute("select max(length(username)), max(length(client)) "
                         "from login_client_failures").fetchone()
    assert longest == (login_limits.MAX_KEY, login_limits.MAX_KEY)
    assert db.execute("select max(length(username)) from login_failures").fetchone()[0] == (
        login_limits.MAX_KEY)


def test_failures_are_forgotten_after_a_day(db, kari):
    t0 = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)
    for i in range(accounts.FREE_ATTEMPTS):
        accounts.authenticate(db, "kari", "gjetning", now=t0 + dt.timedelta(seconds=i),
                              client="203.0.113.66")
    next_day = t0 + login_limits.FORGET + dt.timedelta(minutes=1)
    assert accounts.authenticate(db, "ola", "gjetning", now=next_day) is None
    assert login_limits.failures_by_name(db) == {"ola": 1}


def test_an_erased_account_leaves_no_failed_login_under_its_name(db, kari):
    from advocacy.privacy import erasure

    accounts.create_user(db, "nils", "leder", PASSWORD)
    nils = accounts.authenticate(db, "nils", PASSWORD)
    for _ in range(3):
        accounts.authenticate(db, "kari", "gjetning", client="203.0.113.66")
    erasure.erase_user(db, nils, kari.id)
    assert db.execute("select count(*) from login_client_failures where username = 'kari'"
                      ).fetchone()[0] == 0
    assert db["login_failures"].count_where("username = 'kari'") == 0


@pytest.mark.parametrize(("remote", "forwarded", "trusted", "client"), [
    ("203.0.113.7", None, False, "203.0.113.7"),
    ("203.0.113.7", "198.51.100.1", True, "203.0.113.7"),  # a direct client's header is ignored
    ("2001:db8::1", None, False, "2001:db8::1"),
    (None, None, True, None),
    (None, "198.51.100.1", False, None),  # an untrusted proxy's header is anyone's
    (None, "10.0.0.1, 198.51.100.1", True, "198.51.100.1"),  # the hop the proxy added
    (None, "198.51.100.1, ikke-en-adresse", True, None),
    ("ikke-en-adresse", None, False, None),
])
def test_the_client_address(remote, forwarded, trusted, client):
    assert login_limits.client_address(remote, forwarded, trusted) == client
