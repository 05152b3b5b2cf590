"""The login form: what a visitor without a session sees, whichever page address they opened.

app.py calls `render()` in place of the requested page, so after logging in the visitor lands on
the page (and record, through its query parameters) their link pointed to. A login starts a
server session whose token the next run puts in a cookie (session_cookie.py), so a reload or a
new tab carries on logged in.
"""

import os
import time

import streamlit as st

from advocacy import texts
from advocacy.accounts import accounts, login_limits
from advocacy.demo import demo
from advocacy.ui import context, session_cookie
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table


def _client() -> str | None:
    """The address the visitor connects from, where it is known (login_limits.client_address);
    None on loopback without a trusted proxy, and in AppTest (whose context is a mock)."""
    try:
        remote_ip = st.context.ip_address
        forwarded = st.context.headers.get("X-Forwarded-For")
    except Exception:  # noqa: BLE001 - outside a browser session there is no context
        return None
    if not isinstance(remote_ip, str | None) or not isinstance(forwarded, str | None):
        return None
    return login_limits.client_address(remote_ip, forwarded,
                                       os.environ.get("ADVOCACY_TRUST_PROXY", "0") == "1")


def render() -> None:
    db = context.db()
    notice = st.session_state.pop("login_notice", None)

    st.title(texts.APP_NAME)
    st.caption(texts.APP_TAGLINE)

    if demo.is_enabled(db):
        st.info(texts.DEMO_BANNER.format(password=demo.DEMO_PASSWORD))
        table(
            demo.demo_accounts(db),
            texts.DEMO_ACCOUNT_COLUMNS,
            labels={"role": texts.ROLE_LABELS},
            key="demo_accounts",
        )
    elif accounts.user_count(db) == 0:
        st.warning(texts.LOGIN_NO_USERS)

    if notice:
        st.warning(md(notice))

    with st.form("login", enter_to_submit=True):  # Enter logs in, as everywhere else
        st.subheader(texts.LOGIN_HEADING)
        username = st.text_input(texts.LOGIN_USERNAME, key="login_username")
        password = st.text_input(texts.LOGIN_PASSWORD, type="password", key="login_password")
        submitted = st.form_submit_button(texts.LOGIN_BUTTON, type="primary")
    session_cookie.sync(None)  # clears the cookie in the first run after a logout

    if submitted:
        try:
            user = accounts.authenticate(db, username, password, client=_client())
        except accounts.LoginLocked as exc:
            st.error(md(exc.message))
            st.stop()
        if user is None:
            st.error(texts.LOGIN_FAILED)
        else:
            token = session_cookie.logged_in(db, user.id)
            st.session_state.update(user_id=user.id, session_token=token, last_seen=time.time())
            st.rerun()
