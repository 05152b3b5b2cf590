"""Personvern: what Påvirk stores, why, for how long and whom to ask; and one's own data."""

import datetime as dt
import functools

import streamlit as st

from advocacy import permissions, texts
from advocacy.privacy import privacy
from advocacy.ui import context

user = context.require_page("personvern")
db = context.db()

st.title(texts.PAGE_TITLES["personvern"])
st.markdown(texts.PRIVACY_PAGE)

st.subheader(texts.PRIVACY_OWN_EXPORT, anchor=False)
st.caption(texts.PRIVACY_OWN_EXPORT_HELP)
# Made when clicked, not on every rerun.
st.download_button(
    texts.PRIVACY_OWN_EXPORT,
    data=functools.partial(privacy.own_export_text, db, user.id),
    mime="text/plain",
    file_name=f"mine-opplysninger-{dt.date.today().isoformat()}.txt", key="privacy_own_export",
    icon=":material/download:", on_click="ignore",
)
if permissions.allowed(user, "privacy.admin"):
    st.info(texts.PERSONVERN_OTHERS_IN_ADMIN)
