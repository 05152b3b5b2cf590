"""Typed text is never lost and a save saves what is on the screen: the reader-letter editor
(Lagre, paper change, moves after a fragment rerun, page switch, reload) and the meeting form's
refusal of a future date."""

import datetime as dt
import re
import sqlite3
import time

from tests.e2e.conftest import choose, download, login, open_page, pick_politician, wait_idle

TEXT_LABEL = "Tekst (tom linje gir nytt avsnitt)"


def logged_in(page, username: str) -> None:
    """Log in if the login form shows (a reload may or may not keep the session)."""
    page.locator('[data-testid="stSidebar"], input[aria-label="Brukernavn"]').first.wait_for()
    wait_idle(page)
    if page.get_by_label("Brukernavn").count():
        login(page, username)


def wait_for_draft(db_path, text: str) -> None:
    """Wait until the server has stored the typed text as a draft: leaving a field sends it,
    but on a busy machine the run that stores it may not have started when the page moves on."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
            rows = conn.execute("select payload from drafts").fetchall()
        if any(text in payload for (payload,) in rows):
            return
        time.sleep(0.2)
    raise AssertionError(f"no draft holds {text!r}")


def reload_and_open_letter(page, username: str, title: str) -> None:
    page.reload()
    logged_in(page, username)
    if not page.get_by_role("heading", name="Brev og innlegg").count():
        open_page(page, "Brev og innlegg")
    page.get_by_role("tab", name="Innlegg").click()
    heading = page.get_by_role("heading", name=title)
    page.get_by_role("combobox", name="Velg innlegg").wait_for()
    wait_idle(page)
    if not heading.count():  # the address lost the letter: pick it from the list
        page.get_by_role("combobox", name="Velg innlegg").click()
        page.get_by_role("option", name=re.compile(re.escape(title))).first.click()
    heading.wait_for()


def new_letter(page, title: str, paper: str = "Drammenspressen"):
    login(page, "skrivegruppe")
    open_page(page, "Brev og innlegg")
    page.get_by_role("tab", name="Innlegg").click()
    page.get_by_role("button", name="Opprett innlegg").wait_for()
    choose(page, "Avis (kan velges senere)", paper)
    page.get_by_role("textbox", name="Tittel").fill(title)
    page.get_by_role("button", name="Opprett innlegg").click()
    page.get_by_text("Innlegget er opprettet.").wait_for()
    wait_idle(page)
    return page.get_by_role("textbox", name=TEXT_LABEL)


def test_lagre_saves_the_text_and_a_reload_shows_it(page):
    text = new_letter(page, "Lagret og hentet")
    text.fill("Skjenketid er helsepolitikk, sier legevakten.")
    page.get_by_role("button", name="Lagre", exact=True).click()
    page.get_by_text("Innlegget er lagret.").wait_for()
    wait_idle(page)
    reload_and_open_letter(page, "skrivegruppe", "Lagret og hentet")
    assert page.get_by_role("textbox", name=TEXT_LABEL).input_value() == (
        "Skjenketid er helsepolitikk, sier legevakten.")
    assert not page.get_by_text("Ulagret tekst fra").count()  # saved, so no draft




def test_changing_the_paper_updates_the_count(page):
    text = new_letter(page, "Bytt avis")
    text.fill("Kort tekst om skjenketider.")
    text.press("Control+Enter")
    live = page.locator("#pavirk-live-count")
    live.get_by_text("av 2\u00a0500 tegn").wait_for()
    wait_idle(page)
    choose(page, "Avis", "Oslo Lokalavis (2\u00a0300 tegn)", last=True)
    live.get_by_text("av 2\u00a0300 tegn").wait_for()
    wait_idle(page)
    assert page.get_by_role("textbox", name=TEXT_LABEL).input_value() == (
        "Kort tekst om skjenketider.")


def test_a_move_after_typing_saves_the_new_text(page):
    text = new_letter(page, "Flytt med ny tekst")
    text.fill("Første versjon.")
    page.get_by_role("button", name="Lagre", exact=True).click()
    page.get_by_text("Innlegget er lagret.").wait_for()
    wait_idle(page)
    text.fill("Andre versjon, kortere.")
    text.press("Control+Enter")  # a fragment-only rerun
    wait_idle(page)
    page.get_by_role("heading", name="Flytt med ny tekst").click()  # click outside: a blur
    wait_idle(page)
    page.get_by_role("button", name="Gjør til utkast").click()
    page.get_by_text("Innlegget er flyttet til «Utkast»").wait_for()
    wait_idle(page)
    reload_and_open_letter(page, "skrivegruppe", "Flytt med ny tekst")
    assert page.get_by_role("textbox", name=TEXT_LABEL).input_value() == "Andre versjon, kortere."


def test_unsaved_text_survives_a_page_switch(page, server_db_path):
    text = new_letter(page, "Ikke lagret ennå")
    text.fill("Dette er skrevet, men ikke lagret.")
    page.get_by_role("heading", name="Ikke lagret ennå").click()  # leaving the field keeps it
    wait_for_draft(server_db_path, "Dette er skrevet, men ikke lagret.")
    wait_idle(page)
    open_page(page, "Oversikt")
    wait_idle(page)
    open_page(page, "Brev og innlegg")
    page.get_by_role("tab", name="Innlegg").click()
    page.get_by_text("Ulagret tekst fra").wait_for()
    wait_idle(page)
    assert page.get_by_role("textbox", name=TEXT_LABEL).input_value() == (
        "Dette er skrevet, men ikke lagret.")


def test_unsaved_text_survives_a_reload_and_can_be_thrown_away(page, server_db_path):
    text = new_letter(page, "Tekst etter F5")
    text.fill("Skrevet før siden ble lastet på nytt.")
    page.get_by_role("heading", name="Tekst etter F5").click()
    wait_for_draft(server_db_path, "Skrevet før siden ble lastet på nytt.")
    wait_idle(page)
    reload_and_open_letter(page, "skrivegruppe", "Tekst etter F5")
    page.get_by_text("Ulagret tekst fra").wait_for()
    wait_idle(page)
    box = page.get_by_role("textbox", name=TEXT_LABEL)
    assert box.input_value() == "Skrevet før siden ble lastet på nytt."
    page.get_by_role("button", name="Forkast den ulagrede teksten").click()
    page.get_by_text("Ulagret tekst fra").wait_for(state="detached")
    wait_idle(page)
    assert box.input_value() == ""


def meeting_count(page) -> int:
    """The list's total, from «1–16 av 16 møter»."""
    caption = page.get_by_text(re.compile(r"^[\d\u00a0 ]+–[\d\u00a0 ]+ av [\d\u00a0 ]+ møter$"))
    caption.wait_for()
    return int(re.sub(r"\D", "", caption.inner_text().split(" av ")[-1]))


