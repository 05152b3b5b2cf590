"""Export buttons for a figure's table: CSV and Excel, through the one formula-safe export."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence

import streamlit as st

from advocacy import exports, texts
from advocacy.db import connect, default_path

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_buttons(rows: Sequence[Mapping] | Callable[[], Sequence[Mapping]],
                   columns: Mapping[str, str], name: str, key: str, sheet: str = "Data") -> None:
    """Two download buttons; the bytes are made only when clicked (functools.partial).

    `rows` may also be a function giving them (e.g. `with_own_connection(...)`): for an export
    larger than what the page shows, read only when someone clicks."""
    stamp = dt.date.today().isoformat()
    rows = rows if callable(rows) else list(rows)  # as shown now, whatever happens to the list
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        texts.EXPORT_CSV, functools.partial(_export, exports.to_csv, rows, dict(columns)),
        file_name=f"{name}-{stamp}.csv", mime="text/csv", key=f"{key}_csv",
        icon=":material/download:", on_click="ignore",
    )
    right.download_button(
        texts.EXPORT_EXCEL, functools.partial(_export, exports.to_excel, rows, dict(columns), sheet),
        file_name=f"{name}-{stamp}.xlsx", mime=XLSX, key=f"{key}_xlsx",
        icon=":material/download:", on_click="ignore",
    )


def _export(write, rows, *args) -> bytes:
    return write(list(rows() if callable(rows) else rows), *args)


def with_own_connection(make, *args, **kwargs):
    """`make(db, *args, **kwargs)` for a download made when clicked. The click is served after
    the page's script run, whose connection app.py has closed by then: the bytes are made on a
    connection of their own, opened and closed around them."""
    path = str(default_path())

    def bytes_when_clicked():
        db = connect(path, create=False)
        try:
            return make(db, *args, **kwargs)
        finally:
            db.close()

    return bytes_when_clicked
