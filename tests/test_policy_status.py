"""The status rule on literal cases, closing times across midnight first."""

import datetime as dt

import pytest

from advocacy.errors import ValidationError
from advocacy.policy import policy_status as ps

SERVING_12 = {"value_type": "closing_time", "goal": "02:00", "goal_rule": "at_most",
              "legal_normal": "01:00", "legal_max": "03:00"}
SERVING_3 = {"value_type": "closing_time", "goal": "24:00", "goal_rule": "at_most",
             "legal_normal": "24:00", "legal_max": "03:00"}
SALES_1 = {"value_type": "closing_time", "goal": "18:00", "goal_rule": "at_most",
           "legal_normal": "18:00", "legal_max": "20:00"}
CONTROLS = {"value_type": "count", "goal": "3", "goal_rule": "at_least", "legal_max": "3"}
CAP = {"value_type": "boolean", "goal": "ja", "goal_rule": "equals"}
PLAN = {"value_type": "date", "goal": "2024-01-01", "goal_rule": "on_or_after"}
UNGDATA = {"value_type": "year", "goal": "2024", "goal_rule": "at_least"}


@pytest.mark.parametrize(("text", "minutes"), [
    ("18:00", 18 * 60), ("23:30", 23 * 60 + 30), ("24:00", 24 * 60), ("00:00", 24 * 60),
    ("01:00", 25 * 60), ("02:00", 26 * 60), ("03:00", 27 * 60), ("05:59", 29 * 60 + 59),
    ("06:00", 6 * 60), ("2", 26 * 60), ("02.30", 26 * 60 + 30), ("kl. 01", 25 * 60),
])
def test_closing_times_after_midnight_are_later(text, minutes):
    assert ps.closing_minutes(text) == minutes


def test_order_across_midnight():
    order = ["18:00", "23:00", "24:00", "01:00", "02:00", "02:30", "03:00"]
    assert sorted(order, key=ps.closing_minutes) == order
    assert ps.closing_minutes("02:00") > ps.closing_minutes("24:00")
    assert ps.closing_minutes("02:00") > ps.closing_minutes("01:00")


@pytest.mark.parametrize("bad", ["25:00", "24:30", "12:60", "midnatt", "", "1:2"])
def test_not_a_time(bad):
    with pytest.raises(ValueError):
        ps.closing_minutes(bad)


@pytest.mark.parametrize(("value", "code", "over"), [
    ("24:00", "oppfyller", False),
    ("01:00", "oppfyller", False),
    ("02:00", "oppfyller", False),   # the goal itself
    ("02:30", "delvis", False),      # half-way from 02:00 to the legal 03:00
    ("02:45", "langt_unna", False),
    ("03:00", "langt_unna", False),  # at the legal maximum: allowed, but far from the goal
    ("03:30", "langt_unna", True),   # over the law
    (None, "ukjent", False),
    ("tull", "ukjent", False),
])
def test_serving_groups_1_and_2(value, code, over):
    status = ps.status(SERVING_12, value)
    assert (status.code, status.over_legal_limit) == (code, over)


@pytest.mark.parametrize(("value", "code"), [
    ("23:00", "oppfyller"), ("24:00", "oppfyller"), ("00:00", "oppfyller"),
    ("01:00", "delvis"), ("01:30", "delvis"), ("02:00", "langt_unna"), ("03:00", "langt_unna"),
])
def test_serving_group_3_goal_midnight(value, code):
    assert ps.status(SERVING_3, value).code == code


def test_same_time_different_group_different_status():
    # 01:00 meets the goal for beer and wine but not for spirits (goal 24:00).
    assert ps.status(SERVING_12, "01:00").code == "oppfyller"
    assert ps.status(SERVING_3, "01:00").code == "delvis"


@pytest.mark.parametrize(("value", "code", "over"), [
    ("18:00", "oppfyller", False), ("19:00", "delvis", False), ("20:00", "langt_unna", False),
    ("21:00", "langt_unna", True),
])
def test_sales_hours(value, code, over):
    status = ps.status(SALES_1, value)
    assert (status.code, status.over_legal_limit) == (code, over)


