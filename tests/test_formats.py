"""Stored moments (UTC) shown in Norwegian time, summer and winter and across the changes."""

import datetime as dt

import pytest

from advocacy import texts


@pytest.mark.parametrize(("stored", "shown"), [
    ("2026-12-02T19:16:00Z", "02.12.2026 kl. 20:16"),  # winter: UTC+1
    ("2026-07-02T19:16:00.123Z", "02.07.2026 kl. 21:16"),  # summer: UTC+2
    ("2026-03-29T00:59:00Z", "29.03.2026 kl. 01:59"),  # the last minute of winter time
    ("2026-03-29T01:00:00Z", "29.03.2026 kl. 03:00"),  # clocks forward: 02:00 never happens
    ("2026-10-25T00:30:00+00:00", "25.10.2026 kl. 02:30"),  # clocks back: 02:30 summer time …
    ("2026-10-25T01:30:00+00:00", "25.10.2026 kl. 02:30"),  # … and an hour later, winter time
    ("2026-12-31T23:30:00Z", "01.01.2027 kl. 00:30"),  # already next year in Norway
])
def test_timestamps_are_norwegian_time(stored, shown):
    assert texts.format_timestamp(stored) == shown


def test_the_same_for_datetimes_and_in_the_long_form():
    moment = dt.datetime(2026, 7, 1, 22, 5, tzinfo=dt.UTC)
    assert texts.format_timestamp(moment) == "02.07.2026 kl. 00:05"
    assert texts.format_datetime(moment) == "2. juli 2026 kl. 00:05"
    assert texts.format_datetime("2026-12-02T19:16:00Z") == "2. desember 2026 kl. 20:16"


def test_a_time_without_zone_is_one_typed_in_norway_and_kept():
    assert texts.format_timestamp("2026-12-02T19:00") == "02.12.2026 kl. 19:00"
    assert texts.to_oslo("2026-12-02T19:00") == dt.datetime(2026, 12, 2, 19, 0)


def test_the_day_of_a_moment_is_its_norwegian_day():
    assert texts.oslo_date("2026-12-31T23:30:00Z") == dt.date(2027, 1, 1)
    assert texts.oslo_date("2026-06-30T22:30:00Z") == dt.date(2026, 7, 1)
    assert texts.oslo_date("2026-06-30") == dt.date(2026, 6, 30)
    assert texts.oslo_date(dt.date(2026, 6, 30)) == dt.date(2026, 6, 30)


@pytest.mark.parametrize("empty", [None, "", "ikke en dato", "2026-06-30"])
def test_no_moment_shows_nothing(empty):
    assert texts.format_timestamp(empty) == ""
    assert texts.to_oslo(empty) is None


def test_numbers_have_a_no_break_space_between_thousands():
    assert texts.format_number(10001) == "10\u00a0001"
    assert texts.format_number(1234567.5) == "1\u00a0234\u00a0567,5"


def test_status_words_carry_a_symbol_from_basic_fonts():
    assert texts.status_with_symbol("oppfyller", "oppfyller målet") == "● oppfyller målet"
    assert texts.status_with_symbol("delvis", "delvis") == "▲ delvis"
    assert texts.status_with_symbol("langt_unna", "langt unna") == "✕ langt unna"
    assert texts.STATUS_SYMBOLS and all(ord(s) < 0x2800 for s in texts.STATUS_SYMBOLS.values())


def test_the_process_counts_days_in_norwegian_time():
    import time

    assert time.tzname == ("CET", "CEST")
    oslo = dt.datetime.now(dt.UTC).astimezone(texts.OSLO)
    assert dt.date.today() in (oslo.date(), (oslo - dt.timedelta(seconds=5)).date())
