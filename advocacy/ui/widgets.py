"""Widgets the pages share: Norwegian tables, labels for codes, the demo marker."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import pyarrow as pa
import streamlit as st

from advocacy import texts
from advocacy.ui import address


def table(
    rows: Sequence[Mapping],
    columns: Mapping[str, str],
    *,
    dates: Sequence[str] = (),
    times: Sequence[str] = (),
    labels: Mapping[str, Mapping[str, str]] | None = None,
    key: str | None = None,
    height: int | str | None = None,
) -> None:
    """Rows as a read-only table with Norwegian headings.

    `columns` maps row keys to headings (and chooses their order); `dates` are ISO dates shown
    as dd.mm.åååå but sorted as dates (a stored moment by its day in Norway); `times` are
    stored moments (UTC) shown in Norwegian time, «02.12.2026 kl. 20:16»; `labels` turns stored codes into words
    (e.g. {"kind": texts.MEETING_KINDS}). Cell text is shown as text, never as HTML.
    """
    if not rows:
        st.info(texts.EMPTY_TABLE)
        return
    # Built column by column in plain Python and handed to pandas once: per-column pandas
    # operations cost more than the rows themselves on every rerun.
    labels = labels or {}
    data = {}
    for name, heading in columns.items():
        values = [row.get(name) for row in rows]
        if name in labels:
            mapping = labels[name]
            values = [mapping.get(v, v) for v in values]
        if name in dates:
            # date objects (Arrow date32), None empty: shown as dd.mm.åååå, sorted as dates.
            values = [texts.oslo_date(v) for v in values]
        elif name in times:
            values = [texts.to_oslo(v) for v in values]
        elif all(v is None or isinstance(v, str) for v in values):
            values = ["" if v is None else v for v in values]  # not a grey "None"
        data[heading] = values
    config = {columns[name]: st.column_config.DateColumn(format="DD.MM.YYYY")
              for name in dates}
    config |= {columns[name]: st.column_config.DatetimeColumn(
        format=texts.TIMESTAMP_COLUMN_FORMAT) for name in times}
    try:  # an Arrow table straight away: pandas would only be a detour to Arrow
        frame = pa.table(data)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # a column of mixed types: pandas copes
        frame = pd.DataFrame(data)
    if height is None:  # long lists scroll inside the table rather than stretch the page
        height = 600 if len(rows) > 16 else "auto"
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, key=key,
                 height=height, placeholder=texts.EMPTY_CELL)


def open_requested(db, user, prefix: str, param: str, list_view: str) -> None:
    """Open the record a link asks for (`?{param}=12`, once per link) or the one saved on the
    last run (`{prefix}_pending_open`), in the page's list view; a link to nothing the user
    may see says «fant ikke» here (ui/address.py). Call before the widgets are drawn: their
    state can only be set before them. Keys: `{prefix}_open` (the chosen record),
    `{prefix}_view`, `{prefix}_linked`."""
    pending = f"{prefix}_pending_open"
    linked = address.requested(db, user, param)
    if linked is not None and st.session_state.get(f"{prefix}_linked") != linked:
        st.session_state[f"{prefix}_linked"] = linked
        st.session_state[pending] = linked
    if pending in st.session_state:
        st.session_state[f"{prefix}_open"] = st.session_state.pop(pending)
        st.session_state[f"{prefix}_view"] = list_view


def demo_marker(enabled: bool) -> None:
    if enabled:
        st.caption(f":material/science: {texts.DEMO_DATA_MARK}")
