"""Maler: the document templates and their merge fields."""

import streamlit as st

from advocacy import template_library, texts
from advocacy.ui import context
from advocacy.ui.widgets import table

context.require_page("maler")
db = context.db()

st.title(texts.PAGE_TITLES["maler"])
st.subheader("Maler som følger med")
table(
    template_library.bundled_templates(),
    {"name": "Fil", "description": "Beskrivelse", "size_kb": "Størrelse (kB)"},
    key="bundled_templates",
)
st.subheader("Opplastede maler")
table(
    template_library.uploaded_templates(db),
    {"name": "Navn", "kind": "Type", "filename": "Fil", "uploaded_by": "Lastet opp av",
     "uploaded_at": "Lastet opp"},
    dates=["uploaded_at"],
    key="uploaded_templates",
)
