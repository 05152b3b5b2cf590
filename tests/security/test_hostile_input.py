"""Hostile input: script in names and notes stays text on every page; hostile spreadsheets are
refused with a clear message and change nothing; exports and templates take the one safe path."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import io
import json
import re
import textwrap
import zipfile
from pathlib import Path

import pytest

from advocacy import permissions
from advocacy.accounts import accounts
from advocacy.accounts.user import User
from advocacy.db import ROOT, connect
from advocacy.errors import ValidationError
from advocacy.events import events
from advocacy.io import exports, imports
from advocacy.meetings import meetings
from advocacy.politicians import politician_import, politicians
from advocacy.statements import statements
from advocacy.ui import live_count, session_cookie, text_limit
from advocacy.ui.safe_text import md
from tests.conftest import politician
from tests.ui.conftest import login, page_file

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert('x')</script>"
ADVOCACY = ROOT / "advocacy"


def snapshot(db) -> dict[str, str]:
    tables = [r[0] for r in db.execute("select name from sqlite_master where type = 'table' "
                                       "and name not like 'sqlite_%'")]
    return {t: hashlib.sha256(repr(db.execute(f"select * from [{t}]").fetchall())  # noqa: S608
                              .encode()).hexdigest() for t in tables}


# --- Pages: user text is never HTML ---


def _seed_hostile(db_path: Path) -> dict:
    db = connect(db_path)
    uid = db.execute("select id from users where username = 'lokallag'").fetchone()[0]
    member = accounts.get_user(db, uid)
    leader = accounts.get_user(db, db.execute(
        "select id from users where username = 'leder'").fetchone()[0])
    pid = politicians.create_politician(db, member, {
        "name": IMG, "kommune": "3301", "party": "Ap", "notes": f"{SCRIPT} [lenke](javascript:x)"})
    mid = meetings.create_meeting(db, member, meetings.MeetingInput(
        held_on=dt.date.today(), kind="mote", chapter_id=None, kommunenummer="3301",
        politician_ids=[pid], summary=f"{SCRIPT} {IMG}", asks=f"- {IMG}", topics=SCRIPT))
    events.create_event(db, leader, kind="stand", title=IMG, place=SCRIPT,
                        starts_at=dt.datetime.combine(dt.date.today(), dt.time(12)))
    sid = statements.create_statement(db, leader, {"title": SCRIPT, "position": IMG,
                                                   "contact": SCRIPT})
    statements.set_status(db, leader, sid, "til_behandling")
    statements.adopt(db, leader, sid, IMG, dt.date.today())
    db.close()
    return {"politiker": pid, "mote": mid, "uttalelse": sid, "kommune": "3301"}


def _squeeze(text: str) -> str:
    return " ".join(text.split())


# The app's own constant scripts (no user data in them) may be on a page; nothing else may.
_FIXED_SCRIPTS = {_squeeze(s) for s in (live_count._SCRIPT, text_limit._SCRIPT)}
_SCRIPT_BLOCK = re.compile(r"<script>.*?</script>", re.S | re.I)


def _own_scripts(at) -> set[str]:
    """The constant scripts, and the one that writes this tab's own session cookie (a token the
    server made, never user text)."""
    token = at.session_state["session_token"] if "session_token" in at.session_state else None
    if not token:
        return _FIXED_SCRIPTS
    return _FIXED_SCRIPTS | {_squeeze(session_cookie.cookie_html(json.dumps(token), ""))}


def _check_page(at, where) -> None:
    assert not at.exception, (where, at.exception)
    for element in at.get("markdown") + at.get("caption"):
        assert not element.proto.allow_html, (where, element.value)
    own = _own_scripts(at)
    for element in at.get("html"):
        body = element.value
        body = _SCRIPT_BLOCK.sub(lambda m: "" if _squeeze(m.group(0)) in own else m.group(0),
                                 body)
        assert "<script" not in body.lower(), (where, body[:300])
        assert not re.search(r"<[^>]*\sonerror\s*=", body, re.I), (where, body[:300])


def test_script_in_names_notes_and_titles_is_text_on_every_page(app, db_path):
    links = _seed_hostile(db_path)
    login(app, "leder")
    for key in permissions.pages(User(0, "leder", "leder", "leder")):
        app.switch_page(page_file(key))
        app.run()
        _check_page(app, key)
    for page, param in (("politikere", "politiker"), ("moter", "mote"),
                        ("uttalelser", "uttalelse"), ("kommuner", "kommune")):
        app.query_params[param] = str(links[param])
        app.switch_page(page_file(page))
        app.run()
        _check_page(app, f"{page}?{param}")
        shown = "\n".join(e.value for e in app.get("markdown") + app.get("subheader")
                          + app.get("caption"))
        if page in ("politikere", "moter"):
            assert md(IMG) in shown, page  # shown, as escaped text
        app.query_params.clear()


def test_the_month_calendar_escapes_titles(app, db_path):
    _seed_hostile(db_path)
    login(app, "leder")
    app.switch_page(page_file("kalender"))
    app.run()
    bodies = "\n".join(e.value for e in app.get("html"))
    assert "&lt;img src=x onerror=alert(1)&gt;" in bodies
    _check_page(app, "kalender")


RAW_HTML_BUILDERS = {"to_html", "preview_html", "month_html", "cached_month_html", "count_html",
                     "cookie_html"}
RAW_HTML_CALLS = {"st.html", "streamlit.html", "components.html", "st.components.v1.html"}


def raw_html_calls(source: str) -> list[tuple[int, str, bool]]:
    """Every call that renders raw HTML in `source`, found in its syntax tree (so a call over
    several lines counts as one): (line, the call, whether its HTML comes from an escaping
    builder) — `unsafe_allow_html=True` on any call counts as raw HTML never built safely."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        unsafe = any(k.arg == "unsafe_allow_html" for k in node.keywords)
        if ast.unparse(node.func) in RAW_HTML_CALLS or unsafe:
            arg = node.args[0] if node.args else None
            func = arg.func if isinstance(arg, ast.Call) else None
            name = func and ast.unparse(func).split(".")[-1].lstrip("_")
            found.append((node.lineno, ast.unparse(node), not unsafe and name in RAW_HTML_BUILDERS))
    return found


