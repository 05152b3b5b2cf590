"""Politikere: the directory of local politicians."""

import streamlit as st

from advocacy import politicians, texts
from advocacy.ui import context
from advocacy.ui.widgets import table

user = context.require_page("politikere")
db = context.db()

st.title(texts.PAGE_TITLES["politikere"])
search = st.text_input(texts.SEARCH_LABEL, key="politiker_search", placeholder="Navn")
rows = politicians.list_politicians(db, user, search=search)
st.caption(f"{len(rows)} politikere")
table(
    rows,
    {"name": "Navn", "party": "Parti", "kommune": "Kommune", "role": "Rolle",
     "committee": "Utvalg", "term": "Periode", "email": "E-post", "phone": "Telefon"},
    labels={"role": texts.POLITICIAN_ROLES},
    key="politikere_table",
)
