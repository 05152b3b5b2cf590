"""User text never renders as Markdown that fetches or links: the one escaping helper
(`advocacy/ui/safe_text.md`) neutralises every construct, every page passes user text through
it (a static check of page code), and hostile titles, names and notes stay text on the pages.
The browser half (no <img>, no <a href> in the page itself) is tests/e2e/test_user_markdown_browser.py."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import pytest

from advocacy.accounts import accounts
from advocacy.db import ROOT, connect
from advocacy.demo import demo
from advocacy.meetings import meetings
from advocacy.politicians import politicians
from advocacy.statements import statements
from advocacy.ui.safe_text import NO_BREAK_SPACE, WORD_JOINER, code, md
from advocacy.writing import argument_bank, newspapers, reader_letters
from tests.security.markdown_calls import unescaped_markdown
from tests.ui.conftest import login, open_tab, page_file

REMOTE = "http://127.0.0.1:9"
PAYLOADS = [
    f"![x]({REMOTE}/x.png)",
    f'<img src="{REMOTE}/y.png" onerror="alert(1)">',
    f"<IMG SRC={REMOTE}/y2.png>",
    f"[klikk]({REMOTE}/lenke)",
    f"[klikk]({REMOTE}/lenke \"tittel\")",
    f"<{REMOTE}/autolenke>",
    "<https://127.0.0.1:9/autolenke2>",
    f"se {REMOTE}/bar og https://127.0.0.1:9/bar2 og www.example.com/bar3 og WWW.EXAMPLE.COM",
    "ola.nordmann@example.com og <ola@example.com> og mailto:ola@example.com",
    f"![x][bilde]\n\n[bilde]: {REMOTE}/ref.png",
    f"[x][lenke]\n\n[lenke]: {REMOTE}/ref",
    f"tekst[^1]\n\n[^1]: {REMOTE}/fotnote",
    f"<a href='{REMOTE}/a'>a</a>",
    "<script>alert(1)</script><svg onload=alert(1)>",
    "<details open><summary>x</summary>y</details>",
    "&lt;img src=x&gt; &#60;b&#62; &amp;",
    ":material/home: :material/warning: :smile: :+1:",
    ":red[rødt] :blue-background[blått] :small[liten] :rainbow[regnbue]",
    "$x^2$ og $$\\frac{1}{2}$$ og \\(x\\) og $\\href{" + REMOTE + "/k}{k}$",
    "# Overskrift\n## Under\n> sitat\n- punkt\n+ punkt\n* punkt\n1. punkt\n2) punkt",
    "Tittel\n===\nUnder\n---\n***\n___",
    "```\nkode\n```\n~~~\nkode\n~~~\n    innrykk\n\tfane",
    "| a | b |\n|---|---|\n| c | d |",
    "**fet** __fet__ *kursiv* _kursiv_ ~~streket~~ `kode` ``kode``",
    "- [ ] oppgave\n- [x] gjort",
    "\\![x](http://127.0.0.1:9/escaped.png) \\\\ \\*",
    "javascript:alert(1) data:image/png;base64,AAAA file:///etc/passwd",
    "linje ett\r\nlinje to\rlinje tre\n\nnytt avsnitt",
]
# What an escaped payload must never hand to the renderer as it was typed.
RAW = ["![", "](", "<img", "<IMG", "<a ", "<script", "<svg", "<details", f"{REMOTE}",
       "https://", "www.", ":material/", ":red[", "$x", "\n#", "\n>", "\n-", "\n===", "```",
       "&lt;", "&#60;", "@example"]
# Patterns Streamlit's renderer matches on text *after* escapes are resolved (GFM autolink
# literals, e-mail autolinks, Streamlit's material icons, emoji shortcodes, directives).
AFTER_ESCAPES = [re.compile(r"(https?://|www(?=\.))", re.I),
                 re.compile(r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+"),
                 re.compile(r":material/[a-z0-9_]+:"), re.compile(r":[\w+-]+:"),
                 re.compile(r":[a-z][\w-]*\[")]
# Characters that open a construct anywhere in a line (the line-start ones are checked below).
SPECIAL = set("\\`*_[]<>~$|")


def _resolved(markdown: str) -> str:
    """The text CommonMark makes of an escaped string: backslash escapes resolved."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def _unescaped_specials(markdown: str) -> list[str]:
    found, i = [], 0
    while i < len(markdown):
        if markdown[i] == "\\":
            i += 2
            continue
        if markdown[i] in SPECIAL or re.match(r"&#?\w+;", markdown[i:]):
            found.append(markdown[i])
        i += 1
    return found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_helper_leaves_no_markdown_construct_and_keeps_the_text(payload):
    escaped = md(payload)
    assert _unescaped_specials(escaped) == []
    unescaped = re.sub(r"\\.", "\0", escaped)  # an escaped character is not what was typed
    for raw in RAW:
        assert raw not in unescaped, raw
    resolved = _resolved(escaped)
    for pattern in AFTER_ESCAPES:
        assert not pattern.search(resolved), (pattern.pattern, resolved)
    # What the reader sees is what was typed: only invisible joiners, no-break indentation
    # and hard line breaks are added.
    shown = resolved.replace(WORD_JOINER, "").replace("  \n", "\n").replace(NO_BREAK_SPACE, " ")
    typed = payload.replace("\r\n", "\n").replace("\r", "\n")
    typed = re.sub(r"(?m)^\t", "    ", typed)
    assert shown == typed


