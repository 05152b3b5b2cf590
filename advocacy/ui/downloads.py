"""Export buttons for a figure's table: CSV and Excel, through the one formula-safe export."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence

import streamlit as st

from advocacy import texts
from advocacy.io import exports

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_buttons(rows: Sequence[Mapping] | Callable[[], Sequence[Mapping]],
                   columns: Mapping[str, str], name: str, key: str, sheet: str = texts.EXPORT_SHEET) -> None:
    """Two download buttons; the bytes are made only when clicked (functools.partial).

    `rows` may also be a function giving them (a `functools.partial` over the database): for an export
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
