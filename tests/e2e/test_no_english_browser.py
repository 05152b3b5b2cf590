"""Every page, for every role, on the demo data: none of Streamlit's English default texts and
no «None» where Streamlit offers a way to say it in Norwegian. Expanders and tabs are opened so
their forms count too. A page the role may not open says so in Norwegian."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from advocacy import permissions, texts
from advocacy.accounts.user import User
from tests.e2e.conftest import login, session_cookie, wait_idle

# Streamlit's English defaults that a page must not show.
ENGLISH = [
    "Choose an option", "Choose options", "Choose or add", "No options to select",
    "Select all", "No results", "Press Enter", "Ctrl+Enter", "⌘+Enter", "Drag and drop",
    "Limit ", "Browse files", "Page not found", "You have requested page",
    "Running the app's main page",
]
NONE = re.compile(r"\bNone\b")

# English that Streamlit 1.67 offers no way to change (no parameter, no config). The walk
# never types outside a form nor opens an unknown address; the rest is not in the list above.
NO_WAY_TO_CHANGE = {  # the allowlist: a string here is never checked where it can occur
    # the file uploader's button and size line («Upload», «10MB per file • DOCX»)
    "Upload": "st.file_uploader has no label option for its button",
    "per file": "st.file_uploader has no option for its size line",
    # an empty st.date_input: its segments are drawn with locale en-US (dd.mm.yyyy)
    "yyyy": "st.date_input always uses en-US segment placeholders",
    # shown on hover or in menus only, so not in the page text this test reads:
    "Download as CSV": "the table toolbar («Search», «Fullscreen», «Show/hide columns») and "
                       "column menus have no option",
    # while typing in a field outside a form (forms leave it out: enter_to_submit=False)
    "Press Enter to apply": "text_input outside a form; only live=True (commit while typing) "
                            "hides it",
    "Press Ctrl+Enter to apply": "text_area outside a form has no option",
    # an address no page has (a typo): st.navigation has no catch-all page
    "Page not found": "sent by st.navigation for an unknown url path",
}


def _open_everything(page) -> None:
    """Open the collapsed expanders (client side only) and visit each tab, so what they hold is
    in the text too."""
    page.evaluate("""document.querySelectorAll('[data-testid="stExpander"] details')
                     .forEach(d => { d.open = true; })""")
    page.wait_for_timeout(100)


def _english_on(page) -> list[str]:
    """The English on the page: in its text and in its fields' placeholders (an attribute,
    not text), e.g. «Choose options» in an empty multiselect."""
    text = page.inner_text("body") + "\n" + "\n".join(page.eval_on_selector_all(
        "[placeholder]", "els => els.map(e => e.getAttribute('placeholder'))"))
    found = [s for s in ENGLISH if s in text]
    if NONE.search(text):
        found.append("None: …" + text[max(0, NONE.search(text).start() - 60):][:120] + "…")
    return found


def _typing_in_a_form(page) -> list[str]:
    """Streamlit's «Press Enter to submit form» shows only while a form field is being typed
    in: type in the page's first visible one (a form does not run before it is sent)."""
    fields = page.locator('[data-testid="stForm"] [data-testid="stTextInput"] input:visible')
    for i in range(min(fields.count(), 3)):
        field = fields.nth(i)
        before = field.input_value()
        try:
            field.fill(before + "x", timeout=2000)
        except PlaywrightTimeout:  # behind an open dialog or in a closed part: the next one
            continue
        page.wait_for_timeout(100)
        found = _english_on(page)
        field.fill(before)
        return found
    return []


def _walk(page, role: str) -> dict[str, list[str]]:
    problems = {}
    for key in permissions.pages(User(0, role, role, role)):
        title = texts.PAGE_TITLES[key]
        page.get_by_role("link", name=title, exact=True).click()
        page.get_by_role("heading", name=title, exact=True).wait_for()
        wait_idle(page)
        found = _english_on(page)
        _open_everything(page)
        found += _typing_in_a_form(page)
        tabs = page.get_by_role("tab")
        for i in range(min(tabs.count(), 8)):
            tabs.nth(i).click()
            page.wait_for_timeout(100)
            _open_everything(page)
            found += _english_on(page)
        if found:
            problems[title] = sorted(set(found))
    return problems


def test_before_login_everything_is_norwegian(page, server):
    page.get_by_label("Brukernavn").wait_for()
    assert _english_on(page) == []
    page.goto(f"{server}/moter?mote=1")  # a link before login: the login form, in Norwegian
    page.get_by_label("Brukernavn").wait_for()
    wait_idle(page)
    assert _english_on(page) == []


@pytest.mark.parametrize("role", ["leder", "lokallag", "skrivegruppe"])
def test_every_page_is_norwegian(page, role):
    login(page, role)
    assert _walk(page, role) == {}


def test_a_page_the_role_may_not_open_says_so_in_norwegian(page, server):
    login(page, "skrivegruppe")
    session_cookie(page.context)  # written: the new address keeps the login
    assert "moter" not in permissions.pages(User(0, "skrivegruppe", "skrivegruppe", "skrivegruppe"))
    page.goto(f"{server}/moter")
    page.get_by_text("Innlogget som").wait_for()
    page.get_by_text(texts.PAGE_NOT_FOR_ROLE).wait_for()
    wait_idle(page)
    assert _english_on(page) == []
    assert page.get_by_role("link", name=texts.PAGE_TITLES["moter"]).count() == 0
