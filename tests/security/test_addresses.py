"""Record ids in the address (`?mote=`, `?politiker=`, `?uttalelse=`, `?innlegg=`, `?kommune=`):
whatever the value, the page shows the record or «fant ikke», never an error box; a record of
another chapter reads exactly like one that does not exist, and nothing is written."""

from __future__ import annotations

import pytest

from advocacy import addresses, texts
from advocacy.accounts import accounts
from advocacy.db import connect
from advocacy.demo import demo
from advocacy.writing import reader_letters
from tests.security.test_hostile_input import snapshot
from tests.ui.conftest import login, open_tab, page_file

HOSTILE_IDS = [
    "²", "٣", "１２", "1" * 30, "9" * 5000, str(2**63), "-1", "-0", "0", "000", "", " 12",
    "12 ", "12\n", "+12", "1e3", "0x1F", "12abc", "abc", "None", "[1]", "'; drop table x;--",
    "<img src=x onerror=alert(1)>", "![x](http://127.0.0.1:9/x.png)", "999999999",
]
HOSTILE_CODES = ["²", "٣٠١", "301", "03011", "-301", "0000", "9999", "", "0301 ", "abcd",
                 "![x](http://127.0.0.1:9/x.png)"]
REPEATED = ["1", "2"]

# page, tab (None: the page itself), address parameter
PAGES = [("moter", None, "mote"), ("politikere", None, "politiker"),
         ("uttalelser", None, "uttalelse"), ("brev", None, "innlegg"),
         ("kommuner", None, "kommune")]


def test_an_id_is_ascii_digits_within_sqlite_range_and_nothing_else():
    assert addresses.record_id("12") == 12
    assert addresses.record_id("007") == 7
    assert addresses.record_id(str(2**63 - 1)) == 2**63 - 1
    for value in HOSTILE_IDS[:-1] + [None, 12, b"12", ["12"]]:
        assert addresses.record_id(value) is None, value
    assert addresses.municipality_code("0301") == "0301"
    for value in HOSTILE_CODES[:5] + HOSTILE_CODES[7:] + [None, 301]:
        assert addresses.municipality_code(value) is None, value


def _other_chapter(db_path) -> dict[str, str]:
    """Records of IOGT Bergen that the Drammen chapter member («lokallag») may not see."""
    db = connect(db_path)
    bergen = accounts.authenticate(db, "lokallag.bergen", demo.DEMO_PASSWORD)
    letter = reader_letters.new_letter(db, bergen, title="Bergens utkast", text="Hemmelig")
    meeting = db.execute("select id from meetings where chapter_id = ? limit 1",
                         [bergen.chapter_id]).fetchone()[0]
    statement = db.execute("select id from statements where chapter_id = ? and status = 'utkast'"
                           " limit 1", [bergen.chapter_id]).fetchone()[0]
    db.close()
    return {"mote": str(meeting), "uttalelse": str(statement), "innlegg": str(letter)}


def _open(app, page, tab, param, value):
    app.query_params.clear()
    app.query_params[param] = value
    app.switch_page(page_file(page))
    app.run()
    if tab:
        open_tab(app, tab)
    return app


def _warnings(app) -> list[str]:
    return [w.value for w in app.warning]


def _assert_not_found(app, param, where):
    assert not app.exception, (where, app.exception)
    assert texts.ADDRESS_NOT_FOUND[param] in _warnings(app), (where, _warnings(app),
                                                              [e.value for e in app.error])
    assert param not in app.query_params, where  # the bad link is dropped from the address


@pytest.mark.parametrize(("page", "tab", "param"), PAGES, ids=[p[2] for p in PAGES])
def test_every_hostile_value_gives_fant_ikke_and_writes_nothing(app, db_path, page, tab, param):
    login(app, "leder")
    before = snapshot(connect(db_path))
    values = HOSTILE_CODES if param == "kommune" else HOSTILE_IDS
    for value in [*values, REPEATED]:
        _open(app, page, tab, param, value)
        _assert_not_found(app, param, f"{page}?{param}={str(value)[:40]!r}")
    after = snapshot(connect(db_path))
    changed = {t for t in before if before[t] != after[t]} - {"login_sessions", "audit_log"}
    assert changed == set()


@pytest.mark.parametrize(("page", "tab", "param"), [p for p in PAGES if p[2] in
                                                     ("mote", "uttalelse", "innlegg")],
                         ids=["mote", "uttalelse", "innlegg"])
def test_another_chapters_record_reads_exactly_like_a_missing_one(app, db_path, page, tab,
                                                                   param):
    theirs = _other_chapter(db_path)[param]
    login(app, "lokallag")
    _open(app, page, tab, param, theirs)
    _assert_not_found(app, param, "another chapter's")
    shown_for_theirs = (_warnings(app), [e.value for e in app.error])
    _open(app, page, tab, param, "987654321")
    _assert_not_found(app, param, "missing")
    assert (_warnings(app), [e.value for e in app.error]) == shown_for_theirs
    text = "\n".join(e.value for e in [*app.markdown, *app.header, *app.subheader])
    assert "Bergens utkast" not in text and "Alkoholfrie arenaer" not in text


def test_a_good_link_still_opens_its_record(app, db_path):
    db = connect(db_path)
    sid = db.execute("select id, title from statements where status = 'vedtatt'").fetchone()
    mid = db.execute("select id from meetings order by id limit 1").fetchone()[0]
    db.close()
    login(app, "leder")
    _open(app, "uttalelser", None, "uttalelse", str(sid[0]))
    assert not app.exception
    assert app.selectbox(key="stmt_pick").value == sid[0]
    assert texts.ADDRESS_NOT_FOUND["uttalelse"] not in _warnings(app)
    _open(app, "moter", None, "mote", str(mid))
    assert not app.exception
    assert app.selectbox(key="moter_open").value == mid
    _open(app, "kommuner", None, "kommune", "0301")
    assert not app.exception
    assert app.selectbox(key="kommune_profile").value == "0301"
    assert _warnings(app) == []
