"""Møter: a follow-up letter to several attendees, one to all or one each, in AppTest."""

import io
import threading
import zipfile

import pytest
from docx import Document
from streamlit.runtime.media_file_manager import MediaFileManager

from advocacy.db import connect, default_path
from tests.ui.conftest import login, page_file


def _new_meeting(app):
    login(app, "lokallag")
    app.switch_page(page_file("moter"))
    app.session_state["moter_view"] = "Nytt møte"
    app.run()
    db = connect(default_path(), create=False)
    ids = [r[0] for r in db.execute(
        "select id from politicians where kommunenummer = '3301' order by id limit 2")]
    app.multiselect(key="new_politicians").set_value(ids)
    app.text_area(key="new_summary").input("Vi snakket om skjenketider.")
    app.button(key="new_save").click().run()
    assert not app.exception and not app.error
    mid = db.execute("select max(id) from meetings").fetchone()[0]
    names = [db["politicians"].get(i)["name"] for i in ids]
    db.close()
    return mid, ids, names


def _letters(mid):
    db = connect(default_path(), create=False)
    try:
        return [r[0] for r in db.execute(
            "select json_extract(fields, '$.mottaker_navn') from documents where meeting_id = ?"
            " order by id", [mid])]
    finally:
        db.close()


@pytest.mark.parametrize(("together", "count"), [(True, 1), (False, 2)])
def test_several_attendees_one_letter_or_one_each(app, together, count):
    mid, ids, names = _new_meeting(app)
    assert not app.radio  # one recipient chosen: nothing to choose about
    app.multiselect(key=f"recipients_{mid}").set_value(ids).run()
    radio = app.radio(key=f"recipients_mode_{mid}")
    assert radio.options == ["Ett brev til alle", "Ett brev til hver"]
    radio.set_value(together)
    app.button(key=f"make_{mid}").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    made = _letters(mid)
    assert len(made) == count
    if together:
        assert sorted(made[0].split(" og ")) == sorted(names)
    else:
        assert sorted(made) == sorted(names)


def test_no_recipient_is_refused_in_norwegian(app):
    mid, _, _ = _new_meeting(app)
    app.multiselect(key=f"recipients_{mid}").set_value([]).run()
    app.button(key=f"make_{mid}").click().run()
    assert [e.value for e in app.error] == [
        "Mottakere: velg minst én politiker som var til stede på møtet."]
    assert _letters(mid) == []


def test_one_letter_each_offers_them_all_as_one_zip(app, monkeypatch):
    made_on_click = {}
    register = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        made_on_click[file_name] = data_callable
        return register(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    mid, ids, names = _new_meeting(app)
    assert not [b for b in app.get("download_button") if "zip" in b.proto.label]
    app.multiselect(key=f"recipients_{mid}").set_value(ids).run()
    app.radio(key=f"recipients_mode_{mid}").set_value(False)
    app.button(key=f"make_{mid}").click().run()
    assert not app.exception and not app.error
    (button,) = [b for b in app.get("download_button") if b.proto.label == "Last ned alle "
                 "brevene (.zip)"]
    assert button.proto.help and "zip" in button.proto.help
    (name,) = [n for n in made_on_click if n.endswith(".zip")]
    assert name.startswith("Oppfølgingsbrev – møtet ")
    zipped = {}
    # The click is served later, in another thread of the server, after the run has ended.
    clicked = threading.Thread(target=lambda: zipped.update(data=made_on_click[name]()))
    clicked.start()
    clicked.join()
    with zipfile.ZipFile(io.BytesIO(zipped["data"])) as zf:
        assert sorted(zf.namelist()) == sorted(f"Oppfølgingsbrev – {n}.docx" for n in names)
        for entry in zf.namelist():
            text = [p.text for p in Document(io.BytesIO(zf.read(entry))).paragraphs]
            assert any(line.startswith("Kjære ") for line in text)
