"""Politikere: the directory of local politicians, their stances, meetings and letters."""

import streamlit as st

from advocacy import permissions, texts
from advocacy.errors import AdvocacyError
from advocacy.policy import municipalities
from advocacy.politicians import politician_list, politicians
from advocacy.ui import context
from advocacy.ui.list_controls import Choice, ask, pages
from advocacy.ui.politician_detail import render_politician
from advocacy.ui.politician_form import politician_form
from advocacy.ui.politician_import_view import render_import
from advocacy.ui.search_view import render_search
from advocacy.ui.widgets import open_requested, table

user = context.require_page("politikere")
db = context.db()
editor = permissions.allowed(user, "politician.edit")

VIEWS = (
    [
        texts.POLITIKERE_VIEW_LIST,
        texts.POLITIKERE_VIEW_NEW,
        texts.POLITIKERE_VIEW_IMPORT,
        texts.POLITIKERE_VIEW_SEARCH,
    ]
    if editor
    else [texts.POLITIKERE_VIEW_LIST, texts.POLITIKERE_VIEW_SEARCH]
)
OPEN = "politiker_open"
PENDING = "politiker_pending_open"
LIST = "politiker_list"  # a national directory runs to 10,000: search, filters and pages

st.session_state.setdefault("politiker_view", VIEWS[0])
st.title(texts.PAGE_TITLES["politikere"])
# A link from search (or elsewhere) opens one record: ?politiker=12.
open_requested(db, user, "politiker", "politiker", VIEWS[0])
view = st.segmented_control(texts.POLITIKERE_VIEW, VIEWS, key="politiker_view",
                            label_visibility="collapsed") or VIEWS[0]

if view == texts.POLITIKERE_VIEW_NEW:
    new_id = politician_form(db, user, "new_politician")
    if new_id:
        st.session_state[PENDING] = new_id
        st.rerun()
elif view == texts.POLITIKERE_VIEW_IMPORT:
    render_import(db, user)
elif view == texts.POLITIKERE_VIEW_SEARCH:
    render_search(db, user, "politiker_fts")
else:
    counties = {c["fylkesnummer"]: c["navn"] for c in municipalities.counties(db)}
    places = municipalities.names(db, fylkesnummer=st.session_state.get(f"{LIST}_f_fylke"))
    if st.session_state.get(f"{LIST}_f_kommune") not in (None, *places):
        del st.session_state[f"{LIST}_f_kommune"]  # a municipality of another county
    choices = [
        Choice("fylke", texts.COUNTY_FILTER, counties, texts.ALL_COUNTIES),
        Choice("kommune", texts.POLITIKERE_MUNICIPALITY, places, texts.ALL_MUNICIPALITIES),
        Choice("parti", texts.POLITIKERE_PARTY, politicians.party_choices(db), texts.ALL_PARTIES),
        Choice("rolle", texts.POLITIKERE_ROLE, texts.POLITICIAN_ROLES, texts.ALL_ROLES),
    ]
    query = ask(LIST, politician_list.SPEC, choices, search=texts.POLITICIAN_SEARCH)
    found = politician_list.find(db, user, query)
    rows = found.rows
    table(
        rows,
        {
            "name": texts.POLITIKERE_NAME,
            "party": texts.POLITIKERE_PARTY,
            "kommune": texts.POLITIKERE_MUNICIPALITY,
            "role": texts.POLITIKERE_ROLE,
            "committee": texts.POLITIKERE_COMMITTEE,
            "term": texts.POLITIKERE_TERM,
            "email": texts.POLITIKERE_EMAIL,
            "phone": texts.POLITIKERE_PHONE,
        },
        labels={"role": texts.POLITICIAN_ROLES},
        key="politikere_table",
    )
    pages(LIST, found, query, texts.POLITICIANS_NOUN)
    labels = {r["id"]: politicians.label(r) for r in rows}
    selected = st.session_state.get(OPEN)
    if selected is not None and selected not in labels:
        try:
            labels[selected] = politicians.label(politicians.get_politician(db, user, selected))
        except AdvocacyError:
            del st.session_state[OPEN]
    if labels:
        # Nothing opens by itself: a politician's page costs queries nobody asked for.
        chosen = st.selectbox(texts.POLITIKERE_SHOW, list(labels), format_func=lambda p: labels[p],
                              key=OPEN, index=None, placeholder=texts.CHOOSE_POLITICIAN)
        if chosen is not None:
            st.divider()
            render_politician(db, user, chosen)
