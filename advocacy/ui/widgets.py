"""Widgets the pages share: Norwegian tables, labels for codes, the demo marker."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from advocacy import texts


def table(
    rows: Sequence[Mapping],
    columns: Mapping[str, str],
    *,
    dates: Sequence[str] = (),
    labels: Mapping[str, Mapping[str, str]] | None = None,
    key: str | None = None,
    height: int | str | None = None,
) -> None:
    """Rows as a read-only table with Norwegian headings.

    `columns` maps row keys to headings (and chooses their order); `dates` are ISO dates shown
    as dd.mm.åååå but sorted as dates; `labels` turns stored codes into words
    (e.g. {"kind": texts.MEETING_KINDS}). Cell text is shown as text, never as HTML.
    """
    if not rows:
        st.info(texts.EMPTY_TABLE)
        return
    frame = pd.DataFrame([{k: row.get(k) for k in columns} for row in rows])
    for name, mapping in (labels or {}).items():
        frame[name] = frame[name].map(lambda v, m=mapping: m.get(v, v))
    config = {}
    for name in dates:
        # NaT, not None, so an empty date shows as an empty cell rather than "None".
        frame[name] = pd.to_datetime(
            frame[name].map(lambda v: str(v)[:10] if v else None), errors="coerce")
        config[columns[name]] = st.column_config.DateColumn(format="DD.MM.YYYY")
    for name in frame.columns:
        if name not in dates and frame[name].dtype == object:
            frame[name] = frame[name].where(frame[name].notna(), "")  # not a grey "None"
    frame = frame.rename(columns=dict(columns))
    if height is None:  # long lists scroll inside the table rather than stretch the page
        height = 600 if len(frame) > 16 else "auto"
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, key=key,
                 height=height)


def demo_marker(enabled: bool) -> None:
    if enabled:
        st.caption(f":material/science: {texts.DEMO_DATA_MARK}")
