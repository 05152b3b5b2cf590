"""Uttalelser: position statements and resolutions."""

import streamlit as st

from advocacy import statements, texts
from advocacy.ui import context
from advocacy.ui.widgets import table

user = context.require_page("uttalelser")
db = context.db()

st.title(texts.PAGE_TITLES["uttalelser"])
table(
    statements.list_statements(db, user),
    {"title": "Tittel", "adopted_by": "Vedtatt av", "adopted_on": "Vedtatt", "status": "Status",
     "version": "Versjon", "chapter": "Lokallag"},
    dates=["adopted_on"],
    labels={"status": texts.STATEMENT_STATUSES},
    key="statements_table",
)
