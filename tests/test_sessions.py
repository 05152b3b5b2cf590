"""Login sessions on a real SQLite file: hashed at rest, sliding expiry, revoked on logout,
deactivation and password change."""

import datetime as dt

from advocacy.accounts import sessions, user_admin

T0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def _id(db, username):
    return db.execute("select id from users where username = ?", [username]).fetchone()[0]


def test_a_started_session_resumes_as_its_user(demo_db, writer):
    token = sessions.start(demo_db, writer.id)
    assert sessions.resume(demo_db, token) == writer.id


def test_the_token_is_long_random_and_not_the_user_id(demo_db, writer):
    tokens = {sessions.start(demo_db, writer.id) for _ in range(3)}
    assert len(tokens) == 3
    for token in tokens:
        assert len(token) >= 43  # 32 random bytes, base64: 256 bits
        assert str(writer.id) != token


def test_only_the_hash_of_the_token_is_stored(demo_db, db_path, writer):
    token = sessions.start(demo_db, writer.id)
    demo_db.execute("pragma wal_checkpoint(truncate)")
    files = [db_path, db_path.with_name(db_path.name + "-wal")]
    stored = b"".join(path.read_bytes() for path in files if path.exists())
    assert token.encode() not in stored
    assert sessions.token_hash(token).encode() in stored
    row = demo_db.execute("select token_hash from login_sessions").fetchone()
    assert row[0] == sessions.token_hash(token) != token


def test_an_unknown_or_missing_token_resumes_nothing(demo_db, writer):
    sessions.start(demo_db, writer.id)
    assert sessions.resume(demo_db, "gjettet-token") is None
    assert sessions.resume(demo_db, None) is None
    assert sessions.resume(demo_db, "") is None


def test_a_session_expires_after_the_idle_period(demo_db, writer, monkeypatch):
    monkeypatch.setenv("ADVOCACY_SESSION_MINUTES", "30")
    token = sessions.start(demo_db, writer.id, now=T0)
    assert sessions.resume(demo_db, token, now=T0 + dt.timedelta(minutes=29)) == writer.id
    assert sessions.resume(demo_db, token, now=T0 + dt.timedelta(minutes=60)) is None
    assert sessions.timed_out(demo_db, token, now=T0 + dt.timedelta(minutes=60))


def test_each_use_starts_the_idle_period_again(demo_db, writer, monkeypatch):
    monkeypatch.setenv("ADVOCACY_SESSION_MINUTES", "30")
    token = sessions.start(demo_db, writer.id, now=T0)
    for minutes in (20, 40, 60, 80):
        assert sessions.resume(demo_db, token, now=T0 + dt.timedelta(minutes=minutes)) == writer.id
    assert sessions.resume(demo_db, token, now=T0 + dt.timedelta(minutes=111)) is None


def test_the_expiry_is_written_at_most_once_a_minute(demo_db, writer):
    token = sessions.start(demo_db, writer.id, now=T0)

    def expires():
        return demo_db.execute("select expires_at from login_sessions").fetchone()[0]

    first = expires()
    sessions.resume(demo_db, token, now=T0 + dt.timedelta(seconds=30))
    assert expires() == first
    sessions.resume(demo_db, token, now=T0 + dt.timedelta(seconds=61))
    assert expires() > first


def test_logout_revokes_the_session(demo_db, writer):
    token = sessions.start(demo_db, writer.id)
    other = sessions.start(demo_db, writer.id)
    sessions.end(demo_db, token)
    assert sessions.resume(demo_db, token) is None
    assert not sessions.timed_out(demo_db, token)  # logged out, not timed out
    assert sessions.resume(demo_db, other) == writer.id  # another login of theirs lives on


def test_deactivation_revokes_every_session_of_the_user(demo_db, leader):
    uid = _id(demo_db, "skrivegruppe")
    tokens = [sessions.start(demo_db, uid) for _ in range(2)]
    own = sessions.start(demo_db, leader.id)
    user_admin.set_active(demo_db, leader, uid, False)
    assert [sessions.resume(demo_db, t) for t in tokens] == [None, None]
    user_admin.set_active(demo_db, leader, uid, True)
    assert [sessions.resume(demo_db, t) for t in tokens] == [None, None]  # revoked for good
    assert sessions.resume(demo_db, own) == leader.id


def test_a_deactivated_user_does_not_resume_even_if_not_revoked(demo_db, writer):
    token = sessions.start(demo_db, writer.id)
    demo_db.execute("update users set active = 0 where id = ?", [writer.id])
    assert sessions.resume(demo_db, token) is None


def test_password_reset_revokes_every_session_of_the_user(demo_db, leader):
    uid = _id(demo_db, "lokallag")
    token = sessions.start(demo_db, uid)
    user_admin.reset_password(demo_db, leader, uid)
    assert sessions.resume(demo_db, token) is None


def test_end_all_counts_what_it_revoked(demo_db, writer):
    for _ in range(3):
        sessions.start(demo_db, writer.id)
    assert sessions.end_all(demo_db, writer.id) == 3
    assert sessions.end_all(demo_db, writer.id) == 0


def test_a_login_removes_expired_and_revoked_sessions(demo_db, writer, leader):
    old = sessions.start(demo_db, writer.id, now=T0)
    ended = sessions.start(demo_db, writer.id)
    live = sessions.start(demo_db, writer.id)
    sessions.end(demo_db, ended)
    sessions.start(demo_db, leader.id)
    hashes = {r[0] for r in demo_db.execute("select token_hash from login_sessions")}
    assert sessions.token_hash(old) not in hashes
    assert sessions.token_hash(ended) not in hashes
    assert sessions.token_hash(live) in hashes
    assert len(hashes) == 2
