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
    lever, status, count = texts.CHART_LEVER, texts.CHART_STATUS, texts.CHART_MUNICIPALITIES
    rows = [{lever: r["lever"], status: texts.STATUS_LABELS[code], count: r[key]}
            for r in summary
            for code, key in zip(ORDER, ("meets", "partly", "far", "unknown"), strict=True)]
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X(f"{count}:Q", stack="normalize", axis=chart_locale.percent_axis(), title=None),
        y=alt.Y(f"{lever}:N", sort=[r["lever"] for r in summary], title=None),
        color=alt.Color(f"{status}:N", scale=alt.Scale(
            domain=[texts.STATUS_LABELS[c] for c in ORDER],
            range=[maps.STATUS_COLOURS[c] for c in ORDER])),
        tooltip=[f"{lever}:N", f"{status}:N", chart_locale.count_tooltip(count, count)],
    )


def by_county(rows: Sequence[dict]) -> alt.Chart:
    return alt.Chart(alt.Data(values=list(rows))).mark_bar(
        color=maps.STATUS_COLOURS["oppfyller"]).encode(
        x=alt.X("share_meets:Q", axis=chart_locale.percent_axis(),
                title=texts.CHART_SHARE_MEETS_GOAL),
        y=alt.Y("fylke:N", sort="-x", title=None),
        tooltip=[alt.Tooltip("fylke:N", title=texts.CHART_COUNTY),
                 alt.Tooltip("share_meets:Q", title=texts.CHART_SHARE,
                             format=texts.CHART_PERCENT_FORMAT),
                 chart_locale.count_tooltip("meets", texts.CHART_MEETS),
                 chart_locale.count_tooltip("municipalities", texts.CHART_MUNICIPALITIES)],
    )


def meetings_per_month(rows: Sequence[dict]) -> alt.Chart:
    """Meetings per month, one colour per chapter for the ten busiest and one for the rest."""
    # «2026-07» as the first of the month, read and shown in UTC: the same month in every
    # browser's time zone, labelled «jul. 2026».
    rows = [{**r, "month": f"{r['month']}-01"} for r in overview.busiest_chapters(list(rows))]
    month = alt.X("utcyearmonth(month):O", title=texts.CHART_MONTH,
                  axis=chart_locale.month_axis())
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=month, y=alt.Y("meetings:Q", title=texts.CHART_MEETINGS, axis=chart_locale.count_axis()),
        color=alt.Color("chapter:N", title=texts.CHART_CHAPTER),
        tooltip=[alt.Tooltip("chapter:N", title=texts.CHART_CHAPTER),
                 alt.Tooltip("utcyearmonth(month):O", title=texts.CHART_MONTH,
                             format=texts.CHART_MONTH_FORMAT),
                 chart_locale.count_tooltip("meetings", texts.CHART_MEETINGS)],
    )


def letters_per_quarter(rows: Sequence[dict]) -> alt.Chart:
    return alt.Chart(alt.Data(values=list(rows))).mark_bar().encode(
        x=alt.X("quarter:O", title=texts.CHART_QUARTER, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("total:Q", title=texts.CHART_PUBLISHED, axis=chart_locale.count_axis()),
        tooltip=[alt.Tooltip("quarter:O", title=texts.CHART_QUARTER),
                 chart_locale.count_tooltip("leserinnlegg", texts.CHART_LESERINNLEGG),
                 chart_locale.count_tooltip("kronikk", texts.CHART_KRONIKKER)],
    )
