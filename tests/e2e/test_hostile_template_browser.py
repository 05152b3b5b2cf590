"""A runaway template uploaded on the Maler page, in a real browser: refused in Norwegian
within the limit, nothing stored, another user keeps working meanwhile, and the next upload is
checked by a fresh worker."""

from __future__ import annotations

import io
import sqlite3
import time

from docx import Document

from tests.e2e.conftest import login, open_page, wait_idle

UPLOADER = '[data-testid="stFileUploader"] input[type="file"]'


def _template(path, *paragraphs: str):
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def _templates(db_path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("select id, name, sha256 from templates order by id").fetchall()


def test_a_runaway_template_is_refused_and_others_keep_working(
        page, browser, server, server_db_path, tmp_path):
    runaway = _template(
        tmp_path / "evig løkke.docx",
        "Kjære {{ mottaker_navn }}",
        "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}x"
        "{% endfor %}{% endfor %}{% endfor %}",
    )
    login(page, "leder")
    page.get_by_role("link", name="Maler").click()
    page.get_by_role("heading", name="Maler", exact=True).wait_for()
    before = _templates(server_db_path)
    started = time.monotonic()
    page.locator(UPLOADER).set_input_files(runaway)

    # Another volunteer opens a page while the check runs.
    other = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nb-NO")
    try:
        second = other.new_page()
        second.set_default_timeout(30_000)
        second.goto(server)
        login(second, "lokallag")
        open_page(second, "Møter")
        assert second.locator('[data-testid="stException"]').count() == 0
    finally:
        other.close()

    page.get_by_text("Malen bruker for mye tid/minne").first.wait_for(timeout=30_000)
    assert time.monotonic() - started < 25
    assert page.get_by_text("Traceback").count() == 0
    assert _templates(server_db_path) == before

    wait_idle(page)
    good = _template(tmp_path / "enkel mal.docx", "Kjære {{ mottaker_navn }}", "Hilsen oss")
    page.locator(UPLOADER).set_input_files(good)  # takes the place of the refused file
    page.get_by_text("enkel mal.docx er godkjent").wait_for()
