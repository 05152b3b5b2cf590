"""The bar charts of Oversikt, as Vega-Lite specs made once per version of their data.

Building an Altair chart and turning it into a spec (encoding inference, data conversion,
schema validation) cost more than the rest of the page together, on every rerun, for charts
that only change when a position, meeting or letter is added. `show` keeps each spec, keyed by
what it was made from, and draws it with `st.vega_lite_chart`. The specs are fixed in this file
and validated by the tests (`spec(..., validate=True)`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import altair as alt
import streamlit as st

from advocacy import maps, overview, texts

ORDER = ("oppfyller", "delvis", "langt_unna", "ukjent")


def show(name: str, key: Hashable, build: Callable[..., alt.Chart], *data) -> None:
    """Draw chart `name` made by `build(*data)`; made again only when `key` changes."""
    st.vega_lite_chart(_spec(name, key, build, data), width="stretch")


@st.cache_resource(show_spinner=False, max_entries=64, ttl=3600)
def _spec(name: str, key: Hashable, _build: Callable[..., alt.Chart], _data: tuple) -> dict:
    # Shared and read-only: st.vega_lite_chart copies the top level before it changes anything.
    return spec(_build(*_data))


def spec(chart: alt.Chart, validate: bool = False) -> dict:
    return chart.to_dict(validate=validate)


def goals(summary: Sequence[dict]) -> alt.Chart:
    """Share of municipalities per status, one bar per lever."""
    rows = [{"Sak": r["lever"], "Status": texts.STATUS_LABELS[code], "Kommuner": r[key]}
            for r in summary
            for code, key in zip(ORDER, ("meets", "partly", "far", "unknown"), strict=True)]
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("Kommuner:Q", stack="normalize", axis=alt.Axis(format="%"), title=None),
        y=alt.Y("Sak:N", sort=[r["lever"] for r in summary], title=None),
        color=alt.Color("Status:N", scale=alt.Scale(
            domain=[texts.STATUS_LABELS[c] for c in ORDER],
            range=[maps.STATUS_COLOURS[c] for c in ORDER])),
        tooltip=["Sak:N", "Status:N", "Kommuner:Q"],
    )


def by_county(rows: Sequence[dict]) -> alt.Chart:
    return alt.Chart(alt.Data(values=list(rows))).mark_bar(
        color=maps.STATUS_COLOURS["oppfyller"]).encode(
        x=alt.X("share_meets:Q", axis=alt.Axis(format="%"), title="Andel som oppfyller målet"),
        y=alt.Y("fylke:N", sort="-x", title=None),
        tooltip=[alt.Tooltip("fylke:N", title="Fylke"),
                 alt.Tooltip("meets:Q", title="Oppfyller"),
                 alt.Tooltip("municipalities:Q", title="Kommuner")],
    )


def meetings_per_month(rows: Sequence[dict]) -> alt.Chart:
    """Meetings per month, one colour per chapter for the ten busiest and one for the rest."""
    rows = overview.busiest_chapters(list(rows))
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("month:O", title="Måned"), y=alt.Y("meetings:Q", title="Møter"),
        color=alt.Color("chapter:N", title="Lokallag"),
        tooltip=[alt.Tooltip("chapter:N", title="Lokallag"),
                 alt.Tooltip("month:O", title="Måned"), alt.Tooltip("meetings:Q", title="Møter")],
    )


def letters_per_quarter(rows: Sequence[dict]) -> alt.Chart:
    return alt.Chart(alt.Data(values=list(rows))).mark_bar().encode(
        x=alt.X("quarter:O", title="Kvartal"), y=alt.Y("total:Q", title="Publisert"),
        tooltip=[alt.Tooltip("quarter:O", title="Kvartal"),
                 alt.Tooltip("leserinnlegg:Q", title="Leserinnlegg"),
                 alt.Tooltip("kronikk:Q", title="Kronikker")],
    )
