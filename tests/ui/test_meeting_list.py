"""Møter's list: search, filters, sorting and pages in the page itself (AppTest)."""

from __future__ import annotations

from advocacy import texts
from advocacy.db import connect
from tests.ui.conftest import login, page_file


def _open(app):
    login(app, "leder")
    app.switch_page(page_file("moter"))
    app.run()
    assert not app.exception
    return app


def _shown(app) -> int:
    return len(app.dataframe[0].value) if len(app.dataframe) else 0


def _found(app) -> str:
    return next(c.value for c in app.caption if " av " in c.value or "Ingen møter" in c.value)


def test_the_list_filters_by_municipality_and_counts(app, db_path):
    db = connect(db_path)
    knr, expected = db.execute(
        "select kommunenummer, count(*) from meetings group by kommunenummer "
        "order by count(*) desc limit 1").fetchone()
    total = db["meetings"].count
    db.close()
    _open(app)
    assert _found(app).endswith(f"av {texts.format_number(total)} møter")
    app.selectbox(key="moter_list_f_kommune").set_value(knr).run()
    assert not app.exception
    assert _shown(app) == min(expected, 50)
    assert f"av {texts.format_number(expected)} " in _found(app)


def test_the_search_finds_words_from_the_summary_and_nothing_else(app, db_path):
    db = connect(db_path)
    mid, summary = db.execute("select id, summary from meetings where summary like '% %' "
                              "order by id limit 1").fetchone()
    db.close()
    word = max(summary.split(), key=len).strip(".,:;«»")
    _open(app)
    app.text_input(key="moter_list_text").set_value(word).run()
    assert not app.exception
    frame = app.dataframe[0].value
    db = connect(db_path)
    having = db.execute("select count(*) from meetings where summary like ? or asks like ? "
                        "or topics like ?", [f"%{word}%"] * 3).fetchone()[0]
    db.close()
    assert 1 <= len(frame) <= having
    app.text_input(key="moter_list_text").set_value("zqxwvyintetord").run()
    assert "Ingen møter passer" in _found(app)
    assert _shown(app) == 0
