"""Edit after save through the pages: an event in Kalender, a chapter in Administrasjon."""

import datetime as dt

from advocacy.accounts import accounts
from advocacy.db import connect
from advocacy.demo import demo
from advocacy.events import events
from tests.ui.conftest import login, page_file


def _submit(app, form_key):
    next(b for b in app.button if b.form_id == form_key).click()
    app.run()
    assert not app.exception


def test_chapter_member_changes_an_event_in_the_calendar(app, db_path):
    db = connect(db_path)
    member = accounts.authenticate(db, "lokallag", demo.DEMO_PASSWORD)
    event = events.create_event(db, member, kind="stand", title="Stand på torget",
                                starts_at=dt.datetime.combine(dt.date.today(), dt.time(11)))
    login(app, "lokallag")
    app.switch_page(page_file("kalender"))
    app.run()
    app.selectbox(key="event_edit_choice").select(event).run()
    form = f"event_edit_{event}"
    next(t for t in app.text_input if t.label == "Tittel" and t.form_id == form).input(
        "Stand ved biblioteket")
    _submit(app, form)
    assert db["events"].get(event)["title"] == "Stand ved biblioteket"
    assert any("Endringene er lagret" in s.value for s in app.success)


def test_leader_renames_a_chapter(app, db_path):
    chapter = connect(db_path).execute("select id from chapters order by id").fetchone()[0]
    login(app, "leder")
    app.switch_page(page_file("administrasjon"))
    app.run()
    app.selectbox(key="chapter_edit_choice").select(chapter).run()
    form = f"chapter_edit_{chapter}"
    next(t for t in app.text_input if t.label == "Navn" and t.form_id == form).input("Nytt navn")
    _submit(app, form)
    assert connect(db_path)["chapters"].get(chapter)["name"] == "Nytt navn"


def test_changing_a_users_name_keeps_their_title_and_contact(app, db_path):
    uid = connect(db_path).execute("select id from users where username = 'lokallag'"
                                   ).fetchone()[0]
    login(app, "leder")
    app.switch_page(page_file("administrasjon"))
    app.run()
    app.selectbox(key="edit_user").select(uid).run()
    app.text_input(key="edit_full_name").input("Per O. Lyngstad")
    _submit(app, "edit_user_form")
    row = connect(db_path)["users"].get(uid)
    assert (row["full_name"], row["title"], row["email"], row["place"]) == (
        "Per O. Lyngstad", "leder", "lokallag@example.org", "Drammen")
