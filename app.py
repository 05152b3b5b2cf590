"""Påvirk: the frame. Page config, the database, the login gate and navigation by role.

Run with `streamlit run app.py`. `ADVOCACY_DB` chooses the database file (default
data/advocacy.db); a new file gets the reference data and, unless `ADVOCACY_DEMO=0`, demo data.
"""

from __future__ import annotations

import os
import time

import streamlit as st

from advocacy import accounts, audit, demo, texts
from advocacy.accounts import PAGES_BY_ROLE
from advocacy.db import connect, default_path
from advocacy.errors import AdvocacyError
from advocacy.startup import open_database
from advocacy.ui import context, login
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import demo_marker

st.set_page_config(page_title=texts.APP_NAME, page_icon="📣", layout="wide")

ALL_PAGES = list(dict.fromkeys(key for keys in PAGES_BY_ROLE.values() for key in keys))
SESSION_MINUTES = int(os.environ.get("ADVOCACY_SESSION_MINUTES", "60"))
PAGE_ICONS = {
    "oversikt": ":material/dashboard:",
    "kommuner": ":material/map:",
    "politikere": ":material/groups:",
    "moter": ":material/handshake:",
    "brev": ":material/edit_note:",
    "uttalelser": ":material/campaign:",
    "kalender": ":material/calendar_month:",
    "maler": ":material/description:",
    "administrasjon": ":material/admin_panel_settings:",
    "personvern": ":material/shield_person:",
}


@st.cache_resource(show_spinner=False)
def prepare_database(path: str) -> str:
    """Once per server process and file: migrate, load reference data, seed demo data if new."""
    seed = os.environ.get("ADVOCACY_DEMO", "1") != "0"
    open_database(path, seed_demo=seed).close()
    return path


def page(key: str) -> st.Page:
    return st.Page(
        f"advocacy/ui/{key}.py", title=texts.PAGE_TITLES[key], icon=PAGE_ICONS.get(key),
        url_path=key,
    )


def sidebar(user: accounts.User, demo_mode: bool) -> None:
    with st.sidebar:
        st.markdown(
            texts.LOGGED_IN_AS.format(name=md(user.full_name), role=texts.ROLE_LABELS[user.role])
        )
        if user.chapter_name:
            st.caption(md(user.chapter_name))
        demo_marker(demo_mode)
        if st.button(texts.LOGOUT_BUTTON, key="logout"):
            st.session_state.clear()
            st.rerun()


def current_user(db) -> accounts.User | None:
    """The session's user, re-read every run: a deactivated user is out at the next click, and
    a session idle for longer than SESSION_MINUTES ends."""
    if "user_id" not in st.session_state:
        return None
    now = time.time()
    if now - st.session_state.get("last_seen", now) > SESSION_MINUTES * 60:
        st.session_state.clear()
        st.session_state["login_notice"] = texts.SESSION_EXPIRED.format(minutes=SESSION_MINUTES)
        return None
    user = accounts.get_user(db, st.session_state["user_id"])
    if user is None:  # deactivated or deleted since the last run
        st.session_state.clear()
        return None
    st.session_state["last_seen"] = now
    return user


def main() -> None:
    path = str(default_path())
    if not os.path.exists(path):  # removed while the server ran (a demo reset): prepare again
        prepare_database.clear()
    try:
        prepare_database(path)
        db = connect(path, create=False)
    except AdvocacyError as exc:
        st.error(f"{texts.STARTUP_FAILED} {exc.message}")
        st.stop()
    try:
        user = current_user(db)
        if user is not None:
            audit.set_actor(db, user.id)
        context.set_run(db, user)
        if user is None:
            # Every page is known, none is run: a link to /moter?mote=12 shows the login form
            # and, once logged in, that meeting.
            st.navigation([page(key) for key in ALL_PAGES], position="hidden")
            login.render()
        else:
            sidebar(user, demo.is_enabled(db))
            st.navigation([page(key) for key in PAGES_BY_ROLE[user.role]]).run()
    finally:
        context.set_run(None, None)
        db.close()


main()