def test_a_future_meeting_date_is_refused_and_nothing_saved(page):
    login(page, "lokallag")
    open_page(page, "Møter")
    before = meeting_count(page)
    views = page.locator('[data-testid="stButtonGroup"]')
    views.get_by_text("Nytt møte", exact=True).click()
    date = page.get_by_label("Dato", exact=True)
    date.wait_for()
    future = dt.date.today().replace(year=dt.date.today().year + 1)
    type_date(page, date, future)
    page.get_by_role("textbox", name="Sammendrag").fill("Møtet er ikke holdt ennå.")
    pick_politician(page)
    wait_idle(page)
    page.get_by_role("button", name="Lagre møtet").click()
    wait_idle(page)
    page.get_by_text("er i framtiden. Logg møtet når det er holdt.").first.wait_for()
    assert shown_date(date) == future  # kept, never clamped to today
    assert page.get_by_role("textbox", name="Sammendrag").input_value() == (
        "Møtet er ikke holdt ennå.")
    page.get_by_role("button", name="Forkast den ulagrede teksten").click()  # leave no draft
    wait_idle(page)
    assert page.get_by_role("textbox", name="Sammendrag").input_value() == ""
    views.get_by_text("Møter", exact=True).click()
    wait_idle(page)
    assert meeting_count(page) == before