def test_no_line_of_an_escaped_text_starts_a_block():
    escaped = md("\n".join(PAYLOADS))
    for line in escaped.split("\n"):
        assert not re.match(r" {0,3}([#>*+=`~|-]|\d+[.)]|<|\t| {4})", line), line


def test_code_spans_hold_any_name_literally():
    assert code("avsender_navn") == "`avsender_navn`"
    assert code("a`b") == "``a`b``"
    assert code("`x`") == "`` `x` ``"
    assert "\n" not in code("to\nlinjer")


def test_none_and_numbers_are_shown_as_text():
    assert md(None) == ""
    assert md(12) == "12"
    assert md(dt.date(2026, 3, 1)) == "2026-03-01"


def test_ordinary_prose_comes_back_unchanged():
    for text in ("Fant ikke møtet.", "Tomt: 30 dager etter møtet (valgfritt).",
                 "Kari Nordmann (Ap, ordfører) – 12. mars 2026 kl. 14:05!",
                 "Filen er ikke en SQLite-database, eller den er skadet. 1. mai + 2 = 3"):
        assert md(text) == text


# --- Page code: every user text goes through md() ---------------------------------------------

PAGE_FILES = [*sorted((ROOT / "advocacy" / "ui").rglob("*.py")), ROOT / "app.py"]


def test_no_page_hands_unescaped_text_to_markdown():
    """Every st.markdown/write/caption/header/title/alert/toast, widget, tab and expander
    label, radio option and page_link label whose text is not all literals, texts constants
    or texts' number and date formatters goes through md() (tests/security/markdown_calls.py)."""
    assert unescaped_markdown(PAGE_FILES, ROOT) == []


