"""Møter at national scale (the benchmark dataset: 50 000 meetings, 357 municipalities) in a
real browser: the count, a search, a municipality filter on top of it, the next page and a
sort order, each answered with what the database holds."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from advocacy import texts
from advocacy.db import connect
from tests.e2e.conftest import (
    ROOT,
    ServerLog,
    browser_tab,
    choose,
    login,
    open_page,
    serve,
    session_cookie,
    wait_idle,
)


@pytest.fixture(scope="module")
def national_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("national") / "national.db"
    subprocess.run([sys.executable, "benchmarks/make_dataset.py", "--out", str(path),
                    "--scale", "1.0"], cwd=ROOT, check=True, capture_output=True)
    return path


@pytest.fixture(scope="module")
def national_log(tmp_path_factory) -> ServerLog:
    return ServerLog(tmp_path_factory.mktemp("national-log") / "streamlit.log")


@pytest.fixture(scope="module")
def national_server(national_db, national_log):
    with serve(national_db, national_log, demo=False) as url:
        yield url


@pytest.fixture
def national_page(browser, national_server):
    with browser_tab(browser, national_server) as page:
        yield page


def _count(db_path, sql, params=()):
    db = connect(db_path)
    try:
        return db.execute(sql, params).fetchone()[0]
    finally:
        db.close()


def _found(first, last, total):
    n = texts.format_number
    return f"{n(first)}–{n(last)} av {n(total)} møter"


def test_search_filter_page_and_sort_meetings_at_national_scale(national_page, national_db):
    page = national_page
    total = _count(national_db, "select count(*) from meetings")
    assert total >= 50_000
    login(page, "bruker001", "benchmark-passord")
    session_cookie(page.context)
    open_page(page, "Møter")
    expect(page.get_by_text(_found(1, 50, total), exact=True)).to_be_visible()

    # A number from the summaries («… nr. 4217»): the words are searched as prefixes.
    word = "4217"
    hits = _count(national_db, "select count(*) from meetings where summary like ?",
                  [f"%nr. {word}%"])
    assert 1 < hits < 50
    box = page.get_by_label("Søk i møtene")
    box.fill(word)
    box.press("Enter")
    wait_idle(page)
    expect(page.get_by_text(_found(1, hits, hits), exact=True)).to_be_visible()

    # The municipality of one of them narrows it further.
    knr, name = connect(national_db).execute(
        "select m.kommunenummer, m.navn from meetings mt join municipalities m "
        "using (kommunenummer) where mt.summary like ? limit 1", [f"%nr. {word}"]).fetchone()
    both = _count(national_db, "select count(*) from meetings where summary like ? "
                               "and kommunenummer = ?", [f"%nr. {word}%", knr])
    choose(page, "Kommune", re.compile(rf"^{re.escape(name)}"), typed=name)
    expect(page.get_by_text(_found(1, both, both), exact=True)).to_be_visible()

    # Clearing the search keeps the municipality; the next page goes on from 51.
    box.fill("")
    box.press("Enter")
    wait_idle(page)
    in_kommune = _count(national_db, "select count(*) from meetings where kommunenummer = ?",
                        [knr])
    expect(page.get_by_text(_found(1, min(50, in_kommune), in_kommune), exact=True)
           ).to_be_visible()
    if in_kommune > 50:
        page.get_by_role("button", name="Neste").click()
        wait_idle(page)
        expect(page.get_by_text(_found(51, min(100, in_kommune), in_kommune), exact=True)
               ).to_be_visible()

    # All municipalities again, sorted by name: the first rows are the first name A–Å.
    choose(page, "Kommune", "Alle kommuner", typed="Alle")
    choose(page, "Sorter etter", "Kommune")
    first = connect(national_db).execute(
        "select m.navn from meetings mt join municipalities m using (kommunenummer) "
        "order by m.navn limit 1").fetchone()[0]
    expect(page.get_by_text(_found(1, 50, total), exact=True)).to_be_visible()
    page.locator('[id^="glide-cell-"]', has_text=first).first.wait_for(state="attached")


def test_politicians_and_documents_are_found_at_national_scale(national_page, national_db):
    page = national_page
    login(page, "bruker001", "benchmark-passord")
    session_cookie(page.context)
    n = texts.format_number

    open_page(page, "Politikere")
    everyone = _count(national_db, "select count(*) from politicians")
    expect(page.get_by_text(f"1–50 av {n(everyone)} politikere", exact=True)).to_be_visible()
    name = _count(national_db, "select name from politicians order by id limit 1 offset 777")
    surname_hits = _count(national_db, "select count(*) from politicians_fts where "
                                       "politicians_fts match ?", [f'"{name.split()[-1]}"*'])
    box = page.get_by_label("Søk i navn, utvalg og notater")
    box.fill(name.split()[-1])
    box.press("Enter")
    wait_idle(page)
    shown = min(50, surname_hits)
    expect(page.get_by_text(f"1–{n(shown)} av {n(surname_hits)} politiker"
                            f"{'e' if surname_hits > 1 else ''}", exact=True)).to_be_visible()

    open_page(page, "Brev og innlegg")
    page.get_by_role("tab", name="Dokumenter").click()
    wait_idle(page)
    documents = _count(national_db, "select count(*) from documents")
    expect(page.get_by_text(f"1–50 av {n(documents)} dokumenter", exact=True)).to_be_visible()
    op_eds = _count(national_db, "select count(*) from documents where kind = 'kronikk'")
    choose(page, "Type", "Kronikk")
    expect(page.get_by_text(f"1–50 av {n(op_eds)} dokumenter", exact=True)).to_be_visible()
