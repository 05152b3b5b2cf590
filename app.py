"""Påvirk: the frame. Page config, the database, the login gate and navigation by role.

Run with `streamlit run app.py`. `ADVOCACY_DB` chooses the database file (default
data/advocacy.db); a new file gets the reference data and, unless `ADVOCACY_DEMO=0`, demo data.
"""

from __future__ import annotations

import os

import streamlit as st

from advocacy import permissions, texts
from advocacy.accounts import accounts
from advocacy.db import default_path
from advocacy.demo import demo
from advocacy.errors import AdvocacyError
from advocacy.startup import prepare
from advocacy.ui import confirm, context, demo_warning, login, own_password, session_cookie
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import demo_marker

st.set_page_config(page_title=texts.APP_NAME, page_icon="📣", layout="wide")

ALL_PAGES = list(permissions.PAGES)
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
    """Once per server process and file: migrate, load reference data, seed demo data if new;
    and start the template worker (documents/worker.py) in the background."""
    from advocacy.documents import worker

    seed = os.environ.get("ADVOCACY_DEMO", "1") != "0"
    prepare(path, seed_demo=seed)
    worker.warm()
    return path


def page(key: str) -> st.Page:
    return st.Page(
        f"advocacy/ui/pages/{key}.py", title=texts.PAGE_TITLES[key], icon=PAGE_ICONS.get(key),
        url_path=key,
    )


def _not_for_role() -> None:
    st.title(texts.APP_NAME)
    st.info(texts.PAGE_NOT_FOR_ROLE)


def not_for_role(key: str) -> st.Page:
    """A page the role may not open, known by its address: a link to it says so in Norwegian
    instead of Streamlit's English «Page not found»."""
    return st.Page(_not_for_role, title=texts.PAGE_TITLES[key], url_path=key,
                   visibility="hidden")


def sidebar(user: accounts.User, demo_mode: bool) -> None:
    with st.sidebar:
        st.markdown(
            texts.LOGGED_IN_AS.format(name=md(user.full_name), role=texts.ROLE_LABELS[user.role])
        )
        if user.chapter_name:
            st.caption(md(user.chapter_name))
        demo_marker(demo_mode)
        if st.button(texts.LOGOUT_BUTTON, key="logout"):
            session_cookie.logged_out(context.db(), st.session_state.get("session_token"))
            st.rerun()
        own_password.popover(context.db(), user)
        session_cookie.sync(st.session_state.get("session_token"))  # until the browser has it


def main() -> None:
    path = str(default_path())
    if not os.path.exists(path):  # removed while the server ran (a demo reset): prepare again
        prepare_database.clear()
        context.forget(path)
    try:
        prepare_database(path)
        db = context.database(path)
    except AdvocacyError as exc:
        st.error(f"{texts.STARTUP_FAILED} {md(exc.message)}")
        st.stop()
    # No connection is closed here: fragments, callbacks, dialogs and downloads run after this
    # run has ended and use the same per-thread connections (context.py).
    user = context.resolve_user()
    context.begin_run(user)
    try:
        if user is None:
            # Every page is known, none is run: a link to /moter?mote=12 shows the login form
            # and, once logged in, that meeting.
            st.navigation([page(key) for key in ALL_PAGES], position="hidden")
            login.render()
        else:
            sidebar(user, demo.is_enabled(db))
            demo_warning.show(db, user)
            confirm.show_notice()
            own = permissions.pages(user)
            st.navigation([page(key) for key in own]
                          + [not_for_role(key) for key in ALL_PAGES if key not in own]).run()
        session_cookie.finished()  # not reached when the run was cut short or rerun
    finally:
        context.end_run()


main()