def test_the_raw_html_check_reads_calls_over_several_lines():
    sample = textwrap.dedent("""\
        st.html(
            f"<b>{name}</b>"
        )
        st.html(
            month_html(year, month),
        )
        st.markdown(
            text,
            unsafe_allow_html=True,
        )
        st.markdown(texts.TITLE)
    """)
    assert raw_html_calls(sample) == [
        (1, "st.html(f'<b>{name}</b>')", False),
        (4, "st.html(month_html(year, month))", True),
        (7, "st.markdown(text, unsafe_allow_html=True)", False),
    ]


def test_no_page_passes_user_text_as_raw_html():
    """unsafe_allow_html is used nowhere; st.html only with HTML built by an escaping function."""
    calls = 0
    for path in sorted((ADVOCACY / "ui").rglob("*.py")) + [ROOT / "app.py"]:
        source = path.read_text()
        assert "unsafe_allow_html" not in source, path
        for line, call, built_safely in raw_html_calls(source):
            calls += 1
            assert built_safely, (path, line, call)
    assert calls >= 8


# --- Exports: one formula-safe path ---


def test_every_spreadsheet_export_goes_through_exports():
    pattern = re.compile(r"csv\.writer|\.to_csv\(|\.to_excel\(|Workbook\(|xlsxwriter|DictWriter")
    offenders = []
    for path in ADVOCACY.rglob("*.py"):
        if path.name == "exports.py":
            continue
        for line in path.read_text().splitlines():
            if pattern.search(line) and "exports." not in line:
                offenders.append(f"{path.relative_to(ROOT)}: {line.strip()}")
    assert offenders == []


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\",\"klikk\")", "+1+1", "-2+3",
                                   "@SUM(A1)", "\t=1", "\r=1"])
def test_exports_neutralise_formulas(value):
    from openpyxl import load_workbook

    columns = {"name": "Navn"}
    assert exports.to_csv([{"name": value}], columns).decode("utf-8-sig").splitlines()[1] \
        .strip('"').startswith("'")
    sheet = load_workbook(io.BytesIO(exports.to_excel([{"name": value}], columns))).active
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == "'" + value


