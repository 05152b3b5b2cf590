"""Login sessions on a real SQLite file: hashed at rest, sliding expiry, revoked on logout,
deactivation and password change."""

import datetime as dt

from advocacy.accounts import sessions, user_admin

T0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def test_a_started_session_resumes_as_its_user(people):
    token = sessions.start(people.db, people.writer.id)
    assert sessions.resume(people.db, token) == people.writer.id


def test_the_token_is_long_random_and_not_the_user_id(people):
    tokens = {sessions.start(people.db, people.writer.id) for _ in range(3)}
    assert len(tokens) == 3
    for token in tokens:
        assert len(token) >= 43  # 32 random bytes, base64: 256 bits
        assert str(people.writer.id) != token


def test_only_the_hash_of_the_token_is_stored(people, db_path):
    token = sessions.start(people.db, people.writer.id)
    people.db.execute("pragma wal_checkpoint(truncate)")
    files = [db_path, db_path.with_name(db_path.name + "-wal")]
    stored = b"".join(path.read_bytes() for path in files if path.exists())
    assert token.encode() not in stored
    assert sessions.token_hash(token).encode() in stored
    row = people.db.execute("select token_hash from login_sessions").fetchone()
    assert row[0] == sessions.token_hash(token) != token


def test_an_unknown_or_missing_token_resumes_nothing(people):
    sessions.start(people.db, people.writer.id)
    assert sessions.resume(people.db, "gjettet-token") is None
    assert sessions.resume(people.db, None) is None
    assert sessions.resume(people.db, "") is None


def test_a_session_expires_after_the_idle_period(people, monkeypatch):
    monkeypatch.setenv("ADVOCACY_SESSION_MINUTES", "30")
    token = sessions.start(people.db, people.writer.id, now=T0)
    assert sessions.resume(people.db, token, now=T0 + dt.timedelta(minutes=29)) == people.writer.id
    assert sessions.resume(people.db, token, now=T0 + dt.timedelta(minutes=60)) is None
    assert sessions.timed_out(people.db, token, now=T0 + dt.timedelta(minutes=60))


def test_each_use_starts_the_idle_period_again(people, monkeypatch):
    monkeypatch.setenv("ADVOCACY_SESSION_MINUTES", "30")
    token = sessions.start(people.db, people.writer.id, now=T0)
    for minutes in (20, 40, 60, 80):
        later = T0 + dt.timedelta(minutes=minutes)
        assert sessions.resume(people.db, token, now=later) == people.writer.id
    assert sessions.resume(people.db, token, now=T0 + dt.timedelta(minutes=111)) is None


def test_the_expiry_is_written_at_most_once_a_minute(people):
    token = sessions.start(people.db, people.writer.id, now=T0)

    def expires():
        return people.db.execute("select expires_at from login_sessions").fetchone()[0]

    first = expires()
    sessions.resume(people.db, token, now=T0 + dt.timedelta(seconds=30))
    assert expires() == first
    sessions.resume(people.db, token, now=T0 + dt.timedelta(seconds=61))
    assert expires() > first


def test_logout_revokes_the_session(people):
    token = sessions.start(people.db, people.writer.id)
    other = sessions.start(people.db, people.writer.id)
    sessions.end(people.db, token)
    assert sessions.resume(people.db, token) is None
    assert not sessions.timed_out(people.db, token)  # logged out, not timed out
    assert sessions.resume(people.db, other) == people.writer.id  # another login lives on


def test_deactivation_revokes_every_session_of_the_user(people):
    uid = people.writer.id
    tokens = [sessions.start(people.db, uid) for _ in range(2)]
    own = sessions.start(people.db, people.leader.id)
    user_admin.set_active(people.db, people.leader, uid, False)
    assert [sessions.resume(people.db, t) for t in tokens] == [None, None]
    user_admin.set_active(people.db, people.leader, uid, True)
    assert [sessions.resume(people.db, t) for t in tokens] == [None, None]  # revoked for good
    assert sessions.resume(people.db, own) == people.leader.id


def test_a_deactivated_user_does_not_resume_even_if_not_revoked(people):
    token = sessions.start(people.db, people.writer.id)
    people.db.execute("update users set active = 0 where id = ?", [people.writer.id])
    assert sessions.resume(people.db, token) is None


def test_password_reset_revokes_every_session_of_the_user(people):
    uid = people.member.id
    token = sessions.start(people.db, uid)
    user_admin.reset_password(people.db, people.leader, uid)
    assert sessions.resume(people.db, token) is None


def test_end_all_counts_what_it_revoked(people):
    for _ in range(3):
        sessions.start(people.db, people.writer.id)
    assert sessions.end_all(people.db, people.writer.id) == 3
    assert sessions.end_all(people.db, people.writer.id) == 0


def test_a_login_removes_expired_and_revoked_sessions(people):
    old = sessions.start(people.db, people.writer.id, now=T0)
    ended = sessions.start(people.db, people.writer.id)
    live = sessions.start(people.db, people.writer.id)
    sessions.end(people.db, ended)
    leaders = sessions.start(people.db, people.leader.id)
    rows = sorted(people.db.execute("select token_hash, user_id from login_sessions"))
    assert sessions.token_hash(old) not in {h for h, _ in rows}
    assert sessions.token_hash(ended) not in {h for h, _ in rows}
    assert rows == sorted([(sessions.token_hash(live), people.writer.id),
                           (sessions.token_hash(leaders), people.leader.id)])
