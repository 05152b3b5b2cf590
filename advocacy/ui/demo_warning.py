"""Leadership's warning while demo accounts (with their published password) can log in from
other machines. demo_removal decides; this only reads where the server listens and the
address the browser used."""

import streamlit as st

from advocacy import permissions, texts
from advocacy.accounts.accounts import User
from advocacy.demo import demo_removal


def _header(name: str) -> str | None:
    try:
        value = st.context.headers.get(name)
    except Exception:  # noqa: BLE001 - outside a browser session there are none
        return None
    return value if isinstance(value, str) else None  # AppTest: a mock


def show(db, user: User) -> None:
    if not permissions.allowed(user, "privacy.admin"):
        return
    if demo_removal.exposure_warning(db, st.get_option("server.address"),
                                     _header("Host"), _header("X-Forwarded-For")):
        st.warning(texts.DEMO_EXPOSED_WARNING, icon=":material/warning:")
