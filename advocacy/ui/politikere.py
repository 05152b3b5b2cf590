"""Politikere: the directory of local politicians, their stances, meetings and letters."""

import streamlit as st

from advocacy import municipalities, politicians, texts
from advocacy.errors import AdvocacyError
from advocacy.ui import context
from advocacy.ui.politician_detail import render_politician
from advocacy.ui.politician_form import politician_form
from advocacy.ui.politician_import_view import render_import
from advocacy.ui.search_view import render_search
from advocacy.ui.widgets import open_requested, pager, table

user = context.require_page("politikere")
db = context.db()
editor = user.role in ("leder", "lokallag")

VIEWS = ["Oversikt", "Ny politiker", "Importer", "Søk"] if editor else ["Oversikt", "Søk"]
OPEN = "politiker_open"
PENDING = "politiker_pending_open"
PAGE_SIZE = 50  # a national directory runs to 10,000: a page at a time, filters narrow it

st.session_state.setdefault("politiker_view", VIEWS[0])
st.title(texts.PAGE_TITLES["politikere"])
# A link from search (or elsewhere) opens one record: ?politiker=12.
open_requested(db, user, "politiker", "politiker", VIEWS[0])
view = st.segmented_control("Visning", VIEWS, key="politiker_view",
                            label_visibility="collapsed") or VIEWS[0]

if view == "Ny politiker":
    new_id = politician_form(db, user, "new_politician")
    if new_id:
        st.session_state[PENDING] = new_id
        st.rerun()
elif view == "Importer":
    render_import(db, user)
elif view == "Søk":
    render_search(db, user, "politiker_fts")
else:
    counties = {c["fylkesnummer"]: c["navn"] for c in municipalities.counties(db)}
    a, b, c = st.columns(3)
    search = a.text_input(texts.SEARCH_LABEL, key="politiker_search", placeholder="Navn")
    county = b.selectbox(texts.COUNTY_FILTER, [None, *counties], key="politiker_county",
                         format_func=lambda k: texts.ALL_COUNTIES if k is None else counties[k], placeholder=texts.CHOOSE_ONE)
    places = municipalities.names(db, fylkesnummer=county)
    kommune = c.selectbox("Kommune", [None, *places], key="politiker_kommune",
                          format_func=lambda k: "Alle kommuner" if k is None else places[k], placeholder=texts.CHOOSE_ONE)
    parties = politicians.party_choices(db)
    party = a.selectbox("Parti", [None, *parties], key="politiker_party",
                        format_func=lambda p: "Alle partier" if p is None else parties[p], placeholder=texts.CHOOSE_ONE)
    role = b.selectbox("Rolle", [None, *texts.POLITICIAN_ROLES], key="politiker_role",
                       format_func=lambda r: "Alle roller" if r is None
                       else texts.POLITICIAN_ROLES[r], placeholder=texts.CHOOSE_ONE)
    filters = {"search": search, "kommunenummer": kommune if kommune in places else None,
               "fylkesnummer": county, "party": party, "role": role}
    total = politicians.count_politicians(db, user, **filters)
    st.caption(f"{texts.format_number(total)} politikere")
    offset = pager(total, PAGE_SIZE, "politiker_side", filters=filters)
    rows = politicians.list_politicians(db, user, **filters, limit=PAGE_SIZE, offset=offset)
    table(
        rows,
        {"name": "Navn", "party": "Parti", "kommune": "Kommune", "role": "Rolle",
         "committee": "Utvalg", "term": "Periode", "email": "E-post", "phone": "Telefon"},
        labels={"role": texts.POLITICIAN_ROLES},
        key="politikere_table",
    )
    labels = {r["id"]: politicians.label(r) for r in rows}
    selected = st.session_state.get(OPEN)
    if selected is not None and selected not in labels:
        try:
            labels[selected] = politicians.label(politicians.get_politician(db, user, selected))
        except AdvocacyError:
            del st.session_state[OPEN]
    if labels:
        # Nothing opens by itself: a politician's page costs queries nobody asked for.
        chosen = st.selectbox("Vis politiker", list(labels), format_func=lambda p: labels[p],
                              key=OPEN, index=None, placeholder=texts.CHOOSE_POLITICIAN)
        if chosen is not None:
            st.divider()
            render_politician(db, user, chosen)
