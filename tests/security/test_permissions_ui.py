"""Through the app: a chapter member reaches another chapter's meeting by no URL or state."""

from __future__ import annotations

import pytest

from advocacy.db import connect
from tests.ui.conftest import login, page_file


def _other_meeting(db_path):
    db = connect(db_path)
    row = db.execute(
        "select mt.id, mt.summary from meetings mt join chapters c on c.id = mt.chapter_id "
        "where c.name != 'IOGT Drammen' order by mt.id limit 1").fetchone()
    db.close()
    return row


def _everything(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "subheader", "text", "code", "info", "success",
                 "warning", "error", "title"):
        parts += [str(e.value) for e in at.get(kind)]
    parts += [e.value.to_string() for e in at.dataframe]
    return "\n".join(parts)


@pytest.mark.parametrize("how", ["query", "session"])
def test_chapter_member_opening_another_chapters_meeting_is_refused(app, db_path, how):
    meeting_id, summary = _other_meeting(db_path)
    login(app, "lokallag")
    if how == "query":
        app.query_params["mote"] = str(meeting_id)
    else:
        app.session_state["moter_pending_open"] = meeting_id
    app.switch_page(page_file("moter"))
    app.run()
    assert not app.exception
    assert "Fant ikke møtet" in " ".join(e.value for e in [*app.error, *app.warning])
    assert summary not in _everything(app)


def test_leader_opening_the_same_link_sees_the_meeting(app, db_path):
    meeting_id, summary = _other_meeting(db_path)
    login(app, "leder")
    app.query_params["mote"] = str(meeting_id)
    app.switch_page(page_file("moter"))
    app.run()
    assert not app.exception and not app.error
    assert summary[:40] in _everything(app)


def test_writing_group_has_no_meetings_page_at_all(app):
    login(app, "skrivegruppe")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page(page_file("moter"))
