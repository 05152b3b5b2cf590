"""A meeting's answer and follow-up through app.py: a wrong date or a missing summary is refused
next to the fields and nothing is saved; a good answer asks first; a recorded answer is shown."""

import datetime as dt

from advocacy import texts
from advocacy.accounts import accounts
from advocacy.db import connect, default_path
from advocacy.demo import demo
from advocacy.meetings import meeting_replies, meetings
from advocacy.meetings.meetings import MeetingInput
from advocacy.ui.safe_text import md
from tests.ui.conftest import login, page_file

HELD = dt.date.today() - dt.timedelta(days=5)


def _meeting(db):
    member = accounts.authenticate(db, "lokallag", demo.DEMO_PASSWORD)
    pid = db.execute("select id from politicians where kommunenummer = '3301' order by id"
                     " limit 1").fetchone()[0]
    return meetings.create_meeting(db, member, MeetingInput(
        held_on=HELD, kind="mote", chapter_id=None, kommunenummer="3301",
        politician_ids=[pid], summary="Møte om skjenketider."))


def _open(app, mid):
    login(app, "lokallag")
    app.switch_page(page_file("moter"))
    app.session_state["moter_open"] = mid
    app.run()
    assert not app.exception, app.exception


def _reply(db, mid):
    return db.execute("select reply_received_on, reply_summary from meetings where id = ?",
                      [mid]).fetchone()


def test_a_reply_before_the_meeting_is_refused_next_to_the_field(app):
    db = connect(default_path(), create=False)
    mid = _meeting(db)
    _open(app, mid)
    app.date_input(key=f"reply_on_{mid}").set_value(HELD - dt.timedelta(days=1))
    app.text_area(key=f"reply_summary_{mid}").input("Ja.")
    app.button(key=f"FormSubmitter:reply_form_{mid}-Registrer svar").click().run()
    assert [e.value for e in app.error] == [texts.MEETING_REPLY_BEFORE.format(
        date=texts.format_date(HELD - dt.timedelta(days=1)), held=texts.format_date(HELD))]
    assert _reply(db, mid) == (None, None)
    db.close()


def test_a_reply_without_a_summary_is_refused(app):
    db = connect(default_path(), create=False)
    mid = _meeting(db)
    _open(app, mid)
    app.button(key=f"FormSubmitter:reply_form_{mid}-Registrer svar").click().run()
    assert [e.value for e in app.error] == ["Skriv kort hva politikeren svarte."]
    assert _reply(db, mid) == (None, None)
    db.close()


def test_a_good_reply_asks_first_and_a_recorded_one_is_shown(app):
    db = connect(default_path(), create=False)
    mid = _meeting(db)
    _open(app, mid)
    app.text_area(key=f"reply_summary_{mid}").input("Ordføreren sier nei.")
    app.button(key=f"FormSubmitter:reply_form_{mid}-Registrer svar").click().run()
    assert not app.error
    assert any(m.value.startswith("Registrer svaret fra") for m in app.markdown)
    assert _reply(db, mid) == (None, None)  # not before it is confirmed
    member = accounts.authenticate(db, "lokallag", demo.DEMO_PASSWORD)
    meeting_replies.record_reply(db, member, mid, summary="Ordføreren sier nei.")
    app.run()
    shown = " ".join(m.value for m in app.markdown)
    assert f"**Hva de svarte:** {md('Ordføreren sier nei.')}" in shown
    assert not [b for b in app.button if (b.key or "").startswith(f"FormSubmitter:reply_form_{mid}")]
    db.close()
