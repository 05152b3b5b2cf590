"""Confirm dialogs in the browser: «Avbryt» changes nothing, confirming acts and «Angre» undoes
it; «Registrer svar» keeps the answer and its file; adopting a statement whose draft names a
2021 meeting puts that date in the adopted .docx. Effects are checked in the server's database."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from advocacy.accounts import accounts
from advocacy.db import connect
from advocacy.demo import demo
from advocacy.meetings import followups, meetings
from advocacy.meetings.meetings import MeetingInput
from advocacy.statements import statement_sending, statements
from tests.e2e.conftest import login, open_page, wait_idle

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def server_db(page, server_db_path):
    """The server's database, once the server made it (the first page load does)."""
    page.get_by_label("Brukernavn").wait_for()
    db = connect(server_db_path, create=False)
    yield db
    db.close()


def _user(db, username):
    return accounts.authenticate(db, username, demo.DEMO_PASSWORD)


def _dialog(page):
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    return dialog


def _first_open_followup(db) -> int:
    return followups.open_followups(db, _user(db, "lokallag"), limit=1)[0]["id"]


def _done_on(db, meeting_id):
    return db.execute("select followup_done_on from meetings where id = ?",
                      [meeting_id]).fetchone()[0]


def _followups(page):
    login(page, "lokallag")
    open_page(page, "Møter")
    page.get_by_text("Oppfølging", exact=True).click()
    page.get_by_role("button", name="Marker som gjort").wait_for()
    wait_idle(page)


def test_cancel_in_the_mark_done_dialog_changes_nothing(page, server_db):
    _followups(page)
    chosen = _first_open_followup(server_db)
    page.get_by_role("button", name="Marker som gjort").click()
    dialog = _dialog(page)
    dialog.get_by_text("Marker oppfølgingen av møtet").wait_for()
    dialog.get_by_role("button", name="Avbryt").click()
    dialog.wait_for(state="detached")
    wait_idle(page)
    assert _done_on(server_db, chosen) is None
    assert _first_open_followup(server_db) == chosen


def test_mark_done_confirmed_then_undone(page, server_db):
    _followups(page)
    chosen = _first_open_followup(server_db)
    page.get_by_role("button", name="Marker som gjort").click()
    _dialog(page).get_by_role("button", name="Marker som gjort").click()
    page.get_by_text("Oppfølgingen er markert som gjort.").wait_for()
    assert _done_on(server_db, chosen) == dt.date.today().isoformat()
    wait_idle(page)
    page.get_by_role("button", name="Angre").click()
    page.get_by_text("Angret.").wait_for()
    assert _done_on(server_db, chosen) is None


def _open_new_meeting(page, db, summary: str, nth: int) -> int:
    """A meeting logged two days ago with the `nth` politician in Drammen (so its label in the
    list is its own), opened in Møter (the newest in the list)."""
    member = _user(db, "lokallag")
    pid = db.execute("select id from politicians where kommunenummer = '3301' order by id"
                     " limit 1 offset ?", [nth]).fetchone()[0]
    held = dt.date.today() - dt.timedelta(days=2)
    mid = meetings.create_meeting(db, member, MeetingInput(
        held_on=held, kind="mote", chapter_id=None, kommunenummer="3301",
        politician_ids=[pid], summary=summary))
    login(page, "lokallag")
    open_page(page, "Møter")
    wait_idle(page)
    page.get_by_role("combobox", name="Åpne møte").click()
    page.get_by_role("option").first.click()
    page.get_by_text(f"Sammendrag: {summary}").wait_for()
    wait_idle(page)
    return mid


def test_register_reply_with_summary_and_file_and_download_it(page, server_db, tmp_path):
    mid = _open_new_meeting(page, server_db, "Møte om svar med fil.", 2)
    page.get_by_text("Registrer svar fra politikeren").click()
    page.get_by_label("Hva svarte politikeren?").fill("Ordføreren vil ikke utvide skjenketiden.")
    answer = tmp_path / "svar fra ordfører.pdf"
    answer.write_bytes(PDF)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(answer)
    page.get_by_text("dfører.pdf").wait_for()  # the uploader shortens long names
    wait_idle(page)
    page.get_by_role("button", name="Registrer svar").click()
    _dialog(page).get_by_role("button", name="Registrer svar").click()
    page.get_by_text("Svaret er registrert.").wait_for()
    row = server_db.execute("select reply_received_on, reply_summary, reply_filename, reply_file"
                            " from meetings where id = ?", [mid]).fetchone()
    assert row == (dt.date.today().isoformat(), "Ordføreren vil ikke utvide skjenketiden.",
                   "svar fra ordfører.pdf", PDF)
    page.get_by_text("Ordføreren vil ikke utvide skjenketiden.").wait_for()
    wait_idle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Last ned svaret").click()
    assert info.value.suggested_filename == "svar fra ordfører.pdf"
    with open(info.value.path(), "rb") as f:
        assert f.read() == PDF


def test_a_refused_file_is_explained_and_nothing_is_saved(page, server_db, tmp_path):
    mid = _open_new_meeting(page, server_db, "Møte om en feil fil.", 3)
    page.get_by_text("Registrer svar fra politikeren").click()
    page.get_by_label("Hva svarte politikeren?").fill("Svar.")
    fake = tmp_path / "svar.pdf"
    fake.write_bytes(b"MZ this is not a pdf")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(fake)
    page.get_by_text("svar.pdf").wait_for()
    wait_idle(page)
    page.get_by_role("button", name="Registrer svar").click()
    page.get_by_text("Filen er ikke en PDF").wait_for()
    assert page.get_by_role("dialog").count() == 0  # refused before it asks
    assert server_db.execute("select reply_received_on, reply_file from meetings where id = ?",
                             [mid]).fetchone() == (None, None)


