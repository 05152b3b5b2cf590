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

from advocacy import overview, texts
from advocacy.policy import maps
from advocacy.ui import chart_locale

ORDER = ("oppfyller", "delvis", "langt_unna", "ukjent")


def show(name: str, key: Hashable, build: Callable[..., alt.Chart], *data) -> None:
    """Draw chart `name` made by `build(*data)`; made again only when `key` changes."""
    st.vega_lite_chart(_spec(name, key, build, data), width="stretch")


@st.cache_resource(show_spinner=False, max_entries=64, ttl=3600)
def _spec(name: str, key: Hashable, _build: Callable[..., alt.Chart], _data: tuple) -> dict:
    # Shared and read-only: st.vega_lite_chart copies the top level before it changes anything.
    return spec(_build(*_data))


def spec(chart: alt.Chart, validate: bool = False) -> dict:
    """The chart's Vega-Lite spec with the nb-NO locale (`chart_locale`)."""
    return chart_locale.spec(chart, validate=validate)


def goals(summary: Sequence[dict]) -> alt.Chart:
    """Share of municipalities per status, one bar per lever."""
    rows = [{"Sak": r["lever"], "Status": texts.STATUS_LABELS[code], "Kommuner": r[key]}
            for r in summary
            for code, key in zip(ORDER, ("meets", "partly", "far", "unknown"), strict=True)]
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("Kommuner:Q", stack="normalize", axis=chart_locale.percent_axis(), title=None),
        y=alt.Y("Sak:N", sort=[r["lever"] for r in summary], title=None),
        color=alt.Color("Status:N", scale=alt.Scale(
            domain=[texts.STATUS_LABELS[c] for c in ORDER],
            range=[maps.STATUS_COLOURS[c] for c in ORDER])),
        tooltip=["Sak:N", "Status:N", chart_locale.count_tooltip("Kommuner", "Kommuner")],
    )


def by_county(rows: Sequence[dict]) -> alt.Chart:
    return alt.Chart(alt.Data(values=list(rows))).mark_bar(
        color=maps.STATUS_COLOURS["oppfyller"]).encode(
        x=alt.X("share_meets:Q", axis=chart_locale.percent_axis(),
                title="Andel som oppfyller målet"),
        y=alt.Y("fylke:N", sort="-x", title=None),
        tooltip=[alt.Tooltip("fylke:N", title="Fylke"),
                 alt.Tooltip("share_meets:Q", title="Andel",
                             format=texts.CHART_PERCENT_FORMAT),
                 chart_locale.count_tooltip("meets", "Oppfyller"),
                 chart_locale.count_tooltip("municipalities", "Kommuner")],
    )


def meetings_per_month(rows: Sequence[dict]) -> alt.Chart:
    """Meetings per month, one colour per chapter for the ten busiest and one for the rest."""
    # «2026-07» as the first of the month, read and shown in UTC: the same month in every
    # browser's time zone, labelled «jul. 2026».
    rows = [{**r, "month": f"{r['month']}-01"} for r in overview.busiest_chapters(list(rows))]
    month = alt.X("utcyearmonth(month):O", title="Måned", axis=chart_locale.month_axis())
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=month, y=alt.Y("meetings:Q", title="Møter", axis=chart_locale.count_axis()),
        color=alt.Color("chapter:N", title="Lokallag"),
        tooltip=[alt.Tooltip("chapter:N", title="Lokallag"),
                 alt.Tooltip("utcyearmonth(month):O", title="Måned",
                             format=texts.CHART_MONTH_FORMAT),
                 chart_locale.count_tooltip("meetings", "Møter")],
    )


def letters_per_quarter(rows: Sequence[dict]) -> alt.Chart:
    return alt.Chart(alt.Data(values=list(rows))).mark_bar().encode(
        x=alt.X("quarter:O", title="Kvartal", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("total:Q", title="Publisert", axis=chart_locale.count_axis()),
        tooltip=[alt.Tooltip("quarter:O", title="Kvartal"),
                 chart_locale.count_tooltip("leserinnlegg", "Leserinnlegg"),
                 chart_locale.count_tooltip("kronikk", "Kronikker")],
    )
