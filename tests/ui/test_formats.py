"""Numbers, charts, times and statuses in Norwegian, as the pages show them."""

from __future__ import annotations

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

from advocacy import texts
from advocacy.db import connect
from advocacy.ui import overview_charts
from tests.ui.conftest import login, open_tab, page_file

NBSP = "\u00a0"
# Colour emoji: the astral pictographs (🟢🔴🔵 …) and those in older blocks (⚪⚫✅❌⚠⭕), or
# anything asking for emoji presentation (U+FE0F).
EMOJI = re.compile("[\U0001f000-\U0001faff\u26aa\u26ab\u2705\u274c\u26a0\u2b55\ufe0f]")
COUNT_FIELDS = {"Kommuner", "meetings", "total", "signatures", "volunteers", "meets",
                "municipalities", "leserinnlegg", "kronikk"}


def _page(app, page, user="leder"):
    login(app, user)
    app.switch_page(page_file(page))
    app.run()
    assert not app.exception, app.exception
    return app


def _specs(app) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]


def _encodings(spec: dict):
    for part in [spec, *spec.get("layer", [])]:
        yield from (part.get("encoding") or {}).items()


def _assert_norwegian(spec: dict) -> None:
    locale = spec["config"]["locale"]
    assert locale["number"]["decimal"] == ","
    assert locale["number"]["thousands"] == NBSP
    assert locale["number"]["percent"] == f"{NBSP}%"
    assert locale["time"]["shortMonths"][6] == "jul."
    assert locale["time"]["months"][0] == "januar"
    for channel, enc in _encodings(spec):
        if channel in ("x", "y") and enc.get("type") == "quantitative" \
                and enc.get("field") in COUNT_FIELDS and not enc.get("stack") == "normalize":
            assert enc["axis"]["format"] == ",d", (channel, enc)
            assert enc["axis"]["tickMinStep"] == 1, (channel, enc)
        for tip in enc if channel == "tooltip" and isinstance(enc, list) else []:
            if tip.get("type") == "quantitative" and tip["field"] in COUNT_FIELDS:
                assert tip["format"] == ",d", tip


def _publish_copies(db_path, total: int) -> None:
    """As many published reader letters as `total`, copies of one the demo has."""
    db = connect(db_path)
    have = db.execute("select count(*) from documents where kind in ('leserinnlegg', "
                      "'kronikk') and status = 'publisert'").fetchone()[0]
    source = db.execute("select id from documents where kind = 'leserinnlegg' "
                        "and status = 'publisert' limit 1").fetchone()[0]
    columns = ", ".join(c.name for c in db["documents"].columns if c.name != "id")
    with db.conn:
        db.execute(
            f"insert into documents ({columns}) with recursive n(i) as (select 1 union all "  # noqa: S608
            f"select i + 1 from n where i < ?) select {columns} from documents, n "
            "where documents.id = ?", [total - have, source])
    db.close()


def test_a_metric_of_10001_reads_10_001(app, db_path):
    _publish_copies(db_path, 10_001)
    _page(app, "oversikt")
    shown = {m.label: m.value for m in app.metric}
    assert shown["Publiserte leserinnlegg"] == f"10{NBSP}001"
    assert shown["Oppfyller målet (hele landet)"].endswith("av 357")
    for value in shown.values():
        assert not re.search(r"\d{4}", value.replace(NBSP, "")) or NBSP in value, value


def test_every_chart_on_oversikt_is_norwegian_with_whole_number_count_axes(app):
    _page(app, "oversikt")
    specs = _specs(app)
    assert len(specs) == 5  # the map, goals, per county, meetings per month, letters per quarter
    for spec in specs:
        _assert_norwegian(spec)
    goals, by_county = specs[1], specs[2]
    assert goals["encoding"]["x"]["axis"]["format"] == ".0%"
    assert by_county["encoding"]["x"]["axis"]["format"] == ".0%"
    per_month = specs[3]
    assert per_month["encoding"]["x"]["timeUnit"] == "utcyearmonth"
    assert per_month["encoding"]["x"]["axis"]["format"] == "%b %Y"  # «jul. 2026»
    assert per_month["encoding"]["y"]["axis"] == {"format": ",d", "tickMinStep": 1}


