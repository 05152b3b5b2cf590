"""Every chart in Norwegian: the nb-NO number and time locale, and the axes that charts of
counts, shares and months share.

`norwegian(spec)` puts `texts.CHART_LOCALE` into a Vega-Lite spec's `config.locale` (Vega's
own locale setting: Streamlit passes the config on to vega-embed, but drops
`usermeta.embedOptions.formatLocale`), so axes, legends and tooltips read «10 001», «1,5»,
«12 %» and «jul. 2026». `draw` is the one way a page draws a chart.
"""

from __future__ import annotations

import copy

import altair as alt
import streamlit as st

from advocacy import texts


def count_axis(**kwargs) -> alt.Axis:
    """An axis of whole numbers: no «0,5 møter»."""
    return alt.Axis(format=texts.CHART_COUNT_FORMAT, tickMinStep=1, **kwargs)


def percent_axis(**kwargs) -> alt.Axis:
    """Shares as «12 %»."""
    return alt.Axis(format=texts.CHART_PERCENT_FORMAT, **kwargs)


def month_axis(**kwargs) -> alt.Axis:
    """Months as «jul. 2026»."""
    return alt.Axis(format=texts.CHART_MONTH_FORMAT, formatType="time", labelAngle=0,
                    **kwargs)


def year_axis(**kwargs) -> alt.Axis:
    """One label per year on a time axis: «2024», «2025», never a year twice."""
    return alt.Axis(format=texts.CHART_YEAR_FORMAT, tickCount="year", **kwargs)


def count_tooltip(field: str, title: str) -> alt.Tooltip:
    return alt.Tooltip(f"{field}:Q", title=title, format=texts.CHART_COUNT_FORMAT)


def norwegian(spec: dict) -> dict:
    """`spec` with the nb-NO locale in its config (a copy of the top level and the config;
    a shared, cached spec is not changed)."""
    out = dict(spec)
    config = copy.deepcopy(spec.get("config", {}))
    config["locale"] = copy.deepcopy(texts.CHART_LOCALE)
    config.setdefault("timeFormat", texts.CHART_DATE_FORMAT)
    out["config"] = config
    return out


def spec(chart: alt.TopLevelMixin | dict, validate: bool = False) -> dict:
    """The Norwegian Vega-Lite spec of an Altair chart (or of a spec already made)."""
    made = chart if isinstance(chart, dict) else chart.to_dict(validate=validate)
    return norwegian(made)


def draw(chart: alt.TopLevelMixin | dict, **kwargs) -> None:
    """Draw a chart with the Norwegian locale (`st.vega_lite_chart`, width stretched)."""
    kwargs.setdefault("width", "stretch")
    st.vega_lite_chart(spec(chart), **kwargs)
