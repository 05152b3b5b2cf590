"""What every piece of page code needs, in whatever context Streamlit runs it: the database and
the acting user.

Streamlit runs page code in the full script run, in `@st.fragment` reruns (which skip app.py),
in widget callbacks (run before app.py in the next run), in `st.dialog` (a fragment) and in
downloads made on click (a worker thread of the server, after the run has ended). So nothing
here is tied to one script run:
- `db()` is one `SharedDatabase` per database file and process, whose connection is looked up
  per thread and opened on first use: no context can reach a closed connection, and sessions
  never share one.
- `user()` is the user of this session, re-read and checked (deactivated, idle too long)
  wherever it is asked for; the full run resolves it once for itself.
"""

from __future__ import annotations

import threading
import time

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from advocacy import audit, permissions, texts
from advocacy.accounts import accounts, sessions
from advocacy.accounts.accounts import User
from advocacy.db import SharedDatabase, default_path
from advocacy.ui import session_cookie

_databases: dict[str, SharedDatabase] = {}
_databases_lock = threading.Lock()
_run = threading.local()  # the full script run's user, set and cleared by app.py


def _session_actor(conn) -> None:
    """A new connection in a script thread writes as the session's user (the audit triggers)."""
    if get_script_run_ctx(suppress_warning=True) is not None:
        conn.actor = st.session_state.get("user_id")


def database(path: str | None = None) -> SharedDatabase:
    """The process's database object for `path` (default: ADVOCACY_DB or data/advocacy.db)."""
    path = str(path or default_path())
    with _databases_lock:
        shared = _databases.get(path)
        if shared is None:
            shared = _databases[path] = SharedDatabase(path, on_open=_session_actor)
        return shared


def forget(path: str) -> None:
    """Drop the object for a file that was removed (a demo reset): the next use opens anew."""
    with _databases_lock:
        _databases.pop(str(path), None)


def db() -> SharedDatabase:
    return database()


def session_seconds() -> int:
    return int(sessions.idle_period().total_seconds())


def _end_tab(notice: str) -> None:
    """This tab is logged out. The cookie this page was loaded with is not taken up again in
    this tab (a reload still resumes it if the server session lives on)."""
    declined = session_cookie.from_browser()
    st.session_state.clear()
    st.session_state["login_notice"] = notice
    if declined:
        st.session_state["declined_token"] = declined


def resolve_user() -> User | None:
    """The session's user, re-read from the database: a deactivated user is out at the next
    click, and a session idle for longer than the idle period ends.

    A tab without a user takes up the login session of its cookie (a reload, a new tab). A
    tab with a session token checks it on every run (one primary-key read), so a logout in
    another tab, a deactivation or a password change ends this tab at its next click, and the
    session's sliding expiry is shared by its tabs: one tab left idle stays logged in while
    another is used.
    """
    state = st.session_state
    now = time.time()
    expired = texts.SESSION_EXPIRED.format(minutes=session_seconds() // 60)
    if "user_id" not in state:
        token = session_cookie.from_browser()
        if not token or token == state.get("declined_token"):
            return None
        user_id = sessions.resume(db(), token)
        if user_id is None:  # said once: the token is not tried again in this tab
            if sessions.timed_out(db(), token):
                state["login_notice"] = expired
            state["declined_token"] = token
            return None
        state.pop("declined_token", None)
        state.update(user_id=user_id, session_token=token, last_seen=now)
    elif "session_token" not in state and now - state.get("last_seen", now) > session_seconds():
        _end_tab(expired)  # a tab without a server session (AppTest) keeps its own clock
        return None
    elif "session_token" in state:  # the server's sliding expiry is the one clock
        token = state["session_token"]
        if sessions.resume(db(), token) != state["user_id"]:
            _end_tab(expired if sessions.timed_out(db(), token) else texts.SESSION_ENDED)
            return None
    current = accounts.get_user(db(), state["user_id"])
    if current is None:  # deactivated or deleted since the last run
        _end_tab(texts.SESSION_ENDED)
        return None
    state["last_seen"] = now
    audit.set_actor(db(), current.id)
    return current


def begin_run(current: User | None) -> None:
    """app.py: the user this full run acts as (read once, for every page part of the run)."""
    _run.user = current
    _run.resolved = True


def end_run() -> None:
    _run.user = None
    _run.resolved = False


def user() -> User:
    """The logged-in user; a page that needs one stops here if there is none."""
    current = _run.user if getattr(_run, "resolved", False) else resolve_user()
    if current is None:
        st.error(texts.NOT_ALLOWED)
        st.stop()
    return current


def require_page(page: str) -> User:
    """Stop with a refusal if the user's role does not reach this page."""
    current = user()
    if not permissions.allowed(current, "page.view", page):
        st.error(texts.NOT_ALLOWED)
        st.stop()
    return current
