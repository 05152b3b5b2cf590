"""«Bytt passord» in the sidebar, in Chromium: password fields with autocomplete hints, the
change takes, the tab stays logged in. The password is changed back (the server is shared)."""

from advocacy.accounts import accounts
from advocacy.db import connect, write
from tests.e2e.conftest import login, wait_idle

NEW = "et helt nytt passord"


def _change(page, current, new):
    page.get_by_role("button", name="Bytt passord").first.click()
    current_field = page.get_by_label("Nåværende passord")
    current_field.wait_for()
    current_field.fill(current)
    page.get_by_label("Nytt passord", exact=True).fill(new)
    page.get_by_label("Gjenta nytt passord").fill(new)
    page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Bytt passord").click()
    wait_idle(page)


def test_change_own_password_in_the_sidebar(page, server_db_path):
    try:
        _walk(page)
    finally:  # whatever happened, the other browser tests log in with the demo password
        db = connect(server_db_path)
        with write(db):
            db.execute("update users set password_hash = ? where username = 'skrivegruppe'",
                       [accounts.hash_password("demo1234")])
        db.close()


def _walk(page):
    login(page, "skrivegruppe")
    page.get_by_role("button", name="Bytt passord").first.click()
    fields = {"Nåværende passord": "current-password", "Nytt passord": "new-password",
              "Gjenta nytt passord": "new-password"}
    for label, hint in fields.items():
        field = page.get_by_label(label, exact=True)
        assert field.get_attribute("type") == "password"
        assert field.get_attribute("autocomplete") == hint
    page.keyboard.press("Escape")
    wait_idle(page)
    _change(page, "demo1234", NEW)
    page.get_by_text("Passordet er byttet").wait_for()
    assert page.get_by_text("Innlogget som").is_visible()
    page.keyboard.press("Escape")
    wait_idle(page)
    _change(page, NEW, "demo1234")
    page.get_by_text("Passordet er byttet").wait_for()
