"""Markdown and HTML typed into a statement or a reader letter is shown as text in the browser:
the page holds no <img> and no link to the address in it, and the browser asks it for nothing."""

import re

from advocacy.accounts import accounts
from advocacy.db import connect
from advocacy.demo import demo
from advocacy.statements import statements
from advocacy.writing import reader_letters
from tests.e2e.conftest import login, session_cookie, wait_idle
from tests.security.test_user_markdown import PAYLOADS

REMOTE = "127.0.0.1:9"
TITLE = f"![x](http://{REMOTE}/tittel.png) <img src=http://{REMOTE}/tittel2.png>"
# What Markdown would have made of the payloads, in the page's own area.
RENDERED = ", ".join(f'[data-testid="stMain"] [data-testid="stMarkdownContainer"] {tag}'
                     for tag in ("img", "a[href]:not([href^='#'])", "script", "iframe",
                                 "blockquote", "table", "pre", "input", "del", "details",
                                 ".katex", "sup"))


def _seed(db_path) -> dict[str, int]:
    db = connect(db_path)
    leader = accounts.authenticate(db, "leder", demo.DEMO_PASSWORD)
    sid = statements.create_statement(db, leader, {
        "title": TITLE, "position": TITLE, "grounds": "\n\n".join(PAYLOADS)})
    letter = reader_letters.new_letter(db, leader, title=TITLE, text="\n\n".join(PAYLOADS))
    db.close()
    return {"uttalelser?uttalelse": sid, "brev?innlegg": letter}


def test_stored_markdown_and_html_fetch_nothing_and_link_nowhere(page, server, server_db_path):
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    login(page, "leder")  # the app has prepared its database by then
    session_cookie(page.context)
    links = _seed(server_db_path)
    for path, record in links.items():
        page.goto(f"{server}/{path}={record}")
        page.get_by_text("Innlogget som").wait_for()
        # The title is shown, as the characters typed.
        page.get_by_text("tittel2.png").first.wait_for()
        wait_idle(page)
        shown = page.locator('[data-testid="stMain"]').inner_text().replace("\u2060", "")
        assert f"![x](http://{REMOTE}/tittel.png)" in shown, path
        assert f"<img src=http://{REMOTE}/tittel2.png>" in shown, path
        assert page.locator(f'img[src*="{REMOTE}"]').count() == 0, path
        assert page.locator(f'a[href*="{REMOTE}"]').count() == 0, path
        assert page.locator(f'[src*="{REMOTE}"], [href*="{REMOTE}"]').count() == 0, path
        assert page.locator("h1, h2, h3, h4, h5, h6").filter(
            has_text=re.compile("Overskrift|Tittel$")).count() == 0, path
        assert page.locator('[data-testid="stIconMaterial"]').filter(
            has_text=re.compile("^(home|warning)$")).count() == 0, path
        made = page.locator(RENDERED)
        assert made.count() == 0, (path, made.evaluate_all("els => els.map(e => e.outerHTML)"))
    assert [url for url in asked if REMOTE in url] == []
