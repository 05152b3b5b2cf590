"""A login survives a reload and a new tab, and a logout ends it in every tab."""

from tests.e2e.conftest import SESSION_COOKIE as COOKIE
from tests.e2e.conftest import login, open_page, session_cookie, wait_idle


def login_form(page):
    return page.get_by_role("button", name="Logg inn")


def test_reload_keeps_the_user_logged_in_on_the_same_page(page):
    login(page, "lokallag")
    open_page(page, "Kommuner")
    session_cookie(page.context)
    page.reload()
    page.get_by_text("Innlogget som").wait_for()
    page.get_by_role("heading", name="Kommuner").wait_for()
    assert page.url.endswith("/kommuner")
    assert login_form(page).count() == 0


def test_a_new_tab_of_the_same_browser_is_logged_in(page):
    login(page, "skrivegruppe")
    open_page(page, "Kalender")
    session_cookie(page.context)
    tab = page.context.new_page()
    tab.goto(page.url)
    tab.get_by_text("Innlogget som").wait_for()
    tab.get_by_role("heading", name="Kalender").wait_for()


def test_logout_in_one_tab_ends_the_other_at_its_next_click(page):
    login(page, "leder")
    session_cookie(page.context)
    tab = page.context.new_page()
    tab.goto(page.url)
    tab.get_by_text("Innlogget som").wait_for()
    wait_idle(tab)

    page.get_by_role("button", name="Logg ut").click()
    login_form(page).wait_for()

    tab.get_by_role("link", name="Kommuner").click()
    login_form(tab).wait_for()
    tab.get_by_text("Du er logget ut").wait_for()
    assert tab.get_by_text("Innlogget som").count() == 0
    tab.reload()
    login_form(tab).wait_for()
    assert [c for c in page.context.cookies() if c["name"] == COOKIE] == []


def test_after_logout_a_reload_shows_the_login_form(page):
    login(page, "lokallag")
    session_cookie(page.context)
    page.get_by_role("button", name="Logg ut").click()
    login_form(page).wait_for()
    wait_idle(page)
    page.reload()
    login_form(page).wait_for()
    wait_idle(page)
    assert page.get_by_text("Innlogget som").count() == 0


def test_the_cookie_is_a_random_token_and_never_in_the_url(page):
    seen_urls = []
    page.on("framenavigated", lambda frame: seen_urls.append(frame.url))
    page.on("request", lambda request: seen_urls.append(request.url))
    login(page, "lokallag")
    cookie = session_cookie(page.context)
    token = cookie["value"]
    assert len(token) >= 43  # 256 random bits, base64
    assert "lokallag" not in token and not token.isdigit()
    assert cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    open_page(page, "Møter")
    page.reload()
    page.get_by_text("Innlogget som").wait_for()
    assert seen_urls and all(token not in url for url in seen_urls + [page.url])


def test_each_login_gets_its_own_token(page, browser, server):
    login(page, "lokallag")
    first = session_cookie(page.context)["value"]
    other = browser.new_context(locale="nb-NO")
    try:
        second_page = other.new_page()
        second_page.goto(server)
        login(second_page, "lokallag")
        assert session_cookie(other)["value"] != first
    finally:
        other.close()
