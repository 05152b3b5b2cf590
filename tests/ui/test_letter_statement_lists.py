"""Innlegg's and Uttalelser's lists in the pages (AppTest): counts, filters, search, pages, and
a letter or statement opened by link or in the editor stays open whatever the list shows."""

from __future__ import annotations

from advocacy import texts
from advocacy.accounts import accounts
from advocacy.db import connect
from advocacy.demo import demo
from advocacy.listing import ListQuery
from advocacy.statements import statements
from advocacy.writing import reader_letter_list
from tests.ui.conftest import login, page_file


def _letters(app):
    """The Innlegg table (the page also has the pipeline's per-paper tables)."""
    return next(f.value for f in app.dataframe if "Neste steg" in f.value.columns)


def _found(app, noun: str) -> str:
    return next(c.value for c in app.caption if " av " in c.value or f"Ingen {noun}" in c.value)


def _count(db_path, sql: str) -> int:
    db = connect(db_path)
    try:
        return db.execute(sql).fetchone()[0]
    finally:
        db.close()


def test_letters_filter_by_status_and_paper_and_count(brev, db_path):
    app = brev("leder", tab="Innlegg")
    total = _count(db_path, "select count(*) from documents where kind in "
                            "('leserinnlegg', 'kronikk')")
    assert _found(app, "innlegg") == f"1–{total} av {total} innlegg"
    app.multiselect(key="innlegg_list_f_status").select("publisert").select("sendt").run()
    assert not app.exception
    sent = _count(db_path, "select count(*) from documents where kind in ('leserinnlegg', "
                           "'kronikk') and status in ('publisert', 'sendt')")
    assert len(_letters(app)) == sent and _found(app, "innlegg").endswith(f"av {sent} innlegg")
    assert set(_letters(app)["Status"]) == {"Publisert", "Sendt"}
    paper = _count(db_path, "select id from newspapers where name = 'Oslo Lokalavis'")
    app.selectbox(key="innlegg_list_f_avis").set_value(paper).run()
    assert list(_letters(app)["Avis"]) == ["Oslo Lokalavis"] * len(_letters(app))
    app.text_input(key="innlegg_list_text").set_value("zqxwvyintetord").run()
    assert _found(app, "innlegg") == texts.LIST_NONE_FOUND.format(noun="innlegg")


def test_needs_me_lists_what_needs_the_writer(brev, db_path):
    app = brev("skrivegruppe")
    app.selectbox(key="innlegg_list_f_trenger_meg").set_value(1).run()
    assert not app.exception
    db = connect(db_path)
    writer = accounts.authenticate(db, "skrivegruppe", demo.DEMO_PASSWORD)
    expected = reader_letter_list.find(db, writer, ListQuery(filters={"trenger_meg": 1}))
    db.close()
    frame = _letters(app)
    assert len(frame) == expected.total > 0
    assert list(frame["Tittel"]) == [r["title"] for r in expected.rows]
    assert all(frame["Neste steg"])
    # «Trenger deg nå» above the list still names them.
    needs = [m.value for m in app.markdown if m.value.startswith("- **")]
    assert len(needs) == min(12, expected.total)


def test_a_linked_letter_stays_open_outside_the_filter(app, db_path):
    letter = _count(db_path, "select id from documents where title = 'Trygg natt i Oslo'")
    app.query_params["innlegg"] = str(letter)
    login(app, "leder")
    app.switch_page(page_file("brev"))
    app.run()
    app.session_state["brev_fane"] = "Innlegg"
    app.run()
    chooser = next(s for s in app.selectbox if s.label == texts.LETTER_CHOOSE)
    assert chooser.value == letter
    app.multiselect(key="innlegg_list_f_status").select("ide").run()  # leaves it out
    assert not app.exception
    assert "Trygg natt i Oslo" not in list(_letters(app)["Tittel"])
    chooser = next(s for s in app.selectbox if s.label == texts.LETTER_CHOOSE)
    assert chooser.value == letter and app.query_params["innlegg"] == str(letter)


def _statements(db_path, n: int) -> None:
    db = connect(db_path)
    leader = accounts.authenticate(db, "leder", demo.DEMO_PASSWORD)
    for i in range(n):
        statements.create_statement(db, leader, {"title": f"Uttalelse nr {i:03d}",
                                                 "position": "Kveldsåpent ungdomshus."})
    db.close()


def _open_statements(app, user="leder"):
    login(app, user)
    app.switch_page(page_file("uttalelser"))
    app.run()
    assert not app.exception
    return app


def test_statements_page_through_and_filter(app, db_path):
    _statements(db_path, 60)
    _open_statements(app)
    assert _found(app, "uttalelser") == "1–50 av 62 uttalelser"
    assert len(app.dataframe[0].value) == 50
    app.button(key="stmt_list_next").click().run()
    assert not app.exception
    assert _found(app, "uttalelser") == "51–62 av 62 uttalelser"
    assert len(app.dataframe[0].value) == 12
    app.text_input(key="stmt_list_text").set_value("kveldsapent").run()  # å typed as a
    assert _found(app, "uttalelser") == "1–50 av 60 uttalelser"  # a new search: page one
    app.selectbox(key="stmt_list_f_kommune").set_value("3301").run()
    assert _found(app, "uttalelser") == texts.LIST_NONE_FOUND.format(noun="uttalelser")
    app.text_input(key="stmt_list_text").set_value("").run()
    assert _found(app, "uttalelser") == "1–1 av 1 uttalelse"
    assert list(app.dataframe[0].value["Kommuner"]) == ["Drammen"]


def test_a_linked_statement_opens_whatever_the_list_shows(app, db_path):
    adopted = _count(db_path, "select id from statements where status = 'vedtatt'")
    app.query_params["uttalelse"] = str(adopted)
    _open_statements(app, "skrivegruppe")
    assert app.header[0].value == "Trygg natt – skjenkingen må slutte klokka 02"
    app.text_input(key="stmt_list_text").set_value("zqxwvyintetord").run()
    assert not app.exception
    assert _found(app, "uttalelser") == texts.LIST_NONE_FOUND.format(noun="uttalelser")
    assert app.header[0].value == "Trygg natt – skjenkingen må slutte klokka 02"
