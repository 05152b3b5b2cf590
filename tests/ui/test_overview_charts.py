"""Oversikt's charts are made without Altair's validation on each rerun: here they are made
from real figures and validated against the Vega-Lite schema."""

import datetime as dt

from advocacy import overview
from advocacy.policy import municipalities
from advocacy.ui import overview_charts


def test_every_chart_is_a_valid_vega_lite_spec_with_its_data(demo_db):
    levers = municipalities.levers(demo_db)
    statuses = municipalities.statuses(demo_db, levers)
    today = dt.date.today()
    charts = {
        "goals": overview_charts.goals(overview.goal_summary(statuses, levers)),
        "by_county": overview_charts.by_county(
            overview.goal_by_county(demo_db, statuses, levers[0]["id"])),
        "per_month": overview_charts.meetings_per_month(
            overview.meetings_per_chapter_month(demo_db, today)),
        "per_quarter": overview_charts.letters_per_quarter(
            overview.letters_per_quarter(demo_db)),
    }
    for name, chart in charts.items():
        spec = overview_charts.spec(chart, validate=True)  # raises if the schema is broken
        assert spec["mark"]["type"] == "bar", name
        assert spec["data"]["values"], f"{name} has no data"
    goals = overview_charts.spec(charts["goals"])
    assert {r["Sak"] for r in goals["data"]["values"]} == {lv["name"] for lv in levers}
