"""The papirkurv in Administrasjon and who sees «Slett» (the dialog itself runs in Chromium:
tests/e2e/test_trash_browser.py)."""

from advocacy.accounts import accounts
from advocacy.db import connect
from advocacy.demo import demo
from advocacy.privacy import trash
from tests.ui.conftest import login, page_file


def _removed_meeting(db_path) -> tuple[int, int]:
    db = connect(db_path)
    member = accounts.authenticate(db, "lokallag", demo.DEMO_PASSWORD)
    meeting = db.execute("select id from meetings where chapter_id = ? order by id",
                         [member.chapter_id]).fetchone()[0]
    return meeting, trash.remove(db, member, "meetings", meeting)


def test_leader_sees_the_papirkurv_and_restores(app, db_path):
    meeting, _ = _removed_meeting(db_path)
    login(app, "leder")
    app.switch_page(page_file("administrasjon"))
    app.run()
    assert not app.exception
    shown = " ".join(m.value for m in app.markdown)
    assert "Møte:" in shown and "dager igjen: 30" in shown
    restore = next(b for b in app.button if b.key and b.key.startswith("trash_restore_"))
    restore.click().run()
    assert not app.exception
    assert any("er gjenopprettet" in s.value for s in app.success)
    assert connect(db_path).execute("select 1 from meetings where id = ?",
                                    [meeting]).fetchone() == (1,)
    assert any("Papirkurven er tom." in i.value for i in app.info)


def test_slett_shows_only_to_who_may_remove(app, db_path):
    db = connect(db_path)
    member = accounts.authenticate(db, "lokallag", demo.DEMO_PASSWORD)
    own = db.execute("select id from meetings where chapter_id = ? order by id",
                     [member.chapter_id]).fetchone()[0]
    login(app, "lokallag")
    app.switch_page(page_file("moter"))
    app.run()
    app.selectbox(key="moter_open").select(own).run()
    assert not app.exception
    assert [b.key for b in app.button if b.key == f"slett_meetings_{own}"]


def test_a_sent_document_has_no_slett(brev, db_path):
    db = connect(db_path)
    sent = db.execute("select id from documents where status = 'sendt'").fetchone()[0]
    draft = db.execute("select id from documents where status = 'utkast'").fetchone()[0]
    app = brev("leder", "Dokumenter")
    app.selectbox(key="dok_valgt").select(sent).run()
    assert not [b for b in app.button if b.key == "dok_slett"]
    app.selectbox(key="dok_valgt").select(draft).run()
    assert [b for b in app.button if b.key == "dok_slett"]


def test_a_stance_is_chosen_for_slett_on_the_politician_page(app, db_path):
    login(app, "lokallag")
    app.switch_page(page_file("politikere"))
    app.run()
    app.selectbox(key="politiker_open").select_index(0).run()
    pid = app.session_state["politiker_open"]
    stance = connect(db_path).execute("select id from stances where politician_id = ?",
                                      [pid]).fetchone()[0]
    assert [b for b in app.button if b.key == f"slett_politicians_{pid}"]
    app.selectbox(key=f"slett_stance_{pid}_choice").select(stance).run()
    assert not app.exception
    assert [b for b in app.button if b.key == f"slett_stance_{pid}_{stance}"]