def type_date(page, field, day: dt.date) -> None:
    """Type a date into Streamlit's date field (day, month and year segments) and leave it."""
    field.locator('[role="spinbutton"]').first.click()
    page.keyboard.type(day.strftime("%d%m%Y"))
    page.keyboard.press("Tab")
    wait_idle(page)


def shown_date(field) -> dt.date:
    parts = [int(s.inner_text()) for s in field.locator('[role="spinbutton"]').all()]
    return dt.date(parts[2], parts[1], parts[0])


def test_a_download_after_typing_gives_the_words_on_the_screen(page, tmp_path):
    text = new_letter(page, "Last ned det som står")
    text.fill("Først skrevet.")
    page.get_by_role("button", name="Lagre", exact=True).click()
    page.get_by_text("Innlegget er lagret.").wait_for()
    wait_idle(page)
    text.fill("Så endret, ikke lagret.")
    text.press("Control+Enter")  # a fragment-only rerun
    wait_idle(page)
    path = tmp_path / "innlegg.txt"
    download(page, page.get_by_role("button", name="Last ned som tekst")).save_as(path)
    assert "Så endret, ikke lagret." in path.read_text(encoding="utf-8")


def test_unsaved_meeting_text_survives_a_page_switch(page, server_db_path):
    login(page, "lokallag")
    open_page(page, "Møter")
    page.locator('[data-testid="stButtonGroup"]').get_by_text("Nytt møte", exact=True).click()
    summary = page.get_by_role("textbox", name="Sammendrag")
    summary.fill("Referat som ikke er lagret ennå.")
    page.get_by_role("heading", name="Møter").click()  # leaving the field keeps it
    wait_for_draft(server_db_path, "Referat som ikke er lagret ennå.")
    wait_idle(page)
    open_page(page, "Oversikt")
    wait_idle(page)
    open_page(page, "Møter")
    wait_idle(page)
    views = page.locator('[data-testid="stButtonGroup"]')
    if not page.get_by_role("textbox", name="Sammendrag").count():  # the page opens on its list
        views.get_by_text("Nytt møte", exact=True).click()
    page.get_by_text("Ulagret tekst fra").wait_for()
    wait_idle(page)
    assert page.get_by_role("textbox", name="Sammendrag").input_value() == (
        "Referat som ikke er lagret ennå.")
    page.get_by_role("button", name="Forkast den ulagrede teksten").click()  # leave no draft
    page.get_by_text("Ulagret tekst fra").wait_for(state="detached")


def test_unsaved_statement_text_survives_a_reload(page, server_db_path):
    login(page, "leder")
    open_page(page, "Uttalelser")
    page.get_by_role("tab", name="Ny uttalelse").click()
    position = page.get_by_role("textbox", name=re.compile("^Standpunkt"))
    position.fill("Vi går imot klokka 03.")
    page.get_by_role("heading", name="Uttalelser").click()
    wait_for_draft(server_db_path, "Vi går imot klokka 03.")
    wait_idle(page)
    page.reload()
    logged_in(page, "leder")
    if not page.get_by_role("heading", name="Uttalelser").count():
        open_page(page, "Uttalelser")
    page.get_by_role("tab", name="Ny uttalelse").click()
    page.get_by_text("Ulagret tekst fra").wait_for()
    wait_idle(page)
    assert page.get_by_role("textbox", name=re.compile("^Standpunkt")).input_value() == (
        "Vi går imot klokka 03.")
    page.get_by_role("button", name="Forkast den ulagrede teksten").click()  # leave no draft
    page.get_by_text("Ulagret tekst fra").wait_for(state="detached")
    wait_idle(page)
    assert page.get_by_role("textbox", name=re.compile("^Standpunkt")).input_value() == ""
