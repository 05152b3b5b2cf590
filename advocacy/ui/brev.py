"""Brev og innlegg: follow-up letters, reader letters and the newspapers they go to."""

import streamlit as st

from advocacy import texts, writing
from advocacy.ui import context
from advocacy.ui.widgets import table

user = context.require_page("brev")
db = context.db()

st.title(texts.PAGE_TITLES["brev"])
table(
    writing.list_documents(db, user),
    {"kind": "Type", "title": "Tittel", "status": "Status", "newspaper": "Avis",
     "kommune": "Kommune", "author": "Forfatter", "sent_on": "Sendt", "published_on": "Publisert"},
    dates=["sent_on", "published_on"],
    labels={"kind": texts.DOCUMENT_KINDS, "status": texts.DOCUMENT_STATUSES},
    key="documents_table",
)
st.subheader("Aviser")
table(
    writing.list_newspapers(db),
    {"name": "Avis", "area": "Område", "email": "E-post", "max_chars_innlegg": "Maks tegn innlegg",
     "max_chars_kronikk": "Maks tegn kronikk", "language_form": "Målform"},
    key="newspapers_table",
)
