"""The Møter page through app.py: log a meeting, make its letter, follow-ups, search, safety."""

from advocacy.db import connect, default_path
from advocacy.ui.safe_text import md
from tests.ui.conftest import login, page_file


def _open(app, user="lokallag", view=None):
    login(app, user)
    app.switch_page(page_file("moter"))
    if view:
        app.session_state["moter_view"] = view
    app.run()
    assert not app.exception, app.exception
    return app


def _db():
    return connect(default_path(), create=False)


def _drammen_politicians():
    db = _db()
    ids = [r[0] for r in db.execute(
        "select id from politicians where kommunenummer = '3301' order by id limit 2")]
    db.close()
    return ids


def _texts(app):
    return " ".join([m.value for m in app.markdown] + [c.value for c in app.caption]
                    + [e.value for e in app.error] + [w.value for w in app.warning])


def test_chapter_member_logs_a_meeting_and_makes_its_letter(app):
    _open(app, view="Nytt møte")
    assert app.selectbox(key="new_chapter").disabled  # their own chapter only
    ids = _drammen_politicians()
    app.multiselect(key="new_politicians").set_value(ids)
    app.text_area(key="new_summary").input("Vi snakket om <script>alert(1)</script> skjenketid.")
    app.text_area(key="new_asks").input("Ikke utvid\nFlere kontroller")
    app.button(key="new_save").click()
    app.run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    db = _db()
    meeting = db.execute("select id, summary from meetings order by id desc limit 1").fetchone()
    assert meeting[1] == "Vi snakket om <script>alert(1)</script> skjenketid."
    assert app.session_state["moter_open"] == meeting[0]
    # the script text is shown as text (escaped), never as HTML
    assert md("<script>alert(1)</script>") in _texts(app)
    app.button(key=f"make_{meeting[0]}").click()
    app.run()
    assert not app.exception
    letter = db.execute("select kind, status, meeting_id from documents order by id desc limit 1"
                        ).fetchone()
    assert letter == ("oppfolgingsbrev", "utkast", meeting[0])
    assert any(b.label == "Marker som sendt" for b in app.button)
    db.close()


def test_empty_summary_is_refused_and_nothing_written(app):
    _open(app, view="Nytt møte")
    db = _db()
    before = db["meetings"].count
    app.multiselect(key="new_politicians").set_value(_drammen_politicians())
    app.button(key="new_save").click()
    app.run()
    assert [e.value for e in app.error] == ["Skriv et kort sammendrag av møtet."]
    assert db["meetings"].count == before
    db.close()


def test_followups_view_lists_overdue_and_marks_done(app):
    _open(app, view="Oppfølging")
    table = app.dataframe[0].value
    assert set(table["Status"]) <= {"Forfalt", "Forfaller snart", "Senere"}
    assert "Forfalt" in set(table["Status"])
    chosen = app.selectbox(key="followup_choice").value
    app.button(key="followup_done").click()
    app.run()
    assert not app.exception
    # It asks first; confirming (the dialog's own rerun) is exercised in the browser suite.
    assert any(m.value.startswith("Marker oppfølgingen av møtet") for m in app.markdown)
    assert {b.label for b in app.button} >= {"Marker som gjort", "Avbryt"}
    db = _db()
    assert db["meetings"].get(chosen)["followup_done_on"] is None
    db.close()


def test_search_links_to_the_meeting(app):
    _open(app, view="Søk")
    app.text_input(key="moter_search").input("skjenketider").run()
    assert "treff" in _texts(app)
    assert not app.exception


def test_a_link_opens_one_meeting(app):
    db = _db()
    mid = db.execute("select id from meetings where chapter_id = (select id from chapters "
                     "where name = 'IOGT Drammen') order by id desc limit 1").fetchone()[0]
    db.close()
    login(app, "lokallag")
    app.switch_page(page_file("moter"))
    app.query_params["mote"] = str(mid)
    app.run()
    assert app.session_state["moter_open"] == mid


def test_the_list_opens_nothing_by_itself_and_counts_what_it_shows(app):
    _open(app, user="leder")
    choice = app.selectbox(key="moter_open")
    assert choice.value is None
    assert not any(b.key and str(b.key).startswith("make_") for b in app.button)
    db = _db()
    total = db["meetings"].count
    db.close()
    assert f"1–{total} av {total} møter" in [c.value for c in app.caption]  # newest first
    choice.select_index(0).run()
    assert app.session_state["moter_open"] is not None
    assert any(b.key and str(b.key).startswith("make_") for b in app.button)


def test_free_texts_count_live_and_the_letter_says_how_avtalt_reads(app):
    from advocacy import texts

    _open(app, view="Nytt møte")
    counts = [h.proto.body for h in app.get("html") if "pavirk-limit" in h.proto.body]
    assert any('id="pavirk-limit-new_summary"' in c and "0 av 20\u00a0000 tegn" in c
               for c in counts), counts
    app.text_area(key="new_summary").input("x" * 20_001).run()
    assert any("20\u00a0001 av 20\u00a0000 tegn – 1 for mye" in h.proto.body
               for h in app.get("html")), "the count turns into a warning over the limit"
    app.multiselect(key="new_politicians").set_value(_drammen_politicians())
    db = _db()
    before = db["meetings"].count
    app.button(key="new_save").click().run()
    assert any(e.value.startswith("Sammendraget kan være høyst") for e in app.error)
    assert db["meetings"].count == before
    db.close()
    app.text_area(key="new_summary").input("Vi snakket om skjenketid.")
    app.text_area(key="new_promises").input("ordføreren tar saken opp.")
    app.button(key="new_save").click()
    app.run()
    db = _db()
    meeting_id = db.execute("select id from meetings order by id desc limit 1").fetchone()[0]
    app.button(key=f"make_{meeting_id}").click()
    app.run()
    assert not app.exception
    doc = db.execute("select id from documents order by id desc limit 1").fetchone()[0]
    db.close()
    avtalt = app.text_area(key=f"letter_{doc}_avtalt")
    assert avtalt.value == "Ordføreren tar saken opp."
    assert avtalt.proto.help == texts.AVTALT_HELP and "Dette ble avtalt i møtet:" in avtalt.label
    assert any(f'id="pavirk-limit-letter_{doc}_avtalt"' in h.proto.body
               for h in app.get("html"))