def _statement_in_review(db, title: str) -> int:
    leader = _user(db, "leder")
    sid = statements.create_statement(db, leader, {
        "title": title, "position": "Vi sier nei til lengre skjenketid.",
        "grounds": "Sene skjenketider gir mer vold.", "adopted_by": "LO i Oslos styremøte",
        "meeting_date": "2021-06-14"})
    statements.set_status(db, leader, sid, "til_behandling")
    return sid


def _open_statement(page, title: str) -> None:
    login(page, "leder")
    open_page(page, "Uttalelser")
    wait_idle(page)
    page.get_by_role("combobox", name="Vis uttalelse").click()
    page.get_by_role("option", name=f"{title} (v1)").click()
    page.get_by_role("heading", name=title).wait_for()
    wait_idle(page)


def test_adopting_a_2021_draft_puts_its_meeting_date_in_the_docx(page, server_db):
    title = "Nei til skjenking etter klokka 02 (2021)"
    sid = _statement_in_review(server_db, title)
    _open_statement(page, title)
    date = page.locator('[data-testid="stDateInput"]').filter(has_text="Vedtaksdato")
    assert date.locator("input").input_value() == "2021-06-14"  # the draft's meeting date
    page.get_by_role("button", name="Registrer vedtak").click()
    dialog = _dialog(page)
    dialog.get_by_text("vedtok uttalelsen 14. juni 2021").wait_for()
    dialog.get_by_role("button", name="Vedta").click()
    page.get_by_text("Den vedtatte uttalelsen er lagret som Word-fil.").wait_for()
    assert statements.get_row(server_db, sid)["adopted_on"] == "2021-06-14"
    download = page.get_by_role("button", name="Last ned vedtatt versjon (.docx)")
    download.wait_for()
    wait_idle(page)
    with page.expect_download() as info:
        download.click()
    with open(info.value.path(), "rb") as f:
        paragraphs = [p.text for p in Document(io.BytesIO(f.read())).paragraphs]
    assert "LO i Oslos styremøte 14. juni 2021:" in paragraphs


def test_withdrawing_a_statement_asks_and_can_be_undone(page, server_db):
    title = "Uttalelse som trekkes og settes tilbake"
    sid = _statement_in_review(server_db, title)
    _open_statement(page, title)
    page.get_by_role("button", name="Trekk uttalelsen").click()
    dialog = _dialog(page)
    dialog.get_by_role("button", name="Avbryt").click()
    dialog.wait_for(state="detached")
    wait_idle(page)
    assert statements.get_row(server_db, sid)["status"] == "til_behandling"
    page.get_by_role("button", name="Trekk uttalelsen").click()
    _dialog(page).get_by_role("button", name="Trekk uttalelsen").click()
    page.get_by_text("Uttalelsen er trukket.", exact=True).wait_for()
    assert statements.get_row(server_db, sid)["status"] == "trukket"
    wait_idle(page)
    page.get_by_role("button", name="Angre").click()
    page.get_by_text("Angret.").wait_for()
    assert statements.get_row(server_db, sid)["status"] == "til_behandling"


def test_a_follow_up_letter_marked_sent_closes_the_follow_up(page, server_db):
    mid = _open_new_meeting(page, server_db, "Møte med brev som sendes.", 4)
    page.get_by_role("button", name="Lag oppfølgingsbrev").click()
    send = page.get_by_role("button", name="Marker som sendt")
    send.wait_for()
    wait_idle(page)
    send.click()
    dialog = _dialog(page)
    dialog.get_by_role("button", name="Avbryt").click()
    dialog.wait_for(state="detached")
    wait_idle(page)
    assert _done_on(server_db, mid) is None
    page.get_by_role("button", name="Marker som sendt").click()
    _dialog(page).get_by_role("button", name="Marker som sendt").click()
    page.get_by_text("Brevet er markert som sendt, og oppfølgingen er gjort.").wait_for()
    assert _done_on(server_db, mid) == dt.date.today().isoformat()
    assert server_db.execute("select status, docx is not null from documents where meeting_id = ?",
                             [mid]).fetchone() == ("sendt", 1)
    assert page.get_by_role("button", name="Angre").count() == 0  # sent is final


def test_a_statements_response_is_registered_after_confirming_and_can_be_undone(page, server_db):
    title = "Uttalelse som har fått svar"
    sid = _statement_in_review(server_db, title)
    leader = _user(server_db, "leder")
    statements.adopt(server_db, leader, sid, "LO i Oslos styremøte", "2021-06-14")
    statement_sending.send(server_db, leader, sid, [("annet", "Bystyret")], "2021-06-15")
    _open_statement(page, title)
    page.get_by_label("Hvem svarte").fill("Ordføreren")
    page.get_by_label("Sammendrag av svaret").fill("Takker for uttalelsen.")
    wait_idle(page)
    page.get_by_role("button", name="Registrer svar").click()
    dialog = _dialog(page)
    dialog.get_by_text("Registrere svaret fra Ordføreren").wait_for()
    dialog.get_by_role("button", name="Registrer svar").click()
    page.get_by_text("Svaret er registrert.").wait_for()
    count = "select count(*) from statement_responses where statement_id = ?"
    assert server_db.execute(count, [sid]).fetchone()[0] == 1
    wait_idle(page)
    page.get_by_role("button", name="Angre").click()
    page.get_by_text("Angret.").wait_for()
    assert server_db.execute(count, [sid]).fetchone()[0] == 0