def test_controls_legal_value_is_a_minimum():
    assert ps.status(CONTROLS, "3").code == "oppfyller"
    assert ps.status(CONTROLS, "4,5").code == "oppfyller"
    below = ps.status(CONTROLS, "2")
    assert (below.code, below.over_legal_limit) == ("langt_unna", True)
    assert below.text == "langt unna – over lovens grense"


def test_yes_no_has_no_partly():
    assert ps.status(CAP, "Ja").code == "oppfyller"
    assert ps.status(CAP, "nei").code == "langt_unna"
    assert ps.status(CAP, "kanskje").code == "ukjent"


def test_dates_and_years():
    assert ps.status(PLAN, "2024-03-01").code == "oppfyller"
    assert ps.status(PLAN, "15.06.2021").code == "delvis"  # the previous council term
    assert ps.status(PLAN, "2016-01-01").code == "langt_unna"
    assert ps.status(UNGDATA, "2024").code == "oppfyller"
    assert ps.status(UNGDATA, "2021").code == "delvis"
    assert ps.status(UNGDATA, "2017").code == "langt_unna"


def test_no_goal_is_not_judged():
    count = {"value_type": "count", "goal": None, "goal_rule": None}
    assert ps.status(count, "12").code == "ingen_mal"
    assert ps.status(count, None).code == "ukjent"


def test_changing_the_goal_changes_the_status():
    assert ps.status(SERVING_12, "02:00").code == "oppfyller"
    assert ps.status({**SERVING_12, "goal": "01:00"}, "02:00").code == "delvis"
    assert ps.status({**SERVING_12, "goal": "24:00"}, "02:00").code == "langt_unna"


@pytest.mark.parametrize(("kind", "given", "stored"), [
    ("closing_time", "2", "02:00"), ("closing_time", "00:00", "24:00"),
    ("closing_time", "01.30", "01:30"), ("boolean", "Ja", "ja"), ("boolean", "NEI", "nei"),
    ("count", "3,5", "3.5"), ("count", "12", "12"), ("date", "12.03.2026", "2026-03-12"),
    ("year", "2024", "2024"), ("text", "  fritt  ", "fritt"),
])
def test_normalise(kind, given, stored):
    assert ps.normalise(kind, given) == stored


@pytest.mark.parametrize(("kind", "given", "message"), [
    ("closing_time", "25:00", "ikke et klokkeslett"), ("boolean", "kanskje", "ja eller nei"),
    ("count", "-1", "ikke et tall"), ("date", "31.02.2026", "ikke en dato"),
    ("year", "tjue", "ikke et årstall"),
])
def test_normalise_refuses_in_norwegian(kind, given, message):
    with pytest.raises(ValidationError, match=message):
        ps.normalise(kind, given)


def test_display():
    assert ps.display("date", "2026-03-12") == "12. mars 2026"
    assert ps.display("closing_time", "0:00") == "24:00"
    assert ps.display("count", "3.5") == "3,5"
    assert ps.display("date", None) == ""


def test_weekend_falls_back_to_weekday():
    weekday = {"value": "03:00", "decided_on": "2025-01-01"}
    weekend = {"value": "02:00", "decided_on": "2025-01-01"}
    resolved = ps.with_fallback({"skjenketid_gr12": weekday, "skjenketid_gr12_helg": None,
                                 "salgstid_gr1": weekday, "salgstid_gr1_lordag": None})
    assert resolved["skjenketid_gr12_helg"] == (weekday, True)
    assert resolved["salgstid_gr1_lordag"] == (None, False)  # Saturdays have their own law
    own = ps.with_fallback({"skjenketid_gr12": weekday, "skjenketid_gr12_helg": weekend})
    assert own["skjenketid_gr12_helg"] == (weekend, False)
    assert ps.status(SERVING_12, "03:00", inherited=True).inherited


def test_date_goal_compares_dates_not_text():
    assert ps.comparable("date", "01.02.2024") == dt.date(2024, 2, 1)
    assert ps.status(PLAN, "01.02.2024").code == "oppfyller"
