"""Importing politicians in the page: upload, choose columns, see every row's fate, confirm."""

from __future__ import annotations

import streamlit as st

from advocacy import texts
from advocacy.errors import AdvocacyError
from advocacy.io import imports
from advocacy.politicians import politician_import
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table


def render_import(db, user) -> None:
    st.caption(texts.POLITICIAN_IMPORT_HELP)
    upload = st.file_uploader(texts.POLITICIAN_IMPORT_FILE, type=["csv", "xlsx", "txt"],
                              key="politician_import_file")
    if upload is None:
        return
    try:
        table_data = imports.read_table(upload.name, upload.getvalue())
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    st.markdown(texts.POLITICIAN_IMPORT_MAPPING)
    suggested = politician_import.suggest_mapping(table_data)
    options = [None, *table_data.columns]
    mapping = {}
    cols = st.columns(3)
    for n, name in enumerate(politician_import.SYNONYMS):
        field = texts.POLITICIAN_FIELD_LABELS[name].capitalize()
        label = (texts.POLITICIAN_IMPORT_REQUIRED.format(field=field)
                 if name in politician_import.REQUIRED else field)
        mapping[name] = cols[n % 3].selectbox(
            label, options, index=options.index(suggested.get(name)),
            format_func=lambda c: texts.POLITICIAN_IMPORT_NOT_IN_FILE if c is None else c,
            key=f"politician_import_map_{name}", placeholder=texts.CHOOSE_ONE)
    try:
        preview = politician_import.preview_import(db, table_data, mapping)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    summary = preview.summary()
    merged = preview.count("merge")
    a, b, c, d = st.columns(4)
    a.metric(texts.POLITICIAN_IMPORT_NEW, texts.format_number(summary["imported"]))
    b.metric(texts.POLITICIAN_IMPORT_UPDATED, texts.format_number(summary["updated"]))
    c.metric(texts.POLITICIAN_IMPORT_MERGED, texts.format_number(merged))
    d.metric(texts.POLITICIAN_IMPORT_REJECTED, texts.format_number(summary["rejected"]))
    if preview.rejected:
        st.error(texts.IMPORT_REJECTED.format(n=texts.format_number(preview.rejected)))
        for problem in preview.problems:
            st.text(f"{preview.filename}: {problem}")
    table(preview.table_rows(), texts.POLITICIAN_IMPORT_COLUMNS,
          key="politician_import_preview")
    if st.button(texts.POLITICIAN_IMPORT_GO, type="primary", disabled=bool(preview.rejected),
                 key="politician_import_go"):
        try:
            counts = politician_import.apply_import(db, user, preview)
        except AdvocacyError as exc:
            st.error(md(exc.message))
        else:
            st.success(texts.POLITICIAN_IMPORT_DONE.format(
                imported=texts.format_number(counts['imported']),
                updated=texts.format_number(counts['updated'])))
