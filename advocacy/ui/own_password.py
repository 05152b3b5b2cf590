"""«Bytt passord»: every user changes their own password, from the sidebar under «Logg ut»."""

from __future__ import annotations

import streamlit as st

from advocacy import texts
from advocacy.accounts import own_password
from advocacy.errors import AdvocacyError
from advocacy.ui.safe_text import md


def popover(db, user) -> None:
    """The sidebar's «Bytt passord»: a form in a popover, the same for every role."""
    with st.popover(texts.OWN_PASSWORD_TITLE, icon=":material/key:"):
        form(db, user)


def form(db, user) -> None:
    with st.form("own_password", clear_on_submit=True, enter_to_submit=False):
        st.caption(texts.OWN_PASSWORD_HELP)
        current = st.text_input(texts.OWN_PASSWORD_CURRENT, type="password",
                                autocomplete="current-password", key="own_password_current")
        new = st.text_input(texts.OWN_PASSWORD_NEW, type="password",
                            autocomplete="new-password", key="own_password_new")
        repeated = st.text_input(texts.OWN_PASSWORD_REPEAT, type="password",
                                 autocomplete="new-password", key="own_password_repeat")
        if not st.form_submit_button(texts.OWN_PASSWORD_BUTTON, key="own_password_submit"):
            return
    try:
        own_password.change_own_password(db, user, current or "", new or "", repeated or "",
                                         keep_token=st.session_state.get("session_token"))
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    st.success(texts.OWN_PASSWORD_CHANGED)
