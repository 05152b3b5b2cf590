"""Kommuner: the 357 municipalities, searchable by name or number, filterable by county."""

import streamlit as st

from advocacy import municipalities, texts
from advocacy.ui import context
from advocacy.ui.widgets import table

context.require_page("kommuner")
db = context.db()

st.title(texts.PAGE_TITLES["kommuner"])

counties = municipalities.counties(db)
county_names = {c["fylkesnummer"]: f"{c['navn']} ({c['fylkesnummer']})" for c in counties}
left, right = st.columns([2, 1])
search = left.text_input(
    texts.SEARCH_LABEL, key="kommune_search", placeholder="Navn eller kommunenummer, f.eks. Tana eller 5628"
)
county = right.selectbox(
    texts.COUNTY_FILTER,
    [None, *county_names],
    format_func=lambda k: texts.ALL_COUNTIES if k is None else county_names[k],
    key="kommune_county",
)

rows = municipalities.list_municipalities(db, search=search, fylkesnummer=county)
total = len(municipalities.list_municipalities(db)) if (search or county) else len(rows)
st.caption(f"Viser {len(rows)} av {total} kommuner (kommuneinndeling 2024).")
table(
    rows,
    {
        "kommunenummer": "Kommunenr.",
        "visningsnavn": "Kommune",
        "fylke": "Fylke",
        "levers_known": "Registrerte saker",
        "last_decided": "Sist vedtatt",
    },
    dates=["last_decided"],
    key="kommuner_table",
)
