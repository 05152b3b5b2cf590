"""The Maler page: the field catalogue for everyone, uploads for leadership only.

AppTest cannot upload a file, so an upload is made through template_library.save_uploaded, the
domain function the page calls; the page must then list it.
"""

from __future__ import annotations

from advocacy.accounts import accounts
from advocacy.db import connect
from advocacy.demo import demo
from advocacy.documents import BUNDLED
from advocacy.letters import template_library
from tests.ui.conftest import login, page_file


def open_maler(app, username):
    login(app, username)
    app.switch_page(page_file("maler"))
    app.run()
    assert not app.exception
    return app


def test_every_bundled_field_is_documented(app):
    at = open_maler(app, "lokallag")
    expanders = [e.label for e in at.expander]
    assert expanders == [f"Flettefelt i {t.path.name} – {t.title}" for t in BUNDLED.values()]
    tables = [frame.value for frame in at.dataframe]
    catalogue = {(row["Flettefelt"], row["Liste"]) for frame in tables if "Flettefelt" in frame
                 for _, row in frame.iterrows()}
    for template in BUNDLED.values():
        for field in template.fields:
            assert (field.name, "ja" if field.is_list else "nei") in catalogue
    krav = next(frame for frame in tables if "Flettefelt" in frame and "tittel" in
                set(frame["Flettefelt"]) and "krav" in set(frame["Flettefelt"]))
    assert "øke antallet skjenkekontroller" in " ".join(krav["Eksempel"])


def test_upload_form_only_for_leadership(app):
    at = open_maler(app, "lokallag")
    assert not at.get("file_uploader")
    assert "Bare ledelsen kan laste opp nye maler." in [c.value for c in at.caption]


def test_leader_sees_the_uploader_and_saved_templates(app, db_path):
    db = connect(db_path)
    leader = accounts.authenticate(db, "leder", demo.DEMO_PASSWORD)
    template_library.save_uploaded(db, leader, "Vårt brev", "annet", "vaart.docx",
                                   BUNDLED["leserinnlegg"].path.read_bytes())
    db.close()
    at = open_maler(app, "leder")
    assert at.get("file_uploader")
    uploaded = next(frame.value for frame in at.dataframe if "Lastet opp av" in frame.value)
    assert list(uploaded["Navn"]) == ["Vårt brev"]
    assert list(uploaded["Lastet opp av"]) == ["Ingrid Haugland"]
