"""A letter drafted over the paper's limit: the count warns as it is typed, the letter is
shortened, approved, sent and marked published with a link."""

from tests.e2e.conftest import choose, login, open_page, wait_idle

LONG = "Skjenketid er helsepolitikk, og legevakten ser det hver helg. " * 50
SHORT = ("Når bystyret i Drammen skal vurdere skjenketidene, bør det lytte til legevakten.\n\n"
         "Derfor ber vi bystyret om å holde fast ved klokka 02.")




def test_draft_over_limit_shorten_send_publish(page):
    login(page, "leder")
    open_page(page, "Brev og innlegg")
    page.get_by_role("tab", name="Innlegg").click()
    page.get_by_role("button", name="Opprett innlegg").wait_for()
    choose(page, "Avis (kan velges senere)", "Drammenspressen")
    page.get_by_role("textbox", name="Tittel").fill("Hold fast ved klokka 02")
    page.get_by_role("button", name="Opprett innlegg").click()
    page.get_by_text("Innlegget er opprettet.").wait_for()
    page.get_by_text("Leserinnlegg · Idé · Ingrid Haugland · Drammenspressen").wait_for()

    text = page.get_by_role("textbox", name="Tekst (tom linje gir nytt avsnitt)")
    text.fill(LONG)
    live = page.locator("#pavirk-live-count")
    # Counted in the browser while typing, before Streamlit has the text.
    live.get_by_text("tegn for mye").wait_for()
    assert "av 2\u00a0500 tegn inkl. mellomrom" in live.inner_text()
    text.press("Control+Enter")
    page.get_by_text("For langt for Drammenspressen").wait_for()

    text.fill(SHORT)
    assert "for mye" not in live.inner_text()
    text.press("Control+Enter")
    page.get_by_text("For langt for Drammenspressen").wait_for(state="detached")

    wait_idle(page)  # a click during a run in flight can be lost under load
    page.get_by_role("button", name="Gjør til utkast").click()
    page.get_by_text("Innlegget er flyttet til «Utkast»").wait_for()
    wait_idle(page)
    page.get_by_role("button", name="Send til vurdering").click()
    page.get_by_text("Innlegget er flyttet til «Til vurdering»").wait_for()
    wait_idle(page)
    page.get_by_role("button", name="Godkjenn").click()
    page.get_by_text("Innlegget er flyttet til «Godkjent»").wait_for()
    wait_idle(page)
    page.get_by_role("button", name="Marker som sendt").click()
    page.get_by_role("dialog").get_by_role("button", name="Marker som sendt").click()
    page.get_by_text("Innlegget er markert som sendt til Drammenspressen").wait_for()

    page.get_by_role("radiogroup", name="Svar").get_by_text("Publisert").click()
    page.get_by_role("textbox", name="Lenke til innlegget").fill(
        "https://drammenspressen.example.org/debatt/klokka-02")
    wait_idle(page)
    page.get_by_role("button", name="Registrer svar").click()
    page.get_by_role("dialog").get_by_role("button", name="Registrer svar").click()
    page.get_by_text("Svaret er registrert: publisert.").wait_for()
    page.get_by_text("Leserinnlegg · Publisert · Ingrid Haugland · Drammenspressen").wait_for()