def test_the_static_check_finds_what_bypasses_the_helper(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(textwrap.dedent("""
        import streamlit as st
        from advocacy import texts
        from advocacy.ui.safe_text import md

        def page(row, exc, names, left, tabs):
            st.markdown(f"**{row['title']}**")
            st.caption("Avis: " + row["newspaper"])
            left.header(row["title"], anchor=False)
            st.write("Hei", row["name"])
            st.error(exc.message)
            st.warning(texts.SEARCH_NO_HITS.format(query=row["q"]))
            with st.expander(f"Vis «{row['title']}»"):
                pass
            st.tabs([row["title"], "Andre"])
            st.radio("Velg", list(names), format_func=lambda i: names[i])
            st.page_link("advocacy/ui/pages/moter.py", label=row["title"])
            st.button(row["title"], help=row["notes"])
            tabs[0].subheader(" · ".join(n for n in names))
            title = row["title"]
            st.title(title)
            st.progress(0.5, text=row["title"])
    """))
    good = tmp_path / "good.py"
    good.write_text(textwrap.dedent("""
        import streamlit as st
        from advocacy import texts
        from advocacy.events import campaigns
        from advocacy.ui.safe_text import code, md

        LABELS = {"a": "Alle", "b": "Bare mine"}

        def page(row, exc, names, n):
            st.markdown(f"**{md(row['title'])}** · {texts.DOCUMENT_KINDS[row['kind']]}")
            st.caption(texts.LIST_PAGE.format(pages=texts.format_number(n)))
            st.error(md(exc.message))
            st.caption(" · ".join(md(x) for x in names) + f" {texts.format_date(row['d'])}")
            label = texts.CORRECT_RIGHT_VALUE
            st.text_input(label, help=code(row["field"]))
            st.radio("Velg", list(LABELS), format_func=LABELS.get)
            st.title(texts.PAGE_TITLES["moter"])
            st.text(row["body"])  # st.text is never Markdown
            campaigns.progress(row, n)  # the app's own function, not Streamlit's
    """))
    found = unescaped_markdown([bad, good], tmp_path)
    assert all(f.startswith("bad.py:") for f in found), found
    assert len(found) == 15, "\n".join(found)


# --- Pages: hostile titles, names and notes are shown escaped ----------------------------------

HOSTILE = f"![x]({REMOTE}/x.png) <img src={REMOTE}/y.png> [lenke]({REMOTE}/z) {REMOTE}/bar"
SHORT = f"![x]({REMOTE}/n.png) <img src={REMOTE}/m.png>"  # names have a length limit


def _seed(db_path) -> dict:
    db = connect(db_path)
    leader = accounts.authenticate(db, "leder", demo.DEMO_PASSWORD)
    member = accounts.authenticate(db, "lokallag", demo.DEMO_PASSWORD)
    pid = politicians.create_politician(db, member, {"name": f"Kari {SHORT}",
                                                     "kommune": "3301", "party": "Ap",
                                                     "notes": HOSTILE})
    mid = meetings.create_meeting(db, member, meetings.MeetingInput(
        held_on=dt.date.today(), kind="mote", chapter_id=None, kommunenummer="3301",
        politician_ids=[pid], summary=HOSTILE, topics=HOSTILE, promises=HOSTILE,
        outcome=HOSTILE, asks=f"- {HOSTILE}"))
    db.execute("update meetings set reply_received_on = ?, reply_summary = ?,"
               " reply_filename = ? where id = ?",
               [dt.date.today().isoformat(), HOSTILE, f"{HOSTILE}.pdf", mid])
    db.conn.commit()
    sid = statements.create_statement(db, member, {"title": HOSTILE, "position": HOSTILE,
                                                   "grounds": HOSTILE, "contact": HOSTILE})
    paper = newspapers.save_newspaper(db, leader, {"name": f"Avisa {SHORT}", "kommuner": ["3301"],
                                                "notes": HOSTILE})
    letter = reader_letters.new_letter(db, member, title=HOSTILE, text=HOSTILE,
                                       newspaper_id=paper, kommunenummer="3301")
    argument = argument_bank.propose(db, member, {"title": HOSTILE, "body": HOSTILE,
                                                  "sources": HOSTILE})
    argument_bank.approve(db, leader, argument, checked_on=dt.date.today())
    db.close()
    return {"politiker": pid, "mote": mid, "uttalelse": sid, "innlegg": letter}


def _markdown_shown(app) -> list[str]:
    """The source of everything on the page that Streamlit renders as Markdown."""
    shown = [e.value for kind in ("markdown", "caption", "header", "subheader", "title",
                                  "warning", "info", "error", "success", "toast")
             for e in app.get(kind)]
    shown += [e.label for kind in ("expander", "tab", "button", "text_input", "text_area",
                                   "selectbox", "checkbox", "metric") for e in app.get(kind)]
    shown += [str(o) for radio in app.radio for o in radio.options]
    shown += [e.proto.label for e in app.get("download_button")]
    return shown


def _assert_escaped(app, where: str) -> None:
    assert not app.exception, (where, app.exception)
    for value in _markdown_shown(app):
        unescaped = re.sub(r"\\.", "\0", value)
        for raw in ("![", "](", "<img", "<a ", "http://", "https://"):
            assert raw not in unescaped, (where, raw, value)


@pytest.mark.parametrize("user", ["leder", "lokallag"])
def test_hostile_titles_names_and_notes_are_escaped_on_the_pages(app, db_path, user):
    links = _seed(db_path)
    login(app, user)
    for page, param in (("politikere", "politiker"), ("moter", "mote"),
                        ("uttalelser", "uttalelse"), ("brev", "innlegg")):
        app.query_params.clear()
        app.query_params[param] = str(links[param])
        app.switch_page(page_file(page))
        app.run()
        _assert_escaped(app, f"{page}?{param}")
        assert md(HOSTILE) in "\n".join(_markdown_shown(app)), page  # shown, as text
    app.query_params.clear()
    app.switch_page(page_file("brev"))
    app.run()
    for tab in ("Argumentbank", "Aviser", "Innlegg"):
        open_tab(app, tab)
        _assert_escaped(app, f"brev › {tab}")
