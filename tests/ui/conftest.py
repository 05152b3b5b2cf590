"""AppTest helpers: start from app.py on a fresh demo database and log in."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from advocacy.db import ROOT
from advocacy.demo.demo import DEMO_PASSWORD
from tests.conftest import copy_demo

APP = str(ROOT / "app.py")


@pytest.fixture
def app(db_path, demo_template, monkeypatch):
    """A fresh AppTest on its own copy of the demo database (as the app seeds a new file)."""
    copy_demo(demo_template, db_path)
    monkeypatch.setenv("ADVOCACY_DEMO", "1")
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    yield at
    st.cache_data.clear()
    st.cache_resource.clear()


def login(at: AppTest, username: str, password: str = DEMO_PASSWORD) -> AppTest:
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    at.button[0].click()
    at.run()
    return at


def page_file(key: str) -> str:
    return f"advocacy/ui/pages/{key}.py"


def open_tab(at: AppTest, label: str, key: str = "brev_fane") -> AppTest:
    """Click a lazy tab (st.tabs with on_change="rerun"): only the open tab's content runs."""
    at.session_state[key] = label
    at.run()
    assert not at.exception
    return at


@pytest.fixture
def brev(app):
    """The Brev og innlegg page as `username`, on tab `tab` (its default tab if None)."""
    def open_as(username, tab=None):
        login(app, username)
        app.switch_page(page_file("brev"))
        app.run()
        if tab:
            open_tab(app, tab)
        assert not app.exception
        return app

    return open_as
