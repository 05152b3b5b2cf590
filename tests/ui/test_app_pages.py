"""Every role logs in through app.py and opens every page it is given, without an exception."""

import pytest

from advocacy import permissions
from advocacy.accounts.user import User
from advocacy.db import connect, default_path
from tests.ui.conftest import login, page_file

ROLE_USERS = {"leder": "leder", "lokallag": "lokallag", "skrivegruppe": "skrivegruppe"}


def texts_of(at):
    return " ".join(
        [m.value for m in at.markdown] + [t.value for t in at.title] + [c.value for c in at.caption]
        + [e.value for e in at.error] + [i.value for i in at.info]
    )


def test_login_page_is_norwegian_and_lists_demo_accounts(app):
    assert not app.exception
    assert [t.value for t in app.title] == ["Påvirk"]
    assert "Demomodus" in app.info[0].value
    accounts = app.dataframe[0].value
    assert set(accounts["Brukernavn"]) >= {"leder", "lokallag", "skrivegruppe"}
    assert app.text_input(key="login_username").label == "Brukernavn"


def test_wrong_password_gives_one_neutral_message(app):
    login(app, "leder", "feil-passord")
    assert [e.value for e in app.error] == ["Feil brukernavn eller passord."]
    login(app, "finnes-ikke", "feil-passord")
    assert [e.value for e in app.error] == ["Feil brukernavn eller passord."]
    assert "user_id" not in app.session_state


@pytest.mark.parametrize("role", ROLE_USERS)
def test_each_role_opens_every_page(app, role):
    login(app, ROLE_USERS[role])
    assert not app.exception
    assert "Innlogget som" in texts_of(app)
    for key in permissions.pages(User(0, role, role, role)):
        app.switch_page(page_file(key))
        app.run()
        assert not app.exception, (role, key, app.exception)
        assert not app.error, (role, key, [e.value for e in app.error])
        assert app.title, (role, key)


def test_chapter_member_has_no_administration_page(app):
    login(app, "lokallag")
    # The page is not registered for this role at all, so no URL reaches it.
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page(page_file("administrasjon"))


def test_municipality_page_lists_357_and_filters(app):
    login(app, "leder")
    app.switch_page(page_file("kommuner"))
    app.run()
    table = app.dataframe[0].value
    assert len(table) == 357
    assert "Deatnu – Tana" in set(table["Kommune"])
    app.text_input(key="kommune_search").input("5628").run()
    assert list(app.dataframe[0].value["Kommune"]) == ["Deatnu – Tana"]
    app.text_input(key="kommune_search").input("").run()
    app.selectbox(key="kommune_county").select("46").run()
    counties = set(app.dataframe[0].value["Fylke"])
    assert counties == {"Vestland"}


def test_chapter_member_sees_only_own_meetings(app):
    login(app, "lokallag")
    app.switch_page(page_file("moter"))
    app.run()
    assert set(app.dataframe[0].value["Lokallag"]) == {"IOGT Drammen"}


def test_logout(app):
    login(app, "leder")
    app.button(key="logout").click().run()
    assert "user_id" not in app.session_state
    assert app.text_input(key="login_username")


def test_deactivated_user_is_logged_out_at_next_interaction(app, db_path):
    from advocacy.db import connect

    login(app, "skrivegruppe")
    db = connect(db_path)
    db.execute("update users set active = 0 where username = 'skrivegruppe'")
    db.close()
    app.run()
    assert "user_id" not in app.session_state
    assert app.text_input(key="login_username")


def test_idle_session_expires(app):
    login(app, "leder")
    db = connect(default_path())
    db.execute("update login_sessions set expires_at = '2000-01-01T00:00:00Z'")  # idle an hour
    db.close()
    app.run()
    assert "user_id" not in app.session_state
    assert "uten aktivitet" in app.warning[0].value


def test_a_tab_left_idle_stays_logged_in_while_its_session_is_used_elsewhere(app):
    """The server session's expiry is the one clock: another tab kept it alive."""
    login(app, "leder")
    app.session_state["last_seen"] = app.session_state["last_seen"] - 61 * 60
    app.run()
    assert "user_id" in app.session_state
    assert not app.warning or "uten aktivitet" not in app.warning[0].value


def test_lockout_message_after_repeated_failures(app):
    for _ in range(5):
        login(app, "leder", "feil-passord")
    login(app, "leder")
    assert "For mange mislykkede innlogginger" in app.error[0].value
    assert "user_id" not in app.session_state


def test_a_link_to_a_page_shows_login_then_that_page(app):
    app.switch_page(page_file("moter"))
    app.run()
    assert app.text_input(key="login_username")  # the login form, not the meetings
    assert "Møter" not in [t.value for t in app.title]
    login(app, "lokallag")
    assert "Møter" in [t.value for t in app.title]
