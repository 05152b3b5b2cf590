"""The browser's half of a login session: the cookie that carries the token across a reload
and into a new tab (advocacy/accounts/sessions.py keeps the server's half).

Streamlit reads cookies (`st.context.cookies`, as they were when the page loaded) but cannot
set them: a small script in `st.html` writes `document.cookie`. While a tab is logged in and the
page was loaded without this session's cookie, the script is rendered in every run: whether
the browser ran it cannot be known before the next page load (a run that ends while the user
already clicked on may never be drawn), and writing the same value again is harmless. After a
logout the clearing script is rendered in every run until one of them finishes (app.py calls
`finished()` at the end of a run). The cookie has no expiry of its own (it ends with the
browser); the server decides how long a token stays good. The token is never put in the URL.
"""

from __future__ import annotations

import json

import streamlit as st

from advocacy.accounts import sessions

COOKIE = "pavirk_session"
_PENDING = "session_cookie_pending"  # "clear", for the next run that finishes


def from_browser() -> str | None:
    """The token the browser sent when this page was loaded, if any. (AppTest has no browser:
    its cookies are a stand-in object, not text.)"""
    value = st.context.cookies.get(COOKIE)
    return value if isinstance(value, str) and value else None


def logged_in(db, user_id: int) -> str:
    """Start a server session for a user who just logged in; the cookie follows next run."""
    token = sessions.start(db, user_id)
    st.session_state.pop(_PENDING, None)
    return token


def logged_out(db, token: str | None) -> None:
    """Revoke the session (every tab that shares it ends at its next click) and forget this
    tab's state; the cookie is cleared next run."""
    sessions.end(db, token)
    st.session_state.clear()
    st.session_state[_PENDING] = "clear"


def sync(token: str | None) -> None:
    """Write the logged-in tab's cookie until a page load shows the browser has it; clear it
    after a logout (until a run has finished)."""
    if token:
        if from_browser() == token:
            return
        value, lifetime = json.dumps(token), ""
    elif st.session_state.get(_PENDING) == "clear":
        value, lifetime = '""', "; Max-Age=0"
    else:
        return
    st.html(cookie_html(value, lifetime), unsafe_allow_javascript=True)


def cookie_html(value: str, lifetime: str) -> str:
    """The script that writes the cookie: `value` is JSON (a server-made token or ""), every
    other part a constant."""
    return ("<script>document.cookie = " + json.dumps(COOKIE + "=") + " + " + value
            + " + " + json.dumps("; Path=/; SameSite=Strict" + lifetime)
            + " + (location.protocol === 'https:' ? '; Secure' : '');</script>")


def finished() -> None:
    """The run that cleared the cookie went on to finish: the browser has the script."""
    st.session_state.pop(_PENDING, None)
