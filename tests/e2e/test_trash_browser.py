"""A chapter member removes a meeting (the dialog asks first; «Avbryt» changes nothing),
leadership finds it in the papirkurv and restores it, and search finds the meeting again."""

from tests.e2e.conftest import login, open_page, pick_politician, wait_idle

SUMMARY = "Papirkurvprøve om skjenketider og kontroller."
WORD = "Papirkurvprøve"


def _log_meeting(page, politician: int = 0) -> None:
    # Another politician for each test: "Åpne møte" names a meeting by date, place and who
    # was there, and two meetings with the same name cannot be told apart in its list.
    open_page(page, "Møter")
    page.get_by_text("Nytt møte", exact=True).click()
    page.get_by_role("combobox", name="Politikere til stede").wait_for()
    pick_politician(page, politician)
    page.get_by_label("Sammendrag").fill(SUMMARY)
    page.get_by_role("button", name="Lagre møtet").click()
    page.get_by_role("button", name="Slett").wait_for()
    wait_idle(page)


def _search(page, word: str):
    open_page(page, "Møter")
    page.get_by_text("Søk", exact=True).click()
    wait_idle(page)  # the list view, with its own «Søk i møtene», is gone
    box = page.get_by_label("Søk", exact=True)
    box.fill(word)
    box.press("Enter")
    wait_idle(page)
    return page.get_by_role("link", name="Møte:")


def test_remove_a_meeting_then_restore_it_from_the_papirkurv(page, browser, server):
    login(page, "lokallag")
    _log_meeting(page)
    dialog = page.get_by_role("dialog")

    page.get_by_role("button", name="Slett").click()
    dialog.get_by_text("til papirkurven?").wait_for()
    dialog.get_by_role("button", name="Avbryt").click()
    dialog.wait_for(state="detached")
    wait_idle(page)
    assert page.get_by_text(f"Sammendrag: {SUMMARY}").is_visible()  # still there

    page.get_by_role("button", name="Slett").click()
    dialog.get_by_role("button", name="Flytt til papirkurven").click()
    page.get_by_text("er flyttet til papirkurven").wait_for()
    wait_idle(page)
    assert page.get_by_role("button", name="Angre").is_visible()
    assert page.get_by_text(f"Sammendrag: {SUMMARY}").count() == 0
    _search(page, WORD)
    page.get_by_text(f"Ingen treff på «{WORD}»").wait_for()

    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nb-NO")
    leader = context.new_page()
    leader.set_default_timeout(30_000)
    try:
        leader.goto(server)
        login(leader, "leder")
        open_page(leader, "Administrasjon")
        leader.get_by_role("tab", name="Papirkurv").click()
        leader.get_by_text(WORD).wait_for()
        leader.get_by_role("button", name="Gjenopprett").click()
        leader.get_by_text("er gjenopprettet").wait_for()
        wait_idle(leader)
        leader.get_by_role("tab", name="Papirkurv").click()
        leader.get_by_text("Papirkurven er tom.").wait_for()
        hit = _search(leader, WORD)
        hit.wait_for()
        hit.click()
        leader.get_by_text(f"Sammendrag: {SUMMARY}").wait_for()
        assert leader.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()


def test_angre_right_after_slett_brings_the_meeting_back(page):
    login(page, "lokallag")
    _log_meeting(page, politician=1)
    page.get_by_role("button", name="Slett").click()
    page.get_by_role("dialog").get_by_role("button", name="Flytt til papirkurven").click()
    page.get_by_text("er flyttet til papirkurven").wait_for()
    wait_idle(page)
    page.get_by_role("button", name="Angre").click()
    page.get_by_text("Angret.").wait_for()
    wait_idle(page)
    hit = _search(page, WORD)
    hit.first.wait_for()
    assert hit.count() >= 1


def test_a_refused_removal_names_what_blocks_it_and_avbryt_closes(page):
    login(page, "leder")
    open_page(page, "Kalender")
    page.get_by_role("tab", name="Kampanjer").click()
    wait_idle(page)
    page.get_by_role("button", name="Slett").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("button", name="Flytt til papirkurven").click()
    dialog.get_by_text("kan ikke flyttes til papirkurven fordi 2 aktiviteter").wait_for()
    dialog.get_by_role("button", name="Avbryt").click()
    dialog.wait_for(state="detached")
    wait_idle(page)
    assert page.get_by_role("button", name="Slett").is_visible()  # the campaign is still there


def test_a_writer_removes_a_reader_letter_draft(page):
    login(page, "skrivegruppe")
    open_page(page, "Brev og innlegg")
    page.get_by_role("tab", name="Innlegg").click()
    page.get_by_role("button", name="Opprett innlegg").wait_for()
    page.get_by_role("textbox", name="Tittel").fill("Papirkurvinnlegg om skjenketid")
    page.get_by_role("button", name="Opprett innlegg").click()
    page.get_by_text("Innlegget er opprettet.").wait_for()
    wait_idle(page)
    page.get_by_role("button", name="Slett").click()
    page.get_by_role("dialog").get_by_role("button", name="Flytt til papirkurven").click()
    page.get_by_text("«Papirkurvinnlegg om skjenketid» er flyttet til papirkurven").wait_for()
    wait_idle(page)
    assert "innlegg=" not in page.url  # the removed letter's link is gone from the address
    page.get_by_role("button", name="Opprett innlegg").wait_for()  # back to a new letter
