"""A volunteer fills a follow-up letter in the page, sees it, and downloads the .docx."""

import docx

from tests.e2e.conftest import login, open_page, wait_idle


def test_fill_preview_and_download_letter(page, tmp_path):
    login(page, "lokallag")
    open_page(page, "Brev og innlegg")
    recipient = page.get_by_role("textbox", name="Mottakerens fulle navn")
    recipient.fill("Åse Ødegård & Co")
    recipient.press("Enter")
    municipality = page.get_by_role("textbox", name="Kommunen mottakeren representerer")
    municipality.fill("Bø i Telemark")
    municipality.press("Enter")
    topic = page.get_by_role("textbox", name="Hva møtet handlet om")
    topic.fill("skjenketider & kontroller")
    topic.press("Enter")
    # The preview shows the letter before it is downloaded.
    page.get_by_text("Åse Ødegård & Co").first.wait_for()
    page.get_by_text("Bø i Telemark").first.wait_for()
    page.get_by_text("skjenketider & kontroller").first.wait_for()
    wait_idle(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Last ned .docx").click()
    download = download_info.value
    name = download.suggested_filename
    assert name.endswith("_oppfolgingsbrev_bo-i-telemark_aase-odegaard-co.docx")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = "\n".join(p.text for p in docx.Document(path).paragraphs)
    assert "Åse Ødegård & Co" in text
    assert "skjenketider & kontroller" in text
    assert "Per Lyngstad" in text  # the sender, from the logged-in user
    assert "{{" not in text
