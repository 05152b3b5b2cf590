"""Getting around in a real browser: a click on the map opens the municipality's profile at
the top of Kommuner, Kalender steps month by month, and on a phone the menu closes after a
choice."""

import datetime as dt
import re
from io import BytesIO

from PIL import Image

from advocacy import texts
from advocacy.events import month_view
from tests.e2e.conftest import login, open_page, wait_idle
from tests.e2e.test_map import drawn_map

# The status colours of the map (advocacy/policy/maps.py STATUS_COLOURS): a pixel of one of them,
# with the same colour all around, is inside a municipality, not on a border.
FILLS = [(0xD9, 0xD9, 0xD9), (0x1A, 0x98, 0x50), (0xFD, 0xAE, 0x61), (0xD7, 0x30, 0x27),
         (0x9E, 0xCA, 0xE1)]
PHONE = {  # Chromium as on an Android phone (Playwright's «Pixel 7», 390 px wide)
    "viewport": {"width": 390, "height": 844}, "device_scale_factor": 2.625,
    "is_mobile": True, "has_touch": True,
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like "
                  "Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
}


def _inside_a_municipality(image: Image.Image) -> tuple[int, int]:
    width, height = image.size
    pixels = image.load()
    for y in range(height // 3, height - 10, 7):
        for x in range(width // 4, width - 10, 7):
            colour = pixels[x, y]
            if colour in FILLS and all(pixels[x + dx, y + dy] == colour
                                       for dx in (-4, 0, 4) for dy in (-4, 0, 4)):
                return x, y
    raise AssertionError("no municipality found in the map's picture")


def _profile_is_at_the_top(page) -> str:
    """The profile's name heading «Drammen (3301)», near the top and above the folded list."""
    page.wait_for_url(re.compile(r"[?&]kommune=\d{4}"))
    number = re.search(r"kommune=(\d{4})", page.url).group(1)
    name = page.get_by_role("heading", name=re.compile(rf"\({number}\)$"))
    name.wait_for()
    wait_idle(page)
    profile = page.get_by_role("heading", name="Kommuneprofil", exact=True)
    listing = page.get_by_text("Alle kommuner", exact=True)
    heading_box, list_box = profile.bounding_box(), listing.bounding_box()
    assert heading_box["y"] < 300, heading_box  # under the page title, no table above it
    assert name.bounding_box()["y"] < list_box["y"]
    top = name.bounding_box()["y"]
    # Only the profile's own tables, below its name; the list of all 357 is folded away.
    tables = page.locator('[data-testid="stDataFrame"]').all()
    assert tables and all(t.bounding_box()["y"] > top for t in tables)
    folded = page.locator("details").filter(has_text="Alle kommuner")
    assert folded.get_attribute("open") is None
    return number


def test_a_click_on_the_map_opens_the_profile_at_the_top(page, tmp_path):
    chart = drawn_map(page)
    x, y = _inside_a_municipality(Image.open(BytesIO(chart.screenshot())).convert("RGB"))
    chart.click(position={"x": x, "y": y})
    page.get_by_role("heading", name="Kommuner", exact=True).wait_for()
    number = _profile_is_at_the_top(page)
    page.screenshot(path=str(tmp_path / "profile.png"))
    assert page.get_by_role("heading", name=re.compile(rf"\({number}\)$")).is_visible()


def test_go_to_profile_lands_at_the_profile(page):
    login(page, "leder")
    open_page(page, "Oversikt")
    page.get_by_label("Åpne en kommune").click()
    page.keyboard.type("Drammen")
    page.keyboard.press("Enter")
    wait_idle(page)
    page.get_by_role("link", name="Gå til kommuneprofilen").click()
    assert _profile_is_at_the_top(page) == "3301"
    assert page.get_by_role("heading", name="Drammen (3301)").is_visible()


def _month(page, first: dt.date) -> None:
    page.get_by_role("heading", name=texts.format_month(first.year, first.month),
                     exact=True).wait_for()


def test_kalender_steps_month_by_month_over_the_year_end(page):
    login(page, "leder")
    open_page(page, "Kalender")
    shown = dt.date.today().replace(day=1)
    _month(page, shown)
    for step, button in ((1, "Neste måned ›"), (1, "Neste måned ›"), (-1, "‹ Forrige måned"),
                         (-1, "‹ Forrige måned"), (-1, "‹ Forrige måned")):
        page.get_by_role("button", name=button).click()
        shown = month_view.step_month(shown, step)
        _month(page, shown)
        wait_idle(page)
    page.get_by_role("button", name="I dag").click()
    shown = dt.date.today().replace(day=1)
    _month(page, shown)
    wait_idle(page)
    # Over the year end both ways, whatever month today is: to December, then on to January.
    december = dt.date(shown.year, 12, 1)
    while shown != december:
        page.get_by_role("button", name="Neste måned ›").click()
        shown = month_view.step_month(shown, 1)
        _month(page, shown)
        wait_idle(page)
    page.get_by_role("button", name="Neste måned ›").click()
    page.get_by_role("heading", name=f"januar {december.year + 1}", exact=True).wait_for()
    wait_idle(page)
    page.get_by_role("button", name="‹ Forrige måned").click()
    page.get_by_role("heading", name=f"desember {december.year}", exact=True).wait_for()


def test_on_a_phone_the_menu_closes_after_a_choice(browser, server):
    context = browser.new_context(**PHONE, locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(server)
        page.get_by_label("Brukernavn").fill("leder")
        page.get_by_label("Passord", exact=True).fill("demo1234")
        page.get_by_role("button", name="Logg inn").click()
        page.get_by_role("heading", name="Oversikt").wait_for()
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert sidebar.bounding_box()["x"] < 0  # closed on a phone to begin with
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        page.get_by_role("link", name="Kalender").wait_for()
        page.wait_for_timeout(500)  # the menu slides in
        assert sidebar.bounding_box()["x"] == 0
        page.get_by_role("link", name="Kalender").click()
        page.get_by_role("heading", name="Kalender").first.wait_for()
        wait_idle(page)
        page.wait_for_timeout(500)  # the menu slides out
        box = sidebar.bounding_box()
        assert box["x"] + box["width"] <= 0, box  # the menu no longer covers the page
        assert page.get_by_role("button", name="Neste måned ›").is_visible()
        assert page.locator('[data-testid="stException"]').all_inner_texts() == []
    finally:
        context.close()
