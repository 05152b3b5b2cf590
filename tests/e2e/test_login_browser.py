"""A volunteer logs in and sees the municipality list in a real browser."""

from tests.e2e.conftest import login, open_page


def test_wrong_password_gives_neutral_message(page):
    page.get_by_text("Demomodus").wait_for()
    login_failed = page.get_by_text("Feil brukernavn eller passord.")
    page.get_by_label("Brukernavn").fill("leder")
    page.get_by_label("Passord", exact=True).fill("feil-passord")
    page.get_by_role("button", name="Logg inn").click()
    login_failed.wait_for()


def test_login_and_see_municipalities(page, tmp_path):
    login(page, "lokallag")
    open_page(page, "Kommuner")
    page.get_by_text("Viser 357 av 357 kommuner").wait_for()
    page.get_by_label("Søk").fill("Tana")
    page.get_by_label("Søk").press("Enter")
    page.get_by_text("Viser 1 av 357 kommuner").wait_for()
    page.screenshot(path=str(tmp_path / "kommuner.png"))