def test_months_are_given_to_the_chart_as_their_first_day():
    spec = overview_charts.spec(overview_charts.meetings_per_month(
        [{"chapter": "Drammen", "month": "2026-07", "meetings": 2}]), validate=True)
    assert spec["data"]["values"] == [{"chapter": "Drammen", "month": "2026-07-01",
                                       "meetings": 2}]


def test_history_chart_labels_each_year_once_and_is_norwegian(app):
    _page(app, "kommuner")
    app.query_params["kommune"] = "3301"
    app.run()
    open_tab(app, "Historikk", key="profil_fane")
    [spec] = _specs(app)
    _assert_norwegian(spec)
    assert spec["encoding"]["x"]["axis"] == {"format": "%Y", "tickCount": "year"}


def test_campaign_progress_chart_is_norwegian(app):
    _page(app, "kalender", "lokallag")
    open_tab(app, "Kampanjer", key="kalender_fane")
    specs = _specs(app)
    assert specs, "the demo campaign has counts"
    for spec in specs:
        _assert_norwegian(spec)


def test_status_column_uses_symbols_from_basic_fonts(app):
    _page(app, "kommuner")
    app.query_params["kommune"] = "3301"
    app.run()
    frame = next(d.value for d in app.dataframe if "Status" in d.value.columns)
    statuses = list(frame["Status"])
    assert statuses and not any(EMOJI.search(s) for s in statuses)
    assert all(s[0] in texts.STATUS_SYMBOLS.values() and s[1] == " " for s in statuses)
    assert any(s == f"● {texts.STATUS_LABELS['oppfyller']}" for s in statuses)


def test_change_log_shows_norwegian_time(app, db_path):
    _page(app, "administrasjon")
    frame = next(d.value for d in app.dataframe if "Tidspunkt" in d.value.columns)
    db = connect(db_path)
    newest = db.execute("select at from audit_log order by id desc limit 1").fetchone()[0]
    db.close()
    assert newest.endswith("Z")
    utc = dt.datetime.fromisoformat(newest.replace("Z", "+00:00"))
    oslo = utc.astimezone(ZoneInfo("Europe/Oslo")).replace(tzinfo=None)
    shown = frame["Tidspunkt"].iloc[0].to_pydatetime()
    assert shown == oslo
    assert shown - utc.replace(tzinfo=None) in (dt.timedelta(hours=1), dt.timedelta(hours=2))


def test_the_locale_is_valid_vega_lite_and_a_shared_spec_is_left_as_it_was():
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema import core

    from advocacy.ui import chart_locale

    made = overview_charts.letters_per_quarter(
        [{"quarter": "2026 K1", "leserinnlegg": 2, "kronikk": 1, "total": 3}]).to_dict()
    before = json.dumps(made, sort_keys=True)
    spec = chart_locale.norwegian(made)
    validate_jsonschema(spec, core.load_schema())  # raises if Vega-Lite would not take it
    assert json.dumps(made, sort_keys=True) == before
    assert spec["config"]["locale"] == texts.CHART_LOCALE


def test_no_page_draws_a_chart_around_the_norwegian_locale():
    """Charts are drawn by chart_locale (or from specs it made): no st.altair_chart,
    st.bar_chart … that would draw with d3's English defaults."""
    from advocacy.db import ROOT

    allowed = {"chart_locale.py": 1, "overview_charts.py": 1, "oversikt.py": 1}  # oversikt: map
    for path in sorted((ROOT / "advocacy" / "ui").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for call in ("altair_chart(", "bar_chart(", "line_chart(", "area_chart(",
                     "scatter_chart(", "map(", "pyplot(", "plotly_chart(", "pydeck_chart("):
            assert f"st.{call}" not in source, (path.name, call)
        assert source.count("st.vega_lite_chart(") == allowed.get(path.name, 0), path.name
    assert "chart_locale.norwegian(maps.status_map(" in (
        ROOT / "advocacy" / "ui" / "pages" / "oversikt.py").read_text(encoding="utf-8")