# --- Uploads: hostile spreadsheets are refused and change nothing ---


def _import(db, leader, filename, data):
    return politician_import.import_file(db, leader, filename, data)


def _xlsx(rows) -> bytes:
    return exports.to_excel(rows, {"navn": "navn", "kommune": "kommune", "parti": "parti"})


def _rezip(data: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(
            out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info)))
        extra = change(None, b"")
        if extra:
            for name, content in extra:
                target.writestr(name, content)
    return out.getvalue()


GOOD_XLSX = [{"navn": "Kari Test", "kommune": "3301", "parti": "Ap"}]


def _zip_bomb() -> bytes:
    return _rezip(_xlsx(GOOD_XLSX), lambda name, data: [("xl/media/bomb.bin", b"\0" * 20_000_000)]
                  if name is None else data)


def _many_parts() -> bytes:
    return _rezip(_xlsx(GOOD_XLSX), lambda name, data: [(f"xl/media/p{i}.bin", b"x")
                                                          for i in range(600)]
                  if name is None else data)


def _with_dtd() -> bytes:
    def change(name, data):
        if name == "xl/worksheets/sheet1.xml":
            dtd = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>'
            return data.replace(b"?>", b"?>" + dtd, 1) if data.startswith(b"<?xml") \
                else dtd + data
        return None if name is None else data
    return _rezip(_xlsx(GOOD_XLSX), change)


def _with_macro() -> bytes:
    return _rezip(_xlsx(GOOD_XLSX), lambda name, data: [("xl/vbaProject.bin", b"macro")]
                  if name is None else data)


HOSTILE_FILES = [
    ("lang.csv", ("navn;kommune\n" + "A" * 100_000 + ";3301\n").encode(),
     "rad 2, kolonne «navn»: cellen har 100000 tegn"),
    ("enorm.csv", ("navn;kommune\n" + "A" * 200_000 + ";3301\n").encode(),
     "kan ikke leses som CSV"),
    ("nul.csv", b"navn;kommune\nKari\x00Test;3301\n", "NUL-tegn"),
    ("utf16.csv", "navn;kommune\nKåre;3301\n".encode("utf-16"), "NUL-tegn"),
    ("bombe.xlsx", None, "zip-bombe"),
    ("deler.xlsx", None, "uvanlig mange deler"),
    ("dtd.xlsx", None, "DTD"),
    ("makro.xlsx", None, "makroer"),
    ("ikke.xlsx", b"PK\x03\x04 dette er ikke en zip", "ikke en gyldig Excel-fil"),
    ("bilde.png", b"\x89PNG\r\n", "bare CSV- og Excel-filer"),
]
BUILDERS = {"bombe.xlsx": _zip_bomb, "deler.xlsx": _many_parts, "dtd.xlsx": _with_dtd,
            "makro.xlsx": _with_macro}


@pytest.fixture
def registry(people):
    """`people` with two politicians made from literal rows."""
    politician(people.db, people.leader, "Anne Ås", "3301")
    politician(people.db, people.leader, "Bjørn Berg", "4601")
    return people


def politician_rows(db) -> list:
    return db.execute("select name, kommunenummer, notes from politicians order by id").fetchall()


@pytest.mark.parametrize(("filename", "data", "message"), HOSTILE_FILES,
                         ids=[f[0] for f in HOSTILE_FILES])
def test_hostile_spreadsheets_are_refused_and_change_nothing(registry, filename, data, message):
    data = data if data is not None else BUILDERS[filename]()
    before = snapshot(registry.db)
    with pytest.raises(ValidationError, match=re.escape(message)) as refused:
        _import(registry.db, registry.leader, filename, data)
    assert refused.value.message.startswith(filename)  # names the file
    assert snapshot(registry.db) == before
    assert politician_rows(registry.db) == [("Anne Ås", "3301", None), ("Bjørn Berg", "4601", None)]


