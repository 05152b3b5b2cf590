"""A mistyped position is corrected in the municipality profile: the status follows, and the
history keeps the wrong row marked «Rettet» with who and why."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import choose, login, open_page, wait_idle

LEVER = "Skjenketid gruppe 1 og 2, slutt (hverdager)"
REASON = "Tastefeil, se kommunestyresak 24/118"




def cell(page, text) -> None:
    """Wait for a table cell with this text (the data grid's accessible cells)."""
    page.locator('[id^="glide-cell-"]', has_text=text).first.wait_for(state="attached")


def test_correct_a_position_and_see_the_status_follow(page):
    login(page, "leder")
    open_page(page, "Kommuner")
    choose(page, "Velg kommune", "Drammen (3301)", typed="Drammen")
    page.get_by_role("tab", name="Historikk").click()
    wait_idle(page)
    page.get_by_text("Rett opp en registrering").click()
    wrong = choose(page, "Rad som er feil", re.compile(re.escape(LEVER) + ":"))
    # The right value must change the status: one that meets the goal (02:00), or one far off.
    meets = "01:00" not in wrong and "02:00" not in wrong
    right, status = ("01:00", "oppfyller målet") if meets else ("03:00", "langt unna")

    page.get_by_role("textbox", name="Hvorfor er raden feil?").fill(REASON)
    page.get_by_role("textbox", name="Rett verdi").fill(right)
    page.get_by_role("button", name="Rett opp").click()
    page.get_by_text("Raden er rettet opp, og den rette verdien er registrert.").wait_for()
    wait_idle(page)

    cell(page, f"Rettet: {REASON} (Ingrid Haugland, ")
    # The form starts empty again: the corrected row is no longer offered.
    if not page.get_by_text("Rad som er feil").is_visible():
        page.get_by_text("Rett opp en registrering").click()
    expect(page.get_by_role("combobox", name="Rad som er feil")).to_have_value(
        "Velg raden som er feil …")
    page.get_by_role("combobox", name="Rad som er feil").click()
    assert page.get_by_role("option", name=wrong, exact=True).count() == 0
    page.keyboard.press("Escape")
    wait_idle(page)
    page.get_by_role("tab", name="Politikk").click()
    wait_idle(page)
    assert row_of(page, LEVER) == [LEVER, right, "01:00", "03:00", "02:00", status]


def row_of(page, first: str) -> list[str]:
    """The first six cells of the table row that starts with `first`."""
    cell(page, first)
    grid = page.locator('[data-testid="stDataFrame"]').filter(
        has=page.locator('[id^="glide-cell-0-"]', has_text=first))
    row = grid.locator('[id^="glide-cell-0-"]', has_text=first).first.get_attribute("id")
    n = row.rsplit("-", 1)[1]
    texts = [grid.locator(f"#glide-cell-{col}-{n}").text_content() for col in range(6)]
    return texts[:5] + [texts[5].split(" ", 1)[1]]  # the status without its coloured dot
