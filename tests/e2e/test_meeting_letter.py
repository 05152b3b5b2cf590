"""A chapter member logs a meeting with two politicians, makes its follow-up letter and
downloads it: the .docx names the meeting date and both politicians."""

import datetime as dt
import io
import zipfile

from docx import Document

from advocacy.texts import format_date
from tests.e2e.conftest import download, login, open_page, pick_politician, wait_idle


def _log_meeting(page, asks: str = ""):
    """A meeting today with two politicians (and `asks`, one per line); returns their names."""
    open_page(page, "Møter")
    page.get_by_text("Nytt møte", exact=True).click()
    page.get_by_role("combobox", name="Politikere til stede").wait_for()
    first = pick_politician(page)
    second = pick_politician(page)  # the first is no longer offered
    page.get_by_label("Sammendrag").fill("Vi snakket om skjenketider og kontroller.")
    if asks:
        page.get_by_label("Det vi ba om (ett krav per linje)").fill(asks)
    page.get_by_role("button", name="Lagre møtet").click()
    return first, second


def test_one_letter_each_downloads_as_one_zip(page, tmp_path):
    login(page, "lokallag")
    first, second = _log_meeting(page)
    recipients = page.get_by_role("combobox", name="Mottakere")
    recipients.wait_for()
    recipients.click()
    page.get_by_role("option").first.click()  # the one not chosen by default
    page.keyboard.press("Escape")
    wait_idle(page)
    page.get_by_text("Ett brev til hver", exact=True).click()
    wait_idle(page)
    page.get_by_role("button", name="Lag oppfølgingsbrev").click()
    button = page.get_by_role("button", name="Last ned alle brevene (.zip)")
    button.wait_for()
    got = download(page, button)
    assert got.suggested_filename == (
        f"Oppfølgingsbrev – møtet {format_date(dt.date.today())} i Drammen.zip")
    with zipfile.ZipFile(io.BytesIO(open(got.path(), "rb").read())) as zf:
        assert sorted(zf.namelist()) == sorted(
            f"Oppfølgingsbrev – {name}.docx" for name in (first, second))
        for name in (first, second):
            letter = Document(io.BytesIO(zf.read(f"Oppfølgingsbrev – {name}.docx")))
            assert f"Kjære {name}" in "\n".join(p.text for p in letter.paragraphs)


def test_log_meeting_make_letter_and_download(page, tmp_path):
    login(page, "lokallag")
    first, second = _log_meeting(page, asks="Ikke utvid skjenketiden\nFlere kontroller")
    assert first != second

    page.get_by_role("button", name="Lag oppfølgingsbrev").click()
    download_button = page.get_by_role("button", name="Last ned brevet (.docx)")
    download_button.wait_for()
    got = download(page, download_button)
    path = tmp_path / "brev.docx"
    got.save_as(path)
    assert got.suggested_filename.endswith(".docx")

    text = "\n".join(p.text for p in Document(io.BytesIO(path.read_bytes())).paragraphs)
    assert format_date(dt.date.today()) in text  # the meeting was logged for today
    assert f"møte {format_date(dt.date.today())}" in text
    assert first in text and second in text
    page.screenshot(path=str(tmp_path / "moter.png"))