def test_a_good_xlsx_still_imports(registry):
    _, counts = _import(registry.db, registry.leader, "ok.xlsx", _xlsx(GOOD_XLSX))
    assert counts["imported"] == 1
    assert politician_rows(registry.db) == [("Anne Ås", "3301", None), ("Bjørn Berg", "4601", None),
                                            ("Kari Test", "3301", None)]


def test_formula_and_html_cells_are_stored_as_plain_text_and_exported_inert(registry):
    rows = "navn;kommune;notater\n=HYPERLINK(\"http://x\");3301;<b>fet</b>\n"
    _, counts = _import(registry.db, registry.leader, "formler.csv", rows.encode("utf-8"))
    assert counts["imported"] == 1
    row = registry.db.execute("select name, notes from politicians where name like '=HYPER%'"
                              ).fetchone()
    assert row == ('=HYPERLINK("http://x")', "<b>fet</b>")
    exported = exports.to_csv([{"name": row[0]}], {"name": "Navn"}).decode("utf-8-sig")
    assert "'=HYPERLINK" in exported


def test_windows_1252_file_is_read_correctly():
    table = imports.read_table("excel.csv", "navn;kommune\nKåre Ødegård;Bø\n".encode("cp1252"))
    assert table.rows == [{"navn": "Kåre Ødegård", "kommune": "Bø"}]


# --- Templates: one sandboxed renderer, one guard ---


def test_only_the_documents_package_touches_docxtpl_or_jinja():
    for path in ADVOCACY.rglob("*.py"):
        if "documents" in path.relative_to(ADVOCACY).parts:
            continue
        source = path.read_text()
        assert not re.search(r"\bdocxtpl\b|\bjinja2\b|DocxTemplate", source), path


def test_every_upload_widget_feeds_a_guarded_reader():
    guarded = ("imports.read_table", "recipients_from_file", "template_library.check_upload",
               "preview_import(", "meeting_replies.check_reply(")
    for path in (ADVOCACY / "ui").rglob("*.py"):
        source = path.read_text()
        if "file_uploader(" in source:
            assert any(g in source for g in guarded), path


def test_a_template_reaching_for_python_internals_is_refused(registry):
    from advocacy.documents import BUNDLED
    from advocacy.errors import AdvocacyError
    from advocacy.letters import template_library

    original = BUNDLED["oppfolgingsbrev"].path.read_bytes()

    def change(name, data):
        if name == "word/document.xml":
            return data.replace(b"{{ mottaker_navn }}",
                                b"{{ mottaker_navn.__class__.__mro__[1].__subclasses__() }}", 1)
        return None if name is None else data

    hostile = _rezip(original, change)
    assert b"__subclasses__" in zipfile.ZipFile(io.BytesIO(hostile)).read("word/document.xml")
    before = snapshot(registry.db)
    with pytest.raises(AdvocacyError):
        template_library.sample_fill("ond.docx", hostile)
    with pytest.raises(AdvocacyError):
        template_library.save_uploaded(registry.db, registry.leader, "Ond", "annet", "ond.docx",
                                       hostile)
    assert snapshot(registry.db) == before
    assert registry.db.execute("select count(*) from templates").fetchone()[0] == 0


def test_page_code_never_opens_or_closes_a_connection_itself():
    """Pages and app.py use context.db() (one connection per thread, opened on first use):
    a connection opened or closed by a page is the closed-connection bug of fragments,
    callbacks and downloads made on click, back again."""
    offenders = []
    for path in [ROOT / "app.py", *sorted((ADVOCACY / "ui").rglob("*.py"))]:
        text = path.read_text()
        for pattern in (r"\bconnect\(", r"\bdb\.close\(", r"open_database\("):
            if re.search(pattern, text):
                offenders.append(f"{path.name}: {pattern}")
    assert offenders == []


def test_no_date_field_silently_replaces_a_typed_date():
    """st.date_input clamps a typed date to its range without a word (by default ten years
    either side of the start value): every date field takes the wide range of ui/dates.py and
    leaves what is allowed to the domain, which says so next to the field."""
    import ast

    offenders = []
    for path in sorted((ADVOCACY / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "date_input"
                    and "dates.OPEN_RANGE" not in ast.unparse(node)):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
