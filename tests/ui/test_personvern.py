"""The Personvern page for every role, and leadership's erasure from Administrasjon."""

import pytest

from advocacy.db import connect
from advocacy.ui.safe_text import md
from tests.ui.conftest import login, page_file


@pytest.mark.parametrize("username", ["leder", "lokallag", "skrivegruppe"])
def test_every_role_reads_the_privacy_page(app, username):
    login(app, username)
    app.switch_page(page_file("personvern"))
    app.run()
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    for words in ("Hva lagres", "Særlige kategorier", "Hvor lenge", "Datatilsynet"):
        assert words in text
    assert app.get("download_button")  # one's own data


def test_leader_erases_a_politician_from_administration(app, db_path):
    db = connect(db_path)
    pid, name = db.execute("select id, name from politicians order by id limit 1").fetchone()
    login(app, "leder")
    app.switch_page(page_file("administrasjon"))
    app.run()
    app.text_input(key="privacy_search").input(name).run()
    app.selectbox(key="privacy_person").select(pid).run()
    assert not app.exception
    app.button(key="privacy_erase").click().run()
    assert "Kryss av" in app.error[0].value  # not without the confirmation
    assert db.execute("select count(*) from politicians where id = ?", [pid]).fetchone() == (1,)
    app.checkbox(key="privacy_confirm").check().run()
    app.button(key="privacy_erase").click().run()
    assert not app.exception
    assert "Personen er slettet" in app.success[0].value
    assert db.execute("select count(*) from politicians where id = ?", [pid]).fetchone() == (0,)


def test_leader_sees_surname_only_mentions_before_confirming(app, db_path):
    db = connect(db_path)
    pid, name = db.execute("select id, name from politicians order by id limit 1").fetchone()
    surname = name.split()[-1]
    mid = db.execute("select id from meetings order by id limit 1").fetchone()[0]
    db.execute("update meetings set outcome = ? where id = ?",
               [f"{surname}-saken ble tatt opp.", mid])
    login(app, "leder")
    app.switch_page(page_file("administrasjon"))
    app.run()
    app.text_input(key="privacy_search").input(name).run()
    app.selectbox(key="privacy_person").select(pid).run()
    assert not app.exception
    assert any(f"Etternavnet «{surname}» står alene" in w.value for w in app.warning)
    app.text_input(key="privacy_also").input(surname).run()  # also the surname: nothing left
    assert not any("står alene" in w.value for w in app.warning)
    assert db.execute("select outcome from meetings where id = ?", [mid]).fetchone() == (
        f"{surname}-saken ble tatt opp.",)  # shown, not changed


def test_the_surname_in_the_review_is_shown_as_text_never_as_markdown(app, db_path):
    db = connect(db_path)
    pid = db.execute("select id from politicians order by id limit 1").fetchone()[0]
    surname = "![x](http://127.0.0.1:9/x.png)"
    db.execute("update politicians set name = ? where id = ?", [f"Kari {surname}", pid])
    mid = db.execute("select id from meetings order by id limit 1").fetchone()[0]
    db.execute("update meetings set outcome = ? where id = ?", [f"Saken om {surname}.", mid])
    login(app, "leder")
    app.switch_page(page_file("administrasjon"))
    app.run()
    app.text_input(key="privacy_search").input("Kari").run()
    app.selectbox(key="privacy_person").select(pid).run()
    assert not app.exception
    shown = [w.value for w in app.warning if "står alene" in w.value]
    assert shown and "![x](" not in shown[0] and md(surname) in shown[0]
