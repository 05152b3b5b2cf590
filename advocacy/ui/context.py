"""What every page needs in this script run: the database connection and the acting user.

app.py opens one connection per script run (sessions must not share a connection: their
transactions would mix) and puts it here; the page, executed in the same thread right after,
picks it up.
"""

from __future__ import annotations

import threading

import sqlite_utils
import streamlit as st

from advocacy import texts
from advocacy.accounts import PAGES_BY_ROLE, User

_run = threading.local()


def set_run(db: sqlite_utils.Database | None, user: User | None) -> None:
    _run.db = db
    _run.user = user


def db() -> sqlite_utils.Database:
    return _run.db


def user() -> User:
    """The logged-in user; a page that needs one stops here if there is none."""
    current = getattr(_run, "user", None)
    if current is None:
        st.error(texts.NOT_ALLOWED)
        st.stop()
    return current


def require_page(page: str) -> User:
    """Stop with a refusal if the user's role does not reach this page."""
    current = user()
    if page not in PAGES_BY_ROLE[current.role]:
        st.error(texts.NOT_ALLOWED)
        st.stop()
    return current
