"""Downloads made when clicked run after the page's script run, whose database connection is
closed by then: each must open its own. The status sheet (Oversikt) and the follow-ups calendar
(Møter → Oppfølging) are downloaded in a real browser and opened again."""

import io

from icalendar import Calendar
from openpyxl import load_workbook

from tests.e2e.conftest import download, login, open_page


def test_status_sheet_downloads_with_every_municipality(page):
    login(page, "leder")
    open_page(page, "Oversikt")
    sheet_button = page.get_by_role("button", name="Last ned Excel").last
    sheet_button.scroll_into_view_if_needed()
    got = download(page, sheet_button)
    assert got.suggested_filename == "status-per-kommune.xlsx"
    sheet = load_workbook(io.BytesIO(open(got.path(), "rb").read())).active
    assert sheet.max_row == 358  # a heading and the 357 municipalities


def test_changes_export_reads_the_whole_period_when_clicked(page):
    login(page, "leder")
    open_page(page, "Oversikt")
    button = page.locator(".st-key-changes_export_csv button")
    button.scroll_into_view_if_needed()
    text = open(download(page, button).path(), "rb").read().decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].split(";")[:3] == ["Vedtatt", "Kommune", "Sak"]
    assert len(lines) > 1


def test_followups_calendar_downloads(page):
    login(page, "lokallag")
    open_page(page, "Møter")
    page.get_by_text("Oppfølging", exact=True).click()
    button = page.get_by_role("button", name="Last ned som kalender (.ics)")
    button.wait_for()
    data = open(download(page, button).path(), "rb").read()
    events = Calendar.from_ical(data).walk("VEVENT")
    assert events and all(str(e["uid"]).startswith("meeting-") for e in events)
