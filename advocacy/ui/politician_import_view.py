"""Importing politicians in the page: upload, choose columns, see every row's fate, confirm."""

from __future__ import annotations

import streamlit as st

from advocacy import texts
from advocacy.errors import AdvocacyError
from advocacy.io import imports
from advocacy.politicians import politician_import
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table

HELP = (
    "CSV (semikolon eller komma, UTF-8 eller Windows-1252) eller Excel (.xlsx). Første rad skal "
    "ha kolonnenavn, f.eks. navn, parti, kommune, rolle, e-post, telefon. Kommune kan være "
    "nummer eller navn; gamle nummer fra 2020–2023 (Viken, Vestfold og Telemark, Troms og "
    "Finnmark) blir gjort om. Ingenting lagres før du bekrefter, og bare hvis alle rader er "
    "i orden. Samme navn i samme kommune slås sammen, ikke doblet."
)


def render_import(db, user) -> None:
    st.caption(HELP)
    upload = st.file_uploader("Fil med politikere", type=["csv", "xlsx", "txt"],
                              key="politician_import_file")
    if upload is None:
        return
    try:
        table_data = imports.read_table(upload.name, upload.getvalue())
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    st.markdown("**Hvilken kolonne er hva?**")
    suggested = politician_import.suggest_mapping(table_data)
    options = [None, *table_data.columns]
    mapping = {}
    cols = st.columns(3)
    for n, name in enumerate(politician_import.SYNONYMS):
        label = texts.POLITICIAN_FIELD_LABELS[name].capitalize() + (
            " (påkrevd)" if name in politician_import.REQUIRED else "")
        mapping[name] = cols[n % 3].selectbox(
            label, options, index=options.index(suggested.get(name)),
            format_func=lambda c: "– ikke i filen –" if c is None else c,
            key=f"politician_import_map_{name}", placeholder=texts.CHOOSE_ONE)
    try:
        preview = politician_import.preview_import(db, table_data, mapping)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    summary = preview.summary()
    merged = preview.count("merge")
    a, b, c, d = st.columns(4)
    a.metric("Nye", texts.format_number(summary["imported"]))
    b.metric("Oppdateres", texts.format_number(summary["updated"]))
    c.metric("Slås sammen", texts.format_number(merged))
    d.metric("Avvist", texts.format_number(summary["rejected"]))
    if preview.rejected:
        st.error(texts.IMPORT_REJECTED.format(n=texts.format_number(preview.rejected)))
        for problem in preview.problems:
            st.text(f"{preview.filename}: {problem}")
    table(preview.table_rows(), {"rad": "Rad", "handling": "Handling", "navn": "Navn",
                                 "kommune": "Kommunenr.", "merknad": "Merknad"},
          key="politician_import_preview")
    if st.button("Importer", type="primary", disabled=bool(preview.rejected),
                 key="politician_import_go"):
        try:
            counts = politician_import.apply_import(db, user, preview)
        except AdvocacyError as exc:
            st.error(md(exc.message))
        else:
            st.success(f"Importert: {texts.format_number(counts['imported'])} nye, "
                       f"{texts.format_number(counts['updated'])} oppdatert.")
